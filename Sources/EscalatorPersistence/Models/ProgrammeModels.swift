import EscalatorCore
import Fluent
import Foundation

public final class ProviderModel: Model, @unchecked Sendable {
    public static let schema = "providers"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: ProviderKind
    @Field(key: "postcode") public var postcode: String
    @Field(key: "ward_id") public var wardID: String

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $organisationID, $name, $kind, $postcode, $wardID] }

    public init() {}

    public init(_ value: Provider) {
        id = value.id
        organisationID = value.organisationID
        name = value.name
        kind = value.kind
        postcode = value.postcode
        wardID = value.wardID
    }

    public var value: Provider {
        Provider(id: id!, organisationID: organisationID, name: name, kind: kind, postcode: postcode, wardID: wardID)
    }
}

/// A programme row. Its cohorts live in `cohorts`.
public final class ProgrammeModel: Model, @unchecked Sendable {
    public static let schema = "programmes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "provider_id") public var providerID: UUID
    @Field(key: "title") public var title: String
    @Field(key: "type") public var type: ProgrammeType
    @Field(key: "skills_taught") public var skillsTaught: JSONList<SkillTaught>
    @Field(key: "entry_requirements") public var entryRequirements: EntryRequirements
    @OptionalField(key: "qualification_awarded") public var qualificationAwarded: RQFLevel?
    @Field(key: "weeks") public var weeks: Int
    @Field(key: "hours_per_week") public var hoursPerWeek: Int
    @Field(key: "postcode") public var postcode: String
    @Field(key: "ward_id") public var wardID: String
    @Field(key: "cost_pence") public var costPence: Int
    @Field(key: "barrier_support") public var barrierSupport: JSONList<BarrierKind>
    @Field(key: "co_designing_employer_ids") public var coDesigningEmployerIDs: JSONList<UUID>
    @Field(key: "guaranteed_interview") public var guaranteedInterview: Bool

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $providerID, $title, $type, $skillsTaught, $entryRequirements, $qualificationAwarded, $weeks, $hoursPerWeek, $postcode, $wardID, $costPence, $barrierSupport, $coDesigningEmployerIDs, $guaranteedInterview] }

    public init() {}

    public init(_ value: Programme) {
        id = value.id
        update(from: value)
    }

    public func update(from value: Programme) {
        providerID = value.providerID
        title = value.title
        type = value.type
        skillsTaught = JSONList(value.skillsTaught)
        entryRequirements = value.entryRequirements
        qualificationAwarded = value.qualificationAwarded
        weeks = value.weeks
        hoursPerWeek = value.hoursPerWeek
        postcode = value.postcode
        wardID = value.wardID
        costPence = value.costPence
        barrierSupport = JSONList(value.barrierSupport)
        coDesigningEmployerIDs = JSONList(value.coDesigningEmployerIDs)
        guaranteedInterview = value.guaranteedInterview
    }

    public func value(cohorts: [Cohort]) -> Programme {
        Programme(
            id: id!, providerID: providerID, title: title, type: type, skillsTaught: skillsTaught.items,
            entryRequirements: entryRequirements, qualificationAwarded: qualificationAwarded, weeks: weeks,
            hoursPerWeek: hoursPerWeek, postcode: postcode, wardID: wardID, costPence: costPence,
            barrierSupport: barrierSupport.items, coDesigningEmployerIDs: coDesigningEmployerIDs.items,
            guaranteedInterview: guaranteedInterview, cohorts: cohorts)
    }
}

public final class CohortModel: Model, @unchecked Sendable {
    public static let schema = "cohorts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "programme_id") public var programmeID: UUID
    @Field(key: "starts_on") public var startsOn: Date
    @Field(key: "capacity") public var capacity: Int
    @Field(key: "enrolled") public var enrolled: Int

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $programmeID, $startsOn, $capacity, $enrolled] }

    public init() {}

    public init(programmeID: UUID, _ value: Cohort) {
        id = value.id
        self.programmeID = programmeID
        startsOn = value.startsOn
        capacity = value.capacity
        enrolled = value.enrolled
    }

    public var value: Cohort { Cohort(id: id!, startsOn: startsOn, capacity: capacity, enrolled: enrolled) }
}
