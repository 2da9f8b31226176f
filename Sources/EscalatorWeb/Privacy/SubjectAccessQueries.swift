import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Gathers everything held about one client for a subject access request.
enum SubjectAccessQueries {
    /// Subject access requests are answered by the controller's staff: administrators, and advisers of the
    /// organisation that registered the client. A partner who sees the record by consent may not; a client the
    /// user cannot see at all is a 404.
    static func authorise(_ id: UUID, for user: AuthenticatedUser, on db: any Database) async throws -> ClientModel {
        try await ClientAccess.find(id, for: user, needs: .answerRightsRequests, on: db)
    }

    /// The request's client's export, for the page and the endpoint alike: allowed, audited as an export for a
    /// subject access request, then gathered.
    static func answer(_ req: Request, environment: AppEnvironment) async throws -> SubjectAccessExport {
        let user = try req.user
        let model = try await authorise(try req.uuid("clientID", "Client"), for: user, on: req.db)
        try await req.audit(.export, .subjectAccessExport, client: model.id!, purpose: .subjectAccess)
        return try await export(model, requestedBy: user, environment: environment, cipher: req.cipher, on: req.db)
    }

    /// The export for a client `authorise` has allowed (record the access in the audit trail first, so that
    /// the export lists it too).
    static func export(
        _ model: ClientModel, requestedBy user: AuthenticatedUser, environment: AppEnvironment, cipher: ColumnCipher, on db: any Database
    ) async throws -> SubjectAccessExport {
        let client = try model.value(cipher)
        let id = client.id
        let now = environment.now()
        let organisations = try await Lookups.organisationNames(on: db)
        let taxonomy = try await Lookups.taxonomy(on: db)
        let ward = try await WardModel.find(client.wardID, on: db)
        let caseOwner: String? = if let owner = client.caseOwnerID { try await UserModel.find(owner, on: db)?.displayName } else { nil }

        let consents = try await ConsentModel.query(on: db).filter(\.$clientID == id).sort(\.$givenAt).all().map(\.value).map {
            SubjectAccessExport.ConsentEntry(
                organisationID: $0.organisationID, organisationName: organisations[$0.organisationID] ?? "Unknown organisation",
                purpose: $0.purpose, givenAt: $0.givenAt, withdrawnAt: $0.withdrawnAt)
        }
        let assessments = try await AssessmentModel.query(on: db).filter(\.$clientID == id).latestLast().all()
            .map { try assessment(of: $0, taxonomy: taxonomy, cipher: cipher) }
        let referrals = try await ReferralQueries.rows(clientID: id, on: db).reversed().map { row in
            SubjectAccessExport.ReferralEntry(
                id: row.referral.id, kind: row.referral.target.kind, targetTitle: row.targetTitle, targetOwner: row.targetOwner,
                status: row.referral.status,
                history: row.referral.history.map { .init(status: $0.status, at: $0.at, note: $0.note) })
        }
        let jobStarts = try await jobStarts(of: id, on: db)
        let lastActivity = try await Retention.lastActivity(of: id, on: db)[id] ?? client.registeredAt

        return SubjectAccessExport(
            generatedAt: now,
            requestedThrough: .init(name: user.displayName, organisationName: user.organisationName),
            retention: .init(months: environment.retentionMonths, lastActivity: lastActivity,
                             erasedAfter: Calendar.utc.date(byAdding: .month, value: environment.retentionMonths, to: lastActivity)!),
            client: .init(
                id: client.id, reference: client.reference, givenName: client.givenName, familyName: client.familyName,
                dateOfBirth: client.dateOfBirth?.isoDay, email: client.email, phone: client.phone, postcode: client.postcode,
                wardID: client.wardID, wardName: ward?.name ?? client.wardID,
                employmentStatus: client.employmentStatus, employmentStatusLabel: client.employmentStatus.label,
                referralSource: client.referralSource, referralSourceLabel: client.referralSource.label,
                organisationID: client.organisationID, organisationName: organisations[client.organisationID] ?? "Unknown organisation",
                caseOwnerName: caseOwner, registeredAt: client.registeredAt,
                equalityMonitoring: client.equalityMonitoring.map(SubjectAccessExport.EqualityEntry.init)),
            consents: consents, assessments: assessments, referrals: Array(referrals), jobStarts: jobStarts,
            auditTrail: try await AuditQueries.all(AuditFilter(clientID: id), on: db).map {
                .init(at: $0.at, organisationName: $0.organisationName, role: $0.role, action: $0.action, actionLabel: $0.actionLabel,
                      object: $0.object, purpose: $0.purpose, channel: $0.channel)
            })
    }

    static func assessment(of model: AssessmentModel, taxonomy: Taxonomy, cipher: ColumnCipher) throws -> SubjectAccessExport.AssessmentEntry {
        let value = try model.value(cipher)
        return .init(
            id: value.id, assessedOn: value.assessedOn.isoDay,
            skills: value.skills.map {
                .init(skillID: $0.skillID, skillName: taxonomy.skillName($0.skillID), level: $0.level.rawValue,
                      levelLabel: $0.level.label, evidence: $0.evidence)
            },
            highestQualification: value.highestQualification.rawValue, highestQualificationLabel: value.highestQualification.label,
            gcseEnglish: value.gcseEnglish, gcseMaths: value.gcseMaths,
            barriers: value.barriers.map {
                .init(kind: $0.kind, label: $0.kind.label, severity: $0.severity.rawValue, severityLabel: $0.severity.label,
                      specialCategory: $0.kind.isSpecialCategory)
            },
            aspirations: value.aspirations.map { .init(occupationID: $0, occupationName: taxonomy.occupation($0)?.name ?? $0) },
            constraints: value.constraints, notes: value.notes, distanceFromWork: model.distanceFromWork)
    }

    static func jobStarts(of clientID: UUID, on db: any Database) async throws -> [SubjectAccessExport.JobStartEntry] {
        let starts = try await JobStartModel.query(on: db).filter(\.$clientID == clientID).sort(\.$startedOn).all().map(\.value)
        let ids = starts.map(\.id)
        guard !ids.isEmpty else { return [] }
        let checks = Dictionary(grouping: try await SustainmentCheckModel.query(on: db).filter(\.$jobStartID ~~ ids).sort(\.$checkedOn).all().map(\.value), by: \.jobStartID)
        let contacts = Dictionary(grouping: try await InWorkContactModel.query(on: db).filter(\.$jobStartID ~~ ids).sort(\.$date).all().map(\.value), by: \.jobStartID)
        let progressions = Dictionary(grouping: try await ProgressionModel.query(on: db).filter(\.$jobStartID ~~ ids).sort(\.$date).all().map(\.value), by: \.jobStartID)
        return starts.map { start in
            .init(
                id: start.id, vacancyID: start.vacancyID, employerName: start.employerName, jobTitle: start.jobTitle,
                startedOn: start.startedOn.isoDay, hoursPerWeek: start.hoursPerWeek, hourlyPayPence: start.hourlyPayPence,
                sustainmentChecks: (checks[start.id] ?? []).map {
                    .init(weeks: $0.milestone.rawValue, checkedOn: $0.checkedOn.isoDay, stillInWork: $0.stillInWork, note: $0.note)
                },
                contacts: (contacts[start.id] ?? []).map { .init(date: $0.date.isoDay, withEmployer: $0.withEmployer, summary: $0.summary) },
                progressions: (progressions[start.id] ?? []).map {
                    .init(kind: $0.kind, kindLabel: $0.kind.label, date: $0.date.isoDay, detail: $0.detail)
                })
        }
    }
}
