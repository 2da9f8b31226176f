import ArgumentParser
import EscalatorPersistence
import EscalatorWeb
import Foundation

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent backup of the whole database to a file; servers may keep running.",
        discussion: """
            SQLite: VACUUM INTO a new file (one consistent snapshot, taken while the servers go on reading and \
            writing). PostgreSQL (DATABASE_URL): pg_dump --format=custom --no-owner, from the same snapshot the counts \
            are read from; pg_dump is looked for on PATH, then under /usr/lib/postgresql/*/bin. The file is written \
            under a temporary name beside --out, synced, made readable by its owner only and then renamed. \
            The data key is NOT in the backup: back it up separately (docs/security.md, "Backups").
            """)

    @Option(help: "The backup file to write.") var out: String
    @Flag(help: "Replace --out if it already exists.") var force = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let location = DatabaseLocation.resolve(environment: environment, sqlitePath: database.database)
        let key = DataKeyPlace(environment: environment, location: location)
        let progress = Progress()
        defer { progress.finish() }
        let written: DatabaseBackup.Written
        do {
            switch location {
            case .sqlite(let path):
                written = try await DatabaseBackup.backUpSQLite(database: path, to: out, overwrite: force, progress: progress.reporter)
            case .postgres(let url):
                let tools = try PostgresTools.locate()
                progress.stage("connecting")
                // Nothing sealed is read and nothing audited is written: a throwaway key spares creating a key file.
                written = try await withApplication(AppEnvironment(database: location, dataKey: .generate())) { app in
                    try await DatabaseBackup.backUpPostgres(
                        on: app.db, url: url, to: out, overwrite: force, tools: tools, progress: progress.reporter)
                }
            case .sqliteInMemory:
                throw CommandFailure("An in-memory database cannot be backed up.")
            }
        } catch let error as BackupError {
            throw CommandFailure(error.description)
        }
        progress.finish()
        print("Backed up \(location) to \(out) (\(byteCount(written.bytes))): \(written.counts).")
        print("The data key is not in the backup: back up \(key.description) separately, and keep it apart from the backup (docs/security.md, \"Backups\").")
        if !key.exists {
            printError("Warning: no data key was found at \(key.description); without the key this database was written under, its sealed columns cannot be read.")
        }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the whole database with a backup written by 'escalator backup'. Stop every server first.",
        discussion: """
            Stop every 'escalator serve' or 'demo' using the database before restoring: a running server keeps its own \
            caches and audit-chain head, and with SQLite it would go on writing to the replaced file (restore refuses \
            while another process has the SQLite file open). SQLite: the backup is copied beside the database, \
            checked, synced and renamed over it, and the old -wal, -shm and -journal files are removed. PostgreSQL \
            (DATABASE_URL): pg_restore --clean --if-exists --no-owner --single-transaction (all of it, or nothing). \
            Then migrations run, and the audit chain is verified with the current data key, which must be the key the \
            backup was written under (the key is not in the backup; restore refuses to start without one). Exit 1 \
            when the chain does not verify.
            """)

    @Argument(help: "The backup file.") var file: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let location = DatabaseLocation.resolve(environment: environment, sqlitePath: database.database)
        let key = DataKeyPlace(environment: environment, location: location)
        do {
            guard try key.load() != nil else {
                throw CommandFailure(
                    "No data key at \(key.description): put the key the backup was written under there (or set ESCALATOR_DATA_KEY "
                        + "or ESCALATOR_DATA_KEY_FILE), then restore. Nothing was changed.")
            }
        } catch let error as DataKeyError {
            throw CommandFailure("\(error.description) Nothing was changed.")
        }
        let size = DatabaseBackup.fileSize(file)

        let progress = Progress()
        defer { progress.finish() }
        do {
            switch location {
            case .sqlite(let path):
                try await DatabaseBackup.restoreSQLite(from: file, to: path, progress: progress.reporter)
            case .postgres(let url):
                let tools = try PostgresTools.locate()
                try await DatabaseBackup.restorePostgres(url: url, from: file, tools: tools, progress: progress.reporter)
            case .sqliteInMemory:
                throw CommandFailure("An in-memory database cannot be restored.")
            }
        } catch let error as BackupError {
            throw CommandFailure(error.description)
        }

        progress.stage("migrating")
        let (counts, verification) = try await withApplication(try database.environment()) { app in
            try await migrate(app)
            progress.stage("verifying the audit chain")
            return (try await BackupCounts.read(on: app.db), try await app.auditTrail.chain.verify(on: app.db))
        }
        progress.finish()
        let summary = "Restored \(file) (\(byteCount(size))) into \(location): \(counts); audit chain \(verification.summary)."
        guard verification.isIntact else {
            throw CommandFailure(
                summary + " The data is restored, but the chain does not verify with the data key at \(key.description): if the "
                    + "backup was written under another key, put that key there and run 'escalator audit verify' (docs/security.md, \"Backups\").")
        }
        print(summary)
        print("The data key is not in the backup: this database needs the key at \(key.description), the one the backup was written under.")
    }
}

/// Where the app finds the data key for a database, as `AppEnvironment.fromProcess` looks for it.
struct DataKeyPlace {
    var setting: Bool
    var file: String?

    init(environment: [String: String], location: DatabaseLocation) {
        if let text = environment["ESCALATOR_DATA_KEY"], !text.isEmpty {
            setting = true
            file = nil
            return
        }
        setting = false
        if let path = environment["ESCALATOR_DATA_KEY_FILE"], !path.isEmpty {
            file = path
        } else {
            switch location {
            case .sqlite(let path): file = path + ".key"
            case .postgres: file = "escalator-data.key"
            case .sqliteInMemory: file = nil
            }
        }
    }

    var description: String {
        if setting { return "the ESCALATOR_DATA_KEY setting" }
        guard let file else { return "the data key" }
        return "the key file \(URL(fileURLWithPath: file).standardizedFileURL.path)"
    }

    var exists: Bool { setting || file.map { FileManager.default.fileExists(atPath: $0) } ?? false }

    /// The key, or nil when there is none yet (never creates one).
    func load() throws -> DataKey? {
        try DataKey.load(environment: ProcessInfo.processInfo.environment, defaultFile: file, createIfMissing: false)
    }
}

/// `512 bytes`, `12.3 kB`, `45.6 MB`, `1.2 GB`.
func byteCount(_ bytes: Int64) -> String {
    switch bytes {
    case ..<1_000: "\(bytes) bytes"
    case ..<1_000_000: String(format: "%.1f kB", Double(bytes) / 1e3)
    case ..<1_000_000_000: String(format: "%.1f MB", Double(bytes) / 1e6)
    default: String(format: "%.2f GB", Double(bytes) / 1e9)
    }
}

extension Progress {
    /// Reports the persistence layer's stages here.
    var reporter: DatabaseBackup.Progress {
        DatabaseBackup.Progress(
            stage: { [self] name, total in stage(name, total: total, unit: .bytes) },
            advance: { [self] steps in advance(by: steps) })
    }
}
