import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Backing up and restoring the whole database (`escalator backup`, `escalator restore`).
///
/// - SQLite: `VACUUM INTO` a new file: a consistent copy taken inside one read transaction, so servers may keep
///   running (WAL readers never block the writer). Restoring copies the backup beside the database, checks it,
///   syncs it and renames it over the database file, after removing the old `-wal`, `-shm` and `-journal` files
///   (a stale write-ahead log would otherwise be replayed into the restored file). Servers must be stopped.
/// - PostgreSQL: `pg_dump --format=custom` inside a repeatable-read snapshot that the counts are read from too,
///   and `pg_restore --clean --if-exists --single-transaction` (all or nothing). Servers must be stopped.
///
/// Every file written (backup or restored database) is written under a temporary name in the same folder,
/// synced, made readable by its owner only, and then renamed into place: a failure never leaves half a file
/// and never replaces an existing one. The data key is not in any backup (docs/security.md, "Backups").
public enum DatabaseBackup {
    /// What a long step reports: stages, with a total when known, and steps done.
    public struct Progress: Sendable {
        public var stage: @Sendable (_ name: String, _ total: Int?) -> Void
        public var advance: @Sendable (_ steps: Int) -> Void

        public init(stage: @escaping @Sendable (String, Int?) -> Void, advance: @escaping @Sendable (Int) -> Void) {
            self.stage = stage
            self.advance = advance
        }

        public static let none = Progress(stage: { _, _ in }, advance: { _ in })
    }

    /// A backup written: its path, size in bytes, and what it holds.
    public struct Written: Sendable {
        public var path: String
        public var bytes: Int64
        public var counts: BackupCounts
    }

    // MARK: - SQLite

    /// Writes a consistent copy of the SQLite `database` to `output` with `VACUUM INTO` while other processes
    /// may be reading and writing. Refuses to replace an existing `output` unless `overwrite`.
    public static func backUpSQLite(
        database: String, to output: String, overwrite: Bool, progress: Progress = .none
    ) async throws -> Written {
        let source = absolute(database), target = absolute(output)
        guard isRegularFile(source) else { throw BackupError("There is no SQLite database at \(database).") }
        if sameFile(source, target) { throw BackupError("The backup cannot be the database itself.") }
        try checkOutput(target, shownAs: output, overwrite: overwrite)

        let temporary = temporaryPath(beside: target, purpose: "backup")
        defer { removeIfPresent(temporary) }
        progress.stage("copying (VACUUM INTO)", nil)
        try await withSQLite(source, mode: "rw") { connection in
            try await run(connection, "VACUUM INTO ?", [.text(temporary)])
        }
        progress.stage("checking the copy", nil)
        let counts = try await withSQLite(temporary, mode: "rw") { connection in
            // A standalone file: no write-ahead log to carry around with it.
            try await run(connection, "PRAGMA journal_mode=DELETE", [])
            return try await BackupCounts.read(on: connection.sql())
        }
        progress.stage("syncing", nil)
        try secureAndSync(temporary, permissions: 0o600)
        try publish(temporary, as: target, shownAs: output, overwrite: overwrite)
        return Written(path: output, bytes: fileSize(target), counts: counts)
    }

    /// Replaces the SQLite `database` with the backup at `backup`, safely: the backup is copied beside the
    /// database, checked (`PRAGMA quick_check`, and that it is an Escalator database), synced, and renamed over
    /// the database after its stale `-wal`, `-shm` and `-journal` files are removed. Run migrations afterwards.
    /// Refuses while another process has the database open (a running server): stop the servers first.
    public static func restoreSQLite(from backup: String, to database: String, progress: Progress = .none) async throws {
        let source = absolute(backup), target = absolute(database)
        try checkBackupFile(source, shownAs: backup, expecting: .sqlite)
        if sameFile(source, target) { throw BackupError("The backup is the database itself.") }
        let folder = (target as NSString).deletingLastPathComponent
        guard isDirectory(folder) else { throw BackupError("The folder of \(database) does not exist.") }
        if let holder = SQLiteFileLocks.holder(of: target) {
            throw BackupError("\(database) is open in another process (\(holder)): stop every server using it, then restore.")
        }

        let temporary = temporaryPath(beside: target, purpose: "restore")
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { removeIfPresent(temporary + suffix) } }
        let existingPermissions = (try? FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int)
        try copyFile(source, to: temporary, progress: progress)

