import EscalatorCore

extension APISchemas {
    /// `ConstraintNote.Kind` is not `CaseIterable`; keep in step with it.
    static let constraintKinds = ["travel", "hours", "licence", "age", "qualification", "gcse"]
    static let distanceBands = [0.0, 5, 10, 20].map(CandidateQueries.distanceBand)

    static let matching: [(String, JSONValue)] = [
        ("ScoreComponent", S.object([
            ("name", S.string), ("weight", S.number), ("value", S.number(0...1)), ("contribution", S.number), ("explanation", S.string),
        ], required: ["name", "weight", "value", "contribution", "explanation"])),
        ("SkillLine", S.object([
            ("skillID", S.string), ("skillName", S.string), ("importance", S.enumeration(Importance.self)),
            ("required", S.intEnumeration(Proficiency.self)), ("held", S.intEnumeration(Proficiency.self)),
        ], required: ["skillID", "skillName", "importance", "required"])),
        ("ConstraintNote", S.object([("kind", S.strings(constraintKinds)), ("message", S.string)], required: ["kind", "message"])),
        ("MatchedVacancy", S.object([
            ("vacancyID", S.uuid), ("title", S.string), ("employerName", S.string), ("score", S.number(0...1)),
            ("scorePercent", S.integer(0...100)), ("eligible", S.boolean), ("components", S.array(S.ref("ScoreComponent"))),
            ("skillsMet", S.array(S.ref("SkillLine"))), ("skillsMissing", S.array(S.ref("SkillLine"))), ("travelKm", S.number),
            ("blockers", S.array(S.ref("ConstraintNote"))), ("warnings", S.array(S.ref("ConstraintNote"))),
        ], required: ["vacancyID", "title", "employerName", "score", "scorePercent", "eligible", "components", "skillsMet",
                      "skillsMissing", "travelKm", "blockers", "warnings"])),
        ("SuggestedProgramme", S.object([
            ("programmeID", S.uuid), ("title", S.string), ("providerName", S.string), ("type", S.enumeration(ProgrammeType.self)),
            ("closesGaps", S.array(S.object([("skillID", S.string), ("skillName", S.string)], required: ["skillID", "skillName"]))),
            ("travelKm", S.number), ("entryMet", S.boolean), ("freePlaces", S.integer),
            ("supportsBarriers", S.array(S.enumeration(BarrierKind.self))), ("guaranteedInterview", S.boolean),
            ("nextCohort", S.object([("cohortID", S.uuid), ("startsOn", S.date), ("freePlaces", S.integer)],
                                    required: ["cohortID", "startsOn", "freePlaces"])),
            ("score", S.number), ("reasons", S.array(S.string)),
        ], required: ["programmeID", "title", "providerName", "type", "closesGaps", "travelKm", "entryMet", "freePlaces",
                      "supportsBarriers", "guaranteedInterview", "score", "reasons"])),
        ("ClientMatches", S.object([
            ("clientID", S.uuid), ("assessmentID", S.uuid), ("assessedOn", S.date), ("includeIneligible", S.boolean),
            ("vacancies", S.array(S.ref("MatchedVacancy"))), ("programmes", S.array(S.ref("SuggestedProgramme"))),
        ], required: ["clientID", "includeIneligible", "vacancies", "programmes"])),
        ("Candidate", S.object([
            ("clientReference", S.described(S.string, "For employers a pseudonym: the same on every page about this vacancy, different for each vacancy.")),
            ("clientID", S.described(S.uuid, "Only when you may open the client's record (never for employers).")),
            ("name", S.described(S.string, "Only when you may open the client's record; for employers, only once the client has accepted a referral to this vacancy (and while they consent to share with you).")),
            ("score", S.number(0...1)), ("scorePercent", S.integer(0...100)), ("components", S.array(S.ref("ScoreComponent"))),
            ("skillsMet", S.array(S.ref("SkillLine"))), ("skillsMissing", S.array(S.ref("SkillLine"))),
            ("distanceBand", S.strings(distanceBands)),
            ("travelKm", S.described(S.number, "Omitted for employers, who see the band only.")),
            ("hoursAvailability", S.object([("minHoursPerWeek", S.integer), ("maxHoursPerWeek", S.integer)],
                                           required: ["minHoursPerWeek", "maxHoursPerWeek"])),
            ("warnings", S.array(S.ref("ConstraintNote"))),
        ], required: ["clientReference", "score", "scorePercent", "components", "skillsMet", "skillsMissing", "distanceBand",
                      "hoursAvailability", "warnings"])),
        ("Candidates", S.object([
            ("vacancyID", S.uuid), ("title", S.string), ("employerName", S.string), ("live", S.boolean),
            ("pseudonymised", S.boolean), ("candidates", S.array(S.ref("Candidate"))),
        ], required: ["vacancyID", "title", "employerName", "live", "pseudonymised", "candidates"])),
    ]
}
