import EscalatorCore
import Fluent
import Vapor

/// The pathway planner, built once and kept until anything is written (a programme, a cohort, a place
/// taken) or the day changes, as the insight dashboards are (`DataVersion`). Building it reads every
/// programme and cohort; planning one client's pathway then reads nothing more.
typealias PathwayPlannerCache = KeptUntilWrite<PathwayInputs>

enum PathwayPlannerCacheKey: StorageKey { typealias Value = PathwayPlannerCache }

extension Application {
    var pathwayPlannerCache: PathwayPlannerCache { storage[PathwayPlannerCacheKey.self]! }
}

extension Request {
    /// The planner and what it was built from, as of `now`, built at most once between writes.
    func pathwayInputs(now: Date) async throws -> PathwayInputs {
        let db = self.db
        return try await application.pathwayPlannerCache.value(now: now, dataVersion: Int(try await catchUpWithChanges())) {
            try await PathwayInputs.load(from: db, now: now)
        }
    }
}
