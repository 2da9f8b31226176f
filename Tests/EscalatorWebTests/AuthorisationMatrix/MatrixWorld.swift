import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Foundation
import Vapor

/// Where a record stands relative to the caller: its own organisation's or another's, and whether the client's
/// consent to share with the caller's organisation stands. Kinds without consent use only the two "given" cases.
enum MatrixContext: CaseIterable, Sendable {
    case ownConsented, ownWithdrawn, otherConsented, otherWithdrawn

    static func contexts(for kind: RecordKind) -> [MatrixContext] {
        kind.hasConsent ? allCases : [.ownConsented, .otherConsented]
    }

    func label(_ kind: RecordKind) -> String {
        let organisation = self == .ownConsented || self == .ownWithdrawn ? "own" : "other"
        guard kind.hasConsent else { return organisation }
        return organisation + (self == .ownConsented || self == .otherConsented ? ", consent given" : ", consent withdrawn")
    }
}

extension Reach {
    func allows(_ context: MatrixContext) -> Bool {
        switch self {
        case .all: true
        case .own: context == .ownConsented || context == .ownWithdrawn
        case .ownOrConsented: context != .otherWithdrawn
        case .ownWhileConsented: context == .ownConsented
        case .nothing: false
        }
    }
}

/// The records one client context brings: the client, an assessment, a consent that grants nobody anything (the
/// one withdrawal routes withdraw), a programme and a vacancy referral and a job start.
struct MatrixClient: Sendable {
    var client: UUID, assessment: UUID, spareConsent: UUID, programmeReferral: UUID, vacancyReferral: UUID, jobStart: UUID
    /// A referral to the same vacancy the client has not accepted (yet).
    var proposedVacancyReferral: UUID
}

/// The fixture plus what the matrix needs: four clients, one per consent context; another provider's programme; a
/// spare user (the one administrators deactivate and reset) and spare API tokens (the ones revocation revokes).
struct MatrixWorld: Sendable {
    let f: WebFixture
    var clients: [MatrixContext: MatrixClient] = [:]
    let otherCollege = UUID(), otherProvider = UUID(), otherProgramme = UUID()
    let spareUser = UUID()
    var spareTokens: [Role: UUID] = [:]
    var spareUserToken = UUID()
    let occupationID = "O.WAREHOUSE_OPERATIVE"
    var skillID = ""

