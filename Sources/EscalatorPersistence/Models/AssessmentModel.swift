import EscalatorCore
import Fluent
import Foundation

/// An assessment. Skills and aspirations are stored as JSON lists on the row; barriers (as JSON) and
/// notes are special-category data, stored sealed (`ColumnCipher`).
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
    @Field(key: "sealed_barriers") public var sealedBarriers: String
    @Field(key: "aspirations") public var aspirations: JSONList<String>
    @Field(key: "min_hours") public var minHours: Int
    @Field(key: "max_hours") public var maxHours: Int
    @Field(key: "max_travel_km") public var maxTravelKm: Double
    @Field(key: "travel_modes") public var travelModes: JSONList<TravelMode>
    @Field(key: "sealed_notes") public var sealedNotes: String
    @Field(key: "distance_from_work") public var distanceFromWork: Int
    /// When the row was written, in seconds since 1970 (0 for rows written before it was kept): the tie-break
    /// between two assessments on the same day (`latestFirst`).
    @Field(key: "recorded_at") public var recordedAt: Double

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $clientID, $adviserID, $assessedOn, $skills, $highestQualification, $gcseEnglish, $gcseMaths, $sealedBarriers, $aspirations, $minHours, $maxHours, $maxTravelKm, $travelModes, $sealedNotes, $distanceFromWork, $recordedAt] }

    public init() {}

    public static let barriersColumn = "sealed_barriers"
    public static let notesColumn = "sealed_notes"

    static func location(_ column: String, _ id: UUID) -> SealedLocation {
        SealedLocation(table: schema, column: column, rowID: id)
    }

    /// A new row, its barriers and notes sealed with `cipher`.
    public init(_ value: Assessment, distanceFromWork: Int, cipher: ColumnCipher) throws {
        id = value.id
        clientID = value.clientID
        adviserID = value.adviserID
        assessedOn = value.assessedOn
        skills = JSONList(value.skills)
        highestQualification = value.highestQualification
        gcseEnglish = value.gcseEnglish
        gcseMaths = value.gcseMaths
        sealedBarriers = try cipher.seal(json: value.barriers, at: Self.location(Self.barriersColumn, value.id))
        aspirations = JSONList(value.aspirations)
        minHours = value.constraints.minHoursPerWeek
        maxHours = value.constraints.maxHoursPerWeek
        maxTravelKm = value.constraints.maxTravelKm
        travelModes = JSONList(value.constraints.travelModes)
        sealedNotes = try cipher.seal(text: value.notes, at: Self.location(Self.notesColumn, value.id))
        self.distanceFromWork = distanceFromWork
        self.recordedAt = Date().timeIntervalSince1970
    }

    /// The assessment with its barriers and notes opened: throws if they do not open with this key.
    public func value(_ cipher: ColumnCipher) throws -> Assessment {
        let id = id!
        let barriers = try cipher.open([Barrier].self, from: sealedBarriers, at: Self.location(Self.barriersColumn, id))
        let notes = try cipher.openText(sealedNotes, at: Self.location(Self.notesColumn, id))
        return Assessment(
            id: id, clientID: clientID, adviserID: adviserID, assessedOn: assessedOn, skills: skills.items,
            highestQualification: highestQualification, gcseEnglish: gcseEnglish, gcseMaths: gcseMaths,
            barriers: barriers, aspirations: aspirations.items,
            constraints: WorkConstraints(
                minHoursPerWeek: minHours, maxHoursPerWeek: maxHours, maxTravelKm: maxTravelKm, travelModes: travelModes.items),
            notes: notes)
    }
}

extension AssessmentModel {
    /// `latestLast()` and `latestFirst()` as SQL, for plain-row queries.
    public static let latestLastOrder = "assessed_on, recorded_at, id"
    public static let latestFirstOrder = "assessed_on DESC, recorded_at DESC, id DESC"
}

extension QueryBuilder where Model == AssessmentModel {
    /// The one rule for "a client's latest assessment": the latest assessment date, then the latest time
    /// recorded, then the greatest id. Take the first row of a client's assessments sorted this way.
    public func latestFirst() -> Self {
        sort(\.$assessedOn, .descending).sort(\.$recordedAt, .descending).sort(\.$id, .descending)
    }

    /// The same order reversed: oldest first, so that keeping the last row per client keeps the latest.
    public func latestLast() -> Self {
        sort(\.$assessedOn).sort(\.$recordedAt).sort(\.$id)
    }
}
