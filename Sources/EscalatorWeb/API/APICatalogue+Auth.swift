import EscalatorCore

/// `/api/v1/auth`: bearer tokens. Getting one needs an email and password (throttled: 429 with `Retry-After`
/// after too many failures); listing and revoking need a token (or a session).
extension APICatalogue {
    static let auth: [APIOperation] = [
        APIOperation(method: "POST", path: "/api/v1/auth/token",
                     summary: "Exchange an email and password for a bearer token (shown only in this answer; scope `write` unless `read` is asked for)",
                     tag: "Access", roles: [], body: S.ref("TokenRequest"), status: 201, response: S.ref("TokenResponse"),
                     errors: [401, 403, 422, 429]),
        APIOperation(method: "GET", path: "/api/v1/auth/tokens", summary: "Your API tokens, newest first (never the tokens themselves)",
                     tag: "Tokens", roles: everyone, query: APIOperation.pagination, response: S.paged("APIToken"), errors: [422]),
        APIOperation(method: "DELETE", path: "/api/v1/auth/tokens/:tokenID",
                     summary: "Revoke one of your tokens (administrators: anyone's); it stops working at once",
                     tag: "Tokens", roles: everyone, response: S.ref("APIToken"), errors: [403, 404]),
    ]
}
