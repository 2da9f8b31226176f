import Foundation

/// A deterministic synthetic West Midlands: six local authorities with invented wards calibrated to the
/// region's published figures (65% employment against 74% nationally, target wards well behind, 47%
/// without level 2, 28% with a degree, 61,000 looking for work, about 1.75 million of working age), the
/// partnership's organisations and users, and clients, employers, vacancies, programmes, referrals and
/// outcomes consistent with one another.
///
/// **Synthetic data — not real people.** Names are drawn from common name lists; emails use
/// `example.com` and phone numbers Ofcom's drama ranges; client references start `SYN-`. Employer,
/// provider, charity and ward names are invented; the councils, Jobcentres and combined authority are
/// named after the real public bodies so the demo reads naturally, but their staff and caseloads are invented.
///
/// The same scale, seed and reference day always give the same data: nothing reads the clock (every date is
/// counted from `referenceDate`) and every random draw comes from `SeededGenerator`. `escalator seed` and the
/// demo generate it for the day they run, so the data does not age: whenever it is made, it has the same live
/// vacancies, open cohorts and checks due; benchmarks and tests use the fixed `SyntheticDataSet.referenceDate`.
public struct SyntheticDataSet: Sendable {
    public static let label = "Synthetic data — not real people"
    /// The fixed "today" of benchmarks and tests: 2026-11-02, midnight UTC.
    public static let referenceDate = Date(isoDay: "2026-11-02")!

    public var label: String
    public var scale: SyntheticScale
    public var seed: UInt64
    public var referenceDate: Date
    public var taxonomy: Taxonomy
    public var localAuthorities: [LocalAuthority]
    public var wards: [Ward]
    public var organisations: [Organisation]
    public var users: [SyntheticUser]
    public var clients: [Client]
    /// By client id.
    public var consents: [UUID: [Consent]]
    /// At most one per client (its latest), in client order.
    public var assessments: [Assessment]
    public var employers: [Employer]
    /// By employer id, oldest first.
    public var engagements: [UUID: [EngagementEntry]]
    /// By employer id.
    public var pledges: [UUID: [Pledge]]
    public var vacancies: [Vacancy]
    public var providers: [Provider]
    public var programmes: [Programme]
    public var referrals: [Referral]
    public var jobStarts: [JobStart]
    public var sustainmentChecks: [SustainmentCheck]
    public var inWorkContacts: [InWorkSupportContact]
    public var progressions: [Progression]

    /// Generates the data set. Region scale takes about a second in a release build, small a fraction of that.
    /// `referenceDate` is the data set's "today" (its start of day, UTC, is used).
    public static func generate(scale: SyntheticScale, seed: UInt64 = 2026, referenceDate: Date = referenceDate) -> SyntheticDataSet {
        var builder = SyntheticBuilder(scale: scale, seed: seed, reference: Calendar.utc.startOfDay(for: referenceDate))
        builder.buildGeography()
        builder.buildPartners()
        builder.buildEmployers()
        builder.buildProviders()
        builder.buildUsers()
        builder.buildClients()
        builder.buildVacancies()
        builder.buildProgrammes()
        builder.buildReferralsAndOutcomes()
        return builder.dataSet()
    }
}

/// A user account to seed. Every synthetic user has the password `SyntheticDemoAccounts.password`,
/// so a seeder can hash it once.
public struct SyntheticUser: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public var email: String
    public var displayName: String
    public var role: Role
    public var organisationID: UUID
    /// Plain text, to be hashed by whoever stores it.
    public var password: String

    public init(id: UUID, email: String, displayName: String, role: Role, organisationID: UUID, password: String) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.role = role
        self.organisationID = organisationID
        self.password = password
    }
}

/// The fixed, well-known demo sign-ins: one per role.
public enum SyntheticDemoAccounts {
    public static let password = "escalator-demo"
    /// A Jobcentre Plus adviser with a caseload.
    public static let adviser = "adviser@demo.escalator.test"
    /// Acts for the first employer, which owns open vacancies.
    public static let employer = "employer@demo.escalator.test"
    /// Acts for the first provider (a college), which owns programmes.
    public static let provider = "provider@demo.escalator.test"
    /// A combined-authority analyst.
    public static let analyst = "analyst@demo.escalator.test"
    /// A combined-authority administrator.
    public static let administrator = "admin@demo.escalator.test"
    /// An adviser at another partner, Birmingham City Council: they see the council's clients, and other
    /// organisations' clients only while those clients consent to share with the council.
    public static let partnerAdviser = "partner@demo.escalator.test"

    public static let emailsByRole: [(Role, String)] = [
        (.adviser, adviser), (.employer, employer), (.provider, provider), (.analyst, analyst), (.administrator, administrator),
    ]
}
