import Vapor

/// Headers every response carries: no script at all, no framing, no MIME sniffing, no referrer beyond this
/// site, nothing stored by caches (every page and answer past sign-in may carry personal data; only the
/// stylesheet may be cached), and, when the service is served over HTTPS, HSTS.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    /// Set with `ESCALATOR_SECURE_COOKIES=1`, which also says the service is reached over HTTPS.
    let https: Bool

    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'none'", "style-src 'self'", "img-src 'self' data:", "object-src 'none'",
        "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "Cross-Origin-Opener-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()")
        if request.url.path != "/styles.css" {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        if https {
            response.headers.replaceOrAdd(name: .strictTransportSecurity, value: "max-age=31536000; includeSubDomains")
        }
        return response
    }
}
