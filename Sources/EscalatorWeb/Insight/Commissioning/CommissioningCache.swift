import EscalatorCore
import Fluent
import Vapor

extension Request {
    /// Commissioning advice: a stored figure (`StoredFigures`), computed in the background once after any change;
    /// at region scale it takes seconds. Its inputs are the matching world's (every assessed client's profile, the
    /// live vacancies and the programmes with cohorts that have not started), so it agrees with the matches
    /// advisers see.
    func commissioningReport(now: @escaping @Sendable () -> Date) async throws -> CommissioningReport {
        let app = application
        let (report, freshness) = try await storedFigure("commissioning", now: now) {
            try await CommissioningQueries.report(now: now(), app: app)
        }
        var served = report
        served.freshness = freshness
        return served
    }
}
