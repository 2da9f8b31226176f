import EscalatorCore

/// Every `/api/v1` endpoint, stage by stage. Add an entry with every new API route: a test fails otherwise.
enum APICatalogue {
    static var operations: [APIOperation] {
        access + engagement
    }

    static let everyone = Role.allCases
    static let advisers: [Role] = [.adviser, .administrator]

    static let access: [APIOperation] = [
        APIOperation(method: "GET", path: "/healthz", summary: "Is the service up and can it reach its database", tag: "Service",
                     roles: [], response: S.ref("Health"), errors: [503]),
        APIOperation(method: "GET", path: "/api/v1/openapi.json", summary: "This document", tag: "Service", roles: [],
                     response: ["type": "object"]),
        APIOperation(method: "POST", path: "/api/v1/auth/token", summary: "Exchange an email and password for a bearer token",
                     tag: "Access", roles: [], body: S.ref("TokenRequest"), status: 201, response: S.ref("TokenResponse"),
                     errors: [401, 422]),
    ]

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
