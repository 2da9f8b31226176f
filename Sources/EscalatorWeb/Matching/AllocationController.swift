import EscalatorCore
import Vapor

/// The allocation page and its CSV download, for administrators.
struct AllocationController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.get("matching", "allocation", use: page).needs(.readAllocationPlan)
        routes.get("matching", "allocation.csv", use: csv).needs(.readAllocationPlan)
    }

    func page(req: Request) async throws -> Response {
        try AllocationPlan.requireAdministrator(try req.user)
        let (parameters, errors) = AllocationParameters.read(req)
        if !errors.isEmpty {
            return .html(AllocationViews.page(parameters, plan: nil, errors: errors, viewer: try req.viewer), status: .badRequest)
        }
        // The first visit shows the form; submitting it (always with some parameter) works out the plan.
        let asked = AllocationParameters.names.contains { req.queryString($0) != nil }
        let plan = asked ? try await req.allocationPlan(parameters, now: environment.now) : nil
        return .html(AllocationViews.page(parameters, plan: plan, viewer: try req.viewer))
    }

    func csv(req: Request) async throws -> Response {
        try AllocationPlan.requireAdministrator(try req.user)
        let plan = try await req.allocationPlan(try AllocationParameters.parse(req), now: environment.now)
        return AuditController.csv(plan.csv, filename: "allocation-\(environment.now().isoDay).csv")
    }
}
