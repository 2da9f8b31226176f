import EscalatorCore

extension APISchemas {
    /// `ConstraintNote.Kind` is not `CaseIterable`; keep in step with it.
    static let constraintKinds = ["travel", "hours", "licence", "age", "qualification", "gcse"]

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
            ("recommendedToOthers", S.described(S.integer, "How many other clients' recommendation lists (top 10, or spread lists in spread mode) include this vacancy.")),
            ("referredOthers", S.described(S.integer, "Other clients' open referrals to this vacancy (applied, interviewed or offered).")),
        ], required: ["vacancyID", "title", "employerName", "score", "scorePercent", "eligible", "components", "skillsMet",
                      "skillsMissing", "travelKm", "blockers", "warnings", "recommendedToOthers", "referredOthers"])),
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
            ("mode", S.enumeration(MatchMode.self)),
            ("spreadMultiple", S.described(S.integer, "In spread mode, each vacancy is in at most this many clients' lists per opening.")),
            ("vacancies", S.array(S.ref("MatchedVacancy"))), ("programmes", S.array(S.ref("SuggestedProgramme"))),
        ], required: ["clientID", "includeIneligible", "mode", "spreadMultiple", "vacancies", "programmes"])),
        ("Candidate", S.object([
            ("clientReference", S.string),
            ("clientID", S.described(S.uuid, "Only when you may open the client's record.")),
            ("name", S.described(S.string, "Only when you may open the client's record.")),
            ("score", S.number(0...1)), ("scorePercent", S.integer(0...100)), ("components", S.array(S.ref("ScoreComponent"))),
            ("skillsMet", S.array(S.ref("SkillLine"))), ("skillsMissing", S.array(S.ref("SkillLine"))),
            ("distanceBand", S.enumeration(TravelBand.self)), ("travelKm", S.number),
            ("hoursAvailability", S.object([("minHoursPerWeek", S.integer), ("maxHoursPerWeek", S.integer)],
                                           required: ["minHoursPerWeek", "maxHoursPerWeek"])),
            ("warnings", S.array(S.ref("ConstraintNote"))),
        ], required: ["clientReference", "score", "scorePercent", "components", "skillsMet", "skillsMissing", "distanceBand",
                      "travelKm", "hoursAvailability", "warnings"])),
        ("Candidates", S.described(S.object([
            ("vacancyID", S.uuid), ("title", S.string), ("employerName", S.string), ("live", S.boolean),
            ("pseudonymised", ["type": "boolean", "enum": [.bool(false)]]), ("congestion", S.ref("VacancyCongestion")),
            ("candidates", S.array(S.ref("Candidate"))),
        ], required: ["vacancyID", "title", "employerName", "live", "pseudonymised", "congestion", "candidates"]),
            "For advisers (the clients they may open) and administrators.")),
        ("PseudonymousCandidate", S.object([
            ("pseudonym", S.described(S.string, "The same on every page about this vacancy while its terms stay the same; different for each vacancy, and renewed when its terms change.")),
            ("name", S.described(S.string, "Only once the client has accepted a referral to this vacancy, and while they consent to share with you.")),
            ("scoreStep", S.described(S.integer(0...100), "The score in percent, rounded down to a multiple of 5.")),
            ("requirements", S.array(S.object([
                ("skillID", S.string), ("skillName", S.string), ("importance", S.enumeration(Importance.self)), ("met", S.boolean),
            ], required: ["skillID", "skillName", "importance", "met"]))),
            ("distanceBand", S.enumeration(TravelBand.self)), ("hoursBand", S.enumeration(HoursBand.self)),
        ], required: ["pseudonym", "scoreStep", "requirements", "distanceBand", "hoursBand"])),
        ("PseudonymisedCandidates", S.described(S.object([
            ("vacancyID", S.uuid), ("title", S.string), ("employerName", S.string), ("live", S.boolean),
            ("pseudonymised", ["type": "boolean", "enum": [.bool(true)]]),
            ("published", S.described(S.boolean, "Draft vacancies have no candidates until published.")),
            ("total", S.described(S.integer, "Candidates found.")),
            ("countOnly", S.described(S.boolean, "True when fewer than 5 fit: only their number is given, so that nobody can be singled out.")),
            ("congestion", S.ref("VacancyCongestion")), ("candidates", S.array(S.ref("PseudonymousCandidate"))),
        ], required: ["vacancyID", "title", "employerName", "live", "pseudonymised", "published", "total", "countOnly", "congestion", "candidates"]),
            "For employers, about their own vacancies.")),
        ("VacancyCongestion", S.object([
            ("recommended", S.described(S.integer, "Clients whose top 10 recommendations include the vacancy.")),
            ("recommendedWhenSpread", S.described(S.integer, "Clients whose spread recommendations include it.")),
            ("referred", S.described(S.integer, "Open referrals to it (applied, interviewed or offered).")),
        ], required: ["recommended", "recommendedWhenSpread", "referred"])),
        ("ConcentrationSide", S.object([
            ("recommendations", S.described(S.integer, "Recommendations in all lists; omitted when from 1 to 4 (small-number rule).")),
            ("topPercentVacancies", S.integer),
            ("topPercentShare", S.described(S.number(0...1), "Share of all recommendations going to the top 1% of vacancies.")),
            ("maximumPerVacancy", S.described(S.integer, "The most clients one vacancy is recommended to; omitted when from 1 to 4.")),
            ("gini", S.number(0...1)),
            ("vacanciesOverCap", S.described(S.integer, "Vacancies recommended to more than spreadMultiple × openings clients.")),
        ], required: ["topPercentVacancies", "topPercentShare", "gini", "vacanciesOverCap"])),
        ("Concentration", S.object([
            ("clients", S.described(S.integer, "Assessed clients with recommendations computed; omitted when from 1 to 4.")),
            ("vacancies", S.described(S.integer, "Live vacancies that could be recommended.")),
            ("perClient", S.integer), ("spreadMultiple", S.integer),
            ("before", S.ref("ConcentrationSide")), ("after", S.ref("ConcentrationSide")),
            ("clientsWithShorterLists", S.described(S.integer, "Clients whose spread list is shorter than their top 10; omitted when from 1 to 4 (small-number rule).")),
            ("clientsWithShorterListsShown", S.described(S.string, "The same count as shown on the page: the number, or <5.")),
        ], required: ["vacancies", "perClient", "spreadMultiple", "before", "after", "clientsWithShorterListsShown"])),
    ]
}
