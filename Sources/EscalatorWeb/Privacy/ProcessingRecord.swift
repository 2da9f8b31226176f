import EscalatorPersistence

/// The record of processing (UK GDPR Article 30) as one declarative list: every stored field about a client,
/// in its category, with why it is held, on what lawful basis, who receives it, and what erasure leaves of it.
/// The privacy page is generated from it, and tests check that every field of the client models is listed and
/// that erasure does to each what it says here.
enum ProcessingRecord {
    enum AfterErasure: Sendable, Equatable {
        /// Kept: the statistics are counted from it, and it does not identify the client.
        case kept
        /// Emptied, or set to none.
        case removed
        /// Overwritten with what the text says.
        case replaced(String)

        var label: String {
            switch self {
            case .kept: "Kept for statistics"
            case .removed: "Removed"
            case .replaced(let with): "Replaced with \(with)"
            }
        }
    }

    struct Field: Sendable {
        var table: String
        var column: String
        var label: String
        var afterErasure: AfterErasure
        /// Encrypted at rest in its column.
        var sealed = false

        /// A record's own id or its link to another record: meaningless on its own.
        var isLink: Bool { ["id", "client_id", "referral_id", "job_start_id", "sequence"].contains(column) }

        /// The columns that record the erasure itself.
        var isErasureMark: Bool { table == ClientModel.schema && ["erased_at", "erasure_reason"].contains(column) }
    }

    struct Category: Sendable {
        var name: String
        /// Special-category data (UK GDPR Article 9) or criminal-offence data (Article 10).
        var specialCategory: Bool
        var purpose: String
        var lawfulBasis: String
        var recipients: [String]
        var fields: [Field]
        /// Unless it says otherwise, a category is kept for the retention period after the client's last activity.
        var retention: String? = nil
    }

    static let publicTask = "Public task: UK GDPR Article 6(1)(e), the combined authority's and its partners' functions for employment and skills support."
    static let ownOrganisation = "Advisers and administrators of the organisation that registered the client."
    static let consentedPartners = "Partner organisations the client consents to share with (for the stated purpose), while the consent stands."
    static let administrators = "The partnership's administrators."

