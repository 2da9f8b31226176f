/// The one declaration of who may do what. Every route declares the `Permission` it needs when it is
/// registered (the app refuses to start with a route that declares none); a role without the permission is
/// refused before the handler runs; and for a permission about one client, `AccessPolicy.allows` says which
/// relationships to the client grant it. docs/security.md prints `AccessPolicy.markdown` (a test keeps the two
/// the same). Adding a role or a route means adding to this table and declaring the route's permission.
public enum Permission: String, Sendable, Hashable, CaseIterable, Codable {
    // Open and personal
    case usePublicPages = "use-public-pages"
    case useOwnAccount = "use-own-account"
    case readReferenceData = "read-reference-data"
    case manageUsers = "manage-users"
    // A client's record
    case listClients = "list-clients"
    case registerClient = "register-client"
    case readClientRecord = "read-client-record"
    case correctClientRecord = "correct-client-record"
    case recordConsent = "record-consent"
    case addToClientRecord = "add-to-client-record"
    case readAssessments = "read-assessments"
    case readAssessmentNotes = "read-assessment-notes"
    case readEqualityMonitoring = "read-equality-monitoring"
    case readMatchesAndPathways = "read-matches-and-pathways"
    case answerRightsRequests = "answer-rights-requests"
    case eraseClient = "erase-client"
    case readClientAuditTrail = "read-client-audit-trail"
    case readWholeAuditTrail = "read-whole-audit-trail"
    // Referrals and outcomes
    case listReferrals = "list-referrals"
    case readAndMoveReferral = "read-and-move-referral"
    case followJobStart = "follow-job-start"
    case recordSustainment = "record-sustainment"
    // Employers, vacancies, programmes
    case readEmployersAndVacancies = "read-employers-and-vacancies"
    case registerEmployer = "register-employer"
    case recordEmployerEngagement = "record-employer-engagement"
    case scopeVacancy = "scope-vacancy"
    case listCandidates = "list-candidates"
    case readProgrammes = "read-programmes"
    case manageProgrammes = "manage-programmes"
    case manageProviders = "manage-providers"
    // Figures
    case readAggregates = "read-aggregates"
    case readAllocationPlan = "read-allocation-plan"

    public var label: String {
        switch self {
        case .usePublicPages: "use the public pages (sign-in, health, transparency, API document)"
        case .useOwnAccount: "use their own account and API tokens"
        case .readReferenceData: "read reference data (taxonomy, record of processing)"
        case .manageUsers: "manage users"
        case .listClients: "list and search clients"
        case .registerClient: "register a client"
        case .readClientRecord: "read a client's record"
        case .correctClientRecord: "correct a client's details or an assessment"
        case .recordConsent: "record or withdraw a client's consent to share"
        case .addToClientRecord: "record an assessment, referral or job start for a client"
        case .readAssessments: "read a client's assessments and barriers"
        case .readAssessmentNotes: "read advisers' assessment notes"
        case .readEqualityMonitoring: "read or record equality monitoring"
        case .readMatchesAndPathways: "see a client's matches and pathways"
        case .answerRightsRequests: "answer a client's subject access request"
        case .eraseClient: "erase a client (anonymise)"
        case .readClientAuditTrail: "see a client's audit trail"
        case .readWholeAuditTrail: "see and verify the whole audit trail"
        case .listReferrals: "list referrals"
        case .readAndMoveReferral: "read a referral and move it on"
        case .followJobStart: "follow a job start and record in-work contacts"
        case .recordSustainment: "record sustainment checks and progressions"
        case .readEmployersAndVacancies: "read employers and vacancies"
        case .registerEmployer: "register an employer"
        case .recordEmployerEngagement: "record an employer's engagements and pledges"
        case .scopeVacancy: "scope and change a vacancy"
        case .listCandidates: "list a vacancy's candidates"
        case .readProgrammes: "read programmes and providers"
        case .manageProgrammes: "add and change programmes and cohorts"
        case .manageProviders: "add providers"
        case .readAggregates: "read aggregate figures (insight, commissioning, concentration)"
        case .readAllocationPlan: "read the allocation plan"
        }
    }
}

/// How the user's organisation stands to the record a request is about.
public enum Relationship: String, Sendable, Hashable, CaseIterable, Codable {
    /// Not about one record of someone else's (lists, reference data, one's own account), or any record at all.
    case any
    /// The client was registered by the user's organisation.
    case caseOwner = "case-owner"
    /// The client's consent to share with the user's organisation stands.
    case consentedPartner = "consented-partner"
    /// The client is referred to one of the user's organisation's programmes and consents to share with it.
    case referredWithConsent = "referred-with-consent"
    /// The client accepted a referral to the user's organisation's vacancy and consents to share with it.
    case acceptedCandidate = "accepted-candidate"
    /// A record (vacancy, employer, programme, referral to it) of the user's own organisation.
    case ownOrganisation = "own-organisation"

    public var label: String {
        switch self {
        case .any: "any"
        case .caseOwner: "case owner"
        case .consentedPartner: "consented partner"
        case .referredWithConsent: "referred, with consent"
        case .acceptedCandidate: "accepted candidate"
        case .ownOrganisation: "own organisation's"
        }
    }
}

