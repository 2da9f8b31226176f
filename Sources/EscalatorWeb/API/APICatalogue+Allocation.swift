import EscalatorCore

/// Allocation: every assessed client to at most one vacancy opening or cohort place (docs/matching.md, "Allocation").
extension APICatalogue {
    static let allocation: [APIOperation] = [
        APIOperation(method: "GET", path: "/api/v1/matching/allocation",
                     summary: "Allocate every assessed client at most one vacancy opening or cohort place, maximising the total score",
                     tag: "Matching", roles: AllocationPlan.roles,
                     query: [
                        APIOperation.QueryParameter(name: "only", schema: S.enumeration(AllocationParameters.Only.self),
                                                    description: "both (default): vacancies and cohorts compete; vacancies or cohorts: only those."),
                        APIOperation.QueryParameter(name: "candidates", schema: S.integer(AllocationParameters.candidatesRange),
                                                    description: "Options kept for each client; the optimum is over these (default \(AllocationParameters.defaultCandidates))."),
                        APIOperation.QueryParameter(name: "programmeWeight", schema: S.number(0...1),
                                                    description: "Multiplies cohort scores before they compete with vacancy scores (default 1)."),
                        APIOperation.QueryParameter(name: "reserveShare", schema: S.number(0...1),
                                                    description: "Share of every slot's places (rounded up) kept for residents of the target wards."),
                        APIOperation.QueryParameter(name: "releaseUnused", schema: S.boolean,
                                                    description: "Offer reserved places left empty to the clients still unallocated, in a second optimal allocation; needs reserveShare."),
                     ],
                     response: S.ref("AllocationPlan"), errors: [403]),
    ]
}
