import EscalatorCore
import Vapor

/// `GET /api/v1/clients/:clientID/pathway?vacancy=|occupation=&objective=`: a client's pathway as JSON.
struct PathwaysAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.get("clients", ":clientID", "pathway", use: show).needs(.readMatchesAndPathways)
    }

    func show(req: Request) async throws -> Response {
        let user = try req.user
        let client = try await PathwayQueries.visibleClient(try req.uuid("clientID", "Client"), for: user, on: req)
        let result = try await PathwayQueries.pathway(for: client, try PathwayParameters.parse(req), now: environment.now(), on: req)
        try await req.audit(.read, .pathway, client: result.client.id, purpose: .caseManagement)
        return try .json(PathwayDTO(result))
    }
}
