import EscalatorCore

/// `/api/v1/employers`: employers, their engagement log and pledges.
extension APICatalogue {
    static let employerReaders: [Role] = [.adviser, .provider, .employer, .administrator]
    static let employerActors: [Role] = [.adviser, .employer, .administrator]

    static let employers: [APIOperation] = [
        APIOperation(method: "GET", path: "/api/v1/employers", summary: "Employers you may see, by name", tag: "Employers",
                     roles: employerReaders,
                     query: [
                        APIOperation.QueryParameter(name: "q", schema: S.string, description: "Name contains (any case)."),
                        APIOperation.QueryParameter(name: "sector", schema: S.enumeration(Sector.self), description: "Sector."),
                     ] + APIOperation.pagination,
                     response: S.paged("EmployerSummary"), errors: [403, 422]),
        APIOperation(method: "POST", path: "/api/v1/employers", summary: "Add an employer (with an organisation of its own, unless an administrator names one)",
                     tag: "Employers", roles: advisers, body: S.ref("EmployerInput"), status: 201, response: S.ref("EmployerDetail"),
                     errors: [403, 422]),
        APIOperation(method: "GET", path: "/api/v1/employers/:employerID", summary: "An employer with its engagement log, pledges and vacancies",
                     tag: "Employers", roles: employerReaders, response: S.ref("EmployerDetail"), errors: [403, 404]),
        APIOperation(method: "POST", path: "/api/v1/employers/:employerID/engagements", summary: "Log contact with an employer",
                     tag: "Employers", roles: employerActors, body: S.ref("EngagementInput"), status: 201, response: S.ref("EmployerDetail"),
                     errors: [403, 404, 422]),
        APIOperation(method: "POST", path: "/api/v1/employers/:employerID/pledges", summary: "Record an employer's pledge",
                     tag: "Employers", roles: employerActors, body: S.ref("PledgeInput"), status: 201, response: S.ref("EmployerDetail"),
                     errors: [403, 404, 422]),
    ]
}
