import EscalatorCore
import Fluent
import Foundation

/// A referral row; its status history lives in `referral_status_changes`.
public final class ReferralModel: Model, @unchecked Sendable {
    public static let schema = "referrals"

    @ID(key: .id) public var id: UUID?
    @Field(key: "client_id") public var clientID: UUID
    @Field(key: "kind") public var kind: ReferralKind
    @OptionalField(key: "programme_id") public var programmeID: UUID?
    @OptionalField(key: "cohort_id") public var cohortID: UUID?
    @OptionalField(key: "vacancy_id") public var vacancyID: UUID?
    @Field(key: "status") public var status: ReferralStatus
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $clientID, $kind, $programmeID, $cohortID, $vacancyID, $status, $createdAt, $updatedAt] }

    public init() {}

    public init(_ value: Referral) {
        id = value.id
        clientID = value.clientID
        kind = value.target.kind
        switch value.target {
        case .programme(let programmeID, let cohortID):
            self.programmeID = programmeID
            self.cohortID = cohortID
        case .vacancy(let vacancyID):
            self.vacancyID = vacancyID
        }
        status = value.status
        createdAt = value.history.first?.at ?? Date(timeIntervalSince1970: 0)
        updatedAt = value.history.last?.at ?? createdAt
    }

    public var target: ReferralTarget {
        switch kind {
        case .programme: .programme(programmeID: programmeID!, cohortID: cohortID)
        case .vacancy: .vacancy(vacancyID: vacancyID!)
        }
    }

    public func value(history: [StatusChange]) -> Referral {
        Referral(id: id!, clientID: clientID, target: target, status: status, history: history)
    }
}

public final class StatusChangeModel: Model, @unchecked Sendable {
    public static let schema = "referral_status_changes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "referral_id") public var referralID: UUID
    @Field(key: "sequence") public var sequence: Int
    @Field(key: "status") public var status: ReferralStatus
    @Field(key: "at") public var at: Date
    @OptionalField(key: "by_user_id") public var byUserID: UUID?
    @Field(key: "note") public var note: String

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $referralID, $sequence, $status, $at, $byUserID, $note] }

    public init() {}

    public init(referralID: UUID, sequence: Int, _ value: StatusChange) {
        self.referralID = referralID
        self.sequence = sequence
        status = value.status
        at = value.at
        byUserID = value.byUserID
        note = value.note
    }

    public var value: StatusChange { StatusChange(status: status, at: at, byUserID: byUserID, note: note) }
}
