import Vapor

/// Signs in the user whose id the session holds.
struct SessionUserAuthenticator: AsyncMiddleware {
    static let sessionKey = "user-id"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.hasSession, let raw = request.session.data[Self.sessionKey], let id = UUID(uuidString: raw) {
            if let user = try await AuthenticatedUser.load(id: id, on: request.db) {
                request.auth.login(user)
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
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

/// API endpoints need a user from a bearer token (or, for the browser, a session).
struct RequireAPIUser: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.auth.has(AuthenticatedUser.self) else { throw AppError.unauthorised }
        return try await next.respond(to: request)
    }
}
