import EscalatorPersistence
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Builds the whole app: database, sessions, middleware and routes. Reading this function tells you the app.
public func configure(_ app: Application, environment: AppEnvironment) async throws {
    ServerMetrics.bootstrap()
    switch environment.database {
    case .postgres:
        app.databases.use(try environment.database.configuration(), as: .psql)
    case .sqlite, .sqliteInMemory:
        app.databases.use(try environment.database.configuration(), as: .sqlite)
        try await tuneSQLite(app, file: environment.database != .sqliteInMemory)
    }
    app.storage[DatabaseLocationKey.self] = environment.database
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
    app.storage[SignInThrottleKey.self] = SignInThrottle(limits: environment.signInLimits, key: environment.dataKey.subkey("sign-in-throttle"))
    app.storage[StoredFiguresKey.self] = StoredFigures(wait: environment.figureWait)
    app.storage[PathwayPlannerCacheKey.self] = PathwayPlannerCache()
    app.storage[PseudonymsKey.self] = Pseudonyms(environment.dataKey)
    let matching = MatchingCache(cipher: ColumnCipher(environment.dataKey), spreadMultiple: environment.spreadMultiple)
    app.storage[MatchingCacheKey.self] = matching
    app.storage[ChangeFeedKey.self] = ChangeFeed(matching: matching)
    app.storage[AuditTrailKey.self] = AuditTrail(environment: environment)
    app.storage[ColumnCipherKey.self] = ColumnCipher(environment.dataKey)
    try routes(app, environment: environment)
}

/// A SQLite file is written ahead (WAL): readers never wait for the writer, and a commit is an append to the
/// log rather than a rewrite of pages, synced at checkpoints (`synchronous=NORMAL`: a power cut may lose the last
/// commits but never corrupts the file). Each event loop has one pooled connection; each is set up here.
/// (`cache_size` and `synchronous` hold per connection; WAL is kept in the file.)
func tuneSQLite(_ app: Application, file: Bool) async throws {
    var loops = app.eventLoopGroup.makeIterator()
    var first = true
    while let loop = loops.next() {
        guard let sql = app.databases.database(logger: app.logger, on: loop) as? any SQLDatabase else { continue }
        if file && first { try await sql.raw("PRAGMA journal_mode=WAL").run() }
        first = false
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
        // 64 MB of page cache (the default is 2 MB): the region's hot tables stay in memory, and a long write
        // (seeding, an import) does not spill pages to the journal as it goes.
        try await sql.raw("PRAGMA cache_size=-65536").run()
        // Statement journals and sorts in memory rather than in temporary files.
        try await sql.raw("PRAGMA temp_store=MEMORY").run()
    }
}

/// Starts following the shared record of change, after building the matching snapshot and everyone's
/// recommendations in the background (`ChangeFeed.follow`).
public func startBackgroundWork(_ app: Application, environment: AppEnvironment) {
    app.storage[FollowsChangesKey.self] = true
    ChangeFeed.follow(app, now: environment.now)
    if case .postgres(let url) = environment.database { ChangeListener.start(app, url: url) }
}

/// Runs any migrations not yet applied.
/// On PostgreSQL, instances starting together take turns (a session-level advisory lock, on a connection of its
/// own, held while the migrations run on the pool's): the first migrates, the rest find nothing to do.
public func migrate(_ app: Application) async throws {
    guard case .postgres(let url)? = app.storage[DatabaseLocationKey.self] else { return try await app.autoMigrate() }
    let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
    let connection = try await PostgresConnection.connect(on: app.eventLoopGroup.any(), configuration: configuration, id: 2, logger: app.logger).get()
    do {
        _ = try await connection.query("SELECT pg_advisory_lock(\(WriteLock.Name.migrations.rawValue))", logger: app.logger)
        try await app.autoMigrate()
    } catch {
        try? await connection.close()
        throw error
    }
    try? await connection.close()  // ends the session, and with it the lock
}

enum DatabaseLocationKey: StorageKey { typealias Value = DatabaseLocation }

enum FollowsChangesKey: StorageKey { typealias Value = Bool }

extension Application {
    /// True in a serving process, which loads the matching world and follows the record of change in the background.
    var followsChanges: Bool { storage[FollowsChangesKey.self] ?? false }
}
