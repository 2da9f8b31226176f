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
    /// The installation's secret for sealed columns and the audit chain.
    public var dataKey: DataKey

    public init(
        database: DatabaseLocation, bcryptCost: Int = 12, secureCookies: Bool = false, showDemoSignIns: Bool = false,
        tokenLifetime: TimeInterval = 30 * 24 * 3600, dataKey: DataKey,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.database = database
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.showDemoSignIns = showDemoSignIns
        self.tokenLifetime = tokenLifetime
        self.now = now
        self.dataKey = dataKey
    }

    /// Reads `DATABASE_URL`, `ESCALATOR_BCRYPT_COST`, `ESCALATOR_SECURE_COOKIES` and the data key
    /// (`ESCALATOR_DATA_KEY`, or the file `ESCALATOR_DATA_KEY_FILE` names, or a key file beside the SQLite
    /// database, `escalator-data.key` with PostgreSQL, created on first use).
    public static func fromProcess(sqlitePath: String?, showDemoSignIns: Bool = false) throws -> AppEnvironment {
        let env = ProcessInfo.processInfo.environment
        let database = DatabaseLocation.resolve(environment: env, sqlitePath: sqlitePath)
        let keyFile = database.isPostgres ? "escalator-data.key" : sqlitePath.map { $0 + ".key" }
        guard let dataKey = try DataKey.load(environment: env, defaultFile: keyFile, createIfMissing: true) else {
            throw DataKeyError.unreadable(path: keyFile ?? "ESCALATOR_DATA_KEY")
        }
        return AppEnvironment(
            database: database,
            bcryptCost: env["ESCALATOR_BCRYPT_COST"].flatMap(Int.init).map { min(max($0, 4), 31) } ?? 12,
            secureCookies: env["ESCALATOR_SECURE_COOKIES"] == "1",
            showDemoSignIns: showDemoSignIns, dataKey: dataKey)
    }
}
