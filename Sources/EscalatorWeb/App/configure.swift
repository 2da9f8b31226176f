import EscalatorPersistence
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Builds the whole app: database, sessions, middleware and routes. Reading this function tells you the app.
public func configure(_ app: Application, environment: AppEnvironment) async throws {
    switch environment.database {
    case .postgres:
        app.databases.use(try environment.database.configuration(), as: .psql)
    case .sqlite, .sqliteInMemory:
        app.databases.use(try environment.database.configuration(), as: .sqlite)
    }
    app.migrations.add(SessionRecord.migration)
    app.migrations.add(EscalatorMigrations.all(dataKey: environment.dataKey))

    app.passwords.use(.bcrypt(cost: environment.bcryptCost))
    app.routes.defaultMaxBodySize = ByteCount(value: environment.maxBodyBytes)

    app.sessions.use(.fluent)
    app.sessions.configuration = SessionsConfiguration(cookieName: "escalator-session") { id in
        HTTPCookies.Value(
            string: id.string, expires: nil, maxAge: Int(SessionUserAuthenticator.lifetime), domain: nil, path: "/",
            isSecure: environment.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(SecurityHeadersMiddleware(https: environment.secureCookies))
    app.middleware.use(AppErrorMiddleware())
    app.middleware.use(RequestLimitsMiddleware(maxBodyBytes: environment.maxBodyBytes))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(SessionUserAuthenticator(now: environment.now))
    app.middleware.use(BearerTokenAuthenticator(now: environment.now))
    let dataVersion = DataVersion()
    app.middleware.use(DataVersionMiddleware(version: dataVersion))

    app.storage[DataVersionKey.self] = dataVersion
    app.storage[SignInThrottleKey.self] = SignInThrottle(limits: environment.signInLimits)
    app.storage[InsightCacheKey.self] = InsightCache()
    app.storage[PathwayPlannerCacheKey.self] = PathwayPlannerCache()
    app.storage[CommissioningCacheKey.self] = CommissioningCache()
    app.storage[PseudonymsKey.self] = Pseudonyms(environment.dataKey)
    app.storage[MatchingCacheKey.self] = MatchingCache(cipher: ColumnCipher(environment.dataKey), spreadMultiple: environment.spreadMultiple)
    app.storage[AuditTrailKey.self] = AuditTrail(environment: environment)
    app.storage[ColumnCipherKey.self] = ColumnCipher(environment.dataKey)
    try routes(app, environment: environment)
}

/// Runs any migrations not yet applied.
public func migrate(_ app: Application) async throws {
    try await app.autoMigrate()
}
