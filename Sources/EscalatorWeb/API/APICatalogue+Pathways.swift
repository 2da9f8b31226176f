import EscalatorCore

/// Skills-escalator pathways for a client, and commissioning advice.
extension APICatalogue {
    static let pathways: [APIOperation] = [
        APIOperation(method: "GET", path: "/api/v1/clients/:clientID/pathway",
                     summary: "A client's optimal skills-escalator pathway to a vacancy or an occupation, or what blocks every pathway",
                     tag: "Pathways", roles: advisers,
                     query: [
                        APIOperation.QueryParameter(name: "vacancy", schema: S.uuid,
                                                    description: "The vacancy to plan towards (give this or occupation, not both)."),
                        APIOperation.QueryParameter(name: "occupation", schema: S.string(maxLength: 100),
                                                    description: "An occupation id in the taxonomy, such as O.CARE_ASSISTANT (give this or vacancy, not both)."),
                        APIOperation.QueryParameter(name: "objective", schema: S.enumeration(PathwayObjective.self),
                                                    description: "weeks: job-ready soonest (the default); cost: least total cost."),
                     ],
                     response: S.ref("Pathway"), errors: [403, 404, 422]),
    ]

    static let commissioning: [APIOperation] = [
        APIOperation(method: "GET", path: "/api/v1/insight/commissioning",
                     summary: "Demand-led commissioning advice: skill blockers, programme impact, skills no programme teaches",
                     tag: "Commissioning", roles: [.analyst, .adviser, .administrator],
                     response: S.ref("CommissioningAdvice"), errors: [403]),
    ]
}
