import EscalatorCore
import EscalatorPersistence
import Fluent
import FluentSQL
import Vapor

/// The reads behind the vacancy pages and endpoints.
enum VacancyQueries {
    struct Filters: Sendable {
        var status: VacancyStatus?
        var occupationID: String?
        var employerID: UUID?
        var search: String?

        var query: [(String, String)] {
            [("status", status?.rawValue ?? ""), ("occupationID", occupationID ?? ""),
             ("employerID", employerID?.uuidString ?? ""), ("q", search ?? "")]
        }
    }

    struct Row: Sendable {
        var vacancy: Vacancy
        var employerName: String
        var occupationName: String
        var wardName: String
    }

    static func list(for user: AuthenticatedUser, filters: Filters, page request: PageRequest, on db: any Database) async throws -> Page<Row> {
        var query = try await VacancyAccess.scope(VacancyModel.query(on: db), for: user, on: db)
        if let status = filters.status { query = query.filter(\.$status == status) }
        if let occupationID = filters.occupationID { query = query.filter(\.$occupationID == occupationID) }
        if let employerID = filters.employerID { query = query.filter(\.$employerID == employerID) }
        if let search = filters.search {
            query = query.filter(TextSearch.contains(VacancyModel.schema, "title", search))
        }
        let total = try await query.count()
        let models = try await query.sort(\.$closingDate).sort(\.$title).sort(\.$id).range(request.offset..<(request.offset + request.size)).all()
        let employerIDs = Set(models.map(\.employerID)), occupationIDs = Set(models.map(\.occupationID))
        let employers = employerIDs.isEmpty ? [:] : Dictionary(
            try await EmployerModel.query(on: db).filter(\.$id ~~ employerIDs).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let occupations = occupationIDs.isEmpty ? [:] : Dictionary(
            try await OccupationModel.query(on: db).filter(\.$id ~~ occupationIDs).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let wards = try await Lookups.wardNames(on: db)
        let rows = models.map {
            Row(vacancy: $0.value, employerName: employers[$0.employerID] ?? "Unknown employer",
                occupationName: occupations[$0.occupationID] ?? $0.occupationID, wardName: wards[$0.wardID] ?? $0.wardID)
        }
        return Page(items: rows, request: request, total: total)
    }

    struct Detail: Sendable {
        var vacancy: Vacancy
        var employer: Employer
        var occupation: Occupation?
        var ward: Ward?
    }

    static func detail(_ id: UUID, for user: AuthenticatedUser, on db: any Database) async throws -> Detail {
        let vacancy = try await VacancyAccess.find(id, for: user, on: db).value
        guard let employer = try await EmployerModel.find(vacancy.employerID, on: db)?.value else { throw AppError.notFound("Employer") }
        return Detail(vacancy: vacancy, employer: employer,
                      occupation: try await OccupationModel.find(vacancy.occupationID, on: db)?.value,
                      ward: try await WardModel.find(vacancy.wardID, on: db)?.value)
    }

    /// Employers a user may filter the list by: those whose vacancies they can see.
    static func visibleEmployers(for user: AuthenticatedUser, on db: any Database) async throws -> [Employer] {
        try await EmployerAccess.scope(EmployerModel.query(on: db), for: user).sort(\.$name).all().map(\.value)
    }
}

extension Request {
    /// `?status=&occupationID=&employerID=&q=`; a value that cannot be read is a 422 naming it.
    func vacancyFilters() throws -> VacancyQueries.Filters {
        var errors: [FieldError] = []
        var filters = VacancyQueries.Filters(occupationID: queryString("occupationID"), search: queryString("q"))
        if let raw = queryString("status") {
            filters.status = VacancyStatus(rawValue: raw)
            if filters.status == nil {
                errors.append(FieldError("status", "status must be one of: \(VacancyStatus.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        if let raw = queryString("employerID") {
            filters.employerID = UUID(uuidString: raw)
            if filters.employerID == nil { errors.append(FieldError("employerID", "employerID must be an id like 3F2504E0-4F89-11D3-9A0C-0305E82C3301")) }
        }
        if !errors.isEmpty { throw AppError.validation(errors) }
        return filters
    }
}
