import EscalatorCore
import Fluent
import Foundation

/// Records what one actor does to clients' records, through one channel: the app makes one per request
/// (`req.auditor`), a command makes its own (`AuditActor.command`).
///
/// - Reads: `try await auditor.read(.clientRecord, client: id, purpose: .caseManagement, on: db)` once access
///   has been allowed and before anything is shown. If it throws, show nothing: there is no unaudited access.
/// - Changes: `try await auditor.change([auditor.event(.create, .assessment(id), client: clientID, purpose: ...)], on: db) { db in
///   ...writes... }` runs the writes and appends the events in one transaction: both are committed or neither.
///   Do not call the auditor again from inside the closure (it would wait for itself).
/// - Lists (search results, candidates for a vacancy) record nothing per client: only opening a record is audited.
///
/// `object` is fixed words and ids (`AuditObject`), never personal data: the trail cannot be erased.
public struct Auditor: Sendable {
    public var chain: AuditChain
    public var actor: AuditActor
    public var channel: AuditChannel
    public var now: @Sendable () -> Date

    public init(chain: AuditChain, actor: AuditActor, channel: AuditChannel, now: @escaping @Sendable () -> Date) {
        self.chain = chain
        self.actor = actor
        self.channel = channel
        self.now = now
    }

    public func event(_ action: AuditAction, _ object: AuditObject, client: UUID, purpose: AuditPurpose) -> AuditEvent {
        AuditEvent(actor: actor, action: action, object: object, clientID: client, purpose: purpose, channel: channel)
    }

    /// Records a read of part of one client's record.
    public func read(_ object: AuditObject, client: UUID, purpose: AuditPurpose, on db: any Database) async throws {
        try await record([event(.read, object, client: client, purpose: purpose)], on: db)
    }

    /// Records events that go with no change of this app's own (e.g. an export written to a file).
    public func record(_ events: [AuditEvent], on db: any Database) async throws {
        try await chain.append(events, at: now(), on: db)
    }

    /// Runs `write` and appends `events` in one transaction.
    public func change<T: Sendable>(
        _ events: [AuditEvent], on db: any Database, _ write: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        try await chain.transaction(events, at: now(), on: db, write).value
    }
}
