import EscalatorCore

extension APISchemas {
    static let vacancies: [(String, JSONValue)] = [
        ("VacancyRequirement", S.object([
            ("skillID", S.string), ("skillName", S.string), ("importance", S.enumeration(Importance.self)),
            ("minimumLevel", S.intEnumeration(Proficiency.self)),
        ], required: ["skillID", "skillName", "importance", "minimumLevel"])),
        ("VacancySummary", S.object([
            ("id", S.uuid), ("title", S.string), ("employerID", S.uuid), ("employerName", S.string), ("occupationID", S.string),
            ("occupationName", S.string), ("status", S.enumeration(VacancyStatus.self)), ("hourlyPayPence", S.integer),
            ("wardID", S.string), ("wardName", S.string), ("openings", S.integer), ("closingDate", S.date),
        ], required: ["id", "title", "employerID", "employerName", "occupationID", "occupationName", "status", "hourlyPayPence",
                      "wardID", "wardName", "openings", "closingDate"])),
        ("Vacancy", S.object([
            ("id", S.uuid), ("employerID", S.uuid), ("employerName", S.string), ("occupationID", S.string), ("occupationName", S.string),
            ("title", S.string), ("requirements", S.array(S.ref("VacancyRequirement"))),
            ("minimumQualification", S.intEnumeration(RQFLevel.self)), ("needsGCSEEnglish", S.boolean), ("needsGCSEMaths", S.boolean),
            ("hoursPerWeek", S.integer), ("hourlyPayPence", S.integer), ("postcode", S.string), ("wardID", S.string),
            ("wardName", S.string), ("openings", S.integer), ("closingDate", S.date), ("minimumAge", S.integer),
            ("status", S.enumeration(VacancyStatus.self)),
        ], required: ["id", "employerID", "employerName", "occupationID", "occupationName", "title", "requirements",
                      "minimumQualification", "needsGCSEEnglish", "needsGCSEMaths", "hoursPerWeek", "hourlyPayPence", "postcode",
                      "wardID", "wardName", "openings", "closingDate", "minimumAge", "status"])),
        ("VacancyPrefill", S.object([
            ("occupationID", S.string), ("occupationName", S.string), ("typicalQualification", S.intEnumeration(RQFLevel.self)),
            ("requirements", S.array(S.ref("VacancyRequirement"))),
        ], required: ["occupationID", "occupationName", "typicalQualification", "requirements"])),
        ("NewVacancyInput", vacancyInput(statuses: [.draft, .open])),
        ("VacancyInput", vacancyInput(statuses: VacancyStatus.allCases)),
    ]

    static func vacancyInput(statuses: [VacancyStatus]) -> JSONValue {
        S.object([
            ("employerID", S.described(S.uuid, "An employer you may scope vacancies for.")),
            ("occupationID", S.described(S.string, "An occupation in the taxonomy.")), ("title", S.text(max: 150)),
            ("requirements", S.described(
                ["type": "array", "minItems": 1, "maxItems": .number(Double(VacancyInput.maximumRequirements)),
                 "items": S.object([
                    ("skillID", S.string), ("importance", S.enumeration(Importance.self)), ("minimumLevel", S.intEnumeration(Proficiency.self)),
                 ], required: ["skillID", "importance", "minimumLevel"])],
                "Each skill once; at least one essential.")),
            ("minimumQualification", S.intEnumeration(RQFLevel.self)), ("needsGCSEEnglish", S.boolean), ("needsGCSEMaths", S.boolean),
            ("hoursPerWeek", S.integer(1...60)),
            ("hourlyPayPence", S.described(S.integer(1...100_000), "At least the National Minimum Wage unless the vacancy is a draft.")),
            ("postcode", S.string), ("wardID", S.string), ("openings", S.integer(1...1000)),
            ("closingDate", S.described(S.date, "Today or later for a draft or open vacancy.")), ("minimumAge", S.integer(16...70)),
            ("status", ["type": "string", "enum": .array(statuses.map { .string($0.rawValue) })]),
        ], required: ["employerID", "occupationID", "title", "requirements", "minimumQualification", "hoursPerWeek", "hourlyPayPence",
                      "postcode", "wardID", "openings", "closingDate", "minimumAge", "status"])
    }
}
