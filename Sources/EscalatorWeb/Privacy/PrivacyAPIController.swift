import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// `/api/v1/clients/{id}/subject-access` and `/erasure`: data-protection rights for machines.
struct PrivacyAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let client = routes.grouped("clients", ":clientID")
        client.get("subject-access", use: subjectAccess).needs(.answerRightsRequests)
        client.post("erasure", use: erase).needs(.eraseClient)
        routes.put("assessments", ":assessmentID", use: correctAssessment).needs(.correctClientRecord)
    }

    struct ErasureDTO: Content {
        var clientID: UUID
        var erasedAt: Date
        var reason: ErasureReason
    }

    /// The export as a download: `subject-access-<reference>.json`.
    func subjectAccess(req: Request) async throws -> Response {
        let export = try await SubjectAccessQueries.answer(req, environment: environment)
        let response = try Response.json(export)
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"subject-access-\(export.client.reference).json\"")
        return response
    }

    /// Rectification of an assessment recorded wrongly: the same body as recording one.
    func correctAssessment(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("assessmentID", "Assessment")
        _ = try await AssessmentRectification.find(id, for: user, cipher: req.cipher, on: req.db)
        let corrected = try await AssessmentRectification.correct(
            id, with: try req.content.decode(AssessmentInput.self), by: user, auditor: try req.auditor, environment: environment,
            cipher: req.cipher, on: req.db)
        return try .json(AssessmentsAPIController.detail(corrected.assessment, score: corrected.score, view: .everything,
                                                         taxonomy: try await Lookups.taxonomy(on: req.db)))
    }

    func erase(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("clientID", "Client")
        _ = try await ErasureService.findForErasure(id, by: user, on: req.db)
        let outcome = try await ErasureService.erase(
            id, input: try req.content.decode(ErasureInput.self), by: user, environment: environment, cipher: req.cipher,
            auditor: try req.auditor, on: req.db)
        return try .json(ErasureDTO(clientID: outcome.clientID, erasedAt: outcome.erasedAt, reason: outcome.reason))
    }
}
