import Vapor

/// Serves the OpenAPI 3 document at `/api/v1/openapi.json`, without sign-in.
struct OpenAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("openapi.json", use: document).needs(.usePublicPages)
    }

    func document(req: Request) async throws -> Response {
        Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(string: OpenAPIDocument.json))
    }
}
