import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// `/api/v1/audit`: the audit trail as JSON, newest first. Administrators see all of it; advisers of the
/// organisation that owns a client's record see that client's (`?clientID=` or `/clients/{id}/audit`).
struct AuditAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit", use: list).needs(.readClientAuditTrail)
        routes.get("audit", "verify", use: verify).needs(.readWholeAuditTrail)
        routes.get("clients", ":clientID", "audit", use: client).needs(.readClientAuditTrail)
    }

    struct AuditEventDTO: Content {
        var sequence: Int
        /// To the millisecond, as the hash covers it.
        var at: String
        var userID: UUID?
        var userName: String
        var role: String?
        var organisationID: UUID?
        var organisationName: String
        var action: String
        var object: String
        var clientID: UUID
        var purpose: String
        var channel: String
        var previousHash: String
        var hash: String

        init(_ e: AuditEntry) {
            sequence = e.sequence
            at = e.at.auditTimestamp
            userID = e.userID
            userName = e.userName
            role = e.role
            organisationID = e.organisationID
            organisationName = e.organisationName
            action = e.action
            object = e.object
            clientID = e.clientID
            purpose = e.purpose
            channel = e.channel
            previousHash = e.previousHash
            hash = e.hash
        }
    }

    struct VerificationDTO: Content {
        var intact: Bool
        var rows: Int
        var headSequence: Int?
        var headHash: String?
        var brokenAt: Int?
        var problem: String?
        var summary: String
    }

    func list(req: Request) async throws -> Response {
        let user = try req.user
        try AuditAccess.requireReader(user)
        let filter = try await AuditFilter(req)
        if filter.clientID == nil, user.role != .administrator {
            throw AppError.validation("clientID", "Choose a client: only administrators can see the whole audit trail")
        }
        let pageRequest = try req.pageRequest()
        try await AuditController.recordLookAt(filter, .read, req)
        let page = try await AuditQueries.list(filter, page: pageRequest, on: req.db)
        return try .json(PagedResponse(page.map(AuditEventDTO.init)))
    }

    func client(req: Request) async throws -> Response {
        let id = try req.uuid("clientID", "Client")
        let pageRequest = try req.pageRequest()
        try await AuditController.recordLookAt(AuditFilter(clientID: id), .read, req)
        let page = try await AuditQueries.list(AuditFilter(clientID: id), page: pageRequest, on: req.db)
        return try .json(PagedResponse(page.map(AuditEventDTO.init)))
    }

    func verify(req: Request) async throws -> Response {
        try AuditAccess.requireAdministrator(try req.user)
        let result = try await req.application.auditTrail.chain.verify(on: req.db)
        return try .json(VerificationDTO(
            intact: result.isIntact, rows: result.rows, headSequence: result.head?.sequence, headHash: result.head?.hash,
            brokenAt: result.firstBreak?.sequence, problem: result.firstBreak?.problem.rawValue, summary: result.summary))
    }
}
