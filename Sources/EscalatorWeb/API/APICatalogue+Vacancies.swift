import EscalatorCore

/// `/api/v1/vacancies` and the occupation prefill: vacancy scoping.
extension APICatalogue {
    static let vacancyReaders: [Role] = [.adviser, .provider, .employer, .administrator]
    static let vacancyScopers: [Role] = [.adviser, .employer, .administrator]

    static let vacancies: [APIOperation] = [
        APIOperation(method: "GET", path: "/api/v1/vacancies", summary: "Vacancies you may see, closing soonest first", tag: "Vacancies",
                     roles: vacancyReaders,
                     query: [
                        APIOperation.QueryParameter(name: "q", schema: S.string, description: "Title contains (any case)."),
                        APIOperation.QueryParameter(name: "status", schema: S.enumeration(VacancyStatus.self), description: "Status."),
                        APIOperation.QueryParameter(name: "employerID", schema: S.uuid, description: "Employer."),
                        APIOperation.QueryParameter(name: "occupationID", schema: S.string, description: "Occupation (taxonomy id)."),
                     ] + APIOperation.pagination,
                     response: S.paged("VacancySummary"), errors: [403, 422]),
        APIOperation(method: "POST", path: "/api/v1/vacancies", summary: "Scope a new vacancy down to its skills", tag: "Vacancies",
                     roles: vacancyScopers, body: S.ref("NewVacancyInput"), status: 201, response: S.ref("Vacancy"), errors: [403, 422]),
        APIOperation(method: "GET", path: "/api/v1/vacancies/:vacancyID", summary: "A vacancy with its skill requirements", tag: "Vacancies",
                     roles: vacancyReaders, response: S.ref("Vacancy"), errors: [403, 404]),
        APIOperation(method: "PUT", path: "/api/v1/vacancies/:vacancyID", summary: "Change a vacancy (its JSON, changed, may be sent back)",
                     tag: "Vacancies", roles: vacancyScopers, body: S.ref("VacancyInput"), response: S.ref("Vacancy"), errors: [403, 404, 422]),
        APIOperation(method: "GET", path: "/api/v1/occupations/:occupationID/prefill",
                     summary: "Skill requirements to start a vacancy for this occupation from", tag: "Vacancies", roles: everyone,
                     response: S.ref("VacancyPrefill"), errors: [404]),
    ]
}
