import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// `/api/v1/employers`: employer engagement for machines.
struct EmployersAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let employers = routes.grouped("employers")
        employers.get(use: list).needs(.readEmployersAndVacancies)
        employers.post(use: create).needs(.registerEmployer)
        employers.get(":employerID", use: show).needs(.readEmployersAndVacancies)
        employers.post(":employerID", "engagements", use: addEngagement).needs(.recordEmployerEngagement)
        employers.post(":employerID", "pledges", use: addPledge).needs(.recordEmployerEngagement)
    }

    struct EmployerSummaryDTO: Content {
        var id: UUID
        var organisationID: UUID
        var name: String
        var sector: Sector
        var size: EmployerSize
        var postcode: String
        var wardID: String
        var wardName: String
        var openVacancies: Int
    }

    struct EngagementDTO: Content {
        var id: UUID
        /// `yyyy-MM-dd`.
        var date: String
        var kind: String
        var summary: String
        var recordedBy: String?
    }

    struct PledgeDTO: Content {
        var id: UUID
        var kind: PledgeKind
        var quantity: Int
        /// `yyyy-MM-dd`.
        var madeOn: String
    }

    struct EmployerDetailDTO: Content {
        var id: UUID
        var organisationID: UUID
        var organisationName: String
        var name: String
        var sector: Sector
        var size: EmployerSize
        var postcode: String
        var wardID: String
        var wardName: String
        var engagements: [EngagementDTO]
        var pledges: [PledgeDTO]
        var vacancyIDs: [UUID]
    }

    func list(req: Request) async throws -> Response {
        let page = try await EmployerQueries.list(for: try req.user, search: req.queryString("q"), sector: try req.sectorFilter(),
                                                  page: try req.pageRequest(), on: req.db)
        return try .json(PagedResponse(page.map {
            EmployerSummaryDTO(id: $0.employer.id, organisationID: $0.employer.organisationID, name: $0.employer.name,
                               sector: $0.employer.sector, size: $0.employer.size, postcode: $0.employer.postcode,
                               wardID: $0.employer.wardID, wardName: $0.wardName, openVacancies: $0.openVacancies)
        }))
    }

    func create(req: Request) async throws -> Response {
        let employer = try await EmployerService.create(try req.content.decode(EmployerInput.self), by: try req.user, on: req.db)
        return try .json(try await detail(employer.id, req), status: .created)
    }

    func show(req: Request) async throws -> Response {
        try .json(try await detail(try req.uuid("employerID", "Employer"), req))
    }

    func addEngagement(req: Request) async throws -> Response {
        let id = try req.uuid("employerID", "Employer")
        _ = try await EmployerService.addEngagement(employerID: id, try req.content.decode(EngagementInput.self), by: try req.user,
                                                    environment: environment, on: req.db)
        return try .json(try await detail(id, req), status: .created)
    }

    func addPledge(req: Request) async throws -> Response {
        let id = try req.uuid("employerID", "Employer")
        _ = try await EmployerService.addPledge(employerID: id, try req.content.decode(PledgeInput.self), by: try req.user,
                                                environment: environment, on: req.db)
        return try .json(try await detail(id, req), status: .created)
    }

    private func detail(_ id: UUID, _ req: Request) async throws -> EmployerDetailDTO {
        let detail = try await EmployerQueries.detail(id, for: try req.user, on: req.db)
        let employer = detail.employer
        return EmployerDetailDTO(
            id: employer.id, organisationID: employer.organisationID, organisationName: detail.organisationName,
            name: employer.name, sector: employer.sector, size: employer.size, postcode: employer.postcode,
            wardID: employer.wardID, wardName: detail.ward?.name ?? employer.wardID,
            engagements: detail.engagements.map {
                EngagementDTO(id: $0.id, date: $0.entry.date.isoDay, kind: $0.entry.kind, summary: $0.entry.summary, recordedBy: $0.recordedBy)
            },
            pledges: detail.pledges.map { PledgeDTO(id: $0.id, kind: $0.pledge.kind, quantity: $0.pledge.quantity, madeOn: $0.pledge.madeOn.isoDay) },
            vacancyIDs: detail.vacancies.map(\.id))
    }
}