    /// Own clients are the Jobcentre's (the adviser's organisation), referred to the college's programme (the
    /// provider's) and to the fixture employer's vacancy (the employer user's); other clients are the charity's,
    /// referred to another provider's programme and another employer's vacancy. Consents go to the Jobcentre, the
    /// college and the employer's organisation: standing or withdrawn.
    static func build(_ t: TestApp) async throws -> MatrixWorld {
        var world = MatrixWorld(f: t.fixture)
        let f = t.fixture, db = t.app.db, at = WebFixture.today.addingTimeInterval(-86_400 * 30)
        let taxonomy = StarterTaxonomy.taxonomy
        let warehouse = taxonomy.occupations[world.occupationID]!
        world.skillID = warehouse.essentialSkills[0].skillID

        try await OrganisationModel(Organisation(id: world.otherCollege, name: "Other College", kind: .college)).create(on: db)
        try await ProviderModel(Provider(id: world.otherProvider, organisationID: world.otherCollege, name: "Other College", kind: .college, postcode: "B15 2AA", wardID: f.wardB)).create(on: db)
        try await ProgrammeModel(Programme(
            id: world.otherProgramme, providerID: world.otherProvider, title: "Retail skills", type: .preEmployment,
            skillsTaught: warehouse.essentialSkills.map { SkillTaught(skillID: $0.skillID, levelReached: $0.level) },
            entryRequirements: .none, qualificationAwarded: .level1, weeks: 4, hoursPerWeek: 10, postcode: "B15 2AA", wardID: f.wardB,
            costPence: 50000, barrierSupport: [], coDesigningEmployerIDs: [], guaranteedInterview: false, cohorts: [])).create(on: db)

        let specs: [(MatrixContext, UUID?, UUID, UUID, UUID, UUID, Bool)] = [
            // context, existing client, organisation, case owner, programme, vacancy, consent standing
            (.ownConsented, f.clientA, f.jobcentre, f.adviser, f.programme, f.vacancy, true),
            (.ownWithdrawn, nil, f.jobcentre, f.adviser, f.programme, f.vacancy, false),
            (.otherConsented, nil, f.charity, f.otherAdviser, world.otherProgramme, f.otherVacancy, true),
            (.otherWithdrawn, nil, f.charity, f.otherAdviser, world.otherProgramme, f.otherVacancy, false),
        ]
        for (index, spec) in specs.enumerated() {
            let (context, existing, organisation, owner, programme, vacancy, standing) = spec
            let clientID = existing ?? UUID()
            if existing == nil {
                try await ClientModel(withoutEqualityMonitoring: Client(
                    id: clientID, reference: "WM-MATRIX0\(index)", givenName: "Matrix\(index)", familyName: "Person", dateOfBirth: Date(isoDay: "1988-03-0\(index + 1)"),
                    email: "matrix\(index).canary@example.test", phone: "0121 496 077\(index)", postcode: "B9 9Q\(["X", "Y", "Z", "W"][index])", wardID: f.wardA, employmentStatus: .unemployed,
                    referralSource: .jobcentre, organisationID: organisation, caseOwnerID: owner, registeredAt: at)).create(on: db)
            }
            let consentTo: [UUID] = existing == nil ? [f.jobcentre, f.college, f.employerOrg] : [f.employerOrg]
            for org in consentTo where org != organisation {
                try await ConsentModel(clientID: clientID, Consent(organisationID: org, purpose: "employment and skills support", givenAt: at,
                                                                    withdrawnAt: standing ? nil : at.addingTimeInterval(86_400))).create(on: db)
            }
            let spare = ConsentModel(clientID: clientID, Consent(organisationID: f.combined, purpose: "research", givenAt: at))
            try await spare.create(on: db)

            var assessmentID = f.assessmentA
            if existing == nil {
                assessmentID = UUID()
                let assessment = Assessment(
                    id: assessmentID, clientID: clientID, adviserID: owner, assessedOn: at,
                    skills: warehouse.essentialSkills.prefix(1).map { SkillHolding(skillID: $0.skillID, level: $0.level, evidence: .adviserVerified) },
                    highestQualification: .entry, gcseEnglish: false, gcseMaths: false,
                    barriers: [Barrier(kind: .transport, severity: .low)], aspirations: [warehouse.id],
                    constraints: WorkConstraints(minHoursPerWeek: 10, maxHoursPerWeek: 30, maxTravelKm: 10, travelModes: [.publicTransport]),
                    notes: "CanaryAssessmentNote\(index)")
                try await AssessmentModel(assessment, distanceFromWork: 40, cipher: t.app.columnCipher).create(on: db)
            }

            let programmeReferral = try await referral(clientID, .programme(programmeID: programme, cohortID: nil), .referred, by: owner, at: at,
                                                       note: "CanaryProgrammeNote\(index)", on: db)
            let vacancyReferral = try await referral(clientID, .vacancy(vacancyID: vacancy), .applied, by: owner, at: at,
                                                     note: "CanaryVacancyNote\(index)", on: db)
            let proposed = try await referral(clientID, .vacancy(vacancyID: vacancy), .proposed, by: owner, at: at, on: db)
            let jobStart = UUID()
            try await JobStartModel(JobStart(id: jobStart, clientID: clientID, vacancyID: vacancy, employerName: "Test Engineering Ltd",
                                             jobTitle: "Warehouse operative", startedOn: at, hoursPerWeek: 30, hourlyPayPence: 1250)).create(on: db)
            world.clients[context] = MatrixClient(client: clientID, assessment: assessmentID, spareConsent: try spare.requireID(),
                                                  programmeReferral: programmeReferral, vacancyReferral: vacancyReferral, jobStart: jobStart,
                                                  proposedVacancyReferral: proposed)
        }

        let hash = try Bcrypt.hash(WebFixture.password, cost: 4)
        try await UserModel(id: world.spareUser, email: "spare@test.escalator", displayName: "Spare user", passwordHash: hash,
                            role: .adviser, organisationID: f.jobcentre).create(on: db)
        let users: [Role: UUID] = [.adviser: f.adviser, .employer: f.employerUser, .provider: f.providerUser, .analyst: f.analyst, .administrator: f.admin]
        for (role, user) in users { world.spareTokens[role] = try await spareToken(for: user, t) }
        world.spareUserToken = try await spareToken(for: world.spareUser, t)
        return world
    }

    private static func referral(
        _ client: UUID, _ target: ReferralTarget, _ status: ReferralStatus, by user: UUID, at: Date, note: String = "", on db: any Database
    ) async throws -> UUID {
        let id = UUID()
        let change = StatusChange(status: status, at: at, byUserID: user, note: note)
        try await ReferralModel(Referral(id: id, clientID: client, target: target, status: status, history: [change])).create(on: db)
        try await StatusChangeModel(referralID: id, sequence: 0, change).create(on: db)
        return id
    }

    private static func spareToken(for user: UUID, _ t: TestApp) async throws -> UUID {
        let now = t.environment.now()
        let model = APITokenModel(userID: user, tokenHash: APITokens.hash(APITokens.generate()), name: "spare", createdAt: now, expiresAt: now.addingTimeInterval(86_400))
        try await model.create(on: t.app.db)
        return try model.requireID()
    }

    /// Queries some routes need to name their record, with `:parameter`s filled like the path's.
    static let queries: [String: String] = [
        "GET /referrals/new": "clientID=:clientID",
        "GET /api/v1/audit": "clientID=:clientID",
    ]

    /// The value of a route parameter for this caller in this context.
    func value(of parameter: String, role: Role?, context: MatrixContext, kind: RecordKind?) -> String? {
        let client = clients[context]!
        let own = context == .ownConsented || context == .ownWithdrawn
        switch parameter {
        case "clientID": return client.client.uuidString
        case "assessmentID": return client.assessment.uuidString
        case "consentID": return client.spareConsent.uuidString
        case "referralID": return (role == .employer ? client.vacancyReferral : client.programmeReferral).uuidString
        case "jobStartID": return client.jobStart.uuidString
        case "vacancyID": return (own ? f.vacancy : f.otherVacancy).uuidString
        case "employerID": return (own ? f.employer : f.otherEmployer).uuidString
        case "programmeID": return (own ? f.programme : otherProgramme).uuidString
        case "userID": return spareUser.uuidString
        case "tokenID":
            guard kind == .token else { return spareUserToken.uuidString }
            return (own ? spareTokens[role ?? .adviser]! : spareUserToken).uuidString
        case "occupationID": return occupationID
        case "skillID": return skillID
        default: return nil
        }
    }
}
