import EscalatorCore
import Vapor

/// Matching pages: a client's ranked vacancies and gap-closing programmes; a vacancy's ranked candidates.
struct MatchesController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.get("clients", ":clientID", "matches", use: clientMatches).needs(.readMatchesAndPathways)
        routes.get("vacancies", ":vacancyID", "candidates", use: candidates).needs(.listCandidates)
        routes.get("matching", "concentration", use: concentration).needs(.readAggregates)
    }

    func clientMatches(req: Request) async throws -> Response {
        let result = try await ClientMatchQueries.matches(
            clientID: try req.uuid("clientID", "Client"), for: try req.user, limit: ClientMatchQueries.defaultLimit,
            includeIneligible: try MatchingParameters.flag(req, "nearMisses"), mode: try MatchMode.parse(req), now: environment.now(), on: req)
        try await req.audit(.read, .matches, client: result.client.id, purpose: .caseManagement)
        let notice: String? = req.queryString("notice") == "referred" ? "Referral made." : nil
        let shared = try await ConsentCheck.providersSharedWith(
            result.client.id, among: result.programmes.map(\.programme.providerID), on: req.db)
        return .html(MatchViews.clientMatches(result, sharedProviders: shared, viewer: try req.viewer, notice: notice))
    }

    func candidates(req: Request) async throws -> Response {
        let result = try await CandidateQueries.candidates(
            vacancyID: try req.uuid("vacancyID", "Vacancy"), for: try req.user, limit: CandidateQueries.defaultLimit,
            now: environment.now(), on: req)
        return .html(MatchViews.candidates(result, viewer: try req.viewer))
    }

    func concentration(req: Request) async throws -> Response {
        let report = try await ConcentrationQueries.report(for: try req.user, now: environment.now(), on: req)
        return .html(MatchViews.concentration(report, viewer: try req.viewer))
    }
}
