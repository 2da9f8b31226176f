import EscalatorCore
import Vapor

/// `/insight`: the dashboard for analysts, advisers and administrators.
struct InsightController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.get("insight", use: show).needs(.readAggregates)
    }

    func show(req: Request) async throws -> Response {
        try req.require(.analyst, .adviser, .administrator)
        let authorities = try await InsightArea.localAuthorities(on: req.db)
        let la = req.queryString("la")
        let area: InsightArea
        do {
            area = try await InsightArea.resolve(la, on: req.db)
        } catch let AppError.validation(errors) {
            return .html(InsightViews.badFilter(errors, la: la ?? "", authorities: authorities, viewer: try req.viewer),
                         status: .unprocessableEntity)
        }
        let data = try await req.insightDashboard(area: area, now: environment.now)
        return .html(InsightViews.dashboard(data, authorities: authorities, viewer: try req.viewer))
    }
}
