import EscalatorCore

/// `/api/v1/taxonomy`: the skills taxonomy, for every signed-in role. Ids in paths are percent-encoded (ESCO ids are URIs).
extension APICatalogue {
    static let taxonomyFilter: [APIOperation.QueryParameter] = [
        APIOperation.QueryParameter(name: "q", schema: S.string(maxLength: 100), description: "Name contains (any case)."),
        APIOperation.QueryParameter(name: "sector", schema: S.enumeration(Sector.self), description: "Sector."),
    ]

    static let taxonomy: [APIOperation] = [
        APIOperation(method: "GET", path: "/api/v1/taxonomy/occupations", summary: "Occupations, by name", tag: "Taxonomy", roles: everyone,
                     query: taxonomyFilter + APIOperation.pagination, response: S.paged("OccupationSummary"), errors: [422]),
        APIOperation(method: "GET", path: "/api/v1/taxonomy/occupations/:occupationID", summary: "An occupation with its skills",
                     tag: "Taxonomy", roles: everyone, response: S.ref("OccupationDetail"), errors: [404]),
        APIOperation(method: "GET", path: "/api/v1/taxonomy/skills", summary: "Skills: basic, licences, then occupational by sector and name",
                     tag: "Taxonomy", roles: everyone,
                     query: taxonomyFilter + [
                        APIOperation.QueryParameter(name: "kind", schema: S.enumeration(Skill.Kind.self), description: "Kind of skill."),
                     ] + APIOperation.pagination,
                     response: S.paged("Skill"), errors: [422]),
        APIOperation(method: "GET", path: "/api/v1/taxonomy/skills/:skillID", summary: "A skill with the occupations that need it and the programmes that teach it",
                     tag: "Taxonomy", roles: everyone, response: S.ref("SkillDetail"), errors: [404]),
    ]
}
