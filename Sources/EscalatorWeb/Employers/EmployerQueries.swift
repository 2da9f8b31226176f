import EscalatorCore
import EscalatorPersistence
import Fluent
import FluentSQL
import Vapor

/// The reads behind the employer pages and endpoints.
enum EmployerQueries {
    struct Row: Sendable {
        var employer: Employer
        var wardName: String
        var openVacancies: Int
    }

    static func list(for user: AuthenticatedUser, search: String?, sector: Sector?, page request: PageRequest, on db: any Database) async throws -> Page<Row> {
        var query = try EmployerAccess.scope(EmployerModel.query(on: db), for: user)
        if let search {
            query = query.filter(TextSearch.contains(EmployerModel.schema, "name", search))
        }
        if let sector { query = query.filter(\.$sector == sector) }
        let total = try await query.count()
        let models = try await query.sort(\.$name).sort(\.$id).range(request.offset..<(request.offset + request.size)).all()
        let ids = models.compactMap(\.id)
        let wards = try await Lookups.wardNames(on: db)
        let open = ids.isEmpty ? [] : try await VacancyModel.query(on: db).filter(\.$employerID ~~ ids).filter(\.$status == .open).all()
        let openCounts = Dictionary(grouping: open, by: \.employerID).mapValues(\.count)
        let rows = models.map { Row(employer: $0.value, wardName: wards[$0.wardID] ?? $0.wardID, openVacancies: openCounts[$0.id!] ?? 0) }
        return Page(items: rows, request: request, total: total)
    }

    struct LoggedEngagement: Sendable {
        var id: UUID
        var entry: EngagementEntry
        var recordedBy: String?
    }

    struct RecordedPledge: Sendable {
        var id: UUID
        var pledge: Pledge
    }

    struct Detail: Sendable {
        var employer: Employer
        var organisationName: String
        var ward: Ward?
        var engagements: [LoggedEngagement]
        var pledges: [RecordedPledge]
        var vacancies: [Vacancy]
    }

    static func detail(_ id: UUID, for user: AuthenticatedUser, on db: any Database) async throws -> Detail {
        let employer = try await EmployerAccess.find(id, for: user, on: db).value
        let organisation = try await OrganisationModel.find(employer.organisationID, on: db)
        let ward = try await WardModel.find(employer.wardID, on: db)?.value
        let engagementModels = try await EngagementModel.query(on: db).filter(\.$employerID == id)
            .sort(\.$date, .descending).sort(\.$id).all()
        let recorderIDs = Set(engagementModels.compactMap(\.recordedBy))
        let recorders = recorderIDs.isEmpty ? [:] : Dictionary(
            try await UserModel.query(on: db).filter(\.$id ~~ recorderIDs).all().map { ($0.id!, $0.displayName) },
            uniquingKeysWith: { a, _ in a })
        let engagements = engagementModels.map {
            LoggedEngagement(id: $0.id!, entry: $0.value, recordedBy: $0.recordedBy.flatMap { recorders[$0] })
        }
        let pledges = try await PledgeModel.query(on: db).filter(\.$employerID == id).sort(\.$madeOn, .descending).sort(\.$id).all()
            .map { RecordedPledge(id: $0.id!, pledge: $0.value) }
        let vacancies = try await VacancyModel.query(on: db).filter(\.$employerID == id).sort(\.$closingDate, .descending).sort(\.$id).all()
            .map(\.value)
        return Detail(employer: employer, organisationName: organisation?.name ?? "Unknown organisation", ward: ward,
                      engagements: engagements, pledges: pledges, vacancies: vacancies)
    }

    /// Organisations an administrator may attach a new employer to.
    static func employerOrganisations(on db: any Database) async throws -> [Organisation] {
        try await OrganisationModel.query(on: db).filter(\.$kind == .employer).sort(\.$name).all().map(\.value)
    }
}

extension Request {
    /// `?sector=` as a sector, or a 422 naming it.
    func sectorFilter() throws -> Sector? {
        guard let raw = queryString("sector") else { return nil }
        guard let sector = Sector(rawValue: raw) else {
            throw AppError.validation("sector", "sector must be one of: \(Sector.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return sector
    }
}
