import EscalatorCore

/// `/api/v1/audit`: the audit trail of reads and changes of clients' records.
extension APICatalogue {
    static let audit: [APIOperation] = [
        APIOperation(method: "GET", path: "/api/v1/audit",
                     summary: "Audit events, newest first: all of them for administrators; advisers must name a client their organisation owns",
                     tag: "Audit", roles: advisers,
                     query: [
                        APIOperation.QueryParameter(name: "clientID", schema: S.string, description: "A client's id or reference."),
                        APIOperation.QueryParameter(name: "userID", schema: S.uuid, description: "Only what this user did."),
                        APIOperation.QueryParameter(name: "from", schema: S.date, description: "From this day (UTC), included."),
                        APIOperation.QueryParameter(name: "to", schema: S.date, description: "Up to this day (UTC), included."),
                     ] + APIOperation.pagination,
                     response: S.paged("AuditEvent"), errors: [403, 404, 422]),
        APIOperation(method: "GET", path: "/api/v1/audit/verify", summary: "Recompute the audit chain and report the first broken row",
                     tag: "Audit", roles: [.administrator], response: S.ref("AuditVerification"), errors: [403]),
        APIOperation(method: "GET", path: "/api/v1/clients/:clientID/audit",
                     summary: "A client's audit trail, newest first (administrators, and advisers of the organisation that owns the record)",
                     tag: "Audit", roles: advisers, query: APIOperation.pagination, response: S.paged("AuditEvent"), errors: [403, 404, 422]),
    ]
}
