import EscalatorCore

extension APISchemas {
    static let rate = S.number(0...1)

    static let count = S.ref("PublishedCount")
    static let figure = S.ref("PublishedFigure")
    static let suppressed = S.described(S.boolean, "True when the value is withheld under the small-number rule.")
    static let reason = S.described(S.enumeration(SuppressionReason.self),
                                    "Only when suppressed: fewer-than-5 (a count from 1 to 4), or secondary (hidden so that such a count cannot be worked out from a total).")

    static let insight: [(String, JSONValue)] = [
        ("PublishedCount", S.described(S.object([
            ("value", S.described(S.nullable(S.anyOf(S.integer(0...0), ["type": "integer", "minimum": 5])),
                                  "Never 1 to 4: null when suppressed.")),
            ("suppressed", suppressed), ("reason", reason),
        ], required: ["value", "suppressed"]), "A count of people (or one adding up with such counts) under the small-number rule.")),
        ("PublishedFigure", S.described(S.object([
            ("value", S.described(S.nullable(S.number), "Null when suppressed, or when there is nothing to work it out from (a rate with none due).")),
            ("suppressed", suppressed), ("reason", reason),
        ], required: ["value", "suppressed"]), "A rate, ratio or weighted count: suppressed when a count it comes from is, or when under 5.")),
        ("InsightPlaces", S.object([
            ("type", S.described(S.enumeration(ProgrammeType.self), "Absent on the total.")), ("label", S.string),
            ("programmes", count), ("capacity", count), ("enrolled", count), ("free", count),
        ], required: ["label", "programmes", "capacity", "enrolled", "free"])),
        ("InsightDashboard", S.object([
            ("asOf", S.date),
            ("area", S.object([
                ("localAuthorityID", S.described(S.string, "Absent for the whole city region.")), ("name", S.string),
                ("wardCount", S.integer), ("targetWardCount", S.integer),
            ], required: ["name", "wardCount", "targetWardCount"])),
            ("clients", S.object([
                ("total", count),
                ("byStage", S.array(S.object([("stage", S.enumeration(JourneyStage.self)), ("label", S.string), ("count", count)],
                                             required: ["stage", "label", "count"]))),
            ], required: ["total", "byStage"])),
            ("vacancies", S.object([("live", count), ("openings", count)], required: ["live", "openings"])),
            ("programmePlaces", S.object([("byType", S.array(S.ref("InsightPlaces"))), ("total", S.ref("InsightPlaces"))],
                                         required: ["byType", "total"])),
            ("jobStarts", S.object([
                ("total", count),
                ("sustainment", S.array(S.object([
                    ("weeks", S.intEnumeration(SustainmentMilestone.self)), ("due", count), ("checked", count),
                    ("stillInWork", count), ("rate", S.described(figure, "Still in work over due, 0 to 1; no value when none are due.")),
                ], required: ["weeks", "due", "checked", "stillInWork", "rate"]))),
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
                ("skillID", S.string), ("name", S.string), ("demand", figure), ("supply", count),
                ("ratio", S.described(figure, "Supply over demand; no value when there is no demand.")),
            ], required: ["skillID", "name", "demand", "supply", "ratio"]))),
            ("freshness", S.ref("Freshness")),
        ], required: ["asOf", "area", "clients", "vacancies", "programmePlaces", "jobStarts", "employmentGap", "skills", "freshness"])),
    ]
}
