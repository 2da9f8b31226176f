import EscalatorCore

/// Explained matches: vacancies and programmes for a client, candidates for a vacancy.
extension APICatalogue {
    static let matching: [APIOperation] = [
        APIOperation(method: "GET", path: "/api/v1/clients/:clientID/matches",
                     summary: "Vacancies a client matches, best first, with programmes that close their skill gaps", tag: "Matching",
                     roles: advisers,
                     query: [
                        APIOperation.QueryParameter(name: "limit", schema: S.integer(MatchingParameters.limitRange),
                                                    description: "Most vacancies to list (default \(ClientMatchQueries.defaultLimit))."),
                        APIOperation.QueryParameter(name: "includeIneligible", schema: S.boolean,
                                                    description: "Also list vacancies a hard constraint rules out (true/false, yes/no, on/off, 1/0); best mode only."),
                        APIOperation.QueryParameter(name: "mode", schema: S.enumeration(MatchMode.self),
                                                    description: "best (default): the client's own best vacancies; spread: the list from spreading recommendations over every client, so no vacancy is shown to more than spreadMultiple × its openings clients."),
                     ],
                     response: S.ref("ClientMatches"), errors: [403, 404, 422]),
        APIOperation(method: "GET", path: "/api/v1/vacancies/:vacancyID/candidates",
                     summary: "Clients who match a vacancy, best first; pseudonymised for employers", tag: "Matching",
                     roles: [.adviser, .employer, .administrator],
                     query: [
                        APIOperation.QueryParameter(name: "limit", schema: S.integer(MatchingParameters.limitRange),
                                                    description: "Most candidates to list (default \(CandidateQueries.defaultLimit))."),
                     ],
                     response: S.oneOf(S.ref("Candidates"), S.ref("PseudonymisedCandidates")), errors: [403, 404, 422]),
        APIOperation(method: "GET", path: "/api/v1/matching/concentration",
                     summary: "How concentrated vacancy recommendations are on a few vacancies, before and after spreading", tag: "Matching",
                     roles: ConcentrationQueries.roles, response: S.ref("Concentration"), errors: [403]),
    ]
}
