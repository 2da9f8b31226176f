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
    app.migrations.add(EscalatorMigrations.all)

    app.passwords.use(.bcrypt(cost: environment.bcryptCost))
    app.routes.defaultMaxBodySize = "1mb"

    app.sessions.use(.fluent)
    app.sessions.configuration = SessionsConfiguration(cookieName: "escalator-session") { id in
        HTTPCookies.Value(
            string: id.string, expires: nil, maxAge: 8 * 3600, domain: nil, path: "/",
            isSecure: environment.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(AppErrorMiddleware())
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(SessionUserAuthenticator())
    app.middleware.use(BearerTokenAuthenticator(now: environment.now))
    let dataVersion = DataVersion()
    app.middleware.use(DataVersionMiddleware(version: dataVersion))

    app.storage[DataVersionKey.self] = dataVersion
    app.storage[InsightCacheKey.self] = InsightCache()
    app.storage[MatchingCacheKey.self] = MatchingCache()
    try routes(app, environment: environment)
}

/// Runs any migrations not yet applied.
public func migrate(_ app: Application) async throws {
    try await app.autoMigrate()
}
