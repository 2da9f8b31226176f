import EscalatorCore
import Fluent
import Foundation

public final class EmployerModel: Model, @unchecked Sendable {
    public static let schema = "employers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "sector") public var sector: Sector
    @Field(key: "size") public var size: EmployerSize
    @Field(key: "postcode") public var postcode: String
    @Field(key: "ward_id") public var wardID: String

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $organisationID, $name, $sector, $size, $postcode, $wardID] }

    public init() {}

    public init(_ value: Employer) {
        id = value.id
        update(from: value)
    }

    public func update(from value: Employer) {
        organisationID = value.organisationID
        name = value.name
        sector = value.sector
        size = value.size
        postcode = value.postcode
        wardID = value.wardID
    }

    public var value: Employer {
        Employer(id: id!, organisationID: organisationID, name: name, sector: sector, size: size, postcode: postcode, wardID: wardID)
    }
}

public final class EngagementModel: Model, @unchecked Sendable {
    public static let schema = "employer_engagements"

    @ID(key: .id) public var id: UUID?
    @Field(key: "employer_id") public var employerID: UUID
    @Field(key: "date") public var date: Date
    @Field(key: "kind") public var kind: String
    @Field(key: "summary") public var summary: String
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $employerID, $date, $kind, $summary, $recordedBy] }

    public init() {}

    public init(employerID: UUID, _ value: EngagementEntry, recordedBy: UUID? = nil) {
        self.employerID = employerID
        date = value.date
        kind = value.kind
        summary = value.summary
        self.recordedBy = recordedBy
    }

    public var value: EngagementEntry { EngagementEntry(date: date, kind: kind, summary: summary) }
}

public final class PledgeModel: Model, @unchecked Sendable {
    public static let schema = "pledges"

    @ID(key: .id) public var id: UUID?
    @Field(key: "employer_id") public var employerID: UUID
    @Field(key: "kind") public var kind: PledgeKind
    @Field(key: "quantity") public var quantity: Int
    @Field(key: "made_on") public var madeOn: Date

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $employerID, $kind, $quantity, $madeOn] }

    public init() {}

    public init(employerID: UUID, _ value: Pledge) {
        self.employerID = employerID
        kind = value.kind
        quantity = value.quantity
        madeOn = value.madeOn
    }

    public var value: Pledge { Pledge(kind: kind, quantity: quantity, madeOn: madeOn) }
}
