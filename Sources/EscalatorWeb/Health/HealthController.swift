import Fluent
import SQLKit
import Vapor

/// Health for load balancers and orchestrators. No sign-in needed.
/// - `/healthz/live`: the process answers (touches nothing else; also the ceiling route of the HTTP benchmark).
/// - `/healthz/ready`: it can reach its database, has caught up with the record of change, has loaded the
///   matching world and built everyone's recommendation lists (503 "starting" until then): send it traffic.
/// - `/healthz`: the database check alone (kept for existing monitors).
struct HealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("healthz", use: health).needs(.usePublicPages)
        routes.get("healthz", "live", use: live).needs(.usePublicPages)
        routes.get("healthz", "ready", use: ready).needs(.usePublicPages)
        routes.get("styles.css", use: styles).needs(.usePublicPages)
    }

    struct Health: Content {
        var status: String
        var database: String
    }

    struct Live: Content {
        var status: String
    }

    struct Ready: Content {
        var status: String
        var database: String
        /// The last change from the shared record applied by this instance.
        var changesApplied: Int64?
    }

    func health(req: Request) async throws -> Response {
        do {
            _ = try await (req.db as! any SQLDatabase).raw("SELECT 1 AS ok").first()
            return try .json(Health(status: "ok", database: "ok"))
        } catch {
            return try .json(Health(status: "degraded", database: "unreachable"), status: .serviceUnavailable)
        }
    }

    func live(req: Request) throws -> Response {
        try .json(Live(status: "ok"))
    }

    func ready(req: Request) async throws -> Response {
        do {
            try await req.catchUpWithChanges()
            let applied = await req.application.changeFeed.applied
            // Until the background work of start-up has loaded the matching world and built everyone's
            // recommendation lists, requests would wait for them.
            let matching = req.application.matchingCache
            let loaded = await matching.loadedAt != nil, listed = await matching.hasRecommendationLists
            let started = loaded && listed
            if req.application.followsChanges, !started {
                return try .json(Ready(status: "starting", database: "ok", changesApplied: applied), status: .serviceUnavailable)
            }
            return try .json(Ready(status: "ok", database: "ok", changesApplied: applied))
        } catch {
            return try .json(Ready(status: "degraded", database: "unreachable", changesApplied: nil), status: .serviceUnavailable)
        }
    }

    func styles(req: Request) -> Response {
        Response(status: .ok, headers: ["Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600"],
                 body: .init(string: Stylesheet.css))
    }
}
