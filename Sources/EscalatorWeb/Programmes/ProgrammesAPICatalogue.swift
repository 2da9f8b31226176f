import EscalatorCore

/// The programme endpoints and schemas for the OpenAPI document.
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
        APIOperation(method: "PUT", path: "/api/v1/programmes/:programmeID", summary: "Change a programme", tag: "Programmes",
                     roles: programmeWriters, body: S.ref("ProgrammeInput"), response: S.ref("ProgrammeDetail"), errors: [403, 404, 422]),
        APIOperation(method: "POST", path: "/api/v1/programmes/:programmeID/cohorts", summary: "Add a cohort (an intake)", tag: "Programmes",
                     roles: programmeWriters, body: S.ref("CohortInput"), status: 201, response: S.ref("ProgrammeDetail"), errors: [403, 404, 422]),
        APIOperation(method: "GET", path: "/api/v1/providers", summary: "Providers you may see, with their programmes", tag: "Programmes",
                     roles: programmeReaders, response: S.array(S.ref("ProviderDetail")), errors: [403]),
        APIOperation(method: "POST", path: "/api/v1/providers", summary: "Add a provider", tag: "Programmes",
                     roles: [.administrator], body: S.ref("ProviderInput"), status: 201, response: S.ref("ProviderDetail"), errors: [403, 409, 422]),
    ]
}

extension APISchemas {
    static let programmes: [(String, JSONValue)] = [
        ("Provider", S.object([
            ("id", S.uuid), ("organisationID", S.uuid), ("name", S.string), ("kind", S.enumeration(ProviderKind.self)),
            ("postcode", S.string), ("wardID", S.string),
        ], required: ["id", "organisationID", "name", "kind", "postcode", "wardID"])),
        ("ProviderInput", S.object([
            ("organisationID", S.uuid), ("name", S.string), ("kind", S.enumeration(ProviderKind.self)), ("postcode", S.string), ("wardID", S.string),
        ], required: ["organisationID", "name", "kind", "postcode", "wardID"])),
        ("ProviderDetail", S.object([
            ("provider", S.ref("Provider")), ("organisationName", S.string),
            ("programmes", S.array(S.object([("id", S.uuid), ("title", S.string), ("freePlaces", S.integer)]))),
        ], required: ["provider", "organisationName", "programmes"])),
        ("Cohort", S.object([("id", S.uuid), ("startsOn", S.dateTime), ("capacity", S.integer), ("enrolled", S.integer)],
                            required: ["id", "startsOn", "capacity", "enrolled"])),
        ("CohortInput", S.object([("startsOn", S.date), ("capacity", S.integer(1...500))], required: ["startsOn", "capacity"])),
        ("Programme", S.object([
            ("id", S.uuid), ("providerID", S.uuid), ("title", S.string), ("type", S.enumeration(ProgrammeType.self)),
            ("skillsTaught", S.array(S.object([("skillID", S.string), ("levelReached", S.intEnumeration(Proficiency.self))]))),
            ("entryRequirements", S.object([
                ("minimumQualification", S.intEnumeration(RQFLevel.self)),
                ("requiredSkills", S.array(S.object([("skillID", S.string), ("level", S.intEnumeration(Proficiency.self))]))),
                ("needsGCSEEnglish", S.boolean), ("needsGCSEMaths", S.boolean),
            ])),
            ("qualificationAwarded", S.nullable(S.intEnumeration(RQFLevel.self))), ("weeks", S.integer), ("hoursPerWeek", S.integer),
            ("postcode", S.string), ("wardID", S.string), ("costPence", S.integer),
            ("barrierSupport", S.array(S.enumeration(BarrierKind.self))), ("coDesigningEmployerIDs", S.array(S.uuid)),
            ("guaranteedInterview", S.boolean), ("cohorts", S.array(S.ref("Cohort"))),
        ], required: ["id", "providerID", "title", "type", "skillsTaught", "entryRequirements", "weeks", "hoursPerWeek", "postcode",
                      "wardID", "costPence", "barrierSupport", "coDesigningEmployerIDs", "guaranteedInterview", "cohorts"])),
        ("ProgrammeDetail", S.object([
            ("programme", S.ref("Programme")), ("provider", S.ref("Provider")), ("wardName", S.string), ("freePlaces", S.integer),
            ("totalPlaces", S.integer),
        ], required: ["programme", "provider", "wardName", "freePlaces", "totalPlaces"])),
        ("ProgrammeSummary", S.object([
            ("id", S.uuid), ("title", S.string), ("type", S.enumeration(ProgrammeType.self)), ("providerID", S.uuid), ("providerName", S.string),
            ("weeks", S.integer), ("hoursPerWeek", S.integer), ("costPence", S.integer), ("wardID", S.string), ("freePlaces", S.integer),
            ("totalPlaces", S.integer), ("nextCohortStartsOn", S.nullable(S.dateTime)),
        ], required: ["id", "title", "type", "providerID", "providerName", "weeks", "hoursPerWeek", "costPence", "wardID", "freePlaces", "totalPlaces"])),
        ("ProgrammeInput", S.object([
            ("providerID", S.uuid), ("title", S.string), ("type", S.enumeration(ProgrammeType.self)),
            ("skillsTaught", S.array(S.object([("skillID", S.string), ("levelReached", S.intEnumeration(Proficiency.self))]))),
            ("requiredSkills", S.array(S.object([("skillID", S.string), ("level", S.intEnumeration(Proficiency.self))]))),
            ("minimumQualification", S.intEnumeration(RQFLevel.self)), ("needsGCSEEnglish", S.boolean), ("needsGCSEMaths", S.boolean),
            ("qualificationAwarded", S.nullable(S.intEnumeration(RQFLevel.self))), ("weeks", S.integer(1...156)),
            ("hoursPerWeek", S.integer(1...60)), ("postcode", S.string), ("wardID", S.string), ("costPence", S.integer(0...5_000_000)),
            ("barrierSupport", S.array(S.enumeration(BarrierKind.self))), ("coDesigningEmployerIDs", S.array(S.uuid)),
            ("guaranteedInterview", S.boolean),
        ], required: ["providerID", "title", "type", "skillsTaught", "weeks", "hoursPerWeek", "postcode", "wardID", "costPence"])),
    ]
}
