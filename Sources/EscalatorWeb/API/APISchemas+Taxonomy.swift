import EscalatorCore

extension APISchemas {
    static let taxonomy: [(String, JSONValue)] = [
        ("Skill", S.object([
            ("id", S.string), ("name", S.string), ("kind", S.enumeration(Skill.Kind.self)), ("sector", S.enumeration(Sector.self)),
            ("description", S.string),
        ], required: ["id", "name", "kind", "description"])),
        ("OccupationSummary", S.object([
            ("id", S.string), ("name", S.string), ("socCode", S.string), ("sector", S.enumeration(Sector.self)),
            ("typicalQualification", S.intEnumeration(RQFLevel.self)), ("essentialSkillCount", S.integer), ("optionalSkillCount", S.integer),
        ], required: ["id", "name", "typicalQualification", "essentialSkillCount", "optionalSkillCount"])),
        ("OccupationSkillLine", S.object([
            ("skillID", S.string), ("name", S.string),
            ("kind", S.described(S.enumeration(Skill.Kind.self), "Absent for a skill missing from the taxonomy.")),
            ("level", S.intEnumeration(Proficiency.self)), ("levelLabel", S.string),
        ], required: ["skillID", "name", "level", "levelLabel"])),
        ("OccupationDetail", S.object([
            ("id", S.string), ("name", S.string), ("socCode", S.string), ("sector", S.enumeration(Sector.self)),
            ("typicalQualification", S.intEnumeration(RQFLevel.self)), ("typicalQualificationLabel", S.string), ("description", S.string),
            ("essentialSkills", S.array(S.ref("OccupationSkillLine"))), ("optionalSkills", S.array(S.ref("OccupationSkillLine"))),
            ("liveVacancies", S.described(S.integer, "Open vacancies for this occupation closing today or later.")),
        ], required: ["id", "name", "typicalQualification", "typicalQualificationLabel", "description", "essentialSkills",
                      "optionalSkills", "liveVacancies"])),
        ("SkillDetail", S.object([
            ("skill", S.ref("Skill")),
            ("occupations", S.array(S.object([
                ("occupationID", S.string), ("name", S.string), ("sector", S.enumeration(Sector.self)),
                ("importance", S.strings(["essential", "optional"])), ("level", S.intEnumeration(Proficiency.self)), ("levelLabel", S.string),
            ], required: ["occupationID", "name", "importance", "level", "levelLabel"]))),
            ("programmes", S.described(S.array(S.object([
                ("programmeID", S.uuid), ("title", S.string), ("type", S.enumeration(ProgrammeType.self)), ("providerName", S.string),
                ("levelReached", S.intEnumeration(Proficiency.self)), ("levelReachedLabel", S.string),
            ], required: ["programmeID", "title", "type", "providerName", "levelReached", "levelReachedLabel"])),
                "Those you may see: all for advisers and administrators, your own for providers, none for others.")),
            ("programmeCount", S.described(S.integer, "Every programme teaching it, listed or not.")),
        ], required: ["skill", "occupations", "programmes", "programmeCount"])),
    ]
}
