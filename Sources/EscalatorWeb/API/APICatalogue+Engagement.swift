import EscalatorCore

/// `/api/v1/clients`: registering clients and recording their consent to share.
extension APICatalogue {
    static let engagement: [APIOperation] = [
        APIOperation(method: "GET", path: "/api/v1/clients", summary: "Clients you may see", tag: "Engagement", roles: [.adviser, .provider, .administrator],
                     query: [APIOperation.QueryParameter(name: "q", schema: S.string, description: "Reference, name or postcode prefix.")] + APIOperation.pagination,
                     response: S.paged("ClientSummary"), errors: [403, 422]),
        APIOperation(method: "POST", path: "/api/v1/clients", summary: "Register a client", tag: "Engagement", roles: advisers,
                     body: S.ref("ClientInput"), status: 201, response: S.ref("ClientDetail"), errors: [403, 422]),
        APIOperation(method: "GET", path: "/api/v1/clients/:clientID", summary: "A client's record", tag: "Engagement",
                     roles: [.adviser, .provider, .administrator], response: S.ref("ClientDetail"), errors: [403, 404]),
        APIOperation(method: "PUT", path: "/api/v1/clients/:clientID", summary: "Correct a client's details", tag: "Engagement",
                     roles: advisers, body: S.ref("ClientInput"), response: S.ref("ClientDetail"), errors: [403, 404, 422]),
        APIOperation(method: "POST", path: "/api/v1/clients/:clientID/consents", summary: "Record consent to share with a partner",
                     tag: "Engagement", roles: advisers, body: S.ref("ConsentInput"), status: 201, response: S.ref("ClientDetail"),
                     errors: [403, 404, 422]),
        APIOperation(method: "POST", path: "/api/v1/clients/:clientID/consents/:consentID/withdraw", summary: "Withdraw a consent",
                     tag: "Engagement", roles: advisers, response: S.ref("ClientDetail"), errors: [403, 404]),
    ]
}
