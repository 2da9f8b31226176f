import EscalatorCore

/// Every `/api/v1` endpoint, stage by stage. Add an entry with every new API route: a test fails otherwise.
enum APICatalogue {
    static var operations: [APIOperation] {
        access + engagement + assessment + employers + vacancies + programmes + matching + allocation + pathways + referrals + insight + commissioning + taxonomy + privacy + audit + auth + transparency
    }

    static let everyone = Role.allCases
    static let advisers: [Role] = [.adviser, .administrator]

    static let access: [APIOperation] = [
        APIOperation(method: "GET", path: "/healthz", summary: "Is the service up and can it reach its database", tag: "Service",
                     roles: [], response: S.ref("Health"), errors: [503]),
        APIOperation(method: "GET", path: "/healthz/live", summary: "Is the process up (touches nothing else)", tag: "Service",
                     roles: [], response: S.ref("Live")),
        APIOperation(method: "GET", path: "/healthz/ready",
                     summary: "Can it reach its database, and has it caught up with the shared record of change", tag: "Service",
                     roles: [], response: S.ref("Ready"), errors: [503]),
        APIOperation(method: "GET", path: "/api/v1/openapi.json", summary: "This document", tag: "Service", roles: [],
                     response: ["type": "object"]),
    ]
}
