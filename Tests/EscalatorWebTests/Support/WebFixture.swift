import EscalatorCore
import EscalatorPersistence
import Fluent
import Foundation

/// A small, hand-made data set every web test starts from. Two partner organisations (so "other
/// organisation" cases exist), one user per role, two wards, the starter taxonomy, two clients, an
/// employer with an open vacancy, a provider with a programme and a cohort.
struct WebFixture: Sendable {
    static let password = "correct horse battery"
    static let today = Date(isoDay: "2026-11-02")!

    let jobcentre = UUID(), college = UUID(), employerOrg = UUID(), otherEmployerOrg = UUID(), combined = UUID(), charity = UUID()
    let adviser = UUID(), otherAdviser = UUID(), employerUser = UUID(), providerUser = UUID(), analyst = UUID(), admin = UUID()
    let wardA = "E05011111", wardB = "E05022222", laCode = "E08000025"
    /// Registered by the Jobcentre; consents to share with the college.
    let clientA = UUID()
    /// Registered by the charity; no consent to the Jobcentre.
    let clientB = UUID()
    let assessmentA = UUID()
    let employer = UUID(), otherEmployer = UUID(), vacancy = UUID(), otherVacancy = UUID()
    let provider = UUID(), programme = UUID(), cohort = UUID()

    func email(_ role: TestRole) -> String {
        switch role {
        case .adviser: "adviser@test.escalator"
        case .otherAdviser: "other.adviser@test.escalator"
        case .employer: "employer@test.escalator"
        case .provider: "provider@test.escalator"
        case .analyst: "analyst@test.escalator"
        case .administrator: "admin@test.escalator"
        }
    }

