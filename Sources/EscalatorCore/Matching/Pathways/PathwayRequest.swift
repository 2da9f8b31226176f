import Foundation

/// What a pathway optimises. docs/matching.md ("Pathways") states the exact order of comparison.
public enum PathwayObjective: String, Sendable, Hashable, CaseIterable, Codable {
    /// The earliest job-ready day; then the least cost, then the fewest steps.
    case weeksToJobReady = "weeks"
    /// The least total cost; then the earliest job-ready day, then the fewest steps.
    case cost
}

/// Where a pathway leads: a particular vacancy, or an occupation (its essential skills are the requirements).
public enum PathwayTarget: Sendable, Hashable {
    case vacancy(VacancyTarget)
    case occupation(Occupation)

    public var occupationID: String {
        switch self {
        case .vacancy(let target): target.vacancy.occupationID
        case .occupation(let occupation): occupation.id
        }
    }

    public var title: String {
        switch self {
        case .vacancy(let target): target.vacancy.title
        case .occupation(let occupation): occupation.name
        }
    }
}

/// One client, one target, one day to plan from.
public struct PathwayRequest: Sendable, Hashable {
    public var profile: MatchProfile
    /// Lets a pathway wait until the client is old enough. Without it, a known `profile.age` below a job's
    /// minimum age blocks the pathway; an unknown age never does (as in matching).
    public var dateOfBirth: Date?
    public var target: PathwayTarget
    /// The first day a step can start. Days are whole UTC days.
    public var today: Date
    public var objective: PathwayObjective

    public init(profile: MatchProfile, dateOfBirth: Date? = nil, target: PathwayTarget, today: Date, objective: PathwayObjective = .weeksToJobReady) {
        self.profile = profile
        self.dateOfBirth = dateOfBirth
        self.target = target
        self.today = today
        self.objective = objective
    }
}

/// The rules a pathway follows that are choices rather than facts.
public struct PathwayPolicy: Sendable, Hashable {
    /// Barriers at or above this severity must be addressed before (or supported by) every programme step,
    /// and before the client counts as job-ready.
    public var barrierSeverityAddressedFirst: Severity
    /// How long an external referral (outside the programme catalogue) takes to address each kind of barrier.
    public var referralWeeks: [BarrierKind: Int]
    /// What an external referral costs the programme budget.
    public var referralCostPence: Int
    /// In-work support programmes listed after the pathway.
    public var inWorkSupportLimit: Int

    public init(
        barrierSeverityAddressedFirst: Severity = .high, referralWeeks: [BarrierKind: Int] = Self.standardReferralWeeks,
        referralCostPence: Int = 0, inWorkSupportLimit: Int = 3
    ) {
        self.barrierSeverityAddressedFirst = barrierSeverityAddressedFirst
        self.referralWeeks = referralWeeks
        self.referralCostPence = referralCostPence
        self.inWorkSupportLimit = inWorkSupportLimit
    }

    public static let standard = PathwayPolicy()

    public static let standardReferralWeeks: [BarrierKind: Int] = [
        .childcare: 4, .caring: 4, .transport: 2, .health: 8, .disability: 6, .language: 4, .basicSkills: 2,
        .digitalAccess: 1, .convictions: 4, .housing: 8, .confidence: 4, .debt: 6,
    ]

    /// Weeks for a referral; four for a kind the table leaves out.
    public func referralWeeks(for kind: BarrierKind) -> Int { max(0, referralWeeks[kind] ?? 4) }

    /// What an external referral for each kind of barrier is, in words.
    public static func referralTitle(_ kind: BarrierKind) -> String {
        switch kind {
        case .childcare: "Referral for childcare support (childcare place and funding)"
        case .caring: "Referral for carers' support (replacement care and a carer's assessment)"
        case .transport: "Referral for travel support (travel pass and journey planning)"
        case .health: "Referral for health support (GP, NHS Talking Therapies or occupational health)"
        case .disability: "Referral for disability support (Access to Work and reasonable adjustments)"
        case .language: "Referral for an ESOL assessment and English classes"
        case .basicSkills: "Referral for a basic skills assessment and support"
        case .digitalAccess: "Referral for a device and data (digital inclusion scheme)"
        case .convictions: "Referral for disclosure advice (convictions and DBS)"
        case .housing: "Referral for housing support (council housing options)"
        case .confidence: "Referral for confidence and motivation coaching"
        case .debt: "Referral for debt advice"
        }
    }
}