        progress.stage("checking the backup", nil)
        try await withSQLite(temporary, mode: "rw") { connection in
            let check = try await rows(connection, "PRAGMA quick_check").first?.column("quick_check")?.string
            guard check == "ok" else {
                throw BackupError("\(backup) is damaged (SQLite integrity check: \(check ?? "no answer")); nothing was changed.")
            }
            let tables = try await rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_fluent_migrations'")
            guard !tables.isEmpty else { throw BackupError("\(backup) is not an Escalator database; nothing was changed.") }
            try await run(connection, "PRAGMA journal_mode=DELETE", [])
        }
        try secureAndSync(temporary, permissions: existingPermissions ?? 0o600)

        progress.stage("replacing the database", nil)
        if let holder = SQLiteFileLocks.holder(of: target) {
            throw BackupError("\(database) is open in another process (\(holder)): stop every server using it, then restore.")
        }
        for suffix in ["-wal", "-shm", "-journal"] {
            do {
                try removeOrThrow(target + suffix)
            } catch {
                throw BackupError("Cannot remove \(database + suffix) (\(error.localizedDescription)); nothing was changed.")
            }
        }
        guard rename(temporary, target) == 0 else {
            throw BackupError("Cannot replace \(database): \(String(cString: strerror(errno))); nothing was changed.")
        }
        try syncDirectory(folder)
    }

    // MARK: - PostgreSQL

    /// Dumps the PostgreSQL database `url` with `pg_dump --format=custom --no-owner` to `output`, from one
    /// snapshot exported by a repeatable-read transaction on `db`, in which the counts are read too. Refuses to
    /// replace an existing `output` unless `overwrite`.
    public static func backUpPostgres(
        on db: any Database, url: String, to output: String, overwrite: Bool, tools: PostgresTools, progress: Progress = .none
    ) async throws -> Written {
        let connection = try PostgresConnectionInfo(url: url)
        let target = absolute(output)
        try checkOutput(target, shownAs: output, overwrite: overwrite)
        let temporary = temporaryPath(beside: target, purpose: "backup")
        defer { removeIfPresent(temporary) }

        progress.stage("pg_dump", nil)
        let counts: BackupCounts
        do {
            counts = try await snapshotAndDump(on: db, connection: connection, to: temporary, tools: tools)
        } catch let error as PSQLError {
            throw BackupError("Cannot read \(connection.redacted): \(error.serverInfo?[.message] ?? "\(error.code)").")
        }
        progress.stage("syncing", nil)
        try secureAndSync(temporary, permissions: 0o600)
        try publish(temporary, as: target, shownAs: output, overwrite: overwrite)
        return Written(path: output, bytes: fileSize(target), counts: counts)
    }

    /// In one repeatable-read transaction: exports its snapshot, counts, and runs `pg_dump` on that snapshot.
    private static func snapshotAndDump(
        on db: any Database, connection: PostgresConnectionInfo, to temporary: String, tools: PostgresTools
    ) async throws -> BackupCounts {
        try await db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { throw BackupError("The database does not speak SQL.") }
            try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
            let snapshot = try await sql.raw("SELECT pg_export_snapshot() AS snapshot").first()?.decode(column: "snapshot", as: String.self)
            guard let snapshot else { throw BackupError("PostgreSQL exported no snapshot.") }
            let counts = try await BackupCounts.read(on: sql)
            try await tools.run(
                tools.pgDump,
                ["--format=custom", "--no-owner", "--snapshot=\(snapshot)", "--file", temporary, connection.conninfo],
                connection: connection)
            return counts
        }
    }

    /// Restores a `pg_dump --format=custom` file into the PostgreSQL database `url` with
    /// `pg_restore --clean --if-exists --no-owner --single-transaction`: all of it, or (on any error) nothing.
    /// Run migrations afterwards.
    public static func restorePostgres(url: String, from backup: String, tools: PostgresTools, progress: Progress = .none) async throws {
        let connection = try PostgresConnectionInfo(url: url)
        let source = absolute(backup)
        try checkBackupFile(source, shownAs: backup, expecting: .postgres)
        progress.stage("pg_restore", nil)
        try await tools.run(
            tools.pgRestore,
            ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", connection.conninfo, source],
            connection: connection)
    }

    // MARK: - Files

    enum Format { case sqlite, postgres }

    private static func checkBackupFile(_ path: String, shownAs name: String, expecting format: Format) throws {
        guard isRegularFile(path) else { throw BackupError("There is no backup file at \(name).") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BackupError("Cannot read \(name).") }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        let isSQLite = header == Data("SQLite format 3\0".utf8)
        let isDump = header.starts(with: Data("PGDMP".utf8))
        switch format {
        case .sqlite where isSQLite, .postgres where isDump:
            return
        case .sqlite where isDump:
            throw BackupError("\(name) is a PostgreSQL backup (pg_dump): restore it with DATABASE_URL set to the PostgreSQL database.")
        case .postgres where isSQLite:
            throw BackupError("\(name) is a SQLite backup: restore it with --database and without DATABASE_URL.")
        case .sqlite:
            throw BackupError("\(name) is not a SQLite database.")
        case .postgres:
            throw BackupError("\(name) is not a pg_dump custom-format backup.")
        }
    }

    private static func checkOutput(_ target: String, shownAs name: String, overwrite: Bool) throws {
        let folder = (target as NSString).deletingLastPathComponent
        guard isDirectory(folder) else { throw BackupError("The folder of \(name) does not exist.") }
        if isDirectory(target) { throw BackupError("\(name) is a folder.") }
        if FileManager.default.fileExists(atPath: target) && !overwrite {
            throw BackupError("\(name) already exists: choose another file, or pass --force to replace it.")
        }
    }

    /// Moves the finished `temporary` file to `target`: replacing it when `overwrite`, else only if nothing has
    /// appeared there meanwhile (a hard link fails rather than replace), then syncs the folder.
    private static func publish(_ temporary: String, as target: String, shownAs name: String, overwrite: Bool) throws {
        if overwrite {
            guard rename(temporary, target) == 0 else {
                throw BackupError("Cannot write \(name): \(String(cString: strerror(errno))).")
            }
        } else if link(temporary, target) == 0 {
            unlink(temporary)
        } else if errno == EEXIST {
            throw BackupError("\(name) already exists: choose another file, or pass --force to replace it.")
        } else {
            // A file system without hard links: check and rename (a race with another writer is unlikely here).
            guard !FileManager.default.fileExists(atPath: target) else {
                throw BackupError("\(name) already exists: choose another file, or pass --force to replace it.")
            }
            guard rename(temporary, target) == 0 else {
                throw BackupError("Cannot write \(name): \(String(cString: strerror(errno))).")
            }
        }
        try syncDirectory((target as NSString).deletingLastPathComponent)
    }

    private static func copyFile(_ source: String, to destination: String, progress: Progress) throws {
        guard let input = FileHandle(forReadingAtPath: source) else { throw BackupError("Cannot read \(source).") }
        defer { try? input.close() }
        removeIfPresent(destination)
        guard FileManager.default.createFile(atPath: destination, contents: nil, attributes: [.posixPermissions: 0o600]),
              let output = FileHandle(forWritingAtPath: destination)
        else { throw BackupError("Cannot write beside \(destination).") }
        defer { try? output.close() }
        progress.stage("copying", Int(clamping: fileSize(source)))
        while let chunk = try input.read(upToCount: 4 << 20), !chunk.isEmpty {
            try output.write(contentsOf: chunk)
            progress.advance(chunk.count)
        }
        try output.synchronize()
    }

    private static func secureAndSync(_ path: String, permissions: Int) throws {
        guard chmod(path, mode_t(permissions)) == 0 else { throw BackupError("Cannot set the permissions of \(path).") }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw BackupError("Cannot open \(path) to sync it.") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw BackupError("Cannot sync \(path): \(String(cString: strerror(errno))).") }
    }

    private static func syncDirectory(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return }  // some systems cannot open folders: the rename is done anyway
        defer { close(descriptor) }
        _ = fsync(descriptor)
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    private static func temporaryPath(beside target: String, purpose: String) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        return (folder as NSString).appendingPathComponent(".\(name).\(purpose)-\(UUID().uuidString.prefix(8)).partial")
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && !directory.boolValue
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    private static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return a == b }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// The size of the file at `path` in bytes; 0 when there is none.
    public static func fileSize(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }

    private static func removeIfPresent(_ path: String) {
        _ = unlink(path)
    }

    private static func removeOrThrow(_ path: String) throws {
        if unlink(path) != 0 && errno != ENOENT {
            throw BackupError(String(cString: strerror(errno)))
        }
    }

    // MARK: - SQLite connections

    /// Opens the file with a URI (`mode=rw`: never creates it; `mode=ro`), runs `body`, and closes it.
    private static func withSQLite<T: Sendable>(
        _ path: String, mode: String, _ body: @Sendable (SQLiteConnection) async throws -> T
    ) async throws -> T {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        let connection = try await SQLiteConnection.open(storage: .file(path: "file:\(encoded)?mode=\(mode)"))
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static func run(_ connection: SQLiteConnection, _ query: String, _ binds: [SQLiteData]) async throws {
        _ = try await connection.query(query, binds)
    }

    private static func rows(_ connection: SQLiteConnection, _ query: String) async throws -> [SQLiteRow] {
        try await connection.query(query, [])
    }
}

