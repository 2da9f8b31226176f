import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// A client's optimal pathway to a vacancy or an occupation, from their latest assessment.
enum PathwayQueries {
    struct Result: Sendable {
        var client: Client
        /// Nil when the client has not been assessed: there is nothing to plan from.
        var request: PathwayRequest?
        var result: PathwayResult?
        var target: PathwayTarget
        var parameters: PathwayParameters
        /// The first day a step can start.
        var today: Date
        var taxonomy: Taxonomy
        /// The provider of every programme the result mentions.
        var providerNames: [UUID: String]
    }

    /// The client, when the user may see their pathways: 403 for other roles, 404 for a client out of reach.
    static func visibleClient(_ clientID: UUID, for user: AuthenticatedUser, on req: Request) async throws -> Client {
        let client = try await ClientAccess.find(clientID, for: user, needs: .readMatchesAndPathways, on: req.db).value
        let view = try await SpecialCategoryAccess.view(of: client, for: user, on: req.db)
        guard view.showsAllBarriers else {
            // Steps and notes name the client's barriers, so a pathway is only for those who may see them all.
            throw AppError.forbidden("Only advisers who support this client can see their pathways.")
        }
        return client
    }

    /// `client` must come from `visibleClient`.
    static func pathway(for client: Client, _ parameters: PathwayParameters, now: Date, on req: Request) async throws -> Result {
        let inputs = try await req.pathwayInputs(now: now)
        let target = try await target(parameters.target, inputs: inputs, on: req.db)
        guard let assessment = try await PathwayInputs.latestAssessment(clientID: client.id, cipher: req.cipher, on: req.db) else {
            return Result(client: client, request: nil, result: nil, target: target, parameters: parameters, today: inputs.today, taxonomy: inputs.planner.taxonomy, providerNames: [:])
        }
        let request = inputs.request(client: client, assessment: assessment, target: target, objective: parameters.objective, now: now)
        let result = inputs.planner.pathway(request)
        return Result(client: client, request: request, result: result, target: target, parameters: parameters, today: inputs.today,
                      taxonomy: inputs.planner.taxonomy, providerNames: try await providerNames(of: result, on: req.db))
    }

    /// The vacancy (any status: a pathway can lead to one like it) or occupation; 404 naming it when unknown.
    static func target(_ target: PathwayParameters.Target, inputs: PathwayInputs, on db: any Database) async throws -> PathwayTarget {
        switch target {
        case .vacancy(let id):
            guard let model = try await VacancyModel.find(id, on: db) else { throw AppError.notFound("Vacancy") }
            return inputs.vacancyTarget(model)
        case .occupation(let id):
            guard let occupation = inputs.planner.taxonomy.occupation(id) else { throw AppError.notFound("Occupation \(id)") }
            return .occupation(occupation)
        }
    }

    static func programmeIDs(of result: PathwayResult) -> Set<UUID> {
        guard let pathway = result.pathway else { return [] }
        var ids = Set(pathway.steps.compactMap(\.programmeID))
        ids.formUnion(pathway.inWorkSupport.map(\.programmeID))
        if let first = pathway.progression?.firstProgramme { ids.insert(first.programmeID) }
        return ids
    }

    static func providerNames(of result: PathwayResult, on db: any Database) async throws -> [UUID: String] {
        let ids = programmeIDs(of: result)
        guard !ids.isEmpty else { return [:] }
        let programmes = try await ProgrammeModel.query(on: db).filter(\.$id ~~ ids).all()
        let names = try await ClientMatchQueries.providerNames(Set(programmes.map(\.providerID)), on: db)
        return Dictionary(programmes.map { ($0.id!, names[$0.providerID] ?? "Unknown provider") }, uniquingKeysWith: { a, _ in a })
    }
}
