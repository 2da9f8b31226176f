import EscalatorCore

// THE AUTHORISATION MATRIX'S RULES: one per route of the app, keyed "METHOD /path/:param" exactly as the route
// table prints it (`GET /clients/:clientID/matches`, `POST /api/v1/clients/:clientID/consents`). A route without a
// rule fails AuthorisationMatrixTests ("add a rule in RouteRules.swift"), and so does a rule without a route.
//
// A rule says who may use the route; everyone else must be denied: 403 for a role that may not act, or for a record
// it can see (`visibility` below) but may not use that way; 404 for a record it cannot see; and when signed out, a
// redirect to /sign-in for pages or 401 for the API:
//   .open                          anyone, signed out too (sign-in, health, styles, the OpenAPI document); a 401
//                                  for wrong credentials or sign-out's redirect to /sign-in is the route working
//   .signedIn                      every signed-in role
//   .roles(.adviser, .administrator)                 only these roles
//   .record(.client, [.adviser: .ownOrConsented, .administrator: .all])
//       a route about one record (its :param is filled with a record of that kind), tried in each context: a record
//       of the caller's own organisation or another's, with the client's consent to the caller's organisation
//       given or withdrawn (see RecordKind and Reach below). Roles not listed are denied in every context.
// A route that needs a query to name its record (`GET /referrals/new?clientID=`) gets it in MatrixWorld.queries.
// Adding a route: add its rule here, in the section of its controller, following the same shape.

enum RouteRule: Sendable {
    case open
    case signedIn
    case roles(Set<Role>)
    case record(RecordKind, [Role: Reach])

    static func roles(_ roles: Role...) -> RouteRule { .roles(Set(roles)) }
    var isOpen: Bool { if case .open = self { true } else { false } }
    /// Every signed-in role but these.
    static func allBut(_ roles: Role...) -> RouteRule { .roles(Set(Role.allCases).subtracting(roles)) }
}

/// The kind of record a route is about; says which fixture records fill its parameters.
enum RecordKind: String, Sendable {
    /// A client (and with it their assessments, consents, referrals and job starts). "Own" for an adviser is a client
    /// their organisation registered; for a provider, one referred to their programme; for an employer, one referred to
    /// their vacancy. Consent is the client's consent to share with the caller's organisation.
    case client
    /// A referral: to a programme (for providers) or a vacancy (for employers) of the caller's organisation when "own";
    /// for advisers, a referral of a client their organisation registered. Consent as for `client`.
    case referral
    /// A job start of a client, as for `client`.
    case jobStart
    /// Records without consent: the caller's organisation's own or another's.
    case vacancy, employer, programme
    /// An API token: the caller's own or another user's.
    case token
    /// Whether the consent contexts apply; other kinds are tried with their own and another organisation's record only.
    var hasConsent: Bool { self == .client || self == .referral || self == .jobStart }
}

/// Which contexts a role reaches for a record route.
enum Reach: Sendable {
    /// Every record.
    case all
    /// Records of its own organisation, consent or not.
    case own
    /// Its own organisation's records, and others' while the client's consent to share with it stands.
    case ownOrConsented
    /// Its own organisation's records while the client's consent to share with it stands.
    case ownWhileConsented
    /// No record (the same as leaving the role out).
    case nothing
}

