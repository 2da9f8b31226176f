import EscalatorCore
import Fluent
import Vapor

extension Request {
    /// The dashboard for an area: a stored figure (`StoredFigures`), computed in the background once after any
    /// change and served to every instance. At region scale it reads tens of thousands of rows.
    func insightDashboard(area: InsightArea, now: @escaping @Sendable () -> Date) async throws -> InsightDashboard {
        let db = application.db
        let (dashboard, freshness) = try await storedFigure("insight:\(area.localAuthority?.id ?? "region")", now: now) {
            InsightDashboard(publishing: try await InsightQueries.figures(area: area, now: now(), on: db))
        }
        var served = dashboard
        served.freshness = freshness
        return served
    }
}
