import EscalatorCore

extension APISchemas {
    static let pathwayRequirement = S.object([
        ("kind", S.strings(["skill", "qualification", "gcse-english", "gcse-maths", "minimum-age", "travel", "hours", "barrier"])),
        ("skillID", S.described(S.string, "Skill requirements only.")),
        ("level", S.described(S.intEnumeration(Proficiency.self), "Skill requirements only: the level asked.")),
        ("qualification", S.described(S.intEnumeration(RQFLevel.self), "Qualification requirements only.")),
        ("age", S.described(S.integer, "Minimum-age requirements only.")),
        ("barrier", S.described(S.enumeration(BarrierKind.self), "Barrier requirements only.")),
        ("label", S.string),
    ], required: ["kind", "label"])

    static let pathwayOption = S.object([
        ("programmeID", S.uuid), ("title", S.string), ("providerName", S.string), ("cohortID", S.uuid),
        ("startsOn", S.date), ("endsOn", S.date), ("travelKm", S.number), ("costPence", S.integer),
        ("teaches", S.array(S.ref("PathwayRequirement"))),
    ], required: ["programmeID", "title", "cohortID", "startsOn", "endsOn", "travelKm", "costPence", "teaches"])

    static let pathways: [(String, JSONValue)] = [
        ("PathwayRequirement", pathwayRequirement),
        ("PathwayProgrammeOption", pathwayOption),
        ("Pathway", S.object([
            ("clientID", S.uuid),
            ("target", S.object([
                ("kind", S.strings(["vacancy", "occupation"])), ("id", S.string), ("title", S.string), ("occupationID", S.string),
            ], required: ["kind", "id", "title", "occupationID"])),
            ("objective", S.enumeration(PathwayObjective.self)),
            ("plannedFrom", S.described(S.date, "The first day a step can start.")),
            ("assessed", S.described(S.boolean, "False when the client has not been assessed: then there is no pathway and no blockers.")),
            ("reachable", S.boolean),
            ("pathway", S.described(S.object([
                ("steps", S.array(S.object([
                    ("kind", S.strings(["programme", "referral", "wait"])), ("title", S.string),
                    ("phase", S.strings(["barrier-support", "basic-skills", "vocational", "waiting"])),
                    ("programmeID", S.uuid), ("cohortID", S.uuid), ("providerName", S.string),
                    ("barrier", S.described(S.enumeration(BarrierKind.self), "Referral steps: the barrier it is for.")),
                    ("untilAge", S.described(S.integer, "Wait steps: the age waited for.")),
                    ("startsOn", S.date), ("endsOn", S.described(S.date, "The day the next step may start.")),
                    ("weeks", S.integer), ("costPence", S.integer), ("travelKm", S.number),
                    ("closes", S.described(S.array(S.ref("PathwayRequirement")), "The target's requirements this step first meets.")),
                    ("prepares", S.described(S.array(S.ref("PathwayRequirement")), "Entry requirements of later steps this step first meets.")),
                    ("addresses", S.described(S.array(S.enumeration(BarrierKind.self)), "The client's barriers this step addresses.")),
                ], required: ["kind", "title", "phase", "startsOn", "endsOn", "weeks", "costPence", "closes", "prepares", "addresses"]))),
                ("jobReadyOn", S.date), ("daysToJobReady", S.integer), ("weeksToJobReady", S.integer),
                ("totalCostPence", S.integer), ("activeStepCount", S.integer), ("notes", S.array(S.string)),
                ("inWorkSupport", S.array(S.ref("PathwayProgrammeOption"))),
                ("progression", S.object([
                    ("occupationID", S.string), ("occupationName", S.string), ("typicalQualification", S.intEnumeration(RQFLevel.self)),
                    ("missing", S.array(S.ref("PathwayRequirement"))), ("firstProgramme", S.ref("PathwayProgrammeOption")),
                ], required: ["occupationID", "occupationName", "typicalQualification", "missing"])),
            ], required: ["steps", "jobReadyOn", "daysToJobReady", "weeksToJobReady", "totalCostPence", "activeStepCount", "notes", "inWorkSupport"]),
                "Absent when no pathway reaches the target (see blockers) or the client has not been assessed.")),
            ("blockers", S.array(S.object([("requirement", S.ref("PathwayRequirement")), ("message", S.string)], required: ["requirement", "message"]))),
        ], required: ["clientID", "target", "objective", "plannedFrom", "assessed", "reachable", "blockers"])),
    ]

    static let commissioning: [(String, JSONValue)] = [
        ("CommissioningAdvice", S.object([
            ("asOf", S.date),
            ("clientsJobReady", count), ("clientsBlockedOnlyBySkills", count),
            ("blockers", S.array(S.object([
                ("skillID", S.string), ("skillName", S.string), ("level", S.intEnumeration(Proficiency.self)), ("levelLabel", S.string),
                ("clientsOneSkillAway", count), ("vacanciesUnlocked", count), ("pairsOneSkillAway", count), ("clientsMissing", count),
                ("programmesTeaching", S.integer),
            ], required: ["skillID", "skillName", "level", "levelLabel", "clientsOneSkillAway", "vacanciesUnlocked", "pairsOneSkillAway",
                          "clientsMissing", "programmesTeaching"]))),
            ("programmes", S.array(S.object([
                ("programmeID", S.uuid), ("title", S.string), ("providerName", S.string), ("freePlaces", S.integer),
                ("clientsUnlocked", count), ("matchesUnlocked", count),
                ("matchesPerPlace", S.described(figure, "Matches unlocked by the clients who gain most, one per free place, over the free places.")),
            ], required: ["programmeID", "title", "providerName", "freePlaces", "clientsUnlocked", "matchesUnlocked", "matchesPerPlace"]))),
            ("untaught", S.array(S.object([
                ("skillID", S.string), ("skillName", S.string), ("vacancies", count), ("openings", count),
                ("levelAsked", S.intEnumeration(Proficiency.self)),
                ("highestLevelTaught", S.described(S.intEnumeration(Proficiency.self), "Absent when no programme teaches it at all.")),
            ], required: ["skillID", "skillName", "vacancies", "openings", "levelAsked"]))),
            ("freshness", S.ref("Freshness")),
        ], required: ["asOf", "clientsJobReady", "clientsBlockedOnlyBySkills", "blockers", "programmes", "untaught", "freshness"])),
    ]
}
