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
    /// How long a client's personal data is kept after their last activity before `escalator retention run`
    /// erases it (`ESCALATOR_RETENTION_MONTHS`, default 72: six years).
    public var retentionMonths: Int = AppEnvironment.defaultRetentionMonths
    /// Failed sign-ins allowed per account and per address before further attempts wait
    /// (`ESCALATOR_SIGNIN_ACCOUNT_LIMIT`, `ESCALATOR_SIGNIN_ADDRESS_LIMIT`, `ESCALATOR_SIGNIN_WINDOW_SECONDS`).
    public var signInLimits = SignInLimits()
    /// Reverse proxies whose `X-Forwarded-For` names the client (`ESCALATOR_TRUSTED_PROXIES`, comma-separated addresses).
    public var trustedProxies: Set<String> = []
    /// The largest request body accepted, in bytes (`ESCALATOR_MAX_BODY_BYTES`, default 1 MB).
    public var maxBodyBytes: Int = AppEnvironment.defaultMaxBodyBytes
    /// Spread mode shows a vacancy to at most this many clients per opening (`ESCALATOR_SPREAD_MULTIPLE`, default 5).
    public var spreadMultiple: Int = AppEnvironment.defaultSpreadMultiple
    /// How long a request waits for derived figures newer than the stored ones before showing the stored ones with
    /// "as of" (`StoredFigures`); nil waits until they are there (tests, where they take milliseconds).
    public var figureWait: Duration? = .milliseconds(1500)

    public static let defaultRetentionMonths = 72
    public static let retentionMonthsRange = 1...1200
    public static let defaultSpreadMultiple = 5
    public static let spreadMultipleRange = 1...1000

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

    /// Reads `DATABASE_URL`, `ESCALATOR_BCRYPT_COST`, `ESCALATOR_SECURE_COOKIES`, `ESCALATOR_RETENTION_MONTHS`, the sign-in
    /// limits, `ESCALATOR_MAX_BODY_BYTES` and the data key
    /// (`ESCALATOR_DATA_KEY`, or the file `ESCALATOR_DATA_KEY_FILE` names, or a key file beside the SQLite
    /// database, `escalator-data.key` with PostgreSQL, created on first use).
    public static func fromProcess(sqlitePath: String?, showDemoSignIns: Bool = false) throws -> AppEnvironment {
        let env = ProcessInfo.processInfo.environment
        let database = DatabaseLocation.resolve(environment: env, sqlitePath: sqlitePath)
        let keyFile = database.isPostgres ? "escalator-data.key" : sqlitePath.map { $0 + ".key" }
        guard let dataKey = try DataKey.load(environment: env, defaultFile: keyFile, createIfMissing: true) else {
            throw DataKeyError.unreadable(path: keyFile ?? "ESCALATOR_DATA_KEY")
        }
        var environment = AppEnvironment(
            database: database,
            bcryptCost: env["ESCALATOR_BCRYPT_COST"].flatMap(Int.init).map { min(max($0, 4), 31) } ?? 12,
            secureCookies: env["ESCALATOR_SECURE_COOKIES"] == "1",
            showDemoSignIns: showDemoSignIns, dataKey: dataKey)
        environment.retentionMonths = try retentionMonths(from: env["ESCALATOR_RETENTION_MONTHS"])
        environment.signInLimits = try SignInLimits(environment: env)
        environment.trustedProxies = Set((env["ESCALATOR_TRUSTED_PROXIES"] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        environment.maxBodyBytes = try maxBodyBytes(from: env["ESCALATOR_MAX_BODY_BYTES"])
        environment.spreadMultiple = try spreadMultiple(from: env["ESCALATOR_SPREAD_MULTIPLE"])
        return environment
    }

    /// `ESCALATOR_RETENTION_MONTHS`: a whole number of months; the default when unset.
    static func retentionMonths(from raw: String?) throws -> Int {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return defaultRetentionMonths }
        guard let months = Int(raw), retentionMonthsRange.contains(months) else {
            throw ConfigurationError(
                "ESCALATOR_RETENTION_MONTHS must be a whole number of months from \(retentionMonthsRange.lowerBound) to \(retentionMonthsRange.upperBound).")
        }
        return months
    }
}

extension AppEnvironment {
    /// `ESCALATOR_SPREAD_MULTIPLE`: a whole number; the default when unset.
    static func spreadMultiple(from raw: String?) throws -> Int {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return defaultSpreadMultiple }
        guard let multiple = Int(raw), spreadMultipleRange.contains(multiple) else {
            throw ConfigurationError(
                "ESCALATOR_SPREAD_MULTIPLE must be a whole number from \(spreadMultipleRange.lowerBound) to \(spreadMultipleRange.upperBound).")
        }
        return multiple
    }
}

/// A setting in the environment that cannot be used.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
