import EscalatorCore
import Vapor

/// `/api/v1/matching/allocation`: the allocation plan as JSON, for administrators.
struct AllocationAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.get("matching", "allocation", use: plan).needs(.readAllocationPlan)
    }

    func plan(req: Request) async throws -> Response {
        try AllocationPlan.requireAdministrator(try req.user)
        return try .json(try await req.allocationPlan(try AllocationParameters.parse(req), now: environment.now).plan)
    }
}
