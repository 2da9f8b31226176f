import Foundation

/// A provider of programmes: a college, university (as a hub), private provider, charity or school.
public struct Provider: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public var organisationID: UUID
    public var name: String
    public var kind: ProviderKind
    public var postcode: String
    public var wardID: String

    public init(id: UUID, organisationID: UUID, name: String, kind: ProviderKind, postcode: String, wardID: String) {
        self.id = id
        self.organisationID = organisationID
        self.name = name
        self.kind = kind
        self.postcode = postcode
        self.wardID = wardID
    }
}

public enum ProviderKind: String, Sendable, Codable, CaseIterable {
    case college = "fe-college"
    case university
    case privateProvider = "private-provider"
    case charity
    case school

    public var label: String {
        switch self {
        case .college: "FE college"
        case .university: "University"
        case .privateProvider: "Private provider"
        case .charity: "Charity"
        case .school: "School"
        }
    }
}

/// A course or scheme that moves residents up the skills escalator.
public struct Programme: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public var providerID: UUID
    public var title: String
    public var type: ProgrammeType
    public var skillsTaught: [SkillTaught]
    public var entryRequirements: EntryRequirements
    public var qualificationAwarded: RQFLevel?
    public var weeks: Int
    public var hoursPerWeek: Int
    public var postcode: String
    public var wardID: String
    public var costPence: Int
    public var barrierSupport: [BarrierKind]
    public var coDesigningEmployerIDs: [UUID]
    public var guaranteedInterview: Bool
    public var cohorts: [Cohort]

    public init(
        id: UUID, providerID: UUID, title: String, type: ProgrammeType, skillsTaught: [SkillTaught],
        entryRequirements: EntryRequirements, qualificationAwarded: RQFLevel?, weeks: Int, hoursPerWeek: Int,
        postcode: String, wardID: String, costPence: Int, barrierSupport: [BarrierKind],
        coDesigningEmployerIDs: [UUID], guaranteedInterview: Bool, cohorts: [Cohort]
    ) {
        self.id = id
        self.providerID = providerID
        self.title = title
        self.type = type
        self.skillsTaught = skillsTaught
        self.entryRequirements = entryRequirements
        self.qualificationAwarded = qualificationAwarded
        self.weeks = weeks
        self.hoursPerWeek = hoursPerWeek
        self.postcode = postcode
        self.wardID = wardID
        self.costPence = costPence
        self.barrierSupport = barrierSupport
        self.coDesigningEmployerIDs = coDesigningEmployerIDs
        self.guaranteedInterview = guaranteedInterview
        self.cohorts = cohorts
    }

    public var freePlaces: Int { cohorts.reduce(0) { $0 + max(0, $1.capacity - $1.enrolled) } }
    public var totalPlaces: Int { cohorts.reduce(0) { $0 + $1.capacity } }
}

public enum ProgrammeType: String, Sendable, Codable, CaseIterable {
    case preEmployment = "pre-employment"
    case basicSkills = "basic-skills"
    case esol
    case vocational
    case secondChance = "second-chance"
    case inWorkUpskilling = "in-work-upskilling"
    case apprenticeship
    case higherLevel = "higher-level"

    public var label: String {
        switch self {
        case .preEmployment: "Pre-employment"
        case .basicSkills: "Basic skills"
        case .esol: "ESOL"
        case .vocational: "Vocational"
        case .secondChance: "Second-chance adult"
        case .inWorkUpskilling: "In-work upskilling"
        case .apprenticeship: "Apprenticeship"
        case .higherLevel: "Higher level"
        }
    }
}

public struct SkillTaught: Sendable, Hashable, Codable {
    public var skillID: String
    public var levelReached: Proficiency

    public init(skillID: String, levelReached: Proficiency) {
        self.skillID = skillID
        self.levelReached = levelReached
    }
}

/// What a client must already have to start a programme.
public struct EntryRequirements: Sendable, Hashable, Codable {
    public var minimumQualification: RQFLevel
    public var requiredSkills: [OccupationSkill]
    public var needsGCSEEnglish: Bool
    public var needsGCSEMaths: Bool

    public init(minimumQualification: RQFLevel = .entry, requiredSkills: [OccupationSkill] = [], needsGCSEEnglish: Bool = false, needsGCSEMaths: Bool = false) {
        self.minimumQualification = minimumQualification
        self.requiredSkills = requiredSkills
        self.needsGCSEEnglish = needsGCSEEnglish
        self.needsGCSEMaths = needsGCSEMaths
    }

    public static let none = EntryRequirements()
}

/// One intake of a programme.
public struct Cohort: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public var startsOn: Date
    public var capacity: Int
    public var enrolled: Int

    public init(id: UUID, startsOn: Date, capacity: Int, enrolled: Int) {
        self.id = id
        self.startsOn = startsOn
        self.capacity = capacity
        self.enrolled = enrolled
    }

    public var freePlaces: Int { max(0, capacity - enrolled) }
}