    static let categories: [Category] = [
        Category(
            name: "Identity and contact details", specialCategory: false,
            purpose: "To know who the client is, keep in touch with them, and find work and training they can reach.",
            lawfulBasis: publicTask,
            recipients: [ownOrganisation, consentedPartners,
                         "Training providers, for clients referred to their programmes.",
                         "Employers, only once the client accepts a referral to their vacancy; before that they see skills, availability and a distance band, never a name."],
            fields: [
                Field(table: ClientModel.schema, column: "id", label: "Record identifier (random)", afterErasure: .kept),
                Field(table: ClientModel.schema, column: "reference", label: "Client reference", afterErasure: .replaced("a random placeholder")),
                Field(table: ClientModel.schema, column: "given_name", label: "First name", afterErasure: .replaced("“\(Anonymisation.givenName)”")),
                Field(table: ClientModel.schema, column: "family_name", label: "Last name", afterErasure: .replaced("“\(Anonymisation.familyName)”")),
                Field(table: ClientModel.schema, column: "date_of_birth", label: "Date of birth", afterErasure: .removed),
                Field(table: ClientModel.schema, column: "email", label: "Email address", afterErasure: .removed),
                Field(table: ClientModel.schema, column: "phone", label: "Phone number", afterErasure: .removed),
                Field(table: ClientModel.schema, column: "postcode", label: "Postcode", afterErasure: .removed),
            ]),
        Category(
            name: "Circumstances and case", specialCategory: false,
            purpose: "To plan the client's support, and to count the partnership's results by area and organisation.",
            lawfulBasis: publicTask,
            recipients: [ownOrganisation, consentedPartners, administrators, "Analysts, as counts of five or more only."],
            fields: [
                Field(table: ClientModel.schema, column: "ward_id", label: "Ward", afterErasure: .kept),
                Field(table: ClientModel.schema, column: "employment_status", label: "Employment status", afterErasure: .kept),
                Field(table: ClientModel.schema, column: "referral_source", label: "How the client came to us", afterErasure: .kept),
                Field(table: ClientModel.schema, column: "organisation_id", label: "Registering organisation", afterErasure: .kept),
                Field(table: ClientModel.schema, column: "case_owner_id", label: "Case owner (an adviser)", afterErasure: .kept),
                Field(table: ClientModel.schema, column: "registered_at", label: "Date registered", afterErasure: .kept),
                Field(table: ClientModel.schema, column: "erased_at", label: "Date erased", afterErasure: .replaced("the date of erasure")),
                Field(table: ClientModel.schema, column: "erasure_reason", label: "Why erased", afterErasure: .replaced("a reason code")),
            ]),
        Category(
            name: "Consent to share", specialCategory: false,
            purpose: "To share the record only with the partners the client has agreed to, and to show that they agreed.",
            lawfulBasis: "Consent: UK GDPR Article 6(1)(a) for each partner shared with; the record of it shows consent was given (Article 7(1)).",
            recipients: [ownOrganisation, administrators],
            fields: [
                Field(table: ConsentModel.schema, column: "id", label: "Record identifier (random)", afterErasure: .kept),
                Field(table: ConsentModel.schema, column: "client_id", label: "Client", afterErasure: .kept),
                Field(table: ConsentModel.schema, column: "organisation_id", label: "Partner shared with", afterErasure: .kept),
                Field(table: ConsentModel.schema, column: "purpose", label: "Purpose of sharing", afterErasure: .removed),
                Field(table: ConsentModel.schema, column: "given_at", label: "Date given", afterErasure: .kept),
                Field(table: ConsentModel.schema, column: "withdrawn_at", label: "Date withdrawn", afterErasure: .replaced("the date of erasure, if still standing")),
            ]),
        Category(
            name: "Skills, qualifications and work preferences", specialCategory: false,
            purpose: "To match the client to jobs and training, and to measure the supply of skills against employers' demand.",
            lawfulBasis: publicTask,
            recipients: [ownOrganisation, consentedPartners, "Employers, as skills and availability without a name (see identity)."],
            fields: [
                Field(table: AssessmentModel.schema, column: "id", label: "Record identifier (random)", afterErasure: .kept),
                Field(table: AssessmentModel.schema, column: "client_id", label: "Client", afterErasure: .kept),
                Field(table: AssessmentModel.schema, column: "adviser_id", label: "Assessing adviser", afterErasure: .kept),
                Field(table: AssessmentModel.schema, column: "assessed_on", label: "Date assessed", afterErasure: .kept),
                Field(table: AssessmentModel.schema, column: "skills", label: "Skills held, level and evidence", afterErasure: .kept),
                Field(table: AssessmentModel.schema, column: "highest_qualification", label: "Highest qualification", afterErasure: .kept),
                Field(table: AssessmentModel.schema, column: "gcse_english", label: "GCSE English", afterErasure: .kept),
                Field(table: AssessmentModel.schema, column: "gcse_maths", label: "GCSE maths", afterErasure: .kept),
                Field(table: AssessmentModel.schema, column: "distance_from_work", label: "Distance-from-work score", afterErasure: .kept),
                Field(table: AssessmentModel.schema, column: "recorded_at", label: "When the assessment was recorded", afterErasure: .kept),
                Field(table: AssessmentModel.schema, column: "aspirations", label: "Jobs the client wants", afterErasure: .removed),
                Field(table: AssessmentModel.schema, column: "min_hours", label: "Fewest hours a week", afterErasure: .removed),
                Field(table: AssessmentModel.schema, column: "max_hours", label: "Most hours a week", afterErasure: .removed),
                Field(table: AssessmentModel.schema, column: "max_travel_km", label: "Furthest travel", afterErasure: .removed),
                Field(table: AssessmentModel.schema, column: "travel_modes", label: "Ways of travelling", afterErasure: .removed),
            ]),
        Category(
            name: "Barriers to work, including health, disability and convictions", specialCategory: true,
            purpose: "To plan support that removes the barriers, and to refer the client to programmes that help with them.",
            lawfulBasis: publicTask + " For health and disability, explicit consent: Article 9(2)(a). For convictions, Article 10 with the "
                + "Data Protection Act 2018, Schedule 1, paragraph 29 (consent).",
            recipients: [ownOrganisation, consentedPartners, "Never employers or analysts."],
            fields: [
                Field(table: AssessmentModel.schema, column: AssessmentModel.barriersColumn, label: "Barriers and how much each holds the client back",
                      afterErasure: .removed, sealed: true),
            ]),
        Category(
            name: "Advisers' notes", specialCategory: true,
            purpose: "To record what the client and adviser agreed. Notes may mention health or other special-category matters.",
            lawfulBasis: publicTask + " Where a note holds special-category data, explicit consent: Article 9(2)(a).",
            recipients: [ownOrganisation, consentedPartners],
            fields: [
                Field(table: AssessmentModel.schema, column: AssessmentModel.notesColumn, label: "Assessment notes", afterErasure: .removed, sealed: true),
            ]),
        Category(
            name: "Equality monitoring: ethnicity, disability and long-term health", specialCategory: true,
            purpose: "To check that the partnership's services reach and serve every group fairly (Equality Act 2010, public sector equality duty). "
                + "Giving it is optional.",
            lawfulBasis: publicTask + " Explicit consent: Article 9(2)(a); each answer may be declined.",
            recipients: [ownOrganisation, administrators, "Never partners, providers, employers or analysts as individual records."],
            fields: [
                Field(table: ClientModel.schema, column: ClientModel.equalityMonitoringColumn, label: "Ethnic group, disability and long-term health condition, and the day the client agreed",
                      afterErasure: .removed, sealed: true),
            ]),
        Category(
            name: "Referrals to programmes and jobs", specialCategory: false,
            purpose: "To refer the client to training and vacancies and follow each referral through.",
            lawfulBasis: publicTask,
            recipients: [ownOrganisation, consentedPartners, "The provider or employer the client is referred to."],
            fields: [
                Field(table: ReferralModel.schema, column: "id", label: "Record identifier (random)", afterErasure: .kept),
                Field(table: ReferralModel.schema, column: "client_id", label: "Client", afterErasure: .kept),
                Field(table: ReferralModel.schema, column: "kind", label: "Programme or vacancy", afterErasure: .kept),
                Field(table: ReferralModel.schema, column: "programme_id", label: "Programme", afterErasure: .kept),
                Field(table: ReferralModel.schema, column: "cohort_id", label: "Cohort", afterErasure: .kept),
                Field(table: ReferralModel.schema, column: "vacancy_id", label: "Vacancy", afterErasure: .kept),
                Field(table: ReferralModel.schema, column: "status", label: "Status", afterErasure: .kept),
                Field(table: ReferralModel.schema, column: "created_at", label: "Date referred", afterErasure: .kept),
                Field(table: ReferralModel.schema, column: "updated_at", label: "Date last changed", afterErasure: .kept),
                Field(table: StatusChangeModel.schema, column: "id", label: "Status change identifier (random)", afterErasure: .kept),
                Field(table: StatusChangeModel.schema, column: "referral_id", label: "Referral", afterErasure: .kept),
                Field(table: StatusChangeModel.schema, column: "sequence", label: "Order", afterErasure: .kept),
                Field(table: StatusChangeModel.schema, column: "status", label: "Status reached", afterErasure: .kept),
                Field(table: StatusChangeModel.schema, column: "at", label: "When the status changed", afterErasure: .kept),
                Field(table: StatusChangeModel.schema, column: "by_user_id", label: "By whom (a member of staff)", afterErasure: .kept),
                Field(table: StatusChangeModel.schema, column: "note", label: "Note on a status change", afterErasure: .removed),
            ]),
        Category(
            name: "Job outcomes and in-work support", specialCategory: false,
            purpose: "To support the client once in work, and to report job starts, sustained work and progression.",
            lawfulBasis: publicTask,
            recipients: [ownOrganisation, consentedPartners, "The employer, for a job through their vacancy.", "Analysts, as counts of five or more only."],
            fields: [
                Field(table: JobStartModel.schema, column: "id", label: "Record identifier (random)", afterErasure: .kept),
                Field(table: JobStartModel.schema, column: "client_id", label: "Client", afterErasure: .kept),
                Field(table: JobStartModel.schema, column: "vacancy_id", label: "Vacancy", afterErasure: .kept),
                Field(table: JobStartModel.schema, column: "employer_name", label: "Employer of a job start", afterErasure: .removed),
                Field(table: JobStartModel.schema, column: "job_title", label: "Job title of a job start", afterErasure: .removed),
                Field(table: JobStartModel.schema, column: "started_on", label: "Start date", afterErasure: .kept),
                Field(table: JobStartModel.schema, column: "hours_per_week", label: "Hours a week", afterErasure: .kept),
                Field(table: JobStartModel.schema, column: "hourly_pay_pence", label: "Hourly pay", afterErasure: .kept),
                Field(table: SustainmentCheckModel.schema, column: "id", label: "Check identifier (random)", afterErasure: .kept),
                Field(table: SustainmentCheckModel.schema, column: "job_start_id", label: "Job start", afterErasure: .kept),
                Field(table: SustainmentCheckModel.schema, column: "milestone", label: "Milestone (weeks)", afterErasure: .kept),
                Field(table: SustainmentCheckModel.schema, column: "checked_on", label: "Date checked", afterErasure: .kept),
                Field(table: SustainmentCheckModel.schema, column: "still_in_work", label: "Still in work", afterErasure: .kept),
                Field(table: SustainmentCheckModel.schema, column: "note", label: "Note on a sustainment check", afterErasure: .removed),
                Field(table: InWorkContactModel.schema, column: "id", label: "Contact identifier (random)", afterErasure: .kept),
                Field(table: InWorkContactModel.schema, column: "job_start_id", label: "Job start", afterErasure: .kept),
                Field(table: InWorkContactModel.schema, column: "date", label: "Date of contact", afterErasure: .kept),
                Field(table: InWorkContactModel.schema, column: "with_employer", label: "With the employer", afterErasure: .kept),
                Field(table: InWorkContactModel.schema, column: "summary", label: "What was discussed in an in-work contact", afterErasure: .removed),
                Field(table: ProgressionModel.schema, column: "id", label: "Progression identifier (random)", afterErasure: .kept),
                Field(table: ProgressionModel.schema, column: "job_start_id", label: "Job start", afterErasure: .kept),
                Field(table: ProgressionModel.schema, column: "kind", label: "Kind of progression", afterErasure: .kept),
                Field(table: ProgressionModel.schema, column: "date", label: "Date of a progression", afterErasure: .kept),
                Field(table: ProgressionModel.schema, column: "detail", label: "Detail of a progression", afterErasure: .removed),
            ]),
        Category(
            name: "Audit trail of who read or changed the record", specialCategory: false,
            purpose: "Accountability: to show who read or changed each client's record, when and why, and to detect misuse. "
                + "It names staff and organisations, never the client: it holds the client's random identifier only.",
            lawfulBasis: "Legal obligation and accountability: UK GDPR Articles 5(2), 24 and 32.",
            recipients: [administrators, "The client's case owner.", "The client, in a subject access copy."],
            fields: [
                Field(table: AuditEventModel.schema, column: "sequence", label: "Sequence number", afterErasure: .kept),
                Field(table: AuditEventModel.schema, column: "at", label: "When", afterErasure: .kept),
                Field(table: AuditEventModel.schema, column: "user_id", label: "Member of staff", afterErasure: .kept),
                Field(table: AuditEventModel.schema, column: "user_name", label: "Their name", afterErasure: .kept),
                Field(table: AuditEventModel.schema, column: "role", label: "Their role", afterErasure: .kept),
                Field(table: AuditEventModel.schema, column: "organisation_id", label: "Their organisation", afterErasure: .kept),
                Field(table: AuditEventModel.schema, column: "organisation_name", label: "Their organisation's name", afterErasure: .kept),
                Field(table: AuditEventModel.schema, column: "action", label: "What they did", afterErasure: .kept),
                Field(table: AuditEventModel.schema, column: "object", label: "Which part of the record (fixed words and identifiers)", afterErasure: .kept),
                Field(table: AuditEventModel.schema, column: "client_id", label: "Client", afterErasure: .kept),
                Field(table: AuditEventModel.schema, column: "purpose", label: "Why", afterErasure: .kept),
                Field(table: AuditEventModel.schema, column: "channel", label: "Page, API or command line", afterErasure: .kept),
                Field(table: AuditEventModel.schema, column: "previous_hash", label: "Previous row's hash", afterErasure: .kept),
                Field(table: AuditEventModel.schema, column: "hash", label: "This row's hash", afterErasure: .kept),
            ],
            retention: "For as long as the service runs: the trail cannot be rewritten or deleted, and erasing a client adds to it."),
    ]

    static var fields: [Field] { categories.flatMap(\.fields) }

    /// Where the data is kept.
    static let storage = [
        "In the service's own database (PostgreSQL in production, a SQLite file for demonstrations), one table per kind of record as listed above.",
        "Columns marked “sealed” are encrypted at rest (AES-GCM) with a key held in the service's configuration, apart from the database.",
        "Backups follow the database's own arrangements and are overwritten within the retention period.",
    ]

    /// How a client exercises their rights.
    static let rights: [(right: String, how: String)] = [
        ("See what is held (subject access)", "Ask your adviser or the partnership. The registering organisation answers within one month, with a printed copy or a JSON file of everything on this list that is held about you, and the record of who has looked at it."),
        ("Correct it (rectification)", "Ask your adviser: they correct your details and assessment through the same forms, and the change is recorded."),
        ("Have it erased", "Ask your adviser or the partnership. An administrator erases it: your name, contact details, notes and barriers are removed at once, and only anonymous facts that the published figures are counted from remain."),
        ("Withdraw consent to share", "Tell any adviser. The partner loses access at once, including to open referrals."),
        ("Object or complain", "Contact the partnership's data protection officer. You can also complain to the Information Commissioner's Office (ico.org.uk)."),
    ]
}
