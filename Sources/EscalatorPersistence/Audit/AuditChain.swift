import Crypto
import EscalatorCore
import Fluent
import FluentSQL
import Foundation

/// Writes the audit trail: each row carries the previous row's hash and its own, an HMAC-SHA256 (keyed with
/// the data key's `audit-chain` subkey) of its canonical text (`AuditEntry.canonicalText`), so editing,
/// deleting or reordering rows breaks the chain at that row (`verify`).
///
/// Appends take turns: within this process an async lock, held across `transaction`; across processes (several
/// instances, a command) the `WriteLock`, under which each transaction reads the head as committed. Appends that
/// arrive together are written as one batch in one transaction (group commit). The sequence number is the
/// primary key besides, so the chain can never fork.
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

    static let batchSize = 250

    private let key: SymmetricKey
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(key: SymmetricKey) {
        self.key = key
    }

    // MARK: - Appending

    /// Appends `events`, in order, stamped `at`, outside any transaction: for reads, recorded once the
    /// access has been allowed and before anything is shown. Throws if they could not be written.
    ///
    /// Concurrent appends are written together (group commit): whatever arrives while one batch is being written
    /// goes into the next, one transaction and one INSERT for all of them, and each caller resumes only once its
    /// rows are committed.
    @discardableResult
    public func append(_ events: [AuditEvent], at: Date, on db: any Database) async throws -> [AuditEntry] {
        guard !events.isEmpty else { return [] }
        return try await withCheckedThrowingContinuation { continuation in
            queue.append(Queued(events: events, at: at, continuation: continuation))
            if !flushing {
                flushing = true
                Task { await self.flush(on: db) }
            }
        }
    }

    private struct Queued {
        var events: [AuditEvent]
        var at: Date
        var continuation: CheckedContinuation<[AuditEntry], any Error>
    }

    private var queue: [Queued] = []
    private var flushing = false

    private func flush(on db: any Database) async {
        while !queue.isEmpty {
            let batch = queue
            queue = []
            await acquire()
            do {
                let entries = try await writeBatch(batch, on: db)
                var offset = 0
                for queued in batch {
                    queued.continuation.resume(returning: Array(entries[offset..<offset + queued.events.count]))
                    offset += queued.events.count
                }
            } catch {
                for queued in batch { queued.continuation.resume(throwing: error) }
            }
            release()
        }
        flushing = false
    }

    /// One transaction for a whole batch, appended after the head as committed.
    private func writeBatch(_ batch: [Queued], on db: any Database) async throws -> [AuditEntry] {
        let key = key
        return try await db.transaction { tx in
            try await WriteLock.take(.auditChain, in: tx)
            var start = try await Self.readHead(on: tx)
            var entries: [AuditEntry] = []
            for queued in batch {
                let sealed = Self.seal(queued.events, at: queued.at, after: start, key: key)
                entries += sealed
                start = sealed.last.map(Head.init) ?? start
            }
            try await entries.map(AuditEventModel.init).createInBatches(on: tx, batchSize: Self.batchSize)
            return entries
        }
    }

    /// Runs `write` and appends `events` in one database transaction, so a change and its audit rows are
    /// committed together or not at all. Other appends wait until it ends — from this process and, through the
    /// write lock, from every other: keep `write` short, and never append from inside it (that would wait for itself).
    public func transaction<T: Sendable>(
        _ events: [AuditEvent], at: Date, on db: any Database, _ write: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> (value: T, entries: [AuditEntry]) {
        await acquire()
        defer { release() }
        let key = key
        return try await db.transaction { tx in
            try await WriteLock.take(.auditChain, in: tx)
            let value = try await write(tx)
            let entries = Self.seal(events, at: at, after: try await Self.readHead(on: tx), key: key)
            try await entries.map(AuditEventModel.init).createInBatches(on: tx, batchSize: Self.batchSize)
            return (value, entries)
        }
    }

    /// The last row of the chain in the database, or nil while it is empty.
    public static func readHead(on db: any Database) async throws -> Head? {
        try await AuditEventModel.query(on: db).sort(\.$id, .descending).first().map { Head(sequence: $0.id!, hash: $0.hash) }
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
