import Vapor

/// The API reads JSON only: a body of any other type (a form, text, XML) is a 415 before a handler can try to
/// read it, so every endpoint answers the same way whatever decoders Vapor has for other types.
struct JSONBodyMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let body = request.body.data, body.readableBytes > 0, request.headers.contentType?.subType != "json" {
            throw Abort(.unsupportedMediaType, reason: "Send the body as JSON, with Content-Type: application/json.")
        }
        return try await next.respond(to: request)
    }
}
