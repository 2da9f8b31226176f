import EscalatorPersistence
import Foundation

/// Everything the app reads from its surroundings, in one place, so tests can set it.
public struct AppEnvironment: Sendable {
    public var database: DatabaseLocation
    /// Bcrypt work factor for new password hashes.
    public var bcryptCost: Int
    /// Mark session cookies `Secure` (set when served over HTTPS).
    public var secureCookies: Bool
    /// Show the demo accounts on the sign-in page.
    public var showDemoSignIns: Bool
    /// How long an API token lasts.
    public var tokenLifetime: TimeInterval
    /// The clock. Matching and statistics are "as of" this date.
    public var now: @Sendable () -> Date

    public init(
        database: DatabaseLocation, bcryptCost: Int = 12, secureCookies: Bool = false, showDemoSignIns: Bool = false,
        tokenLifetime: TimeInterval = 30 * 24 * 3600, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.database = database
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.showDemoSignIns = showDemoSignIns
        self.tokenLifetime = tokenLifetime
        self.now = now
    }

    /// Reads `DATABASE_URL`, `ESCALATOR_BCRYPT_COST` and `ESCALATOR_SECURE_COOKIES`.
    public static func fromProcess(sqlitePath: String?, showDemoSignIns: Bool = false) -> AppEnvironment {
        let env = ProcessInfo.processInfo.environment
        return AppEnvironment(
            database: .resolve(environment: env, sqlitePath: sqlitePath),
            bcryptCost: env["ESCALATOR_BCRYPT_COST"].flatMap(Int.init).map { min(max($0, 4), 31) } ?? 12,
            secureCookies: env["ESCALATOR_SECURE_COOKIES"] == "1",
            showDemoSignIns: showDemoSignIns)
    }
}
