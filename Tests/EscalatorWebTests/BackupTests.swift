import EscalatorCore
import EscalatorPersistence
import EscalatorWeb
import Fluent
import Foundation
import SQLKit
import Vapor
import XCTest

/// Runs the built `escalator backup` and `escalator restore`, as an administrator would: on temporary SQLite files,
/// and on PostgreSQL too when `TEST_DATABASE_URL` is set. Also checks that progress is never drawn into a pipe.
final class BackupTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("escalator-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    private typealias Run = EscalatorRunner.Run

    private var databasePath: String { folder.appendingPathComponent("cli.sqlite").path }
    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Runs `escalator` with `--database` set to this test's SQLite file, standard output and error going to files
    /// (not a terminal), and checks that no progress was drawn into them: no carriage return, no escape sequence.
    private func escalator(
        _ arguments: [String], environment extra: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line
    ) throws -> Run {
        let run = try EscalatorRunner(folder: folder, databasePath: databasePath).run(arguments, environment: extra)
        for (name, text) in [("standard output", run.output), ("standard error", run.errors)] {
            XCTAssertFalse(text.contains("\r"), "progress drawn into \(name) of \(arguments.first ?? ""): \(text.debugDescription)", file: file, line: line)
            XCTAssertFalse(text.contains("\u{1B}"), "an escape sequence in \(name) of \(arguments.first ?? "")", file: file, line: line)
        }
        return run
    }

    private func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        return path(name)
    }

    /// `3000 clients, 600 vacancies, 2 audit rows` in a summary line.
    private func reportedCounts(_ output: String, file: StaticString = #filePath, line: UInt = #line) throws -> BackupCounts {
        let pattern = try NSRegularExpression(pattern: #"(\d+) clients?, (\d+) vacanc(?:y|ies), (\d+) audit rows?"#)
        let match = try XCTUnwrap(pattern.firstMatch(in: output, range: NSRange(output.startIndex..., in: output)), output, file: file, line: line)
        func number(_ group: Int) -> Int { Int((output as NSString).substring(with: match.range(at: group)))! }
        return BackupCounts(clients: number(1), vacancies: number(2), auditEvents: number(3))
    }

    // MARK: the database, read and written directly

    /// Opens the database with its data key (the key file beside a SQLite file, or `keyFile`), runs `body`, and
    /// shuts the app down.
    private func withDatabase<T>(
        _ location: DatabaseLocation, keyFile: String? = nil, _ body: (Application) async throws -> T
    ) async throws -> T {
        let keyPath: String
        switch location {
        case .sqlite(let path): keyPath = keyFile ?? path + ".key"
        default: keyPath = try XCTUnwrap(keyFile)
        }
        let key = try XCTUnwrap(try DataKey.load(environment: [:], defaultFile: keyPath, createIfMissing: false), "no data key at \(keyPath)")
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await configure(app, environment: AppEnvironment(database: location, bcryptCost: 4, dataKey: key))
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    private func counts(_ location: DatabaseLocation, keyFile: String? = nil) async throws -> BackupCounts {
        try await withDatabase(location, keyFile: keyFile) { app in try await BackupCounts.read(on: app.db) }
    }

    /// Records a read of some client's record, as the app does when someone opens it.
    private func auditedRead(_ location: DatabaseLocation, keyFile: String? = nil) async throws {
        try await withDatabase(location, keyFile: keyFile) { app in
            let first = try await ClientModel.query(on: app.db).sort(\.$id).first()
            let client = try XCTUnwrap(first)
            let auditor = app.auditTrail.auditor(.command("backup test"), channel: .commandLine)
            try await auditor.read(.clientRecord, client: try client.requireID(), purpose: .caseManagement, on: app.db)
        }
    }

    private let clientsHeader = "reference,given_name,family_name,date_of_birth,email,phone,postcode,ward_id,employment_status,referral_source,organisation,consent_organisations,registered_on"

    /// A CSV of one new client, in a ward and organisation the database already has (taken from its export).
    private func oneClient(_ reference: String, environment: [String: String] = [:]) throws -> String {
        let exportPath = path("clients-\(reference).csv")
        let exported = try escalator(["export", "clients", "--out", exportPath], environment: environment)
        XCTAssertEqual(exported.status, 0, exported.errors)
        let existing = try XCTUnwrap(try CSVTable(parsing: try String(contentsOfFile: exportPath, encoding: .utf8)).rows.first)
        let ward = try XCTUnwrap(existing["ward_id"]), organisation = try XCTUnwrap(existing["organisation"])
        return try write("new-\(reference).csv", """
            \(clientsHeader)
            \(reference),Ann,Backup,1990-01-01,,,B6 4AA,\(CSVWriter.encode(ward)),unemployed,jobcentre,\(CSVWriter.encode(organisation)),,
            """)
    }

    /// A migrated database with one ward and a Jobcentre with an administrator (faster than seeding).
    private func prepareSmall(environment: [String: String] = [:]) throws {
        let migrated = try escalator(["migrate"], environment: environment)
        XCTAssertEqual(migrated.status, 0, migrated.errors)
        let wards = try write("wards.csv", """
            ward_id,ward_name,local_authority_id,local_authority_name,latitude,longitude,is_target_ward,working_age_population,employed,looking_for_work,with_level2,with_degree
            E05011111,Aston,E08000025,Birmingham,52.50,-1.88,true,10000,5500,900,4800,1500
            """)
        let imported = try escalator(["import", "area-statistics", wards], environment: environment)
        XCTAssertEqual(imported.status, 0, imported.errors)
        let user = try escalator(
            ["users", "create", "--email", "admin@example.test", "--name", "Ada Admin", "--role", "administrator",
             "--organisation", "Jobcentre Plus Aston", "--organisation-kind", "jobcentre"],
            environment: environment.merging(["ESCALATOR_PASSWORD": "a long enough password"]) { $1 })
        XCTAssertEqual(user.status, 0, user.errors)
    }

    /// A CSV of one new client for `prepareSmall`'s ward and Jobcentre.
    private func client(_ reference: String) throws -> String {
        try write("\(reference).csv", """
            \(clientsHeader)
            \(reference),Ann,Backup,1990-01-01,,,B6 4AA,E05011111,unemployed,jobcentre,Jobcentre Plus Aston,,
            """)
    }

    // MARK: SQLite

    func testRestoringASQLiteBackupBringsBackItsCountsAndAnIntactAuditChain() async throws {
        let seeded = try escalator(["seed"])
        XCTAssertEqual(seeded.status, 0, seeded.errors)
        // Something in the audit trail before the backup: an imported client.
        let firstImport = try escalator(["import", "clients", try oneClient("WM-BAK00001")])
        XCTAssertEqual(firstImport.status, 0, firstImport.errors)
        let location = DatabaseLocation.sqlite(path: databasePath)
        let before = try await counts(location)
        XCTAssertGreaterThan(before.clients, 1000)
        XCTAssertGreaterThan(before.vacancies, 100)
        XCTAssertEqual(before.auditEvents, 1)

        let backupPath = path("backup.sqlite")
        let backup = try escalator(["backup", "--out", backupPath])
        XCTAssertEqual(backup.status, 0, backup.errors)
        XCTAssertEqual(try reportedCounts(backup.output), before)
        XCTAssertTrue(backup.output.hasPrefix("Backed up SQLite file \(databasePath) to \(backupPath) ("), backup.output)
        XCTAssertTrue(backup.output.contains("The data key is not in the backup: back up the key file \(databasePath).key separately"), backup.output)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: backupPath)).prefix(16), Data("SQLite format 3\0".utf8))
        let permissions = try FileManager.default.attributesOfItem(atPath: backupPath)[.posixPermissions] as? Int
        XCTAssertEqual(permissions, 0o600, "a backup holds personal data: its owner only")
        XCTAssertEqual(try leftovers(), [], "no temporary files left behind")

        // Changes after the backup: a client imported through the command line, a read recorded in the database.
        let secondImport = try escalator(["import", "clients", try oneClient("WM-BAK00002")])
        XCTAssertEqual(secondImport.status, 0, secondImport.errors)
        try await auditedRead(location)
        let changed = try await counts(location)
        XCTAssertEqual(changed, BackupCounts(clients: before.clients + 1, vacancies: before.vacancies, auditEvents: before.auditEvents + 2))
        let head = try await auditHead(location)
        XCTAssertEqual(try escalator(["audit", "verify"]).output, "intact: 3 rows, head #3 \(head)\n")

        let restored = try escalator(["restore", backupPath])
        XCTAssertEqual(restored.status, 0, restored.errors)
        XCTAssertEqual(try reportedCounts(restored.output), before)
        XCTAssertTrue(restored.output.contains("audit chain intact: 1 row, head #1 "), restored.output)
        XCTAssertTrue(restored.output.contains("The data key is not in the backup"), restored.output)
        let afterRestore = try await counts(location)
        XCTAssertEqual(afterRestore, before)
        for suffix in ["-wal", "-shm", "-journal"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: databasePath + suffix), "\(suffix) left after restore")
        }
        let verified = try escalator(["audit", "verify"])
        XCTAssertEqual(verified.status, 0, verified.errors)
        XCTAssertTrue(verified.output.hasPrefix("intact: 1 row, head #1 "), verified.output)
        XCTAssertEqual(try leftovers(), [])

        // The restored database works on: the client imported after the backup can be imported again.
        let again = try escalator(["import", "clients", path("new-WM-BAK00002.csv")])
        XCTAssertEqual(again.status, 0, again.errors)
        XCTAssertEqual(try escalator(["audit", "verify"]).status, 0)
    }

    func testBackingUpToAnExistingFileWithoutForceFailsAndChangesNothing() async throws {
        XCTAssertEqual(try escalator(["migrate"]).status, 0)
        let existing = try write("precious.sqlite", "not to be lost\n")
        let refused = try escalator(["backup", "--out", existing])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.errors.contains("precious.sqlite already exists: choose another file, or pass --force to replace it."), refused.errors)
        XCTAssertFalse(refused.output.contains("Backed up"), refused.output)
        XCTAssertEqual(try String(contentsOfFile: existing, encoding: .utf8), "not to be lost\n")
        XCTAssertEqual(try leftovers(), [])

        let forced = try escalator(["backup", "--out", existing, "--force"])
        XCTAssertEqual(forced.status, 0, forced.errors)
        XCTAssertEqual(try reportedCounts(forced.output), BackupCounts(clients: 0, vacancies: 0, auditEvents: 0))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: existing)).prefix(16), Data("SQLite format 3\0".utf8))

        let nowhere = try escalator(["backup", "--out", path("no-such-folder/backup.sqlite")])
        XCTAssertNotEqual(nowhere.status, 0)
        XCTAssertTrue(nowhere.errors.contains("does not exist"), nowhere.errors)
        let itself = try escalator(["backup", "--out", databasePath, "--force"])
        XCTAssertNotEqual(itself.status, 0)
        XCTAssertTrue(itself.errors.contains("cannot be the database itself"), itself.errors)
    }

    func testRestoreRefusesWithoutTheKeyABadFileOrAServerUsingTheDatabaseAndChangesNothing() async throws {
        try prepareSmall()
        let wards = path("wards.csv")
        let backupPath = path("backup.sqlite")
        XCTAssertEqual(try escalator(["backup", "--out", backupPath]).status, 0)
        let original = try Data(contentsOf: URL(fileURLWithPath: databasePath))

        let notABackup = try escalator(["restore", wards])
        XCTAssertNotEqual(notABackup.status, 0)
        XCTAssertTrue(notABackup.errors.contains("is not a SQLite database"), notABackup.errors)
        let missing = try escalator(["restore", path("missing.sqlite")])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.errors.contains("There is no backup file"), missing.errors)

        let keyPath = databasePath + ".key", keptKey = path("kept.key")
        try FileManager.default.moveItem(atPath: keyPath, toPath: keptKey)
        let keyless = try escalator(["restore", backupPath])
        XCTAssertNotEqual(keyless.status, 0)
        XCTAssertTrue(keyless.errors.contains("No data key at the key file \(keyPath)"), keyless.errors)
        XCTAssertTrue(keyless.errors.contains("Nothing was changed."), keyless.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: keyPath), "restore must not make a new key")
        try FileManager.default.moveItem(atPath: keptKey, toPath: keyPath)

        // This test process holds the database open, as a running server would.
        try await withDatabase(.sqlite(path: databasePath)) { app in
            _ = try await WardModel.query(on: app.db).count()
            let busy = try escalator(["restore", backupPath])
            XCTAssertNotEqual(busy.status, 0)
            XCTAssertTrue(busy.errors.contains("is open in another process (pid \(ProcessInfo.processInfo.processIdentifier))"), busy.errors)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: databasePath)), original, "nothing was changed")
        XCTAssertEqual(try leftovers(), [])
    }

    func testRestoreUnderAnotherKeyExitsOneSayingTheChainDoesNotVerify() async throws {
        try prepareSmall()
        XCTAssertEqual(try escalator(["import", "clients", try client("WM-KEY00001")]).status, 0)
        let backupPath = path("backup.sqlite")
        XCTAssertEqual(try escalator(["backup", "--out", backupPath]).status, 0)
        let otherKey = try write("other.key", DataKey.generate().base64 + "\n")
        let restored = try escalator(["restore", backupPath], environment: ["ESCALATOR_DATA_KEY_FILE": otherKey])
        XCTAssertEqual(restored.status, 1)
        XCTAssertTrue(restored.errors.contains("audit chain broken at row 1"), restored.errors)
        XCTAssertTrue(restored.errors.contains("does not verify with the data key at the key file \(otherKey)"), restored.errors)
        // With the right key the restored database verifies.
        XCTAssertEqual(try escalator(["audit", "verify"]).status, 0)
    }

    // MARK: progress

    func testLongCommandsDrawNoProgressIntoAPipe() throws {
        // `escalator(_:)` fails the test on any carriage return or escape sequence in either stream.
        XCTAssertEqual(try escalator(["seed"]).status, 0)
        XCTAssertEqual(try escalator(["import", "clients", try oneClient("WM-PRG00001")]).status, 0)
        let match = try escalator(["match", "--top", "3", "--out", path("matches.csv")])
        XCTAssertEqual(match.status, 0, match.errors)
        let allocate = try escalator(["allocate", "--out", path("allocation.csv")])
        XCTAssertEqual(allocate.status, 0, allocate.errors)
        XCTAssertEqual(try escalator(["backup", "--out", path("backup.sqlite")]).status, 0)
        XCTAssertEqual(try escalator(["restore", path("backup.sqlite")]).status, 0)
    }

    // MARK: PostgreSQL

    func testPostgresBackupAndRestoreWithPgDumpAndPgRestore() async throws {
        guard let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty else {
            throw XCTSkip("TEST_DATABASE_URL is not set: the PostgreSQL backup is tested on PostgreSQL only")
        }
        let location = DatabaseLocation.postgres(url: url)
        let keyFile = path("postgres.key")
        try (DataKey.generate().base64 + "\n").write(toFile: keyFile, atomically: true, encoding: .utf8)
        let postgres = ["DATABASE_URL": url, "ESCALATOR_DATA_KEY_FILE": keyFile]
        let app = try await Application.make(.testing)
        do {
            app.databases.use(try location.configuration(), as: .psql)
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            try await sql.raw("DROP SCHEMA public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }

        try prepareSmall(environment: postgres)
        XCTAssertEqual(try escalator(["import", "clients", try client("WM-PGB00001")], environment: postgres).status, 0)
        XCTAssertEqual(try escalator(["import", "clients", try client("WM-PGB00002")], environment: postgres).status, 0)
        let before = try await counts(location, keyFile: keyFile)
        XCTAssertEqual(before, BackupCounts(clients: 2, vacancies: 0, auditEvents: 2))

        let dumpPath = path("backup.dump")
        let backup = try escalator(["backup", "--out", dumpPath], environment: postgres)
        XCTAssertEqual(backup.status, 0, backup.errors)
        XCTAssertEqual(try reportedCounts(backup.output), before)
        XCTAssertTrue(backup.output.contains("back up the key file \(keyFile) separately"), backup.output)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dumpPath)).prefix(5), Data("PGDMP".utf8))
        if let password = URLComponents(string: url)?.password, !password.isEmpty {
            XCTAssertFalse(backup.output.contains(password) || backup.errors.contains(password), "the password is never printed")
        }
        let again = try escalator(["backup", "--out", dumpPath], environment: postgres)
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.errors.contains("already exists"), again.errors)

        XCTAssertEqual(try escalator(["import", "clients", try client("WM-PGB00003")], environment: postgres).status, 0)
        try await auditedRead(location, keyFile: keyFile)
        let changed = try await counts(location, keyFile: keyFile)
        XCTAssertEqual(changed, BackupCounts(clients: 3, vacancies: 0, auditEvents: 4))

        let restored = try escalator(["restore", dumpPath], environment: postgres)
        XCTAssertEqual(restored.status, 0, restored.errors)
        XCTAssertEqual(try reportedCounts(restored.output), before)
        let afterRestore = try await counts(location, keyFile: keyFile)
        XCTAssertEqual(afterRestore, before)
        let verified = try escalator(["audit", "verify"], environment: postgres)
        XCTAssertEqual(verified.status, 0, verified.errors)
        XCTAssertTrue(verified.output.hasPrefix("intact: 2 rows, head #2 "), verified.output)
        // The chain goes on from the restored head.
        XCTAssertEqual(try escalator(["import", "clients", try client("WM-PGB00003")], environment: postgres).status, 0)
        XCTAssertEqual(try escalator(["audit", "verify"], environment: postgres).status, 0)

        let sqliteBackup = try escalator(["restore", try write("fake.sqlite", "SQLite format 3\0")], environment: postgres)
        XCTAssertNotEqual(sqliteBackup.status, 0)
        XCTAssertTrue(sqliteBackup.errors.contains("is a SQLite backup"), sqliteBackup.errors)
    }

    // MARK: helpers

    /// Temporary files a backup or restore left in the folder.
    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".partial") || $0.contains(".partial-") }
    }

    private func auditHead(_ location: DatabaseLocation) async throws -> String {
        try await withDatabase(location) { app in
            let last = try await AuditEventModel.query(on: app.db).sort(\.$id, .descending).first()
            return try XCTUnwrap(last).hash
        }
    }
}
