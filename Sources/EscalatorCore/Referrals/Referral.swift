import Foundation

/// A referral of a client to a programme cohort or a vacancy, with the history of its status.
public struct Referral: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public var clientID: UUID
    public var target: ReferralTarget
    public var status: ReferralStatus
    public var history: [StatusChange]

    public init(id: UUID, clientID: UUID, target: ReferralTarget, status: ReferralStatus, history: [StatusChange]) {
        self.id = id
        self.clientID = clientID
        self.target = target
        self.status = status
        self.history = history
    }
}

public enum ReferralTarget: Sendable, Hashable, Codable {
    case programme(programmeID: UUID, cohortID: UUID?)
    case vacancy(vacancyID: UUID)

    public var kind: ReferralKind {
        switch self {
        case .programme: .programme
        case .vacancy: .vacancy
        }
    }
}

public enum ReferralKind: String, Sendable, Codable, CaseIterable {
    case programme, vacancy
}

/// The status of a referral. Programme referrals run referred → started → completed or withdrawn;
/// vacancy referrals start as proposed, and run applied (the client accepted: their name and contact
/// details go to the employer) → interviewed → offered → started or declined; a client who declines a
/// proposed referral withdraws it.
public enum ReferralStatus: String, Sendable, Codable, CaseIterable {
    case referred, started, completed, withdrawn
    case proposed, applied, interviewed, offered, declined

    public var label: String { rawValue.capitalized }

    public static func initial(for kind: ReferralKind) -> ReferralStatus {
        kind == .programme ? .referred : .proposed
    }

    /// The statuses a referral of `kind` may move to from this one.
    public func next(for kind: ReferralKind) -> [ReferralStatus] {
        switch (kind, self) {
        case (.programme, .referred): [.started, .withdrawn]
        case (.programme, .started): [.completed, .withdrawn]
        case (.vacancy, .proposed): [.applied, .withdrawn]
        case (.vacancy, .applied): [.interviewed, .declined, .withdrawn]
        case (.vacancy, .interviewed): [.offered, .declined, .withdrawn]
        case (.vacancy, .offered): [.started, .declined]
        default: []
        }
    }

    public var isFinal: Bool { [.completed, .withdrawn, .declined].contains(self) }
}

public struct StatusChange: Sendable, Hashable, Codable {
    public var status: ReferralStatus
    public var at: Date
    public var byUserID: UUID?
    public var note: String

    public init(status: ReferralStatus, at: Date, byUserID: UUID?, note: String = "") {
        self.status = status
        self.at = at
        self.byUserID = byUserID
        self.note = note
    }
}

public enum ReferralError: Error, Equatable, Sendable {
    case transitionNotAllowed(from: ReferralStatus, to: ReferralStatus)
}

extension Referral {
    /// A vacancy referral the client accepted (it reached `applied`, whatever happened after).
    /// Until then the employer sees the candidate only under a pseudonym.
    public var clientAccepted: Bool {
        target.kind == .vacancy && (status == .applied || history.contains { $0.status == .applied })
    }

    /// Moves the referral on, refusing a move its kind does not allow.
    public mutating func advance(to status: ReferralStatus, at date: Date, by userID: UUID?, note: String = "") throws(ReferralError) {
        guard self.status.next(for: target.kind).contains(status) else {
            throw .transitionNotAllowed(from: self.status, to: status)
        }
        self.status = status
        history.append(StatusChange(status: status, at: date, byUserID: userID, note: note))
    }
}
