import EscalatorCore
import Vapor

/// `GET /api/v1/insight`: the dashboard's figures as JSON, for the same roles.
struct InsightAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.get("insight", use: show).needs(.readAggregates)
    }

    func show(req: Request) async throws -> Response {
        try req.require(.analyst, .adviser, .administrator)
        let area = try await InsightArea.resolve(req.queryString("la"), on: req.db)
        return try .json(try await req.insightDashboard(area: area, now: environment.now))
    }
}
