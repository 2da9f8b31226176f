import EscalatorCore
import Fluent
import Vapor

/// Dashboards already computed, kept until anything is written. At region scale a dashboard reads
/// tens of thousands of rows; between changes every viewer gets the same answer, so it is computed once.
actor InsightCache {
    private struct Key: Hashable {
        var localAuthorityID: String?
        var day: String
        var dataVersion: Int
    }

    private var entries: [Key: InsightDashboard] = [:]

    func dashboard(area: InsightArea, now: Date, dataVersion: Int, compute: () async throws -> InsightDashboard) async throws -> InsightDashboard {
        let key = Key(localAuthorityID: area.localAuthority?.id, day: now.isoDay, dataVersion: dataVersion)
        if let cached = entries[key] { return cached }
        let computed = try await compute()
        entries = entries.filter { $0.key.dataVersion == dataVersion && $0.key.day == key.day }
        entries[key] = computed
        return computed
    }
}

/// Counts successful writes, so caches of derived figures know when they are stale.
actor DataVersion {
    private(set) var current = 0

    func bump() { current += 1 }
}

/// Bumps the data version after every successful POST, PUT, PATCH or DELETE, except to accounts and sessions.
struct DataVersionMiddleware: AsyncMiddleware {
    let version: DataVersion
    /// Writes to accounts and sessions only (signing in and out, tokens, passwords, users): nothing a
    /// derived figure reads, so they keep the caches.
    static let accountOnlyPrefixes = ["/sign-in", "/sign-out", "/api/v1/auth/", "/account", "/admin/users"]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let path = request.url.path
        if [.POST, .PUT, .PATCH, .DELETE].contains(request.method), response.status.code < 400,
           !Self.accountOnlyPrefixes.contains(where: { path.hasPrefix($0) }) {
            await version.bump()
        }
        return response
    }
}

enum InsightCacheKey: StorageKey { typealias Value = InsightCache }
enum DataVersionKey: StorageKey { typealias Value = DataVersion }

extension Application {
    var insightCache: InsightCache { storage[InsightCacheKey.self]! }
    var dataVersion: DataVersion { storage[DataVersionKey.self]! }
}

extension Request {
    /// The dashboard for an area as of `now`, computed at most once between writes.
    func insightDashboard(area: InsightArea, now: Date) async throws -> InsightDashboard {
        try await application.insightCache.dashboard(area: area, now: now, dataVersion: await application.dataVersion.current) {
            InsightDashboard(publishing: try await InsightQueries.figures(area: area, now: now, on: db))
        }
    }
}
