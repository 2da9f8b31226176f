import EscalatorCore

/// `/api/v1/insight`: the dashboard's aggregate figures.
extension APICatalogue {
    static let insight: [APIOperation] = [
        APIOperation(method: "GET", path: "/api/v1/insight", summary: "Aggregate figures for the city region or one local authority",
                     tag: "Insight", roles: [.analyst, .adviser, .administrator],
                     query: [
                        APIOperation.QueryParameter(name: "la", schema: ["type": "string", "pattern": "^[A-Za-z][0-9]{8}$"],
                                                    description: "A local authority code (E08000025); the whole city region when absent."),
                     ],
                     response: S.ref("InsightDashboard"), errors: [403, 422]),
    ]
}
