import Crypto
import EscalatorCore
import Fluent
import FluentSQL
import Foundation

/// Writes the audit trail: each row carries the previous row's hash and its own, an HMAC-SHA256 (keyed with
/// the data key's `audit-chain` subkey) of its canonical text (`AuditEntry.canonicalText`), so editing,
/// deleting or reordering rows breaks the chain at that row (`verify`).
///
/// Appends from this process take turns (an async lock, held across `transaction`), and the head is cached
/// after the first read, so an append is one INSERT. Another process (a second server, `escalator import`)
/// may have appended meanwhile: the sequence number is the primary key, so the INSERT then fails, and the
/// chain re-reads the head and tries again. The chain can therefore never fork.
public actor AuditChain {
    /// The last row: its sequence number and hash.
    public struct Head: Sendable, Hashable {
        public var sequence: Int
        public var hash: String

        public init(sequence: Int, hash: String) {
            self.sequence = sequence
            self.hash = hash
        }

        init(_ entry: AuditEntry) { self.init(sequence: entry.sequence, hash: entry.hash) }
    }

    static let attempts = 5
    static let batchSize = 250

    private let key: SymmetricKey
    private var head: Head?
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(key: SymmetricKey) {
        self.key = key
    }

    // MARK: - Appending

    /// Appends `events`, in order, stamped `at`, outside any transaction: for reads, recorded once the
    /// access has been allowed and before anything is shown. Throws if they could not be written.
    @discardableResult
    public func append(_ events: [AuditEvent], at: Date, on db: any Database) async throws -> [AuditEntry] {
        guard !events.isEmpty else { return [] }
        guard events.count <= Self.batchSize else {
            return try await transaction(events, at: at, on: db) { _ in }.entries
        }
        await acquire()
        defer { release() }
        var attempt = 1
        while true {
            let start = try await currentHead(on: db)
            let entries = Self.seal(events, at: at, after: start, key: key)
            do {
                try await entries.map(AuditEventModel.init).create(on: db)
                head = entries.last.map(Head.init)
                return entries
            } catch {
                head = nil
                guard attempt < Self.attempts, Self.isConflict(error), try await Self.readHead(on: db) != start else { throw error }
                attempt += 1
            }
        }
    }

    /// Runs `write` and appends `events` in one database transaction, so a change and its audit rows are
    /// committed together or not at all. Other appends from this process wait until it ends: keep `write`
    /// short, and never append from inside it (that would wait for itself).
    public func transaction<T: Sendable>(
        _ events: [AuditEvent], at: Date, on db: any Database, _ write: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> (value: T, entries: [AuditEntry]) {
        await acquire()
        defer { release() }
        let cached = head
        let key = key
        do {
            let result = try await db.transaction { tx in
                let value = try await write(tx)
                let entries = try await Self.appendWithinTransaction(events, at: at, after: cached, key: key, on: tx)
                return (value, entries)
            }
            if let last = result.1.last { head = Head(last) }
            return (result.0, result.1)
        } catch {
            head = nil
            throw error
        }
    }

    /// Inside a transaction a failed INSERT would spoil the whole transaction on PostgreSQL, so each attempt
    /// runs under a savepoint it can roll back to.
    private static func appendWithinTransaction(
        _ events: [AuditEvent], at: Date, after cached: Head?, key: SymmetricKey, on tx: any Database
    ) async throws -> [AuditEntry] {
        guard !events.isEmpty else { return [] }
        let sql = tx as! any SQLDatabase
        var start: Head?
        if let cached { start = cached } else { start = try await readHead(on: tx) }
        var attempt = 1
        while true {
            let entries = seal(events, at: at, after: start, key: key)
            try await sql.raw("SAVEPOINT escalator_audit").run()
            do {
                try await entries.map(AuditEventModel.init).createInBatches(on: tx, batchSize: batchSize)
                try await sql.raw("RELEASE SAVEPOINT escalator_audit").run()
                return entries
            } catch {
                try await sql.raw("ROLLBACK TO SAVEPOINT escalator_audit").run()
                let fresh = try await readHead(on: tx)
                guard attempt < attempts, isConflict(error), fresh != start else { throw error }
                start = fresh
                attempt += 1
            }
        }
    }

    private func currentHead(on db: any Database) async throws -> Head? {
        if let head { return head }
        head = try await Self.readHead(on: db)
        return head
    }

    /// The last row of the chain in the database, or nil while it is empty.
    public static func readHead(on db: any Database) async throws -> Head? {
        try await AuditEventModel.query(on: db).sort(\.$id, .descending).first().map { Head(sequence: $0.id!, hash: $0.hash) }
    }

    static func isConflict(_ error: any Error) -> Bool {
        (error as? any DatabaseError)?.isConstraintFailure == true
    }

    // MARK: - Taking turns

    private func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the turn straight to the next waiter, if any, so nobody can slip in between.
    private func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }

    // MARK: - Hashing

    /// The entries for `events` following `start`, each sealed with its hash.
    static func seal(_ events: [AuditEvent], at: Date, after start: Head?, key: SymmetricKey) -> [AuditEntry] {
        var previous = start?.hash ?? AuditEntry.genesisHash
        var sequence = start?.sequence ?? 0
        return events.map { event in
            sequence += 1
            var entry = AuditEntry(event, sequence: sequence, at: at, previousHash: previous)
            entry.hash = hash(entry, key: key)
            previous = entry.hash
            return entry
        }
    }

    /// HMAC-SHA256 of the entry's canonical text, in lower-case hex.
    public static func hash(_ entry: AuditEntry, key: SymmetricKey) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(entry.canonicalText.utf8), using: key)
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in code {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    // MARK: - Verifying

    /// Recomputes the whole chain; see `AuditVerification`.
    public func verify(on db: any Database, anchor: Head? = nil) async throws -> AuditVerification {
        try await AuditVerification.verify(on: db, key: key, anchor: anchor)
    }
}
