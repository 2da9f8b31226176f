import EscalatorCore
import Vapor

/// `/insight/commissioning`: demand-led commissioning advice, for whoever sees the insight dashboard.
struct CommissioningController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.get("insight", "commissioning", use: show).needs(.readAggregates)
    }

    func show(req: Request) async throws -> Response {
        try req.require(.analyst, .adviser, .administrator)
        return .html(CommissioningViews.page(try await req.commissioningReport(now: environment.now), viewer: try req.viewer))
    }
}