enum RouteRules {
    static let all: [String: RouteRule] = [
        // Health, static, OpenAPI, sign-in
        "GET /healthz": .open,
        "GET /healthz/live": .open,
        "GET /healthz/ready": .open,
        "GET /metrics": .open,
        "GET /styles.css": .open,
        "GET /api/v1/openapi.json": .open,
        "GET /sign-in": .open,
        "POST /sign-in": .open,
        "POST /sign-out": .open,
        "POST /api/v1/auth/token": .open,
        "GET /transparency": .open,
        "GET /api/v1/transparency": .open,

        // Home, account, API tokens
        "GET /": .signedIn,
        "GET /account": .signedIn,
        "GET /account/password": .signedIn,
        "POST /account/password": .signedIn,
        "GET /account/tokens": .signedIn,
        "POST /account/tokens": .signedIn,
        "POST /account/tokens/:tokenID/revoke": .record(.token, everyRole(.own)),
        "GET /api/v1/auth/tokens": .signedIn,
        "DELETE /api/v1/auth/tokens/:tokenID": tokenOwners,

        // Administrators' user management
        "GET /admin/users": .roles(.administrator),
        "GET /admin/users/new": .roles(.administrator),
        "POST /admin/users": .roles(.administrator),
        "GET /admin/users/:userID": .roles(.administrator),
        "POST /admin/users/:userID/deactivate": .roles(.administrator),
        "POST /admin/users/:userID/reactivate": .roles(.administrator),
        "POST /admin/users/:userID/reset-password": .roles(.administrator),
        "POST /admin/users/:userID/tokens/:tokenID/revoke": .roles(.administrator),

        // Clients (Engagement)
        "GET /clients": .roles(.adviser, .provider, .administrator),
        "GET /clients/new": .roles(.adviser, .administrator),
        "POST /clients": .roles(.adviser, .administrator),
        "GET /clients/:clientID": clientReaders,
        "GET /clients/:clientID/edit": caseOwners,
        "POST /clients/:clientID/edit": caseOwners,
        "POST /clients/:clientID/consents": caseOwners,
        "POST /clients/:clientID/consents/:consentID/withdraw": caseOwners,
        "GET /api/v1/clients": .roles(.adviser, .provider, .administrator),
        "POST /api/v1/clients": .roles(.adviser, .administrator),
        "GET /api/v1/clients/:clientID": clientReaders,
        "PUT /api/v1/clients/:clientID": caseOwners,
        "POST /api/v1/clients/:clientID/consents": caseOwners,
        "POST /api/v1/clients/:clientID/consents/:consentID/withdraw": caseOwners,

        // Assessments and their rectification
        "GET /clients/:clientID/assessments/new": clientChangers,
        "POST /clients/:clientID/assessments": clientChangers,
        "GET /clients/:clientID/assessments/:assessmentID": adviserClientReaders,
        "GET /clients/:clientID/assessments/:assessmentID/edit": caseOwners,
        "POST /clients/:clientID/assessments/:assessmentID/edit": caseOwners,
        "POST /api/v1/clients/:clientID/assessments": clientChangers,
        "GET /api/v1/clients/:clientID/assessments": adviserClientReaders,
        "GET /api/v1/assessments/:assessmentID": adviserClientReaders,
        "PUT /api/v1/assessments/:assessmentID": caseOwners,

        // Matching
        "GET /clients/:clientID/matches": adviserClientReaders,
        "GET /api/v1/clients/:clientID/matches": adviserClientReaders,
        // Pathways: advisers who may see the client (and so all their barriers), and administrators
        "GET /clients/:clientID/pathway": .record(.client, [.adviser: .ownOrConsented, .administrator: .all]),
        "GET /api/v1/clients/:clientID/pathway": .record(.client, [.adviser: .ownOrConsented, .administrator: .all]),
        "GET /vacancies/:vacancyID/candidates": .record(.vacancy, [.adviser: .all, .administrator: .all, .employer: .own]),
        "GET /api/v1/vacancies/:vacancyID/candidates": .record(.vacancy, [.adviser: .all, .administrator: .all, .employer: .own]),
        "GET /matching/concentration": .roles(.analyst, .adviser, .administrator),
        "GET /api/v1/matching/concentration": .roles(.analyst, .adviser, .administrator),
        "GET /matching/allocation": .roles(.administrator),
        "GET /matching/allocation.csv": .roles(.administrator),
        "GET /api/v1/matching/allocation": .roles(.administrator),

        // Data-protection rights and the record of processing
        "GET /privacy/processing": .signedIn,
        "GET /clients/:clientID/subject-access": caseOwners,
        "GET /clients/:clientID/erase": administrators,
        "POST /clients/:clientID/erase": administrators,
        "GET /api/v1/clients/:clientID/subject-access": caseOwners,
        "POST /api/v1/clients/:clientID/erasure": administrators,

        // Audit trail
        "GET /audit": .roles(.administrator),
        "GET /audit/verify": .roles(.administrator),
        "GET /audit/export.csv": .roles(.administrator),
        "GET /clients/:clientID/audit": caseOwners,
        "GET /clients/:clientID/audit/export.csv": caseOwners,
        "GET /api/v1/audit": caseOwners, // with ?clientID= (MatrixWorld.queries); the whole trail is for administrators
        "GET /api/v1/audit/verify": .roles(.administrator),
        "GET /api/v1/clients/:clientID/audit": caseOwners,

        // Referrals
        "GET /referrals": .allBut(.analyst),
        "GET /referrals/new": clientChangers, // with ?clientID=
        "POST /referrals": .roles(.adviser, .administrator),
        "GET /referrals/:referralID": referralReaders,
        "POST /referrals/:referralID/status": referralReaders,
        "GET /api/v1/referrals": .allBut(.analyst),
        "POST /api/v1/referrals": .roles(.adviser, .administrator),
        "GET /api/v1/referrals/:referralID": referralReaders,
        "POST /api/v1/referrals/:referralID/status": referralReaders,

        // Job starts
        "GET /clients/:clientID/job-starts/new": clientChangers,
        "POST /clients/:clientID/job-starts": clientChangers,
        "GET /job-starts/:jobStartID": jobStartReaders,
        "POST /job-starts/:jobStartID/checks": jobStartRecorders,
        "POST /job-starts/:jobStartID/contacts": jobStartReaders,
        "POST /job-starts/:jobStartID/progressions": jobStartRecorders,
        "POST /api/v1/job-starts": .roles(.adviser, .administrator),
        "GET /api/v1/job-starts/:jobStartID": jobStartReaders,
        "POST /api/v1/job-starts/:jobStartID/checks": jobStartRecorders,
        "POST /api/v1/job-starts/:jobStartID/contacts": jobStartReaders,
        "POST /api/v1/job-starts/:jobStartID/progressions": jobStartRecorders,

        // Employers
        "GET /employers": .allBut(.analyst),
        "GET /employers/new": .roles(.adviser, .administrator),
        "POST /employers": .roles(.adviser, .administrator),
        "GET /employers/:employerID": .record(.employer, [.adviser: .all, .administrator: .all, .provider: .all, .employer: .own]),
        "POST /employers/:employerID/engagements": employerActors,
        "POST /employers/:employerID/pledges": employerActors,
        "GET /api/v1/employers": .allBut(.analyst),
        "POST /api/v1/employers": .roles(.adviser, .administrator),
        "GET /api/v1/employers/:employerID": .record(.employer, [.adviser: .all, .administrator: .all, .provider: .all, .employer: .own]),
        "POST /api/v1/employers/:employerID/engagements": employerActors,
        "POST /api/v1/employers/:employerID/pledges": employerActors,

        // Vacancies
        "GET /vacancies": .allBut(.analyst),
        "GET /vacancies/new": .roles(.adviser, .administrator, .employer),
        "POST /vacancies": .roles(.adviser, .administrator, .employer),
        "GET /vacancies/:vacancyID": .record(.vacancy, [.adviser: .all, .administrator: .all, .provider: .all, .employer: .own]),
        "GET /vacancies/:vacancyID/edit": .record(.vacancy, [.adviser: .all, .administrator: .all, .employer: .own]),
        "POST /vacancies/:vacancyID/edit": .record(.vacancy, [.adviser: .all, .administrator: .all, .employer: .own]),
        "GET /api/v1/vacancies": .allBut(.analyst),
        "POST /api/v1/vacancies": .roles(.adviser, .administrator, .employer),
        "GET /api/v1/vacancies/:vacancyID": .record(.vacancy, [.adviser: .all, .administrator: .all, .provider: .all, .employer: .own]),
        "PUT /api/v1/vacancies/:vacancyID": .record(.vacancy, [.adviser: .all, .administrator: .all, .employer: .own]),
        "GET /api/v1/occupations/:occupationID/prefill": .signedIn, // taxonomy-derived requirements, no personal data

        // Programmes and providers
        "GET /programmes": .allBut(.analyst),
        "GET /programmes/new": .roles(.provider, .administrator),
        "POST /programmes": .roles(.provider, .administrator),
        "GET /programmes/providers": .allBut(.analyst),
        "GET /programmes/providers/new": .roles(.administrator),
        "POST /programmes/providers": .roles(.administrator),
        "GET /programmes/:programmeID": programmeReaders,
        "GET /programmes/:programmeID/edit": programmeChangers,
        "POST /programmes/:programmeID/edit": programmeChangers,
        "POST /programmes/:programmeID/cohorts": programmeChangers,
        "GET /api/v1/programmes": .allBut(.analyst),
        "POST /api/v1/programmes": .roles(.provider, .administrator),
        "GET /api/v1/programmes/:programmeID": programmeReaders,
        "PUT /api/v1/programmes/:programmeID": programmeChangers,
        "POST /api/v1/programmes/:programmeID/cohorts": programmeChangers,
        "GET /api/v1/providers": .allBut(.analyst),
        "POST /api/v1/providers": .roles(.administrator),

        // Insight (aggregates, small numbers suppressed)
        "GET /insight": .roles(.analyst, .adviser, .administrator),
        "GET /api/v1/insight": .roles(.analyst, .adviser, .administrator),
        "GET /insight/commissioning": .roles(.analyst, .adviser, .administrator),
        "GET /api/v1/insight/commissioning": .roles(.analyst, .adviser, .administrator),

        // Taxonomy (reference data)
        "GET /taxonomy": .signedIn,
        "GET /taxonomy/occupations/:occupationID": .signedIn,
        "GET /taxonomy/skills": .signedIn,
        "GET /taxonomy/skills/:skillID": .signedIn,
        "GET /api/v1/taxonomy/occupations": .signedIn,
        "GET /api/v1/taxonomy/occupations/:occupationID": .signedIn,
        "GET /api/v1/taxonomy/skills": .signedIn,
        "GET /api/v1/taxonomy/skills/:skillID": .signedIn,
    ]

