import EscalatorCore
import Vapor

/// `/api/v1/matching/allocation`: the allocation plan as JSON, for administrators.
struct AllocationAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.get("matching", "allocation", use: plan)
    }

    func plan(req: Request) async throws -> Response {
        let user = try req.user
        try AllocationPlan.requireAdministrator(user)
        let plan = try await AllocationPlan.make(try AllocationParameters.parse(req), for: user, now: environment.now(), on: req)
        return try .json(AllocationDTO.plan(plan))
    }
}
