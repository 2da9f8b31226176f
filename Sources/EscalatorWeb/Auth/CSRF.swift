import Vapor

extension Request {
    /// The session's CSRF token, created on first use. Every form carries it as `_csrf`.
    public var csrfToken: String {
        if let token = session.data["csrf"] { return token }
        let token = [UInt8].random(count: 24).base64
        session.data["csrf"] = token
        return token
    }
}

/// Refuses a form POST whose `_csrf` field does not match the session's token.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .POST {
            // Routes collect the body only after middleware has run; a larger form arrives in pieces,
            // so collect it here or the token cannot be read.
            if request.body.data == nil {
                _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
            }
            let sent = try? request.content.get(String.self, at: "_csrf")
            guard let expected = request.session.data["csrf"], let sent, Self.equal(sent, expected) else {
                throw AppError.forbidden("This form has expired or did not come from this service. Go back, reload the page and try again.")
            }
        }
        return try await next.respond(to: request)
    }

    /// Compares without leaking, through timing, how much of the token matched.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