    /// Which records of each kind each role can see at all. Denied a record it can see, a caller gets 403 (it may not do
    /// that); one it cannot see, 404 (not even confirmed to exist), or 403 when its role is turned away before the lookup.
    static let visibility: [RecordKind: [Role: Reach]] = [
        .client: [.adviser: .ownOrConsented, .provider: .ownWhileConsented, .administrator: .all],
        .referral: [.adviser: .ownOrConsented, .provider: .own, .employer: .own, .administrator: .all],
        .jobStart: [.adviser: .ownOrConsented, .employer: .ownWhileConsented, .administrator: .all],
        .vacancy: [.adviser: .all, .administrator: .all, .provider: .all, .employer: .own],
        .employer: [.adviser: .all, .administrator: .all, .provider: .all, .employer: .own],
        .programme: [.adviser: .all, .administrator: .all, .employer: .all, .provider: .own],
        // An administrator revokes others' tokens through the API or /admin/users; /account/tokens is one's own.
        .token: everyRole(.own),
    ]

    // Shared shapes.
    static func everyRole(_ reach: Reach) -> [Role: Reach] { Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, reach) }) }
    /// A token's own user, and administrators (TokenService.revoke).
    static let tokenOwners = RouteRule.record(.token, everyRole(.own).merging([.administrator: .all]) { _, new in new })
    /// Reading a client's record: ClientAccess.
    static let clientReaders = RouteRule.record(.client, [.adviser: .ownOrConsented, .provider: .ownWhileConsented, .administrator: .all])
    /// Assessments and matches: advisers who can see the client, and administrators (not providers).
    static let adviserClientReaders = RouteRule.record(.client, [.adviser: .ownOrConsented, .administrator: .all])
    /// Erasure: administrators only.
    static let administrators = RouteRule.record(.client, [.administrator: .all])
    /// Changing it: advisers and administrators (ClientAccess.findForChange).
    static let clientChangers = RouteRule.record(.client, [.adviser: .ownOrConsented, .administrator: .all])
    /// The case owner's organisation and administrators (correcting details, consents, audit trail, subject access).
    static let caseOwners = RouteRule.record(.client, [.adviser: .own, .administrator: .all])
    static let referralReaders = RouteRule.record(.referral, [.adviser: .ownOrConsented, .provider: .own, .employer: .own, .administrator: .all])
    /// Job starts (and in-work contacts): employers too, at their own vacancy, once the client accepted the referral and
    /// while consent to share with them stands (JobStartAccess).
    static let jobStartReaders = RouteRule.record(.jobStart, [.adviser: .ownOrConsented, .employer: .ownWhileConsented, .administrator: .all])
    /// Sustainment checks and progressions: the client's advisers and administrators.
    static let jobStartRecorders = RouteRule.record(.jobStart, [.adviser: .ownOrConsented, .administrator: .all])
    static let employerActors = RouteRule.record(.employer, [.adviser: .all, .administrator: .all, .employer: .own])
    static let programmeReaders = RouteRule.record(.programme, [.adviser: .all, .administrator: .all, .employer: .all, .provider: .own])
    static let programmeChangers = RouteRule.record(.programme, [.administrator: .all, .provider: .own])
}