public enum AccessPolicy {
    /// For each permission, the roles that hold it and through which relationships.
    public static let table: [Permission: [Role: Set<Relationship>]] = [
        .usePublicPages: everyone([.any]),
        .useOwnAccount: everyone([.any]),
        .readReferenceData: everyone([.any]),
        .manageUsers: [.administrator: [.any]],

        .listClients: [.adviser: [.caseOwner, .consentedPartner], .provider: [.referredWithConsent], .administrator: [.any]],
        .registerClient: [.adviser: [.any], .administrator: [.any]],
        .readClientRecord: [.adviser: [.caseOwner, .consentedPartner], .provider: [.referredWithConsent], .administrator: [.any]],
        .correctClientRecord: [.adviser: [.caseOwner], .administrator: [.any]],
        .recordConsent: [.adviser: [.caseOwner], .administrator: [.any]],
        .addToClientRecord: [.adviser: [.caseOwner, .consentedPartner], .administrator: [.any]],
        .readAssessments: [.adviser: [.caseOwner, .consentedPartner], .administrator: [.any]],
        .readAssessmentNotes: [.adviser: [.caseOwner], .administrator: [.any]],
        .readEqualityMonitoring: [.adviser: [.caseOwner], .administrator: [.any]],
        .readMatchesAndPathways: [.adviser: [.caseOwner, .consentedPartner], .administrator: [.any]],
        .answerRightsRequests: [.adviser: [.caseOwner], .administrator: [.any]],
        .eraseClient: [.administrator: [.any]],
        .readClientAuditTrail: [.adviser: [.caseOwner], .administrator: [.any]],
        .readWholeAuditTrail: [.administrator: [.any]],

        .listReferrals: [.adviser: [.caseOwner, .consentedPartner], .provider: [.ownOrganisation], .employer: [.ownOrganisation], .administrator: [.any]],
        .readAndMoveReferral: [.adviser: [.caseOwner, .consentedPartner], .provider: [.ownOrganisation], .employer: [.ownOrganisation], .administrator: [.any]],
        .followJobStart: [.adviser: [.caseOwner, .consentedPartner], .employer: [.acceptedCandidate], .administrator: [.any]],
        .recordSustainment: [.adviser: [.caseOwner, .consentedPartner], .administrator: [.any]],

        .readEmployersAndVacancies: [.adviser: [.any], .provider: [.any], .employer: [.ownOrganisation], .administrator: [.any]],
        .registerEmployer: [.adviser: [.any], .administrator: [.any]],
        .recordEmployerEngagement: [.adviser: [.any], .employer: [.ownOrganisation], .administrator: [.any]],
        .scopeVacancy: [.adviser: [.any], .employer: [.ownOrganisation], .administrator: [.any]],
        .listCandidates: [.adviser: [.any], .employer: [.ownOrganisation], .administrator: [.any]],
        .readProgrammes: [.adviser: [.any], .provider: [.any], .employer: [.any], .administrator: [.any]],
        .manageProgrammes: [.provider: [.ownOrganisation], .administrator: [.any]],
        .manageProviders: [.administrator: [.any]],

        .readAggregates: [.analyst: [.any], .adviser: [.any], .administrator: [.any]],
        .readAllocationPlan: [.administrator: [.any]],
    ]

    private static func everyone(_ relationships: Set<Relationship>) -> [Role: Set<Relationship>] {
        Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, relationships) })
    }

    /// Whether `role` holds `permission` through any relationship: the check made before a route's handler runs.
    public static func mayEver(_ role: Role, _ permission: Permission) -> Bool {
        !(table[permission]?[role]?.isEmpty ?? true)
    }

    /// Whether `role` holds `permission` for a record it stands to in any of `relationships`.
    public static func allows(_ role: Role, _ permission: Permission, through held: Set<Relationship>) -> Bool {
        grants(relationships(role, permission), through: held)
    }

    /// Whether a grant of `granted` covers a record the user stands to in any of `relationships`.
    static func grants(_ granted: Set<Relationship>, through relationships: Set<Relationship>) -> Bool {
        granted.contains(.any) || !granted.isDisjoint(with: relationships)
    }

    /// The relationships through which `role` holds `permission`.
    public static func relationships(_ role: Role, _ permission: Permission) -> Set<Relationship> {
        table[permission]?[role] ?? []
    }

    /// The table as docs/security.md prints it: a row per permission, a column per role.
    public static var markdown: String {
        markdown(first: "permission", rows: Permission.allCases.map { ("\($0.label) (`\($0.rawValue)`)", table[$0] ?? [:]) })
    }

    /// A grants table in Markdown: a row per thing granted, a column per role, each cell the relationships.
    static func markdown(first: String, rows: [(label: String, grants: [Role: Set<Relationship>])]) -> String {
        let roles = Role.allCases
        var lines = ["| \(first) | " + roles.map(\.rawValue).joined(separator: " | ") + " |",
                     "|---|" + roles.map { _ in "---|" }.joined()]
        for row in rows {
            let cells = roles.map { role -> String in
                let granted = row.grants[role] ?? []
                if granted.isEmpty { return "—" }
                if granted.contains(.any) { return "yes" }
                return Relationship.allCases.filter(granted.contains).map(\.label).joined(separator: ", ")
            }
            lines.append("| \(row.label) | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
