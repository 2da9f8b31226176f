import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Sign-in and sign-out for people (session cookie) and machines (bearer token).
struct SignInController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.get("sign-in", use: signInPage).needs(.usePublicPages)
        routes.post("sign-in", use: signIn).needs(.usePublicPages)
        routes.post("sign-out", use: signOut).needs(.usePublicPages)
    }

    struct SignInForm: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    func signInPage(req: Request) async throws -> Response {
        if req.auth.has(AuthenticatedUser.self) { return req.redirect(to: "/") }
        let next = (try? req.query.get(String.self, at: "next")) ?? "/"
        return render(req, FormState(values: ["next": next], csrfToken: req.csrfToken))
    }

    func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        var errors: [FieldError] = []
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.password ?? ""
        if email.isEmpty { errors.append(FieldError("email", "Enter your email address")) }
        else if email.count > 254 { errors.append(FieldError("email", "Email address must be 254 characters or fewer")) }
        if password.isEmpty { errors.append(FieldError("password", "Enter your password")) }
        else if password.count > Self.maximumPasswordLength { errors.append(FieldError("password", "The email address or password is not right")) }
        let values = ["email": String(email.prefix(254)), "next": Self.safeNext(form.next)]
        guard errors.isEmpty else {
            return render(req, FormState(values: values, errors: errors, csrfToken: req.csrfToken), status: .unauthorized)
        }
        switch try await Credentials.attempt(email: email, password: password, on: req, environment: environment) {
        case .throttled(let wait):
            let response = render(req, FormState(values: values, errors: [FieldError("email", Self.waitMessage(wait))], csrfToken: req.csrfToken),
                                  status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
            return response
        case .wrong:
            return render(req, FormState(values: values, errors: [FieldError("email", "The email address or password is not right")], csrfToken: req.csrfToken),
                          status: .unauthorized)
        case .verified(let user):
            user.lastSignedInAt = environment.now()
            try await user.save(on: req.db)
            try await Self.rotateSession(req)
            SessionUserAuthenticator.record(user, in: req.session, at: environment.now())
            return req.redirect(to: Self.safeNext(form.next))
        }
    }

    /// Longer than any password the rules allow; anything longer is refused before Bcrypt sees it.
    static let maximumPasswordLength = 1024

    static func waitMessage(_ seconds: Int) -> String {
        let minutes = max(1, (seconds + 59) / 60)
        return "There have been too many attempts to sign in. Wait \(minutes) minute\(minutes == 1 ? "" : "s") and try again."
    }

    func signOut(req: Request) async throws -> Response {
        req.auth.logout(AuthenticatedUser.self)
        req.session.destroy()
        return req.redirect(to: "/sign-in")
    }

    /// A fresh session id on sign-in, so an id planted before sign-in is worthless afterwards.
    static func rotateSession(_ req: Request) async throws {
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
        }
        req.session.id = nil
        req.session.data = SessionData()
    }

    /// Only local paths, so the sign-in page cannot be used to send people elsewhere. Browsers drop tabs and
    /// line breaks inside URLs (`/<tab>/evil.example` is `//evil.example`), so any control character or space fails too.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.count <= 2000,
              !next.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.isWhitespace })
        else { return "/" }
        return next
    }

    func render(_ req: Request, _ state: FormState, status: HTTPStatus = .ok) -> Response {
        let html = Layout.page(title: "Sign in", viewer: nil) {
            heading(1, "Sign in", class: "heading-l")
            paragraph("Sign in with the account your organisation gave you.")
            Form.form(action: "/sign-in", state: state, submit: "Sign in") {
                voidEl("input", .type("hidden"), .name("next"), .value(state.value("next")))
                Form.input("email", label: "Email address", state: state, type: "email", extra: [Attribute("autocomplete", "username")])
                Form.input("password", label: "Password", state: state, type: "password", extra: [Attribute("autocomplete", "current-password")])
            }
            if environment.showDemoSignIns {
                el("div", .class("inset")) {
                    paragraph("This is a demonstration with synthetic data. Demo accounts (password escalator-demo): adviser@demo.escalator.test, employer@demo.escalator.test, provider@demo.escalator.test, analyst@demo.escalator.test, admin@demo.escalator.test.")
                }
            }
        }
        return Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: html))
    }
}
