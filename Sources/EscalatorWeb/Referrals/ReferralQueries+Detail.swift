import EscalatorCore
import EscalatorPersistence
import Fluent
import FluentSQL
import Vapor

extension ReferralQueries {
    struct Filter: Sendable {
        var status: ReferralStatus?
        var kind: ReferralKind?

        /// `?status=&kind=`; an unknown value is a 422 naming it.
        init(_ req: Request) throws {
            var v = Validator()
            if let raw = req.queryString("status") { status = v.enumValue(raw, "status", ReferralStatus.self, missing: "") }
            if let raw = req.queryString("kind") { kind = v.enumValue(raw, "kind", ReferralKind.self, missing: "") }
            try v.throwIfFailed()
        }

        var queryItems: [(String, String)] { [("status", status?.rawValue ?? ""), ("kind", kind?.rawValue ?? "")] }
    }

    /// The referrals this user may see, latest first.
    static func list(for user: AuthenticatedUser, filter: Filter, page request: PageRequest, pseudonyms: Pseudonyms, on db: any Database) async throws -> Page<Row> {
        let query = try ReferralAccess.scope(ReferralModel.query(on: db), for: user)
        if let status = filter.status { query.filter(\.$status == status) }
        if let kind = filter.kind { query.filter(\.$kind == kind) }
        let total = try await query.count()
        let models = try await query.sort(\.$updatedAt, .descending).sort(\.$id).range(request.offset..<(request.offset + request.size)).all()
        let rows = try await disclosed(try await rows(for: models, on: db), for: user, pseudonyms: pseudonyms, on: db)
        return Page(items: rows, request: request, total: total)
    }

    struct HistoryEntry: Sendable {
        var change: StatusChange
        var byName: String?
        var byOrganisationID: UUID?
    }

    struct Detail: Sendable {
        var row: Row
        var history: [HistoryEntry]
        var cohort: Cohort?
        var vacancy: Vacancy?
        /// The job start recorded for this client at this vacancy, if any; nil for viewers who may not see it.
        var jobStartID: UUID?
        /// The moves this viewer may make.
        var allowedNext: [ReferralStatus]
        /// For a programme referral: the client's barriers the programme supports, as far as the viewer
        /// may see them (`SpecialCategoryAccess`); nil when the viewer may see none of those kinds.
        var supportNeeds: [Barrier]?

        var referral: Referral { row.referral }
        var person: ReferredPerson { row.person }
    }

