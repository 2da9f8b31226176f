import EscalatorPersistence
import Vapor

/// Signs in the user whose id the session holds. A session is ended when it is older than `lifetime`, when the
/// password has changed since it signed in, or when the user has been deactivated.
struct SessionUserAuthenticator: AsyncMiddleware {
    let now: @Sendable () -> Date
    static let sessionKey = "user-id"
    static let stampKey = "credentials"
    static let signedInAtKey = "signed-in-at"
    /// However active, a session lasts this long; then sign in again.
    static let lifetime: TimeInterval = 8 * 3600

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.hasSession, let raw = request.session.data[Self.sessionKey], let id = UUID(uuidString: raw) {
            let since = request.session.data[Self.signedInAtKey].flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
            if let since, now().timeIntervalSince(since) < Self.lifetime,
               let user = try await AuthenticatedUser.load(id: id, on: request.db),
               request.session.data[Self.stampKey] == user.credentialsStamp {
                request.auth.login(user)
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }

    /// Marks the (freshly rotated) session as signed in by `user`, now, under their current password.
    static func record(_ user: UserModel, in session: Session, at now: Date) {
        session.data[sessionKey] = user.id!.uuidString
        session.data[stampKey] = AuthenticatedUser.stamp(passwordHash: user.passwordHash)
        session.data[signedInAtKey] = String(now.timeIntervalSince1970)
    }
}

/// Pages need a signed-in user: anyone else is sent to the sign-in page and brought back afterwards.
struct RequirePageUser: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.auth.has(AuthenticatedUser.self) else {
            let back = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
            let encoded = back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            return request.redirect(to: "/sign-in?next=\(encoded)")
        }
        return try await next.respond(to: request)
    }
}

/// A user given a temporary password sees the change-password page before anything else; the API refuses them.
struct RequireChosenPassword: AsyncMiddleware {
    static let changePath = "/account/password"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let user = request.auth.get(AuthenticatedUser.self), user.mustChangePassword, request.url.path != Self.changePath {
            if request.wantsJSON {
                throw AppError.forbidden("Choose a new password (sign in on the web, at \(Self.changePath)) before using the API.")
            }
            return request.redirect(to: Self.changePath)
        }
        return try await next.respond(to: request)
    }
}

/// API endpoints need a user from a bearer token (or, for the browser, a session). A session may change things
/// through the API only with a JSON body: a form on another site can send a POST with the session cookie
/// (where SameSite is not honoured) but cannot send `Content-Type: application/json` without a CORS preflight,
/// which this service never grants. Bearer tokens are not sent by browsers on their own, so they need no such check.
struct RequireAPIUser: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.auth.get(AuthenticatedUser.self) else { throw AppError.unauthorised }
        if user.tokenID == nil, request.method == .POST, request.headers.contentType?.subType != "json" {
            throw AppError.forbidden("Changes through the API need a bearer token, or a JSON body (Content-Type: application/json).")
        }
        return try await next.respond(to: request)
    }
}
