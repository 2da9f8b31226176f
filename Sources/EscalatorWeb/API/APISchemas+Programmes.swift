import EscalatorCore

extension APISchemas {
    /// A skill level as a programme input takes it: 1 to 4, as a number or text, or its name (`working`).
    static let proficiencyInput = S.anyOf(S.intEnumeration(Proficiency.self), S.string)
    /// An RQF level as a programme input takes it: 0 (entry) to 8 as a number or text, `entry`, or `none` for not given.
    static let rqfInput = S.anyOf(S.intEnumeration(RQFLevel.self), S.string)
    /// A yes/no a programme input reads as yes only for `true`, `yes`, `on` or `1` (anything else is no).
    static let lenientFlag = S.anyOf(S.boolean, S.number, S.string)

    static let programmes: [(String, JSONValue)] = [
        ("Provider", S.object([
            ("id", S.uuid), ("organisationID", S.uuid), ("name", S.string), ("kind", S.enumeration(ProviderKind.self)),
            ("postcode", S.string), ("wardID", S.string),
        ], required: ["id", "organisationID", "name", "kind", "postcode", "wardID"])),
        ("ProviderInput", S.object([
            ("organisationID", S.described(S.uuid, "A partner organisation.")), ("name", S.text(max: 200)),
            ("kind", S.enumeration(ProviderKind.self)), ("postcode", S.string), ("wardID", S.string),
        ], required: ["organisationID", "name", "kind", "postcode", "wardID"])),
        ("ProviderDetail", S.object([
            ("provider", S.ref("Provider")), ("organisationName", S.string),
            ("programmes", S.array(S.object([("id", S.uuid), ("title", S.string), ("freePlaces", S.integer)],
                                            required: ["id", "title", "freePlaces"]))),
        ], required: ["provider", "organisationName", "programmes"])),
        ("Cohort", S.object([("id", S.uuid), ("startsOn", S.dateTime), ("capacity", S.integer), ("enrolled", S.integer)],
                            required: ["id", "startsOn", "capacity", "enrolled"])),
        ("CohortInput", S.object([
            ("startsOn", S.described(S.date, "Today or later.")), ("capacity", S.wholeNumberOrText(S.integer(1...500))),
        ], required: ["startsOn", "capacity"])),
        ("Programme", S.object([
            ("id", S.uuid), ("providerID", S.uuid), ("title", S.string), ("type", S.enumeration(ProgrammeType.self)),
            ("skillsTaught", S.array(S.object([("skillID", S.string), ("levelReached", S.intEnumeration(Proficiency.self))],
                                              required: ["skillID", "levelReached"]))),
            ("entryRequirements", S.object([
                ("minimumQualification", S.intEnumeration(RQFLevel.self)),
                ("requiredSkills", S.array(S.object([("skillID", S.string), ("level", S.intEnumeration(Proficiency.self))],
                                                    required: ["skillID", "level"]))),
                ("needsGCSEEnglish", S.boolean), ("needsGCSEMaths", S.boolean),
            ], required: ["minimumQualification", "requiredSkills", "needsGCSEEnglish", "needsGCSEMaths"])),
            ("qualificationAwarded", S.intEnumeration(RQFLevel.self)), ("weeks", S.integer), ("hoursPerWeek", S.integer),
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
            ("totalPlaces", S.integer), ("nextCohortStartsOn", S.dateTime),
        ], required: ["id", "title", "type", "providerID", "providerName", "weeks", "hoursPerWeek", "costPence", "wardID", "freePlaces", "totalPlaces"])),
        ("ProgrammeSkillInput", S.object([
            ("skillID", S.described(S.string, "A skill in the taxonomy; a row without one is skipped.")),
            ("levelReached", proficiencyInput), ("level", S.described(proficiencyInput, "Another name for levelReached.")),
        ])),
        ("ProgrammeInput", S.object([
            ("providerID", S.described(S.uuid, "A provider you may add programmes for.")), ("title", S.text(max: 200)),
            ("type", S.enumeration(ProgrammeType.self)),
            ("skillsTaught", S.described(S.array(S.ref("ProgrammeSkillInput")), "At least one skill (or the form's skillID/level lists).")),
            ("skillID", S.described(S.array(S.string), "Form style, with level: skill ids taught, used when skillsTaught is absent.")),
            ("level", S.described(S.array(proficiencyInput), "Form style: the level reached for each skillID.")),
            ("requiredSkills", S.described(S.array(S.ref("ProgrammeSkillInput")), "Skills needed to start, with level (or levelReached).")),
            ("requiredSkillID", S.described(S.array(S.string), "Form style, with requiredLevel, used when requiredSkills is absent.")),
            ("requiredLevel", S.described(S.array(proficiencyInput), "Form style: the level needed for each requiredSkillID.")),
            ("minimumQualification", S.described(rqfInput, "Entry when absent.")), ("needsGCSEEnglish", lenientFlag), ("needsGCSEMaths", lenientFlag),
            ("qualificationAwarded", S.nullable(rqfInput)), ("weeks", S.wholeNumberOrText(S.integer(1...156))),
            ("hoursPerWeek", S.wholeNumberOrText(S.integer(1...60))), ("postcode", S.string), ("wardID", S.string),
            ("costPence", S.described(S.wholeNumberOrText(S.integer(0...5_000_000)), "Required unless cost (pounds) is given.")),
            ("cost", S.described(S.anyOf(S.number, S.string), "Form style: the cost in pounds (12.50), used when costPence is absent.")),
            ("barrierSupport", S.array(S.enumeration(BarrierKind.self))),
            ("coDesigningEmployerIDs", S.described(S.array(S.uuid), "Known employers.")), ("guaranteedInterview", lenientFlag),
        ], required: ["providerID", "title", "type", "weeks", "hoursPerWeek", "postcode", "wardID"])),
    ]
}
