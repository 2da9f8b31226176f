import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Assessment pages: the form (pre-filled from the latest assessment), saving it, and viewing one.
/// Advisers and administrators only.
struct AssessmentsController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let assessments = routes.grouped("clients", ":clientID", "assessments")
        assessments.get("new", use: new).needs(.addToClientRecord)
        assessments.post(use: create).needs(.addToClientRecord)
        assessments.get(":assessmentID", use: show).needs(.readAssessments)
    }

    func new(req: Request) async throws -> Response {
        let user = try req.require(.adviser, .administrator)
        let client = try await ClientAccess.find(try req.uuid("clientID", "Client"), for: user, needs: .addToClientRecord, on: req.db).value
        let view = try await SpecialCategoryAccess.view(of: client, for: user, on: req.db)
        // Pre-filled only with what this adviser may see: a partner's form starts without the notes.
        let latest = try await AssessmentQueries.latest(clientID: client.id, cipher: req.cipher, on: req.db).map { view.visible($0) }
        try await req.audit(.read, latest.map { .assessment($0.id) } ?? .clientRecord, client: client.id, purpose: .caseManagement)
        let state = AssessmentForm.state(from: latest, today: environment.now(), csrf: req.csrfToken)
        return .html(AssessmentViews.form(client: client, state: state, taxonomy: try await Lookups.taxonomy(on: req.db), viewer: try req.viewer))
    }

    func create(req: Request) async throws -> Response {
        let user = try req.require(.adviser, .administrator)
        let clientID = try req.uuid("clientID", "Client")
        let client = try await ClientAccess.find(clientID, for: user, needs: .addToClientRecord, on: req.db).value
        let form = try req.content.decode(AssessmentForm.self)
        let taxonomy = try await Lookups.taxonomy(on: req.db)
        let (input, formField) = form.input(taxonomy: taxonomy)
        do {
            _ = try await AssessmentService.record(
                clientID: clientID, input, by: user, auditor: try req.auditor, environment: environment,
                cipher: req.cipher, on: req.db)
            return req.redirect(to: "/clients/\(clientID)?notice=assessed")
        } catch let AppError.validation(errors) {
            let state = form.state(errors: errors, formField: formField, csrf: req.csrfToken)
            return .html(AssessmentViews.form(client: client, state: state, taxonomy: taxonomy, viewer: try req.viewer), status: .unprocessableEntity)
        }
    }

    func show(req: Request) async throws -> Response {
        let user = try req.require(.adviser, .administrator)
        let detail = try await AssessmentQueries.detail(
            try req.uuid("assessmentID", "Assessment"), clientID: try req.uuid("clientID", "Client"), for: user, cipher: req.cipher, on: req.db)
        try await req.audit(.read, .assessment(detail.assessment.id), client: detail.client.id, purpose: .caseManagement)
        return .html(AssessmentViews.show(detail, taxonomy: try await Lookups.taxonomy(on: req.db), viewer: try req.viewer))
    }
}
