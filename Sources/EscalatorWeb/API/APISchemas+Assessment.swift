import EscalatorCore

extension APISchemas {
    static let assessment: [(String, JSONValue)] = [
        ("WorkConstraints", S.object([
            ("minHoursPerWeek", S.integer), ("maxHoursPerWeek", S.integer), ("maxTravelKm", S.number),
            ("travelModes", S.array(S.enumeration(TravelMode.self))),
        ], required: ["minHoursPerWeek", "maxHoursPerWeek", "maxTravelKm", "travelModes"])),
        ("Assessment", S.object([
            ("id", S.uuid), ("clientID", S.uuid), ("adviserID", S.uuid), ("assessedOn", S.date),
            ("skills", S.array(S.object([
                ("skillID", S.string), ("skillName", S.string), ("level", S.intEnumeration(Proficiency.self)),
                ("evidence", S.enumeration(Evidence.self)),
            ], required: ["skillID", "skillName", "level", "evidence"]))),
            ("highestQualification", S.intEnumeration(RQFLevel.self)), ("gcseEnglish", S.boolean), ("gcseMaths", S.boolean),
            ("barriers", S.array(S.object([("kind", S.enumeration(BarrierKind.self)), ("severity", S.intEnumeration(Severity.self))],
                                          required: ["kind", "severity"]))),
            ("aspirations", S.array(S.string)), ("constraints", S.ref("WorkConstraints")),
            ("notes", S.described(S.string, "Special-category data: present only for advisers of the client's own organisation and administrators.")),
        ], required: ["id", "clientID", "assessedOn", "skills", "highestQualification", "gcseEnglish", "gcseMaths", "barriers",
                      "aspirations", "constraints"])),
        ("DistanceFactor", S.object([("name", S.string), ("points", S.integer), ("explanation", S.string)],
                                    required: ["name", "points", "explanation"])),
        ("DistanceScore", S.object([
            ("total", S.integer(0...100)), ("band", S.enumeration(DistanceBand.self)), ("bandLabel", S.string),
            ("factors", S.array(S.ref("DistanceFactor"))),
        ], required: ["total", "band", "bandLabel", "factors"])),
        ("ActionStep", S.object([("stage", S.enumeration(EscalatorStage.self)), ("title", S.string), ("reason", S.string)],
                                required: ["stage", "title", "reason"])),
        ("AssessmentDetail", S.object([
            ("assessment", S.ref("Assessment")), ("distanceFromWork", S.ref("DistanceScore")), ("actionPlan", S.array(S.ref("ActionStep"))),
            ("withheld", S.ref("Withheld")),
        ], required: ["assessment", "distanceFromWork", "actionPlan"])),
        ("AssessmentSummary", S.object([
            ("id", S.uuid), ("assessedOn", S.date), ("highestQualification", S.intEnumeration(RQFLevel.self)),
            ("skillCount", S.integer), ("barrierCount", S.integer), ("distanceFromWork", S.integer(0...100)),
        ], required: ["id", "assessedOn", "highestQualification", "skillCount", "barrierCount", "distanceFromWork"])),
        ("AssessmentInput", S.object([
            ("assessedOn", S.described(S.date, "Today or earlier; today when absent.")),
            ("skills", S.described(S.array(S.object([
                ("skillID", S.described(S.string, "A skill in the taxonomy, each once.")),
                ("level", S.wholeNumberOrText(S.intEnumeration(Proficiency.self))),
                ("evidence", S.described(S.enumeration(Evidence.self), "self-declared when absent.")),
            ], required: ["skillID", "level"])), "highestQualification is required when this is empty.")),
            ("highestQualification", S.described(S.wholeNumberOrText(S.intEnumeration(RQFLevel.self)),
                                                 "RQF level, 0 (entry) to 8; required unless skills are given.")),
            ("gcseEnglish", S.flag), ("gcseMaths", S.flag),
            ("barriers", S.array(S.object([
                ("kind", S.described(S.enumeration(BarrierKind.self), "Each kind once.")),
                ("severity", S.wholeNumberOrText(S.intEnumeration(Severity.self))),
            ], required: ["kind", "severity"]))),
            ("aspirations", S.described(S.array(S.string, maxItems: AssessmentInput.maximumAspirations), "Occupation ids in the taxonomy.")),
            ("constraints", S.object([
                ("minHoursPerWeek", S.wholeNumberOrText(S.integer(AssessmentInput.hoursRange))),
                ("maxHoursPerWeek", S.described(S.wholeNumberOrText(S.integer(AssessmentInput.hoursRange)), "At least minHoursPerWeek.")),
                ("maxTravelKm", S.numberOrText(S.number(AssessmentInput.travelRange))),
                ("travelModes", S.array(S.enumeration(TravelMode.self))),
            ], required: ["minHoursPerWeek", "maxHoursPerWeek", "maxTravelKm"])),
            ("notes", S.string(maxLength: 2000)),
        ], required: ["constraints"])),
    ]
}
