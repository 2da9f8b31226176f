import Foundation

/// What the matcher needs to know about a client: their latest assessment, flattened, and where they live.
public struct MatchProfile: Sendable, Hashable {
    public var clientID: UUID
    public var location: GeoPoint
    public var skills: [String: Proficiency]
    public var qualification: RQFLevel
    public var gcseEnglish: Bool
    public var gcseMaths: Bool
    public var minHoursPerWeek: Int
    public var maxHoursPerWeek: Int
    public var maxTravelKm: Double
    /// Target occupation ids.
    public var aspirations: Set<String>
    /// Age in whole years on the day of matching, when the date of birth is known.
    public var age: Int?
    public var barriers: [Barrier]

    public init(
        clientID: UUID, location: GeoPoint, skills: [String: Proficiency], qualification: RQFLevel,
        gcseEnglish: Bool, gcseMaths: Bool, minHoursPerWeek: Int, maxHoursPerWeek: Int, maxTravelKm: Double,
        aspirations: Set<String>, age: Int?, barriers: [Barrier] = []
    ) {
        self.clientID = clientID
        self.location = location
        self.skills = skills
        self.qualification = qualification
        self.gcseEnglish = gcseEnglish
        self.gcseMaths = gcseMaths
        self.minHoursPerWeek = minHoursPerWeek
        self.maxHoursPerWeek = maxHoursPerWeek
        self.maxTravelKm = maxTravelKm
        self.aspirations = aspirations
        self.age = age
        self.barriers = barriers
    }
}

/// A vacancy with the location the matcher measures travel to.
public struct VacancyTarget: Sendable, Hashable {
    public var vacancy: Vacancy
    public var location: GeoPoint

    public init(vacancy: Vacancy, location: GeoPoint) {
        self.vacancy = vacancy
        self.location = location
    }
}

/// A programme with the location the matcher measures travel to.
public struct ProgrammeTarget: Sendable, Hashable {
    public var programme: Programme
    public var location: GeoPoint

    public init(programme: Programme, location: GeoPoint) {
        self.programme = programme
        self.location = location
    }
}

/// One weighted part of a match score. `contribution == weight * value`.
public struct ScoreComponent: Sendable, Hashable, Codable {
    public var name: String
    public var weight: Double
    /// In 0...1.
    public var value: Double
    public var explanation: String

    public init(name: String, weight: Double, value: Double, explanation: String) {
        self.name = name
        self.weight = weight
        self.value = value
        self.explanation = explanation
    }

    public var contribution: Double { weight * value }
}

/// A skill a vacancy asks for, and what the client holds of it.
public struct SkillGap: Sendable, Hashable, Codable {
    public var skillID: String
    public var importance: Importance
    public var required: Proficiency
    public var held: Proficiency?

    public init(skillID: String, importance: Importance, required: Proficiency, held: Proficiency?) {
        self.skillID = skillID
        self.importance = importance
        self.required = required
        self.held = held
    }

    public var isMet: Bool { (held ?? .basic) >= required && held != nil }
}

/// A hard constraint the match breaks (or nearly breaks).
public struct ConstraintNote: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        case travel, hours, licence, age, qualification, gcse
    }
    public var kind: Kind
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }
}

/// A scored, explained pairing of a client and a vacancy.
public struct VacancyMatch: Sendable, Hashable {
    public var clientID: UUID
    public var vacancyID: UUID
    /// Sum of the components' contributions, in 0...1. Zero when ineligible.
    public var score: Double
    public var components: [ScoreComponent]
    public var skillsMet: [SkillGap]
    public var skillsMissing: [SkillGap]
    public var travelKm: Double
    /// Hard constraints that fail; the match is eligible only when this is empty.
    public var blockers: [ConstraintNote]
    /// Hard constraints that pass only narrowly (within 10% of a limit).
    public var warnings: [ConstraintNote]

    public init(
        clientID: UUID, vacancyID: UUID, score: Double, components: [ScoreComponent], skillsMet: [SkillGap],
        skillsMissing: [SkillGap], travelKm: Double, blockers: [ConstraintNote], warnings: [ConstraintNote]
    ) {
        self.clientID = clientID
        self.vacancyID = vacancyID
        self.score = score
        self.components = components
        self.skillsMet = skillsMet
        self.skillsMissing = skillsMissing
        self.travelKm = travelKm
        self.blockers = blockers
        self.warnings = warnings
    }

    public var isEligible: Bool { blockers.isEmpty }
    /// Ready now: eligible and every essential skill met.
    public var isJobReady: Bool { isEligible && !skillsMissing.contains { $0.importance == .essential } }
}

/// A programme that teaches skills a client is missing for the jobs they were matched to.
public struct ProgrammeSuggestion: Sendable, Hashable {
    public var programmeID: UUID
    /// Missing skill ids the programme teaches to at least the level needed.
    public var closesGaps: [String]
    public var travelKm: Double
    public var entryMet: Bool
    public var freePlaces: Int
    /// Barriers of the client's that the programme supports.
    public var supportsBarriers: [BarrierKind]
    public var score: Double
    public var reasons: [String]

    public init(programmeID: UUID, closesGaps: [String], travelKm: Double, entryMet: Bool, freePlaces: Int, supportsBarriers: [BarrierKind], score: Double, reasons: [String]) {
        self.programmeID = programmeID
        self.closesGaps = closesGaps
        self.travelKm = travelKm
        self.entryMet = entryMet
        self.freePlaces = freePlaces
        self.supportsBarriers = supportsBarriers
        self.score = score
        self.reasons = reasons
    }
}