/// How many clients, vacancies and audit rows a database (or backup) holds; a table that does not exist counts 0.
public struct BackupCounts: Sendable, Hashable, CustomStringConvertible {
    public var clients: Int
    public var vacancies: Int
    public var auditEvents: Int

    public init(clients: Int, vacancies: Int, auditEvents: Int) {
        self.clients = clients
        self.vacancies = vacancies
        self.auditEvents = auditEvents
    }

    /// `2000 clients, 150 vacancies, 12 audit rows`
    public var description: String {
        "\(clients) \(clients == 1 ? "client" : "clients"), \(vacancies) \(vacancies == 1 ? "vacancy" : "vacancies"), "
            + "\(auditEvents) audit \(auditEvents == 1 ? "row" : "rows")"
    }

    public static func read(on db: any Database) async throws -> BackupCounts {
        guard let sql = db as? any SQLDatabase else { throw BackupError("The database does not speak SQL.") }
        return try await read(on: sql)
    }

    public static func read(on sql: any SQLDatabase) async throws -> BackupCounts {
        func count(_ table: String) async throws -> Int {
            let exists: Bool
            if sql.dialect.name == "postgresql" {
                exists = try await sql.raw("SELECT to_regclass(\(bind: table))::text AS name").first()?
                    .decodeNil(column: "name") == false
            } else {
                exists = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name = \(bind: table)").first() != nil
            }
            guard exists else { return 0 }
            return try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return BackupCounts(
            clients: try await count(ClientModel.schema), vacancies: try await count(VacancyModel.schema),
            auditEvents: try await count(AuditEventModel.schema))
    }
}

/// A backup or restore that cannot be done, said for the person running it.
public struct BackupError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

// MARK: - PostgreSQL client tools

/// `pg_dump` and `pg_restore`: the first found on `PATH`, else under `/usr/lib/postgresql/*/bin` (newest first).
public struct PostgresTools: Sendable {
    public var pgDump: String
    public var pgRestore: String

