import Fluent
import Foundation
import SQLKit

/// What a row of the record of change is about. Derived state decides from the kind what to update.
public enum ChangeKind: String, Sendable, Hashable, CaseIterable {
    /// A client, or their assessment, consent or referral (the entity is the client's id).
    case client
    case vacancy
    /// A programme or one of its cohorts (the entity is the programme's id).
    case programme
    /// A referral's progress, job starts, sustainment checks, in-work contacts, progressions.
    case outcome
    /// An employer, its engagements and pledges.
    case employer
    /// Providers and partner organisations.
    case partner
    /// Geography and the taxonomy: everything derived must be rebuilt.
    case reference
    /// User accounts: nothing derived reads them.
    case account
    /// Anything at all (bulk loads): everything derived must be rebuilt.
    case everything

    /// Whether derived figures (dashboards, advice, plans) can change with it.
    public var affectsFigures: Bool { self != .account }
}

/// One row of the record of change.
public struct Change: Sendable, Hashable {
    public var sequence: Int64
    public var kind: ChangeKind
    /// The changed thing's id as the trigger wrote it (a UUID with or without dashes, or a text id).
    public var entity: String?

    public init(sequence: Int64, kind: ChangeKind, entity: String?) {
        self.sequence = sequence
        self.kind = kind
        self.entity = entity
    }

    /// The entity as a UUID, whichever way the database spelled it.
    public var entityID: UUID? {
        guard let entity else { return nil }
        if let id = UUID(uuidString: entity) { return id }
        let hex = Array(entity.utf8)
        guard hex.count == 32 else { return nil }
        var dashed = ""
        for (index, character) in hex.enumerated() {
            if [8, 12, 16, 20].contains(index) { dashed.append("-") }
            dashed.append(Character(UnicodeScalar(character)))
        }
        return UUID(uuidString: dashed)
    }
}

/// The shared record of change: every write to a table that derived state reads appends a row in the same
/// transaction (triggers, `M012_CreateChangeRecord`), so every instance of the app — and every command — can
/// follow what changed, in commit order, by sequence number.
public enum ChangeRecord {
    public static let table = "change_log"
    /// PostgreSQL `NOTIFY` channel: a transaction that changed tracked tables notifies it once.
    public static let channel = "escalator_changes"
    /// How many rows are kept; older ones are pruned. A follower further behind than this rebuilds everything.
    public static let kept: Int64 = 200_000

    /// The latest sequence number, 0 while the record is empty.
    public static func head(on db: any Database) async throws -> Int64 {
        let row = try await sql(db).raw("SELECT COALESCE(MAX(sequence), 0) AS head FROM \(unsafeRaw: table)").first()
        return try row?.decode(column: "head", as: Int64.self) ?? 0
    }

    /// The latest sequence number of a change that derived figures read (`ChangeKind.affectsFigures`), 0 when none.
    public static func figuresHead(on db: any Database) async throws -> Int64 {
        let row = try await sql(db).raw("""
            SELECT COALESCE(MAX(sequence), 0) AS head FROM \(unsafeRaw: table) WHERE kind <> \(bind: ChangeKind.account.rawValue)
            """).first()
        return try row?.decode(column: "head", as: Int64.self) ?? 0
    }

    /// Up to `limit` changes after `sequence`, oldest first.
    public static func changes(after sequence: Int64, limit: Int, on db: any Database) async throws -> [Change] {
        let rows = try await sql(db).raw("""
            SELECT sequence, kind, entity FROM \(unsafeRaw: table) WHERE sequence > \(bind: sequence) ORDER BY sequence LIMIT \(bind: limit)
            """).all()
        return try rows.map { row in
            let kind = try row.decode(column: "kind", as: String.self)
            return Change(sequence: try row.decode(column: "sequence", as: Int64.self),
                          kind: ChangeKind(rawValue: kind) ?? .everything,
                          entity: try row.decode(column: "entity", as: String?.self))
        }
    }

    /// Appends a change no trigger sees, in the order writers commit (`WriteLock.changes`).
    public static func record(_ kind: ChangeKind, entity: String? = nil, on db: any Database) async throws {
        try await db.transaction { tx in
            try await WriteLock.take(.changes, in: tx)
            try await sql(tx).raw("INSERT INTO \(unsafeRaw: table) (kind, entity) VALUES (\(bind: kind.rawValue), \(bind: entity))").run()
        }
    }

    /// The table whose one row, while a bulk load's transaction holds it uncommitted, pauses the triggers for that
    /// transaction alone: no other transaction ever sees the row.
    static let pauseTable = "change_log_pause"

    /// Runs a bulk load (seeding, a large import) inside the transaction `tx` with the triggers paused for it, then
    /// records one `everything` change: followers rebuild once instead of reading a row for every row written.
    public static func bulkLoad<T: Sendable>(in tx: any Database, _ load: @Sendable (any Database) async throws -> T) async throws -> T {
        try await WriteLock.take(.changes, in: tx)
        try await sql(tx).raw("INSERT INTO \(unsafeRaw: pauseTable) (paused) VALUES (\(bind: true))").run()
        let value = try await load(tx)
        try await sql(tx).raw("DELETE FROM \(unsafeRaw: pauseTable)").run()
        try await sql(tx).raw("INSERT INTO \(unsafeRaw: table) (kind, entity) VALUES (\(bind: ChangeKind.everything.rawValue), NULL)").run()
        return value
    }

    /// Deletes all but the newest `kept` rows.
    public static func prune(on db: any Database) async throws {
        let head = try await head(on: db)
        guard head > kept else { return }
        try await sql(db).raw("DELETE FROM \(unsafeRaw: table) WHERE sequence <= \(bind: head - kept)").run()
    }

    static func sql(_ db: any Database) -> any SQLDatabase { db as! any SQLDatabase }
}