    func insert(on db: any Database, passwordHash: String, cipher: ColumnCipher) async throws {
        let taxonomy = StarterTaxonomy.taxonomy
        try await TaxonomyWriter.replace(with: taxonomy, on: db)
        let organisations: [(UUID, String, OrganisationKind)] = [
            (jobcentre, "Jobcentre Plus Test", .jobcentre), (college, "Test College", .college),
            (employerOrg, "Test Engineering Ltd", .employer), (otherEmployerOrg, "Other Employer Ltd", .employer),
            (combined, "Test Combined Authority", .combinedAuthority), (charity, "Test Charity", .charity),
        ]
        for (id, name, kind) in organisations { try await OrganisationModel(Organisation(id: id, name: name, kind: kind)).create(on: db) }
        let users: [(UUID, TestRole, Role, UUID)] = [
            (adviser, .adviser, .adviser, jobcentre), (otherAdviser, .otherAdviser, .adviser, charity),
            (employerUser, .employer, .employer, employerOrg), (providerUser, .provider, .provider, college),
            (analyst, .analyst, .analyst, combined), (admin, .administrator, .administrator, combined),
        ]
        for (id, testRole, role, org) in users {
            try await UserModel(id: id, email: email(testRole), displayName: "Test \(role.label)", passwordHash: passwordHash, role: role, organisationID: org).create(on: db)
        }
        try await LocalAuthorityModel(LocalAuthority(id: laCode, name: "Birmingham", centre: GeoPoint(latitude: 52.48, longitude: -1.89))).create(on: db)
        try await WardModel(Ward(id: wardA, name: "Aston (test)", localAuthorityID: laCode, centre: GeoPoint(latitude: 52.50, longitude: -1.88), isTargetWard: true,
                                 statistics: AreaStatistics(workingAgePopulation: 10000, employed: 5500, lookingForWork: 900, withLevel2: 4800, withDegree: 1500))).create(on: db)
        try await WardModel(Ward(id: wardB, name: "Edgbaston (test)", localAuthorityID: laCode, centre: GeoPoint(latitude: 52.46, longitude: -1.92), isTargetWard: false,
                                 statistics: AreaStatistics(workingAgePopulation: 12000, employed: 9000, lookingForWork: 300, withLevel2: 8400, withDegree: 4800))).create(on: db)

        try await ClientModel(withoutEqualityMonitoring: Client(id: clientA, reference: "WM-TESTAAAA", givenName: "Ada", familyName: "Testperson", dateOfBirth: Date(isoDay: "1990-05-01"),
                                     email: "ada@example.test", phone: nil, postcode: "B6 4AA", wardID: wardA, employmentStatus: .unemployed,
                                     referralSource: .jobcentre, organisationID: jobcentre, caseOwnerID: adviser, registeredAt: Date(isoDay: "2026-09-01")!)).create(on: db)
        try await ClientModel(withoutEqualityMonitoring: Client(id: clientB, reference: "WM-TESTBBBB", givenName: "Bo", familyName: "Otherperson", dateOfBirth: Date(isoDay: "1985-02-11"),
                                     email: nil, phone: nil, postcode: "B15 2TT", wardID: wardB, employmentStatus: .economicallyInactive,
                                     referralSource: .charity, organisationID: charity, caseOwnerID: otherAdviser, registeredAt: Date(isoDay: "2026-10-01")!)).create(on: db)
        try await ConsentModel(clientID: clientA, Consent(organisationID: college, purpose: "employment and skills support", givenAt: Date(isoDay: "2026-09-01")!)).create(on: db)

        let warehouse = taxonomy.occupations["O.WAREHOUSE_OPERATIVE"] ?? taxonomy.sortedOccupations[0]
        let assessment = Assessment(
            id: assessmentA, clientID: clientA, adviserID: adviser, assessedOn: Date(isoDay: "2026-09-08")!,
            skills: warehouse.essentialSkills.prefix(2).map { SkillHolding(skillID: $0.skillID, level: $0.level, evidence: .adviserVerified) },
            highestQualification: .level1, gcseEnglish: true, gcseMaths: false,
            barriers: [Barrier(kind: .transport, severity: .medium)], aspirations: [warehouse.id],
            constraints: WorkConstraints(minHoursPerWeek: 16, maxHoursPerWeek: 40, maxTravelKm: 15, travelModes: [.publicTransport]))
        try await AssessmentModel(assessment, distanceFromWork: DistanceFromWork.score(assessment, employmentStatus: .unemployed, monthsOutOfWork: nil).total, cipher: cipher).create(on: db)

        try await EmployerModel(Employer(id: employer, organisationID: employerOrg, name: "Test Engineering Ltd", sector: .logistics, size: .medium, postcode: "B7 5AA", wardID: wardA)).create(on: db)
        try await EmployerModel(Employer(id: otherEmployer, organisationID: otherEmployerOrg, name: "Other Employer Ltd", sector: .retail, size: .small, postcode: "B15 1AA", wardID: wardB)).create(on: db)
        try await VacancyModel(Vacancy(
            id: vacancy, employerID: employer, occupationID: warehouse.id, title: "Warehouse operative",
            requirements: VacancyScoping.prefilledRequirements(for: warehouse), minimumQualification: .entry,
            hoursPerWeek: 37, hourlyPayPence: 1250, postcode: "B7 5AA", wardID: wardA, openings: 3,
            closingDate: Date(isoDay: "2027-01-31")!, status: .open)).create(on: db)
        try await VacancyModel(Vacancy(
            id: otherVacancy, employerID: otherEmployer, occupationID: warehouse.id, title: "Stock assistant",
            requirements: VacancyScoping.prefilledRequirements(for: warehouse), minimumQualification: .entry,
            hoursPerWeek: 20, hourlyPayPence: 1200, postcode: "B15 1AA", wardID: wardB, openings: 1,
            closingDate: Date(isoDay: "2027-01-31")!, status: .open)).create(on: db)

        try await ProviderModel(Provider(id: provider, organisationID: college, name: "Test College", kind: .college, postcode: "B4 7AA", wardID: wardA)).create(on: db)
        let programmeValue = Programme(
            id: programme, providerID: provider, title: "Warehouse skills bootcamp", type: .preEmployment,
            skillsTaught: warehouse.essentialSkills.map { SkillTaught(skillID: $0.skillID, levelReached: $0.level) },
            entryRequirements: .none, qualificationAwarded: .level1, weeks: 6, hoursPerWeek: 16, postcode: "B4 7AA", wardID: wardA,
            costPence: 90000, barrierSupport: [.transport], coDesigningEmployerIDs: [employer], guaranteedInterview: true,
            cohorts: [Cohort(id: cohort, startsOn: Date(isoDay: "2026-12-01")!, capacity: 12, enrolled: 2)])
        try await ProgrammeModel(programmeValue).create(on: db)
        try await CohortModel(programmeID: programme, programmeValue.cohorts[0]).create(on: db)
    }
}

enum TestRole: String, CaseIterable, Sendable {
    case adviser, otherAdviser, employer, provider, analyst, administrator
}
