import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Job start pages: record a start, then its sustainment checks, in-work support and progression.
struct JobStartsController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.get("clients", ":clientID", "job-starts", "new", use: new).needs(.addToClientRecord)
        routes.post("clients", ":clientID", "job-starts", use: create).needs(.addToClientRecord)
        let starts = routes.grouped("job-starts", ":jobStartID")
        starts.get(use: show).needs(.followJobStart)
        starts.post("checks", use: recordCheck).needs(.recordSustainment)
        starts.post("contacts", use: addContact).needs(.followJobStart)
        starts.post("progressions", use: addProgression).needs(.recordSustainment)
    }

    func new(req: Request) async throws -> Response {
        let user = try req.user
        let client = try await ClientAccess.find(try req.uuid("clientID", "Client"), for: user, needs: .addToClientRecord, on: req.db).value
        try await req.audit(.read, .clientRecord, client: client.id, purpose: .jobOutcomes)
        let state = FormState(values: ["startedOn": environment.now().isoDay], csrfToken: req.csrfToken)
        return .html(JobStartViews.new(state, client: client, viewer: try req.viewer))
    }

    func create(req: Request) async throws -> Response {
        let user = try req.user
        let clientID = try req.uuid("clientID", "Client")
        let input = try req.content.decode(JobStartInput.self)
        do {
            let start = try await JobStartService.create(clientID: clientID, input, by: user, auditor: try req.auditor, environment: environment, on: req.db)
            return req.redirect(to: "/job-starts/\(start.id)?notice=recorded")
        } catch let error as AppError {
            let errors: [FieldError]
            switch error {
            case .validation(let fields): errors = fields
            case .conflict(let message): errors = [FieldError("startedOn", message)]
            default: throw error
            }
            let client = try await ClientAccess.find(clientID, for: user, needs: .addToClientRecord, on: req.db).value
            let state = FormState(values: [
                "vacancyID": input.vacancyID ?? "", "employerName": input.employerName ?? "", "jobTitle": input.jobTitle ?? "",
                "startedOn": input.startedOn ?? "", "hoursPerWeek": input.hoursPerWeek.text ?? "", "hourlyPay": input.hourlyPay.text ?? "",
            ], errors: errors, csrfToken: req.csrfToken)
            return .html(JobStartViews.new(state, client: client, viewer: try req.viewer), status: error.status)
        }
    }

    func show(req: Request) async throws -> Response {
        try await render(req, forms: blankForms(req))
    }

    func recordCheck(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("jobStartID", "Job start")
        let input = try req.content.decode(SustainmentCheckInput.self)
        do {
            _ = try await JobStartService.recordCheck(id, input, by: user, auditor: try req.auditor, environment: environment, on: req.db)
            return req.redirect(to: "/job-starts/\(id)?notice=check")
        } catch let error as AppError {
            var forms = blankForms(req)
            forms.check = FormState(values: [
                "milestone": input.milestone.text ?? "", "checkedOn": input.checkedOn ?? "", "stillInWork": input.stillInWork.text ?? "",
                "note": input.note ?? "",
            ], errors: try Self.fieldErrors(error, conflictField: "milestone"), csrfToken: req.csrfToken)
            return try await render(req, forms: forms, status: error.status)
        }
    }

    func addContact(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("jobStartID", "Job start")
        let input = try req.content.decode(InWorkContactInput.self)
        do {
            _ = try await JobStartService.addContact(id, input, by: user, auditor: try req.auditor, environment: environment, on: req.db)
            return req.redirect(to: "/job-starts/\(id)?notice=contact")
        } catch let error as AppError {
            var forms = blankForms(req)
            forms.contact = FormState(values: [
                "contactedOn": input.contactedOn ?? input.date ?? "", "withEmployer": input.withEmployer.text ?? "", "summary": input.summary ?? "",
            ], errors: try Self.fieldErrors(error, conflictField: "contactedOn"), csrfToken: req.csrfToken)
            return try await render(req, forms: forms, status: error.status)
        }
    }

    func addProgression(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("jobStartID", "Job start")
        let input = try req.content.decode(ProgressionInput.self)
        do {
            _ = try await JobStartService.addProgression(id, input, by: user, auditor: try req.auditor, environment: environment, on: req.db)
            return req.redirect(to: "/job-starts/\(id)?notice=progression")
        } catch let error as AppError {
            var forms = blankForms(req)
            forms.progression = FormState(values: [
                "kind": input.kind ?? "", "progressedOn": input.progressedOn ?? input.date ?? "", "detail": input.detail ?? "",
            ], errors: try Self.fieldErrors(error, conflictField: "kind"), csrfToken: req.csrfToken)
            return try await render(req, forms: forms, status: error.status)
        }
    }

    /// Validation and conflict errors are shown on the form; anything else (403, 404) is answered as usual.
    static func fieldErrors(_ error: AppError, conflictField: String) throws -> [FieldError] {
        switch error {
        case .validation(let fields): return fields
        case .conflict(let message): return [FieldError(conflictField, message)]
        default: throw error
        }
    }

    private func blankForms(_ req: Request) -> JobStartViews.Forms {
        let today = environment.now().isoDay
        return JobStartViews.Forms(
            check: FormState(values: ["checkedOn": today], csrfToken: req.csrfToken),
            contact: FormState(values: ["contactedOn": today], csrfToken: req.csrfToken),
            progression: FormState(values: ["progressedOn": today], csrfToken: req.csrfToken))
    }

    private func render(_ req: Request, forms: JobStartViews.Forms, status: HTTPStatus = .ok) async throws -> Response {
        let id = try req.uuid("jobStartID", "Job start")
        let detail = try await JobStartQueries.detail(id, for: try req.user, today: environment.now(), pseudonyms: req.application.pseudonyms, on: req.db)
        try await req.audit(.read, .jobStart(id), client: detail.jobStart.clientID, purpose: .jobOutcomes)
        let notice: String? = switch req.queryString("notice") {
        case "recorded": "Job start recorded. Sustainment checks fall due at 13, 26 and 52 weeks."
        case "check": "Sustainment check recorded."
        case "contact": "Contact recorded."
        case "progression": "Progression recorded."
        default: nil
        }
        return .html(JobStartViews.show(detail, viewer: try req.viewer, forms: forms, notice: notice), status: status)
    }
}
