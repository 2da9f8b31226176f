import EscalatorCore
import Vapor

/// `GET /api/v1/insight/commissioning`: the same advice as JSON.
struct CommissioningAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.get("insight", "commissioning", use: show).needs(.readAggregates)
    }

    func show(req: Request) async throws -> Response {
        try req.require(.analyst, .adviser, .administrator)
        return try .json(try await req.commissioningReport(now: environment.now))
    }
}
