import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// `/clients/{id}/assessments/{id}/edit`: correcting an assessment in place (rectification). The client's own
/// details are corrected through "Correct details" (`ClientsController`).
struct RectificationController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let assessment = routes.grouped("clients", ":clientID", "assessments", ":assessmentID", "edit")
        assessment.get(use: edit).needs(.correctClientRecord)
        assessment.post(use: update).needs(.correctClientRecord)
    }

    func edit(req: Request) async throws -> Response {
        let target = try await AssessmentRectification.find(
            try req.uuid("assessmentID", "Assessment"), clientID: try req.uuid("clientID", "Client"), for: try req.user, cipher: req.cipher, on: req.db)
        try await req.audit(.read, .assessment(target.assessment.id), client: target.client.id, purpose: .rectification)
        var state = AssessmentForm.state(from: target.assessment, today: environment.now(), csrf: req.csrfToken)
        state.values["assessedOn"] = target.assessment.assessedOn.isoDay
        return .html(form(target, state: state, taxonomy: try await Lookups.taxonomy(on: req.db), viewer: try req.viewer))
    }

    func update(req: Request) async throws -> Response {
        let user = try req.user
        let clientID = try req.uuid("clientID", "Client"), id = try req.uuid("assessmentID", "Assessment")
        let target = try await AssessmentRectification.find(id, clientID: clientID, for: user, cipher: req.cipher, on: req.db)
        let form = try req.content.decode(AssessmentForm.self)
        let taxonomy = try await Lookups.taxonomy(on: req.db)
        let (input, formField) = form.input(taxonomy: taxonomy)
        do {
            _ = try await AssessmentRectification.correct(
                id, clientID: clientID, with: input, by: user, auditor: try req.auditor, environment: environment,
                cipher: req.cipher, on: req.db)
            return req.redirect(to: "/clients/\(clientID)?notice=assessed")
        } catch let AppError.validation(errors) {
            let state = form.state(errors: errors, formField: formField, csrf: req.csrfToken)
            return .html(self.form(target, state: state, taxonomy: taxonomy, viewer: try req.viewer), status: .unprocessableEntity)
        }
    }

    private func form(_ target: AssessmentRectification.Target, state: FormState, taxonomy: Taxonomy, viewer: Viewer) -> String {
        AssessmentViews.form(
            client: target.client, state: state, taxonomy: taxonomy, viewer: viewer,
            title: "Correct the assessment of \(target.client.fullName), \(target.assessment.assessedOn.ukDate)",
            action: "/clients/\(target.client.id)/assessments/\(target.assessment.id)/edit", submit: "Save corrections")
    }
}
