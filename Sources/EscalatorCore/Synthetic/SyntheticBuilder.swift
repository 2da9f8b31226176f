import Foundation

/// Builds a `SyntheticDataSet` section by section. Each section draws from its own named stream of
/// the seed, and works in whole days counted from the reference date (negative is the past) until
/// the records are made, so nothing depends on a clock or a time zone.
struct SyntheticBuilder {
    let scale: SyntheticScale
    let counts: SyntheticCounts
    let seed: UInt64
    let reference: Date
    let taxonomy = StarterTaxonomy.taxonomy
    /// Sorted by name then id, so iteration order never depends on hashing.
    let occupations: [Occupation]
    let occupationsBySector: [Sector: [Occupation]]

    // Geography
    var localAuthorities: [LocalAuthority] = []
    var places: [SyntheticPlace] = []
    var placeTable: WeightedTable<Int>!
    var clientPlaceTable: WeightedTable<Int>!

    // Partners
    var organisations: [Organisation] = []
    var partnerOffices: [SyntheticOffice] = []
    var advisersByOrganisation: [UUID: [UUID]] = [:]
    var users: [SyntheticUser] = []
    var combinedAuthorityID: UUID!

    // Employers and providers
    var employers: [Employer] = []
    var employerPlaces: [Int] = []
    var engagements: [UUID: [EngagementEntry]] = [:]
    var pledges: [UUID: [Pledge]] = [:]
    var providers: [Provider] = []
    var providerPlaces: [Int] = []

    // Clients
    var clients: [Client] = []
    var clientPlaces: [Int] = []
    var consents: [UUID: [Consent]] = [:]
    var assessments: [Assessment] = []
    /// For each client, the index of their assessment, if any.
    var assessmentIndex: [Int?] = []

    // Vacancies and programmes
    var vacancies: [Vacancy] = []
    var programmes: [Programme] = []
    /// The occupation each programme prepares people for, by programme index.
    var programmeOccupations: [String?] = []

    // Referrals and outcomes
    var referrals: [Referral] = []
    var jobStarts: [JobStart] = []
    var sustainmentChecks: [SustainmentCheck] = []
    var inWorkContacts: [InWorkSupportContact] = []
    var progressions: [Progression] = []

    init(scale: SyntheticScale, seed: UInt64, reference: Date) {
        self.scale = scale
        counts = scale.counts
        self.seed = seed
        self.reference = reference
        occupations = StarterTaxonomy.taxonomy.sortedOccupations
        occupationsBySector = Dictionary(grouping: occupations.filter { $0.sector != nil }) { $0.sector! }
    }

    func generator(_ stream: String) -> SeededGenerator {
        SeededGenerator(seed: seed, stream: stream)
    }

    /// The date `offset` whole days from the reference date.
    func day(_ offset: Int) -> Date {
        reference.addingTimeInterval(Double(offset) * 86_400)
    }

    /// Whole days from the reference date to `date` (negative in the past).
    func dayOffset(_ date: Date) -> Int {
        Int((date.timeIntervalSince(reference) / 86_400).rounded(.down))
    }

    func dataSet() -> SyntheticDataSet {
        SyntheticDataSet(
            label: SyntheticDataSet.label, scale: scale, seed: seed, referenceDate: reference, taxonomy: taxonomy,
            localAuthorities: localAuthorities, wards: places.map(\.ward), organisations: organisations, users: users,
            clients: clients, consents: consents, assessments: assessments, employers: employers,
            engagements: engagements, pledges: pledges, vacancies: vacancies, providers: providers,
            programmes: programmes, referrals: referrals, jobStarts: jobStarts, sustainmentChecks: sustainmentChecks,
            inWorkContacts: inWorkContacts, progressions: progressions
        )
    }
}

/// A ward with what the generator needs to know about it.
struct SyntheticPlace {
    var ward: Ward
    var authorityIndex: Int
    var postcodeDistrict: String
}

/// A partner organisation that registers clients, with the local authority it serves.
struct SyntheticOffice {
    var organisationID: UUID
    var kind: OrganisationKind
    /// Nil for organisations that serve the whole region.
    var authorityIndex: Int?
}
