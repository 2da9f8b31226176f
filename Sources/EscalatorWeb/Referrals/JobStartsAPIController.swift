import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// `/api/v1/job-starts`: job starts, sustainment checks, in-work support and progression for machines.
struct JobStartsAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let starts = routes.grouped("job-starts")
        starts.post(use: create).needs(.addToClientRecord)
        starts.get(":jobStartID", use: show).needs(.followJobStart)
        starts.post(":jobStartID", "checks", use: recordCheck).needs(.recordSustainment)
        starts.post(":jobStartID", "contacts", use: addContact).needs(.followJobStart)
        starts.post(":jobStartID", "progressions", use: addProgression).needs(.recordSustainment)
    }

    struct MilestoneDTO: Content {
        var milestone: SustainmentMilestone
        var dueOn: Date
        var due: Bool
        var check: SustainmentCheck?
    }

    struct JobStartDTO: Content {
        var jobStart: JobStart
        var clientReference: String
        var referralID: UUID?
        var milestones: [MilestoneDTO]
        var contacts: [InWorkSupportContact]
        var progressions: [Progression]
    }

    func create(req: Request) async throws -> Response {
        let user = try req.require(.adviser, .administrator)
        let input = try req.content.decode(JobStartInput.self)
        guard let raw = Validator.trimmed(input.clientID) else { throw AppError.validation("clientID", "Choose the client who started work") }
        guard let clientID = UUID(uuidString: raw) else { throw AppError.validation("clientID", "clientID must be an id like 3F2504E0-4F89-11D3-9A0C-0305E82C3301") }
        let start = try await JobStartService.create(clientID: clientID, input, by: user, auditor: try req.auditor, environment: environment, on: req.db)
        return try .json(try await detail(start.id, req), status: .created)
    }

    func show(req: Request) async throws -> Response {
        try .json(try await detail(try req.uuid("jobStartID", "Job start"), req, audited: true))
    }

    func recordCheck(req: Request) async throws -> Response {
        let id = try req.uuid("jobStartID", "Job start")
        _ = try await JobStartAccess.findForOutcome(id, for: try req.user, on: req.db)
        _ = try await JobStartService.recordCheck(id, try req.content.decode(SustainmentCheckInput.self), by: try req.user, auditor: try req.auditor,
                                                  environment: environment, on: req.db)
        return try .json(try await detail(id, req), status: .created)
    }

    func addContact(req: Request) async throws -> Response {
        let id = try req.uuid("jobStartID", "Job start")
        _ = try await JobStartAccess.find(id, for: try req.user, on: req.db)
        _ = try await JobStartService.addContact(id, try req.content.decode(InWorkContactInput.self), by: try req.user, auditor: try req.auditor,
                                                 environment: environment, on: req.db)
        return try .json(try await detail(id, req), status: .created)
    }

    func addProgression(req: Request) async throws -> Response {
        let id = try req.uuid("jobStartID", "Job start")
        _ = try await JobStartAccess.findForOutcome(id, for: try req.user, on: req.db)
        _ = try await JobStartService.addProgression(id, try req.content.decode(ProgressionInput.self), by: try req.user, auditor: try req.auditor,
                                                     environment: environment, on: req.db)
        return try .json(try await detail(id, req), status: .created)
    }

    /// The job start as the response to a read (`audited`: recorded as one) or to a change (recorded by the service).
    private func detail(_ id: UUID, _ req: Request, audited: Bool = false) async throws -> JobStartDTO {
        let detail = try await JobStartQueries.detail(id, for: try req.user, today: environment.now(), pseudonyms: req.application.pseudonyms, on: req.db)
        if audited { try await req.audit(.read, .jobStart(id), client: detail.jobStart.clientID, purpose: .jobOutcomes) }
        return JobStartDTO(
            jobStart: detail.jobStart, clientReference: detail.clientReference, referralID: detail.referralID,
            milestones: detail.milestones.map { MilestoneDTO(milestone: $0.milestone, dueOn: $0.dueOn, due: $0.isDue, check: $0.check) },
            contacts: detail.contacts, progressions: detail.progressions)
    }
}
