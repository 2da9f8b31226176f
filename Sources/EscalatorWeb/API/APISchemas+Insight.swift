import EscalatorCore

extension APISchemas {
    static let rate = S.number(0...1)

    static let insight: [(String, JSONValue)] = [
        ("InsightPlaces", S.object([
            ("type", S.described(S.enumeration(ProgrammeType.self), "Absent on the total.")), ("label", S.string),
            ("programmes", S.integer), ("capacity", S.integer), ("enrolled", S.integer), ("free", S.integer),
        ], required: ["label", "programmes", "capacity", "enrolled", "free"])),
        ("InsightDashboard", S.object([
            ("asOf", S.date),
            ("area", S.object([
                ("localAuthorityID", S.described(S.string, "Absent for the whole city region.")), ("name", S.string),
                ("wardCount", S.integer), ("targetWardCount", S.integer),
            ], required: ["name", "wardCount", "targetWardCount"])),
            ("clients", S.object([
                ("total", S.integer),
                ("byStage", S.array(S.object([("stage", S.enumeration(JourneyStage.self)), ("label", S.string), ("count", S.integer)],
                                             required: ["stage", "label", "count"]))),
            ], required: ["total", "byStage"])),
            ("vacancies", S.object([("live", S.integer), ("openings", S.integer)], required: ["live", "openings"])),
            ("programmePlaces", S.object([("byType", S.array(S.ref("InsightPlaces"))), ("total", S.ref("InsightPlaces"))],
                                         required: ["byType", "total"])),
            ("jobStarts", S.object([
                ("total", S.integer),
                ("sustainment", S.array(S.object([
                    ("weeks", S.intEnumeration(SustainmentMilestone.self)), ("due", S.integer), ("checked", S.integer),
                    ("stillInWork", S.integer), ("rate", S.described(rate, "Absent when none are due.")),
                ], required: ["weeks", "due", "checked", "stillInWork"]))),
            ], required: ["total", "sustainment"])),
            ("employmentGap", S.object([
                ("areaRate", rate), ("targetWardsRate", rate), ("nationalRate", rate),
                ("gapPoints", S.number), ("areaBehindNationalPoints", S.number), ("targetWardsBehindNationalPoints", S.number),
                ("byLocalAuthority", S.array(S.object([
                    ("localAuthorityID", S.string), ("name", S.string), ("rate", rate), ("targetWardsRate", rate),
                    ("targetWardCount", S.integer), ("gapPoints", S.number),
                ], required: ["localAuthorityID", "name", "targetWardCount"]))),
            ], required: ["nationalRate", "byLocalAuthority"])),
            ("skills", S.array(S.object([
                ("skillID", S.string), ("name", S.string), ("demand", S.number), ("supply", S.integer), ("ratio", S.number),
            ], required: ["skillID", "name", "demand", "supply"]))),
        ], required: ["asOf", "area", "clients", "vacancies", "programmePlaces", "jobStarts", "employmentGap", "skills"])),
    ]
}
