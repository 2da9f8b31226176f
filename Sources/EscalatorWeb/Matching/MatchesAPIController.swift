import EscalatorCore
import Vapor

/// `/api/v1`: explained matches for a client and candidates for a vacancy.
struct MatchesAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.get("clients", ":clientID", "matches", use: clientMatches).needs(.readMatchesAndPathways)
        routes.get("vacancies", ":vacancyID", "candidates", use: candidates).needs(.listCandidates)
        routes.get("matching", "concentration", use: concentration).needs(.readAggregates)
    }

    func clientMatches(req: Request) async throws -> Response {
        let result = try await ClientMatchQueries.matches(
            clientID: try req.uuid("clientID", "Client"), for: try req.user,
            limit: try MatchingParameters.limit(req, default: ClientMatchQueries.defaultLimit),
            includeIneligible: try MatchingParameters.flag(req, "includeIneligible"), mode: try MatchMode.parse(req), now: environment.now(), on: req)
        try await req.audit(.read, .matches, client: result.client.id, purpose: .caseManagement)
        return try .json(MatchDTO.clientMatches(result))
    }

    func candidates(req: Request) async throws -> Response {
        let result = try await CandidateQueries.candidates(
            vacancyID: try req.uuid("vacancyID", "Vacancy"), for: try req.user,
            limit: try MatchingParameters.limit(req, default: CandidateQueries.defaultLimit), now: environment.now(), on: req)
        return try result.pseudonymised ? .json(MatchDTO.pseudonymisedCandidates(result)) : .json(MatchDTO.candidates(result))
    }

    func concentration(req: Request) async throws -> Response {
        try .json(MatchDTO.Concentration(try await ConcentrationQueries.report(for: try req.user, now: environment.now(), on: req)))
    }
}
