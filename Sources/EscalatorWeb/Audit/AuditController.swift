import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Audit pages: the whole trail and the chain check for administrators; one client's trail for
/// administrators and advisers of the organisation that owns the record; CSV downloads of both.
/// Looking at one client's trail is itself recorded (a read or export of "audit trail").
struct AuditController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let audit = routes.grouped("audit")
        audit.get(use: index).needs(.readWholeAuditTrail)
        audit.get("verify", use: verify).needs(.readWholeAuditTrail)
        audit.get("export.csv", use: export).needs(.readWholeAuditTrail)
        routes.get("clients", ":clientID", "audit", use: client).needs(.readClientAuditTrail)
        routes.get("clients", ":clientID", "audit", "export.csv", use: clientExport).needs(.readClientAuditTrail)
    }

    func index(req: Request) async throws -> Response {
        try AuditAccess.requireAdministrator(try req.user)
        let users = try await AuditQueries.users(on: req.db)
        let filter: AuditFilter
        do {
            filter = try await AuditFilter(req)
        } catch let AppError.validation(errors) {
            var typed = AuditFilter()
            for name in ["clientID", "userID", "from", "to"] { typed.values[name] = req.queryString(name) ?? "" }
            let empty = Page<AuditEntry>(items: [], request: PageRequest(), total: 0)
            return .html(AuditViews.index(empty, filter: typed, errors: errors, users: users, references: [:], viewer: try req.viewer),
                         status: .unprocessableEntity)
        }
        let pageRequest = try req.pageRequest()
        try await Self.recordLookAt(filter, .read, req)
        let page = try await AuditQueries.list(filter, page: pageRequest, on: req.db)
        let references = try await AuditQueries.references(for: page.items, on: req.db)
        return .html(AuditViews.index(page, filter: filter, users: users, references: references, viewer: try req.viewer))
    }

    func verify(req: Request) async throws -> Response {
        try AuditAccess.requireAdministrator(try req.user)
        let result = try await req.application.auditTrail.chain.verify(on: req.db)
        return .html(AuditViews.verification(result, viewer: try req.viewer))
    }

    func export(req: Request) async throws -> Response {
        try AuditAccess.requireAdministrator(try req.user)
        let filter = try await AuditFilter(req)
        try await Self.recordLookAt(filter, .export, req)
        return Self.csv(AuditQueries.csv(try await AuditQueries.all(filter, on: req.db)), filename: "audit-trail.csv")
    }

    func client(req: Request) async throws -> Response {
        let id = try req.uuid("clientID", "Client")
        let client = try await AuditAccess.clientTrail(id, for: try req.user, on: req.db)
        let pageRequest = try req.pageRequest()
        if client != nil { try await req.audit(.read, .auditTrail, client: id, purpose: .accountability) }
        let page = try await AuditQueries.list(AuditFilter(clientID: id), page: pageRequest, on: req.db)
        return .html(AuditViews.client(page, clientID: id, client: client, viewer: try req.viewer))
    }

    func clientExport(req: Request) async throws -> Response {
        let id = try req.uuid("clientID", "Client")
        let client = try await AuditAccess.clientTrail(id, for: try req.user, on: req.db)
        if client != nil { try await req.audit(.export, .auditTrail, client: id, purpose: .accountability) }
        let csv = AuditQueries.csv(try await AuditQueries.all(AuditFilter(clientID: id), on: req.db))
        return Self.csv(csv, filename: "audit-trail-\(client?.reference ?? id.uuidString).csv")
    }

    /// Narrowed to one client still held, the trail is about that client, so looking at it is recorded.
    static func recordLookAt(_ filter: AuditFilter, _ action: AuditAction, _ req: Request) async throws {
        guard let clientID = filter.clientID, try await AuditAccess.clientTrail(clientID, for: try req.user, on: req.db) != nil else { return }
        try await req.audit(action, .auditTrail, client: clientID, purpose: .accountability)
    }

    static func csv(_ text: String, filename: String) -> Response {
        Response(status: .ok, headers: [
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": "attachment; filename=\"\(filename)\"",
        ], body: .init(string: text))
    }
}
