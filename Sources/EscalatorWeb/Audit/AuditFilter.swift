import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// `?clientID=&userID=&from=&to=`: which audit events to show. `clientID` also takes a client's reference;
/// `from` and `to` are days (`yyyy-MM-dd`), both included. Anything malformed is a 422 naming the field.
struct AuditFilter: Sendable {
    var clientID: UUID?
    var userID: UUID?
    var from: Date?
    var to: Date?
    /// What was typed, to show again in the form.
    var values: [String: String] = [:]

    init(clientID: UUID? = nil, userID: UUID? = nil, from: Date? = nil, to: Date? = nil) {
        self.clientID = clientID
        self.userID = userID
        self.from = from
        self.to = to
    }

    init(_ req: Request) async throws {
        var v = Validator()
        for name in ["clientID", "userID", "from", "to"] { values[name] = req.queryString(name) ?? "" }
        if let raw = req.queryString("clientID") {
            if let id = UUID(uuidString: raw) {
                clientID = id
            } else if let client = try await Self.clients(visibleTo: try req.user, on: req.db)
                .filter(\.$reference == raw.trimmingCharacters(in: .whitespaces).uppercased()).first() {
                clientID = client.id
            } else {
                // The same answer for a reference nobody has and one of a client this user cannot see.
                v.fail("clientID", "clientID must be the id or reference of a client whose trail you can see")
            }
        }
        if let raw = req.queryString("userID") {
            userID = v.uuid(raw, "userID", missing: "")
        }
        from = v.optionalDate(req.queryString("from"), "from", label: "From")
        to = v.optionalDate(req.queryString("to"), "to", label: "To")
        if let from, let to, from > to { v.fail("to", "To must be the same day as From or later") }
        try v.throwIfFailed()
    }

    /// Administrators may name any client held; others only one they can see.
    private static func clients(visibleTo user: AuthenticatedUser, on db: any Database) throws -> QueryBuilder<ClientModel> {
        user.role == .administrator ? ClientModel.query(on: db) : try ClientAccess.scope(ClientModel.query(on: db), for: user)
    }

    var isEmpty: Bool { clientID == nil && userID == nil && from == nil && to == nil }

    func apply(to query: QueryBuilder<AuditEventModel>) -> QueryBuilder<AuditEventModel> {
        if let clientID { query.filter(\.$clientID == clientID) }
        if let userID { query.filter(\.$userID == userID) }
        if let from { query.filter(\.$at >= from) }
        if let to { query.filter(\.$at < to.addingTimeInterval(24 * 3600)) }
        return query
    }

    var queryItems: [(String, String)] {
        [("clientID", clientID?.uuidString ?? ""), ("userID", userID?.uuidString ?? ""), ("from", from?.isoDay ?? ""), ("to", to?.isoDay ?? "")]
    }

    var queryString: String {
        queryItems.filter { !$0.1.isEmpty }.map { "\($0.0)=\(Paginator.percentEncode($0.1))" }.joined(separator: "&")
    }
}
