import EscalatorCore

/// `/api/v1/programmes` and `/api/v1/providers`: programmes, their cohorts and providers.
extension APICatalogue {
    static let programmeReaders: [Role] = [.adviser, .employer, .provider, .administrator]
    static let programmeWriters: [Role] = [.provider, .administrator]

    static let programmes: [APIOperation] = [
        APIOperation(method: "GET", path: "/api/v1/programmes", summary: "Programmes you may see, with free places", tag: "Programmes",
                     roles: programmeReaders,
                     query: [
                        APIOperation.QueryParameter(name: "q", schema: S.string, description: "Title contains."),
                        APIOperation.QueryParameter(name: "type", schema: S.enumeration(ProgrammeType.self), description: "Type of programme."),
                        APIOperation.QueryParameter(name: "providerID", schema: S.uuid, description: "Provider."),
                        APIOperation.QueryParameter(name: "skillID", schema: S.string, description: "Teaches this skill."),
                     ] + APIOperation.pagination,
                     response: S.paged("ProgrammeSummary"), errors: [403, 422]),
        APIOperation(method: "POST", path: "/api/v1/programmes", summary: "Add a programme for one of your providers", tag: "Programmes",
                     roles: programmeWriters, body: S.ref("ProgrammeInput"), status: 201, response: S.ref("ProgrammeDetail"), errors: [403, 422]),
        APIOperation(method: "GET", path: "/api/v1/programmes/:programmeID", summary: "A programme with its cohorts", tag: "Programmes",
                     roles: programmeReaders, response: S.ref("ProgrammeDetail"), errors: [403, 404]),
        APIOperation(method: "PUT", path: "/api/v1/programmes/:programmeID", summary: "Change a programme (its cohorts stay)", tag: "Programmes",
                     roles: programmeWriters, body: S.ref("ProgrammeInput"), response: S.ref("ProgrammeDetail"), errors: [403, 404, 422]),
        APIOperation(method: "POST", path: "/api/v1/programmes/:programmeID/cohorts", summary: "Add a cohort (an intake)", tag: "Programmes",
                     roles: programmeWriters, body: S.ref("CohortInput"), status: 201, response: S.ref("ProgrammeDetail"), errors: [403, 404, 422]),
        APIOperation(method: "GET", path: "/api/v1/providers", summary: "Providers you may see, with their programmes", tag: "Programmes",
                     roles: programmeReaders, response: S.array(S.ref("ProviderDetail")), errors: [403]),
        APIOperation(method: "POST", path: "/api/v1/providers", summary: "Add a provider", tag: "Programmes",
                     roles: [.administrator], body: S.ref("ProviderInput"), status: 201, response: S.ref("ProviderDetail"), errors: [403, 409, 422]),
    ]
}
