import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Data-protection pages: the record of processing, a client's printable subject access copy, and erasure.
struct PrivacyController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.get("privacy", "processing", use: processing).needs(.readReferenceData)
        let client = routes.grouped("clients", ":clientID")
        client.get("subject-access", use: subjectAccess).needs(.answerRightsRequests)
        client.get("erase", use: confirmErasure).needs(.eraseClient)
        client.post("erase", use: erase).needs(.eraseClient)
    }

    func processing(req: Request) async throws -> Response {
        .html(PrivacyViews.processing(retentionMonths: environment.retentionMonths, viewer: try req.viewer))
    }

    func subjectAccess(req: Request) async throws -> Response {
        .html(SubjectAccessViews.page(try await SubjectAccessQueries.answer(req, environment: environment)))
    }

    func confirmErasure(req: Request) async throws -> Response {
        let client = try await ErasureService.findForErasure(try req.uuid("clientID", "Client"), by: try req.user, on: req.db).value
        return .html(PrivacyViews.erase(client, state: FormState(csrfToken: req.csrfToken), viewer: try req.viewer))
    }

    func erase(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("clientID", "Client")
        let client = try await ErasureService.findForErasure(id, by: user, on: req.db).value
        let input = try req.content.decode(ErasureInput.self)
        do {
            _ = try await ErasureService.erase(id, input: input, by: user, environment: environment, cipher: req.cipher, auditor: try req.auditor, on: req.db)
        } catch let AppError.validation(errors) {
            let state = FormState(values: ["reason": input.reason ?? ""], errors: errors, csrfToken: req.csrfToken)
            return .html(PrivacyViews.erase(client, state: state, viewer: try req.viewer), status: .unprocessableEntity)
        }
        return req.redirect(to: "/clients?notice=erased")
    }
}
