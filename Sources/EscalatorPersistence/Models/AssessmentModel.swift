import EscalatorCore
import Fluent
import Foundation

/// An assessment. Skills, barriers and aspirations are stored as JSON lists on the row.
public final class AssessmentModel: Model, @unchecked Sendable {
    public static let schema = "assessments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "client_id") public var clientID: UUID
    @OptionalField(key: "adviser_id") public var adviserID: UUID?
    @Field(key: "assessed_on") public var assessedOn: Date
    @Field(key: "skills") public var skills: JSONList<SkillHolding>
    @Field(key: "highest_qualification") public var highestQualification: RQFLevel
    @Field(key: "gcse_english") public var gcseEnglish: Bool
    @Field(key: "gcse_maths") public var gcseMaths: Bool
    @Field(key: "barriers") public var barriers: JSONList<Barrier>
    @Field(key: "aspirations") public var aspirations: JSONList<String>
    @Field(key: "min_hours") public var minHours: Int
    @Field(key: "max_hours") public var maxHours: Int
    @Field(key: "max_travel_km") public var maxTravelKm: Double
    @Field(key: "travel_modes") public var travelModes: JSONList<TravelMode>
    @Field(key: "notes") public var notes: String
    @Field(key: "distance_from_work") public var distanceFromWork: Int

    public init() {}

    public init(_ value: Assessment, distanceFromWork: Int) {
        id = value.id
        clientID = value.clientID
        adviserID = value.adviserID
        assessedOn = value.assessedOn
        skills = JSONList(value.skills)
        highestQualification = value.highestQualification
        gcseEnglish = value.gcseEnglish
        gcseMaths = value.gcseMaths
        barriers = JSONList(value.barriers)
        aspirations = JSONList(value.aspirations)
        minHours = value.constraints.minHoursPerWeek
        maxHours = value.constraints.maxHoursPerWeek
        maxTravelKm = value.constraints.maxTravelKm
        travelModes = JSONList(value.constraints.travelModes)
        notes = value.notes
        self.distanceFromWork = distanceFromWork
    }

    public var value: Assessment {
        Assessment(
            id: id!, clientID: clientID, adviserID: adviserID, assessedOn: assessedOn, skills: skills.items,
            highestQualification: highestQualification, gcseEnglish: gcseEnglish, gcseMaths: gcseMaths,
            barriers: barriers.items, aspirations: aspirations.items,
            constraints: WorkConstraints(
                minHoursPerWeek: minHours, maxHoursPerWeek: maxHours, maxTravelKm: maxTravelKm, travelModes: travelModes.items),
            notes: notes)
    }
}