    public init(pgDump: String, pgRestore: String) {
        self.pgDump = pgDump
        self.pgRestore = pgRestore
    }

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresTools {
        func find(_ name: String) throws -> String {
            let onPath = (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
            let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
                .sorted { $0.compare($1, options: .numeric) == .orderedDescending }
                .map { "/usr/lib/postgresql/\($0)/bin/\(name)" }
            guard let found = (onPath + versions).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
                throw BackupError(
                    "\(name) was not found on PATH or under /usr/lib/postgresql/*/bin: install the PostgreSQL client tools "
                        + "(Debian: apt-get install postgresql-client, the same major version as the server or newer).")
            }
            return found
        }
        return PostgresTools(pgDump: try find("pg_dump"), pgRestore: try find("pg_restore"))
    }

    /// Runs `tool` with `arguments`, the password (if any) in `PGPASSWORD` rather than on the command line;
    /// throws with the tool's own messages (the password removed) when it fails.
    func run(_ tool: String, _ arguments: [String], connection: PostgresConnectionInfo) async throws {
        let name = (tool as NSString).lastPathComponent
        let (status, errors) = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Int32, String), any Error>) in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: tool)
                process.arguments = arguments
                var environment = ProcessInfo.processInfo.environment
                if let password = connection.password { environment["PGPASSWORD"] = password }
                process.environment = environment
                let errorPipe = Pipe()
                process.standardError = errorPipe
                process.standardOutput = FileHandle.nullDevice
                process.standardInput = FileHandle.nullDevice
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: BackupError("Cannot run \(tool): \(error.localizedDescription)"))
                    return
                }
                let data = (try? errorPipe.fileHandleForReading.readToEnd()) ?? Data()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, String(decoding: data, as: UTF8.self)))
            }
        }
        let messages = connection.redact(errors).trimmingCharacters(in: .whitespacesAndNewlines)
        guard status == 0 else {
            throw BackupError("\(name) failed (exit status \(status))" + (messages.isEmpty ? "." : ":\n\(messages)"))
        }
        if !messages.isEmpty { FileHandle.standardError.write(Data((messages + "\n").utf8)) }
    }
}

