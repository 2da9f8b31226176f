import EscalatorCore
import Vapor

/// `GET /clients/:clientID/pathway?vacancy=|occupation=&objective=`: a client's skills-escalator pathway.
struct PathwaysController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.get("clients", ":clientID", "pathway", use: show).needs(.readMatchesAndPathways)
    }

    func show(req: Request) async throws -> Response {
        let user = try req.user
        let client = try await PathwayQueries.visibleClient(try req.uuid("clientID", "Client"), for: user, on: req)
        let now = environment.now()
        do {
            let result = try await PathwayQueries.pathway(for: client, try PathwayParameters.parse(req), now: now, on: req)
            try await req.audit(.read, .pathway, client: result.client.id, purpose: .caseManagement)
            return .html(PathwayViews.page(result, viewer: try req.viewer))
        } catch let error as AppError {
            // A bad or unknown target shows the chooser again with what was wrong; anything else is the usual error.
            let field: String
            switch error {
            case .badParameter(let name, _): field = name
            case .notFound(let what) where what.hasPrefix("Vacancy"): field = "vacancy"
            case .notFound(let what) where what.hasPrefix("Occupation"): field = "occupation"
            default: throw error
            }
            let taxonomy = try await req.pathwayInputs(now: now).planner.taxonomy
            let values = ["occupation": req.queryString("occupation") ?? "", "objective": req.queryString("objective") ?? PathwayObjective.weeksToJobReady.rawValue]
            return .html(PathwayViews.badRequest(client: client, errors: [FieldError(field, error.message)], values: values, taxonomy: taxonomy,
                                                 viewer: try req.viewer),
                         status: error.status)
        }
    }
}
