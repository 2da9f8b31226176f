import Fluent
import SQLKit
import Vapor

/// `/healthz`: is the app up and can it reach its database. No sign-in needed.
struct HealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: health)
        routes.get("styles.css", use: styles)
    }

    struct Health: Content {
        var status: String
        var database: String
    }

    func health(req: Request) async throws -> Response {
        do {
            _ = try await (req.db as! any SQLDatabase).raw("SELECT 1 AS ok").first()
            return try .json(Health(status: "ok", database: "ok"))
        } catch {
            return try .json(Health(status: "degraded", database: "unreachable"), status: .serviceUnavailable)
        }
    }

    func styles(req: Request) -> Response {
        Response(status: .ok, headers: ["Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600"],
                 body: .init(string: Stylesheet.css))
    }
}
