import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// `/api/v1/programmes` and `/api/v1/providers`: programmes, their cohorts and providers for machines.
struct ProgrammesAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let programmes = routes.grouped("programmes")
        programmes.get(use: list).needs(.readProgrammes)
        programmes.post(use: create).needs(.manageProgrammes)
        programmes.get(":programmeID", use: show).needs(.readProgrammes)
        programmes.put(":programmeID", use: update).needs(.manageProgrammes)
        programmes.post(":programmeID", "cohorts", use: addCohort).needs(.manageProgrammes)
        let providers = routes.grouped("providers")
        providers.get(use: listProviders).needs(.readProgrammes)
        providers.post(use: createProvider).needs(.manageProviders)
    }

    struct ProgrammeSummaryDTO: Content {
        var id: UUID
        var title: String
        var type: ProgrammeType
        var providerID: UUID
        var providerName: String
        var weeks: Int
        var hoursPerWeek: Int
        var costPence: Int
        var wardID: String
        var freePlaces: Int
        var totalPlaces: Int
        var nextCohortStartsOn: Date?
    }

    struct ProgrammeDetailDTO: Content {
        var programme: Programme
        var provider: Provider
        var wardName: String
        var freePlaces: Int
        var totalPlaces: Int
    }

    struct ProviderDTO: Content {
        struct ProgrammeLink: Content {
            var id: UUID
            var title: String
            var freePlaces: Int
        }

        var provider: Provider
        var organisationName: String
        var programmes: [ProgrammeLink]
    }

    func list(req: Request) async throws -> Response {
        let page = try await ProgrammeQueries.list(for: try req.user, filter: try ProgrammeQueries.Filter(req), page: try req.pageRequest(), on: req.db)
        return try .json(PagedResponse(page.map { row in
            ProgrammeSummaryDTO(
                id: row.programme.id, title: row.programme.title, type: row.programme.type, providerID: row.programme.providerID,
                providerName: row.providerName, weeks: row.programme.weeks, hoursPerWeek: row.programme.hoursPerWeek,
                costPence: row.programme.costPence, wardID: row.programme.wardID, freePlaces: row.programme.freePlaces,
                totalPlaces: row.programme.totalPlaces, nextCohortStartsOn: row.nextCohort?.startsOn)
        }))
    }

    func create(req: Request) async throws -> Response {
        let user = try req.user
        try ProgrammeAccess.requireChanger(user)
        let programme = try await ProgrammeService.create(try req.content.decode(ProgrammeInput.self), by: user, on: req.db)
        return try .json(try await detail(programme.id, req), status: .created)
    }

    func show(req: Request) async throws -> Response {
        try .json(try await detail(try req.uuid("programmeID", "Programme"), req))
    }

    func update(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("programmeID", "Programme")
        _ = try await ProgrammeAccess.findForChange(id, for: user, on: req.db)
        _ = try await ProgrammeService.update(id, with: try req.content.decode(ProgrammeInput.self), by: user, on: req.db)
        return try .json(try await detail(id, req))
    }

    func addCohort(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("programmeID", "Programme")
        _ = try await ProgrammeAccess.findForChange(id, for: user, on: req.db)
        _ = try await ProgrammeService.addCohort(to: id, try req.content.decode(CohortInput.self), by: user, environment: environment,
                                                 on: req.db)
        return try .json(try await detail(id, req), status: .created)
    }

    func listProviders(req: Request) async throws -> Response {
        let rows = try await ProgrammeQueries.providers(for: try req.user, on: req.db)
        return try .json(rows.map(Self.providerDTO))
    }

    func createProvider(req: Request) async throws -> Response {
        let user = try req.require(.administrator)
        let provider = try await ProgrammeService.createProvider(try req.content.decode(ProviderInput.self), by: user, on: req.db)
        let organisations = try await Lookups.organisationNames(on: req.db)
        return try .json(ProviderDTO(provider: provider, organisationName: organisations[provider.organisationID] ?? "", programmes: []), status: .created)
    }

    static func providerDTO(_ row: ProgrammeQueries.ProviderRow) -> ProviderDTO {
        ProviderDTO(provider: row.provider, organisationName: row.organisationName,
                    programmes: row.programmes.map { .init(id: $0.programme.id, title: $0.programme.title, freePlaces: $0.programme.freePlaces) })
    }

    private func detail(_ id: UUID, _ req: Request) async throws -> ProgrammeDetailDTO {
        let detail = try await ProgrammeQueries.detail(id, for: try req.user, on: req.db)
        return ProgrammeDetailDTO(programme: detail.programme, provider: detail.provider, wardName: detail.wardName,
                                  freePlaces: detail.programme.freePlaces, totalPlaces: detail.programme.totalPlaces)
    }
}
