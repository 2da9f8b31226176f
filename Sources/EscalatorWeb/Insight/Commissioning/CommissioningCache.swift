import EscalatorCore
import Fluent
import Vapor

/// Commissioning advice, computed at most once between writes and once a day: at region scale it takes
/// seconds. Its inputs are the matching snapshot's (every assessed client's profile, the live vacancies and
/// the programmes with cohorts that have not started), so it agrees with the matches advisers see.
typealias CommissioningCache = KeptUntilWrite<CommissioningReport>

enum CommissioningCacheKey: StorageKey { typealias Value = CommissioningCache }

extension Application {
    var commissioningCache: CommissioningCache { storage[CommissioningCacheKey.self]! }
}

extension Request {
    func commissioningReport(now: Date) async throws -> CommissioningReport {
        try await application.commissioningCache.value(now: now, dataVersion: await application.dataVersion.current) { [self] in
            try await CommissioningQueries.report(now: now, on: self)
        }
    }
}