    static func detail(
        _ id: UUID, for user: AuthenticatedUser, cipher: ColumnCipher, pseudonyms: Pseudonyms, on db: any Database
    ) async throws -> Detail {
        let model = try await ReferralAccess.find(id, for: user, on: db)
        guard let row = try await disclosed(try await rows(for: [model], on: db), for: user, pseudonyms: pseudonyms, on: db).first else {
            throw AppError.notFound("Referral")
        }
        let referral = row.referral
        let userIDs = Array(Set(referral.history.compactMap(\.byUserID)))
        let users = userIDs.isEmpty ? [] : try await UserModel.query(on: db).filter(\.$id ~~ userIDs).all()
        let usersByID = Dictionary(users.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        // Notes written by other organisations may be about the client: a provider sees them only while the client's
        // details are shared with it, an employer never (PersonalFields).
        let seesOthersNotes = PersonalFields.shows(.othersReferralNotes, to: user.role, through: row.person.relationships)
        let history = referral.history.map { change in
            let by = change.byUserID.flatMap { usersByID[$0] }
            var change = change
            if !seesOthersNotes, by?.$organisation.id != user.organisationID { change.note = "" }
            return HistoryEntry(change: change, byName: by?.displayName, byOrganisationID: by?.$organisation.id)
        }
        var cohort: Cohort?, vacancy: Vacancy?, jobStartID: UUID?, supportNeeds: [Barrier]?
        switch referral.target {
        case .programme(let programmeID, let cohortID):
            if let cohortID { cohort = try await CohortModel.find(cohortID, on: db)?.value }
            // Nothing about the client once their consent to share with the provider is withdrawn.
            if row.person.isShown {
                supportNeeds = try await Self.supportNeeds(clientID: referral.clientID, programmeID: programmeID, for: user, cipher: cipher, on: db)
            }
        case .vacancy(let vacancyID):
            vacancy = try await VacancyModel.find(vacancyID, on: db)?.value
            // An employer follows the start only while the client's details are shared with it.
            if user.role != .employer || row.person.isShown {
                jobStartID = try await JobStartModel.query(on: db).filter(\.$clientID == referral.clientID)
                    .filter(\.$vacancyID == vacancyID).first()?.id
            }
        }
        return Detail(row: row, history: history, cohort: cohort, vacancy: vacancy,
                      jobStartID: jobStartID, allowedNext: ReferralAccess.allowedNext(referral, for: user), supportNeeds: supportNeeds)
    }

    /// The client's latest barriers of the kinds the programme supports and the viewer may see.
    static func supportNeeds(
        clientID: UUID, programmeID: UUID, for user: AuthenticatedUser, cipher: ColumnCipher, on db: any Database
    ) async throws -> [Barrier]? {
        guard user.role != .employer, user.role != .analyst,
              let programme = try await ProgrammeModel.find(programmeID, on: db),
              let client = try await ClientModel.find(clientID, on: db) else { return nil }
        let view = try await SpecialCategoryAccess.view(of: client.value, for: user, on: db)
        let kinds = programme.barrierSupport.items.filter { view.shows($0) }
        guard !kinds.isEmpty else { return nil }
        let latest = try await AssessmentQueries.latest(clientID: clientID, cipher: cipher, on: db)
        return (latest?.barriers ?? []).filter { kinds.contains($0.kind) }.sorted { $0.severity > $1.severity }
    }

    /// What the new-referral page offers: cohorts with free places and live vacancies, narrowed by a title search.
    struct Choices: Sendable {
        static let limit = 200

        var cohorts: [(id: UUID, label: String)]
        var vacancies: [(id: UUID, label: String)]
        var moreCohorts: Bool
        var moreVacancies: Bool
    }

    static func choices(search: String?, now: Date, on db: any Database) async throws -> Choices {
        let today = Calendar.utc.startOfDay(for: now)
        let needle = search?.lowercased()
        let cohorts = try await CohortModel.query(on: db).filter(\.$startsOn >= today).sort(\.$startsOn).all().filter { $0.enrolled < $0.capacity }
        let programmeIDs = Array(Set(cohorts.map(\.programmeID)))
        let programmes = programmeIDs.isEmpty ? [] : try await ProgrammeModel.query(on: db).filter(\.$id ~~ programmeIDs).all()
        let providerIDs = Array(Set(programmes.map(\.providerID)))
        let providers = providerIDs.isEmpty ? [:] : Dictionary(
            try await ProviderModel.query(on: db).filter(\.$id ~~ providerIDs).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let programmeByID = Dictionary(programmes.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let cohortChoices: [(id: UUID, label: String)] = cohorts.compactMap { cohort in
            guard let programme = programmeByID[cohort.programmeID] else { return nil }
            if let needle, !programme.title.lowercased().contains(needle) { return nil }
            let free = cohort.capacity - cohort.enrolled
            return (cohort.id!, "\(programme.title), \(providers[programme.providerID] ?? ""): starts \(cohort.startsOn.ukDate) (\(free) free)")
        }

        let vacancyQuery = VacancyModel.query(on: db).live(on: today)
        if let needle {
            vacancyQuery.filter(TextSearch.contains(VacancyModel.schema, "title", needle))
        }
        let vacancies = try await vacancyQuery.sort(\.$closingDate).sort(\.$id).range(0..<(Choices.limit + 1)).all()
        let shown = vacancies.prefix(Choices.limit)
        let employerIDs = Array(Set(shown.map(\.employerID)))
        let employers = employerIDs.isEmpty ? [:] : Dictionary(
            try await EmployerModel.query(on: db).filter(\.$id ~~ employerIDs).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let vacancyChoices: [(id: UUID, label: String)] = shown.map {
            ($0.id!, "\($0.title), \(employers[$0.employerID] ?? ""): closes \($0.closingDate.ukDate)")
        }
        return Choices(cohorts: Array(cohortChoices.prefix(Choices.limit)), vacancies: vacancyChoices,
                       moreCohorts: cohortChoices.count > Choices.limit, moreVacancies: vacancies.count > Choices.limit)
    }
}