/// A `DATABASE_URL` as libpq wants it: a keyword/value connection string without the password (which goes in
/// `PGPASSWORD`, so it is never on a command line other users can list), with the driver's URL forms
/// (`postgres+tcp`, `postgres+uds`, `tlsmode`) translated.
struct PostgresConnectionInfo: Sendable {
    var conninfo: String
    var password: String?
    var redacted: String

    init(url: String) throws {
        let redacted = DatabaseLocation.redacted(url)
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            throw BackupError("DATABASE_URL is not a URL: \(redacted).")
        }
        var fields: [(String, String)] = []
        let queryItems = components.queryItems ?? []
        switch scheme {
        case "postgres", "postgresql", "postgres+tcp", "postgresql+tcp":
            guard let host = components.host, !host.isEmpty else { throw BackupError("DATABASE_URL names no host: \(redacted).") }
            fields.append(("host", host))
            if let port = components.port { fields.append(("port", String(port))) }
            let database = String(components.path.drop { $0 == "/" })
            if !database.isEmpty { fields.append(("dbname", database)) }
        case "postgres+uds", "postgresql+uds":
            // The driver names the socket file; libpq wants its folder and port.
            let socket = components.path
            let folder = (socket as NSString).deletingLastPathComponent, file = (socket as NSString).lastPathComponent
            if file.hasPrefix(".s.PGSQL."), let port = Int(file.dropFirst(".s.PGSQL.".count)) {
                fields.append(("host", folder))
                fields.append(("port", String(port)))
            } else {
                fields.append(("host", socket))
            }
            if let database = components.fragment, !database.isEmpty { fields.append(("dbname", database)) }
        default:
            throw BackupError("DATABASE_URL is not a PostgreSQL URL: \(redacted).")
        }
        if let user = components.user, !user.isEmpty { fields.append(("user", user)) }
        if let mode = queryItems.last(where: { ["tlsmode", "sslmode", "ssl", "tls"].contains($0.name.lowercased()) })?.value {
            let libpq: String = switch mode {
            case "true": "prefer"
            case "false": "disable"
            default: mode
            }
            fields.append(("sslmode", libpq))
        }
        conninfo = fields.map { "\($0.0)='\(Self.quoted($0.1))'" }.joined(separator: " ")
        password = components.password.flatMap { $0.isEmpty ? nil : $0 }
            ?? queryItems.last(where: { $0.name == "password" })?.value
        self.redacted = redacted
    }

    /// Escapes `\` and `'` for a single-quoted libpq value.
    static func quoted(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }

    /// `text` with the password replaced by `***`.
    func redact(_ text: String) -> String {
        guard let password, !password.isEmpty else { return text }
        return text.replacingOccurrences(of: password, with: "***")
    }
}

/// Whether another process holds a POSIX lock on a SQLite database or its shared-memory file: every open
/// connection to a database in WAL mode keeps a shared lock on the `-shm` file, so a running server shows up
/// here (a rollback-mode connection only while it reads or writes).
enum SQLiteFileLocks {
    /// `pid N` of a process holding a lock on `path` or `path-shm`, or nil when none does.
    static func holder(of path: String) -> String? {
        for file in [path + "-shm", path] {
            let descriptor = open(file, O_RDWR)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            var lock = flock()
            lock.l_type = Int16(F_WRLCK)
            lock.l_whence = Int16(SEEK_SET)
            lock.l_start = 0
            lock.l_len = 0
            if fcntl(descriptor, F_GETLK, &lock) == 0 && lock.l_type != Int16(F_UNLCK) {
                return "pid \(lock.l_pid)"
            }
        }
        return nil
    }
}
