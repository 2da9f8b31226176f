import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Sign-in and sign-out for people (session cookie) and machines (bearer token).
struct SignInController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.get("sign-in", use: signInPage)
        routes.post("sign-in", use: signIn)
        routes.post("sign-out", use: signOut)
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
        if password.isEmpty { errors.append(FieldError("password", "Enter your password")) }
        var user: UserModel?
        if errors.isEmpty {
            user = try await Credentials.verify(email: email, password: password, on: req)
            if user == nil { errors.append(FieldError("email", "The email address or password is not right")) }
        }
        guard let user, errors.isEmpty else {
            return render(req, FormState(values: ["email": email, "next": form.next ?? "/"], errors: errors, csrfToken: req.csrfToken), status: .unauthorized)
        }
        try await rotateSession(req)
        req.session.data[SessionUserAuthenticator.sessionKey] = user.id!.uuidString
        return req.redirect(to: Self.safeNext(form.next))
    }

    func signOut(req: Request) async throws -> Response {
        req.auth.logout(AuthenticatedUser.self)
        req.session.destroy()
        return req.redirect(to: "/sign-in")
    }

    /// A fresh session id on sign-in, so an id planted before sign-in is worthless afterwards.
    func rotateSession(_ req: Request) async throws {
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
        }
        req.session.id = nil
        req.session.data = SessionData()
    }

    /// Only local paths, so the sign-in page cannot be used to send people elsewhere.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
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

enum Credentials {
    /// The active user with this email and password, or nil. Always runs one Bcrypt verification so
    /// that an unknown email takes as long to refuse as a wrong password.
    static func verify(email: String, password: String, on req: Request) async throws -> UserModel? {
        guard let user = try await UserModel.query(on: req.db).filter(\.$email == email.lowercased()).first() else {
            _ = try? await req.password.async.hash(password)
            return nil
        }
        let matches = (try? await req.password.async.verify(password, created: user.passwordHash)) ?? false
        guard user.active, matches else { return nil }
        return user
    }
}
