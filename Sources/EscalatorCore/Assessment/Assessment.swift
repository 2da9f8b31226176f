import Foundation

/// A dated assessment of a client by an adviser.
public struct Assessment: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public var clientID: UUID
    public var adviserID: UUID?
    public var assessedOn: Date
    public var skills: [SkillHolding]
    public var highestQualification: RQFLevel
    /// GCSE English and maths at grade 4 (C) or above, recorded apart from the overall level.
    public var gcseEnglish: Bool
    public var gcseMaths: Bool
    public var barriers: [Barrier]
    /// Target occupation ids.
    public var aspirations: [String]
    public var constraints: WorkConstraints
    public var notes: String

    public init(
        id: UUID, clientID: UUID, adviserID: UUID?, assessedOn: Date, skills: [SkillHolding],
        highestQualification: RQFLevel, gcseEnglish: Bool, gcseMaths: Bool, barriers: [Barrier],
        aspirations: [String], constraints: WorkConstraints, notes: String = ""
    ) {
        self.id = id
        self.clientID = clientID
        self.adviserID = adviserID
        self.assessedOn = assessedOn
        self.skills = skills
        self.highestQualification = highestQualification
        self.gcseEnglish = gcseEnglish
        self.gcseMaths = gcseMaths
        self.barriers = barriers
        self.aspirations = aspirations
        self.constraints = constraints
        self.notes = notes
    }

    public func level(of skillID: String) -> Proficiency? {
        skills.first { $0.skillID == skillID }?.level
    }
}

/// A skill a client holds, how well, and how we know.
public struct SkillHolding: Sendable, Hashable, Codable {
    public var skillID: String
    public var level: Proficiency
    public var evidence: Evidence

    public init(skillID: String, level: Proficiency, evidence: Evidence) {
        self.skillID = skillID
        self.level = level
        self.evidence = evidence
    }
}

public enum Evidence: String, Sendable, Codable, CaseIterable {
    case selfDeclared = "self-declared"
    case adviserVerified = "adviser-verified"
    case certified

    public var label: String {
        switch self {
        case .selfDeclared: "Self-declared"
        case .adviserVerified: "Adviser-verified"
        case .certified: "Certified"
        }
    }
}

/// Hours and travel a client can manage.
public struct WorkConstraints: Sendable, Hashable, Codable {
    public var minHoursPerWeek: Int
    public var maxHoursPerWeek: Int
    public var maxTravelKm: Double
    public var travelModes: [TravelMode]

    public init(minHoursPerWeek: Int, maxHoursPerWeek: Int, maxTravelKm: Double, travelModes: [TravelMode]) {
        self.minHoursPerWeek = minHoursPerWeek
        self.maxHoursPerWeek = maxHoursPerWeek
        self.maxTravelKm = maxTravelKm
        self.travelModes = travelModes
    }
}

public enum TravelMode: String, Sendable, Codable, CaseIterable {
    case walk
    case cycle
    case publicTransport = "public-transport"
    case car

    public var label: String {
        switch self {
        case .walk: "Walk"
        case .cycle: "Cycle"
        case .publicTransport: "Public transport"
        case .car: "Car"
        }
    }
}
