import EscalatorCore
import EscalatorPersistence
import Vapor

/// The app's audit chain and clock (configure.swift sets it up with the data key's `audit-chain` subkey).
public struct AuditTrail: Sendable {
    public let chain: AuditChain
    public let now: @Sendable () -> Date

    public init(chain: AuditChain, now: @escaping @Sendable () -> Date) {
        self.chain = chain
        self.now = now
    }

    public init(environment: AppEnvironment) {
        self.init(chain: AuditChain(key: environment.dataKey.subkey("audit-chain")), now: environment.now)
    }

    public func auditor(_ actor: AuditActor, channel: AuditChannel) -> Auditor {
        Auditor(chain: chain, actor: actor, channel: channel, now: now)
    }
}

struct AuditTrailKey: StorageKey {
    typealias Value = AuditTrail
}

extension Application {
    public var auditTrail: AuditTrail {
        guard let trail = storage[AuditTrailKey.self] else { fatalError("configure(_:environment:) sets up the audit trail") }
        return trail
    }
}

extension AuditActor {
    /// The signed-in user as they are now: the trail keeps this name and organisation even if they change.
    init(_ user: AuthenticatedUser) {
        self.init(userID: user.id, userName: user.displayName, role: user.role, organisationID: user.organisationID,
                  organisationName: user.organisationName)
    }
}

extension Request {
    /// Records what the signed-in user does to clients' records, through the API for `/api/…`, pages otherwise.
    /// See `Auditor` for how reads and changes are recorded.
    var auditor: Auditor {
        get throws {
            application.auditTrail.auditor(AuditActor(try user), channel: url.path.hasPrefix("/api/") ? .api : .page)
        }
    }

    /// Records that the signed-in user did `action` to `object` of the client's record, for `purpose`; throws if it
    /// could not be written, so the request fails rather than going unaudited. For reads, call it once access is
    /// allowed and before the response is made.
    func audit(_ action: AuditAction, _ object: AuditObject, client: UUID, purpose: AuditPurpose) async throws {
        let auditor = try auditor
        try await auditor.record([auditor.event(action, object, client: client, purpose: purpose)], on: db)
    }
}
