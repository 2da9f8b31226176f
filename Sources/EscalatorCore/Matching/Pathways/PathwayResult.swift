import Foundation

/// Something a target asks of a client, or that stands between them and it.
public enum PathwayRequirement: Sendable, Hashable {
    case skill(id: String, level: Proficiency)
    case qualification(RQFLevel)
    case gcseEnglish
    case gcseMaths
    case minimumAge(Int)
    /// The job's own distance, against the client's travel limit.
    case travel
    /// The job's own hours, against the client's range.
    case hours
    case barrier(BarrierKind)

    public func label(_ taxonomy: Taxonomy?) -> String {
        switch self {
        case .skill(let id, let level): "\(taxonomy?.skillName(id) ?? id) at \(level.label.lowercased()) level"
        case .qualification(let level): level.shortLabel.lowercased()
        case .gcseEnglish: "GCSE English"
        case .gcseMaths: "GCSE maths"
        case .minimumAge(let age): "age \(age)"
        case .travel: "travel to the job"
        case .hours: "the job's hours"
        case .barrier(let kind): "support with \(kind.label.lowercased())"
        }
    }
}

/// Where a step sits on the skills escalator.
public enum PathwayPhase: String, Sendable, Hashable, Codable {
    case barrierSupport = "barrier-support"
    case basicSkills = "basic-skills"
    case vocational
    /// Waiting to reach a job's minimum age.
    case waiting

    public var label: String {
        switch self {
        case .barrierSupport: "Barrier support"
        case .basicSkills: "Basic skills"
        case .vocational: "Vocational"
        case .waiting: "Waiting"
        }
    }
}

/// One step of a pathway, from `startsOn` to `endsOn` (the day the next step may start).
public struct PathwayStep: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case programme(programmeID: UUID, cohortID: UUID)
        /// To a service outside the programme catalogue, for a fixed number of weeks (`PathwayPolicy`).
        case referral(BarrierKind)
        /// Until the client reaches the target's minimum age.
        case wait(untilAge: Int)
    }

    public var kind: Kind
    public var title: String
    public var phase: PathwayPhase
    public var startsOn: Date
    public var endsOn: Date
    public var costPence: Int
    /// Programme steps only.
    public var travelKm: Double?
    /// Requirements of the target first met by this step.
    public var closes: [PathwayRequirement]
    /// Entry requirements of later steps first met by this step (and not asked by the target).
    public var prepares: [PathwayRequirement]
    /// The client's barriers (at the severity that must be addressed) this step addresses.
    public var addresses: [BarrierKind]

    public init(
        kind: Kind, title: String, phase: PathwayPhase, startsOn: Date, endsOn: Date, costPence: Int, travelKm: Double?,
        closes: [PathwayRequirement], prepares: [PathwayRequirement], addresses: [BarrierKind]
    ) {
        self.kind = kind
        self.title = title
        self.phase = phase
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.costPence = costPence
        self.travelKm = travelKm
        self.closes = closes
        self.prepares = prepares
        self.addresses = addresses
    }

    public var programmeID: UUID? {
        if case .programme(let id, _) = kind { return id }
        return nil
    }
}

/// A programme offered after the pathway: its next cohort with a free place on or after a given day.
public struct PathwayProgrammeOption: Sendable, Hashable {
    public var programmeID: UUID
    public var title: String
    public var cohortID: UUID
    public var startsOn: Date
    public var endsOn: Date
    public var travelKm: Double
    public var costPence: Int
    /// Skills it raises above the client's level at job-readiness, at the level it reaches.
    public var teaches: [PathwayRequirement]

    public init(programmeID: UUID, title: String, cohortID: UUID, startsOn: Date, endsOn: Date, travelKm: Double, costPence: Int, teaches: [PathwayRequirement]) {
        self.programmeID = programmeID
        self.title = title
        self.cohortID = cohortID
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.travelKm = travelKm
        self.costPence = costPence
        self.teaches = teaches
    }
}

/// The next rung: an occupation in the same sector asking a higher qualification or a higher skill level.
public struct PathwayProgression: Sendable, Hashable {
    public var occupationID: String
    public var occupationName: String
    public var typicalQualification: RQFLevel
    /// Its essential skills (and typical qualification) the client will still lack once job-ready.
    public var missing: [PathwayRequirement]
    /// The programme that starts them towards it, if one is within reach.
    public var firstProgramme: PathwayProgrammeOption?

    public init(occupationID: String, occupationName: String, typicalQualification: RQFLevel, missing: [PathwayRequirement], firstProgramme: PathwayProgrammeOption?) {
        self.occupationID = occupationID
        self.occupationName = occupationName
        self.typicalQualification = typicalQualification
        self.missing = missing
        self.firstProgramme = firstProgramme
    }
}

/// The optimal route to job-readiness and what follows it.
public struct Pathway: Sendable, Hashable {
    public var clientID: UUID
    public var objective: PathwayObjective
    public var today: Date
    /// Programme and referral steps back to back in time order, then at most one `.wait` step.
    public var steps: [PathwayStep]
    public var jobReadyOn: Date
    public var totalCostPence: Int
    /// What the client holds once job-ready (skills raised, qualification, barriers left as recorded).
    public var profileWhenReady: MatchProfile
    /// For a vacancy closing before the job-ready day, and barriers below the addressed severity.
    public var notes: [String]
    public var inWorkSupport: [PathwayProgrammeOption]
    public var progression: PathwayProgression?

    public init(
        clientID: UUID, objective: PathwayObjective, today: Date, steps: [PathwayStep], jobReadyOn: Date, totalCostPence: Int,
        profileWhenReady: MatchProfile, notes: [String], inWorkSupport: [PathwayProgrammeOption], progression: PathwayProgression?
    ) {
        self.clientID = clientID
        self.objective = objective
        self.today = today
        self.steps = steps
        self.jobReadyOn = jobReadyOn
        self.totalCostPence = totalCostPence
        self.profileWhenReady = profileWhenReady
        self.notes = notes
        self.inWorkSupport = inWorkSupport
        self.progression = progression
    }

    /// Whole days from `today` to `jobReadyOn`.
    public var daysToJobReady: Int { DayNumber.of(jobReadyOn) - DayNumber.of(today) }
    /// `daysToJobReady / 7`, rounded up.
    public var weeksToJobReady: Int { (daysToJobReady + 6) / 7 }
    /// Programme and referral steps (a final wait does not count).
    public var activeStepCount: Int { steps.filter { if case .wait = $0.kind { false } else { true } }.count }
}

/// A requirement no pathway can meet, and why.
public struct PathwayBlocker: Sendable, Hashable {
    public var requirement: PathwayRequirement
    public var message: String

    public init(requirement: PathwayRequirement, message: String) {
        self.requirement = requirement
        self.message = message
    }
}

public enum PathwayResult: Sendable, Hashable {
    case pathway(Pathway)
    case unreachable([PathwayBlocker])

    public var pathway: Pathway? {
        if case .pathway(let pathway) = self { return pathway }
        return nil
    }

    public var blockers: [PathwayBlocker] {
        if case .unreachable(let blockers) = self { return blockers }
        return []
    }
}

/// Whole UTC days since 1970-01-01: the planner's clock.
enum DayNumber {
    static func of(_ date: Date) -> Int { Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }
    static func date(_ day: Int) -> Date { Date(timeIntervalSince1970: Double(day) * 86_400) }
}
