import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit
import Vapor
import XCTVapor
import XCTest

/// A real app on a fresh database for one test: SQLite in memory by default; PostgreSQL when
/// `TEST_DATABASE_URL` is set (each test gets its own schema-clean database state).
final class TestApp: @unchecked Sendable {
    let app: Application
    let fixture: WebFixture
    let environment: AppEnvironment
    /// The app's clock (`environment.now()`); `clock.advance(by:)` moves it.
    let clock: TestClock

    private init(app: Application, fixture: WebFixture, environment: AppEnvironment, clock: TestClock) {
        self.app = app
        self.fixture = fixture
        self.environment = environment
        self.clock = clock
    }

    static var usingPostgres: Bool { ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].map { !$0.isEmpty } ?? false }

    /// `adjust` changes the environment before the app is configured (limits, secure cookies, ...).
    /// `sqliteFile` puts the SQLite database in a temporary file rather than in memory, so that a second
    /// instance (`secondInstance`) can open it too.
    static func make(
        adjust: (inout AppEnvironment) -> Void = { _ in }, sqliteFile: Bool = false, file: StaticString = #filePath, line: UInt = #line
    ) async throws -> TestApp {
        let location: DatabaseLocation = if let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty {
            .postgres(url: url)
        } else if sqliteFile {
            .sqlite(path: FileManager.default.temporaryDirectory.appendingPathComponent("escalator-test-\(UUID().uuidString).sqlite").path)
        } else {
            .sqliteInMemory
        }
        let clock = TestClock(WebFixture.today)
        var environment = AppEnvironment(database: location, bcryptCost: 4, dataKey: .generate(), now: { clock.now })
        environment.figureWait = nil  // derived figures take milliseconds here: always wait for current ones
        adjust(&environment)
        let fixture = WebFixture()
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await configure(app, environment: environment)
            if location.isPostgres { try await resetPostgres(app.db) }
            try await migrate(app)
            try await fixture.insert(on: app.db, passwordHash: try Bcrypt.hash(WebFixture.password, cost: 4), cipher: app.columnCipher)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return TestApp(app: app, fixture: fixture, environment: environment, clock: clock)
    }

    /// Drops everything so each PostgreSQL test starts from an empty schema.
    private static func resetPostgres(_ db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DROP SCHEMA public CASCADE").run()
        try await sql.raw("CREATE SCHEMA public").run()
    }

    func shutdown() async throws {
        try await app.asyncShutdown()
        if case .sqlite(let path) = environment.database {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }

    /// Another instance of the app over the same database, with the same data key and clock: what a second
    /// `escalator serve` behind a load balancer is. Shut it down before this one.
    func secondInstance() async throws -> Application {
        precondition(environment.database != .sqliteInMemory, "make(sqliteFile: true) for a database two instances can share")
        let second = try await Application.make(.testing)
        second.logger.logLevel = .warning
        // Its own threads for blocking database calls, as a second process has. Sharing one pool of two would let
        // each instance's SQLite connection spin (SQLiteNIO's busy handler retries at once, for ever) on both threads
        // while the other instance's transaction, which holds the write lock, waits for a thread to finish.
        second.threadPool = NIOThreadPool(numberOfThreads: System.coreCount)
        do {
            try await configure(second, environment: environment)
        } catch {
            try? await second.asyncShutdown()
            throw error
        }
        return second
    }

    /// An API request as `role`, with an optional JSON body.
    func send(_ method: HTTPMethod, _ path: String, json: String? = nil, as role: TestRole = .adviser) async throws -> XCTHTTPResponse {
        var headers = try await bearer(role)
        var body: ByteBuffer?
        if let json {
            headers.contentType = .json
            body = ByteBuffer(string: json)
        }
        return try await app.sendRequest(method, path, headers: headers, body: body)
    }

    /// A page as the signed-in browser `session`.
    func page(_ session: PageSession, _ path: String) async throws -> XCTHTTPResponse {
        try await app.sendRequest(.GET, path, headers: session.headers)
    }

    /// A bearer token for the fixture user with this role.
    func token(_ role: TestRole) async throws -> String {
        var token = ""
        try await app.test(.POST, "/api/v1/auth/token", beforeRequest: { req async throws in
            try req.content.encode(["email": fixture.email(role), "password": WebFixture.password])
        }, afterResponse: { res async throws in
            XCTAssertEqual(res.status, .created, "sign-in for \(role) failed: \(res.body.string)")
            token = try res.content.get(String.self, at: "token")
        })
        return token
    }

    func bearer(_ role: TestRole) async throws -> HTTPHeaders {
        ["Authorization": "Bearer \(try await token(role))"]
    }

    /// Signs in through the sign-in page and returns the session cookie and the CSRF token pages carry.
    func pageSession(_ role: TestRole) async throws -> PageSession {
        var session = PageSession(cookie: "", csrf: "")
        try await app.test(.GET, "/sign-in") { res async throws in
            session.absorb(res)
        }
        try await app.test(.POST, "/sign-in", beforeRequest: { req async throws in
            req.headers.cookie = session.cookies
            try req.content.encode(["email": fixture.email(role), "password": WebFixture.password, "_csrf": session.csrf, "next": "/"], as: .urlEncodedForm)
        }, afterResponse: { res async throws in
            XCTAssertEqual(res.status, .seeOther, "page sign-in for \(role) failed: \(res.body.string.prefix(300))")
            session.absorb(res)
        })
        try await app.test(.GET, "/", beforeRequest: { req async throws in req.headers.cookie = session.cookies }, afterResponse: { res async throws in
            session.absorb(res)
        })
        return session
    }
}

/// A signed-in browser: its session cookie and the CSRF token from the last page.
struct PageSession: Sendable {
    var cookie: String
    var csrf: String

    var cookies: HTTPCookies { HTTPCookies(dictionaryLiteral: ("escalator-session", HTTPCookies.Value(string: cookie))) }

    var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        headers.cookie = cookies
        return headers
    }

    mutating func absorb(_ res: XCTHTTPResponse) {
        if let value = res.headers.setCookie?["escalator-session"]?.string { cookie = value }
        let body = res.body.string
        if let range = body.range(of: #"name="_csrf" value=""#) {
            csrf = String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    /// A form body with the CSRF token added.
    func form(_ fields: [String: String]) -> [String: String] {
        fields.merging(["_csrf": csrf]) { a, _ in a }
    }
}

extension Application {
    /// The matching snapshot as a request would see it: after catching up with the record of change.
    func caughtUpSnapshot(now: Date) async throws -> MatchingWorld {
        try await changeFeed.catchUp(db: db)
        return try await matchingCache.current(db: db, now: now)
    }
}
