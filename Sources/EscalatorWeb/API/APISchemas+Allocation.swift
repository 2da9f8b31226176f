import EscalatorCore

extension APISchemas {
    static let allocation: [(String, JSONValue)] = [
        ("AllocationParameters", S.object([
            ("only", S.enumeration(AllocationParameters.Only.self)), ("candidates", S.integer(AllocationParameters.candidatesRange)),
            ("programmeWeight", S.number(0...1)), ("reserveShare", S.number(0...1)), ("releaseUnused", S.boolean),
        ], required: ["only", "candidates", "programmeWeight", "releaseUnused"])),
        ("AllocationSummary", S.object([
            ("assessedClients", S.integer), ("clientsWithOptions", S.integer), ("allocated", S.integer),
            ("toVacancies", S.integer), ("toCohorts", S.integer),
            ("slots", S.described(S.integer, "Vacancies with openings and cohorts not yet started with a free place.")),
            ("places", S.integer), ("totalScore", S.number),
            ("totalWeight", S.described(S.integer, "The optimum: the sum of scores in millionths, exact.")),
            ("targetWards", S.described(S.array(S.string), "With reserveShare: the wards whose residents may take reserved places.")),
            ("reservedPlaces", S.described(S.integer, "With reserveShare: places kept for target-ward residents.")),
            ("residentsAllocated", S.described(S.integer, "With reserveShare: allocated clients living in a target ward.")),
            ("releasedAllocated", S.described(S.integer, "With releaseUnused: clients allocated when unused reserved places were released.")),
        ], required: ["assessedClients", "clientsWithOptions", "allocated", "toVacancies", "toCohorts", "slots", "places", "totalScore", "totalWeight"])),
        ("AllocationAssignment", S.object([
            ("clientID", S.uuid), ("clientReference", S.string), ("kind", S.strings(["vacancy", "cohort"])),
            ("targetID", S.described(S.uuid, "The vacancy, or the cohort's programme.")),
            ("cohortID", S.described(S.uuid, "The cohort; omitted for a vacancy.")),
            ("score", S.number),
            ("stage", S.described(S.integer(1...2), "2 for a client allocated when unused reserved places were released.")),
            ("targetWardResident", S.boolean),
        ], required: ["clientID", "clientReference", "kind", "targetID", "score", "stage", "targetWardResident"])),
        ("AllocationPlan", S.object([
            ("parameters", S.ref("AllocationParameters")), ("summary", S.ref("AllocationSummary")),
            ("assignments", S.array(S.ref("AllocationAssignment"))), ("freshness", S.ref("Freshness")),
        ], required: ["parameters", "summary", "assignments", "freshness"])),
    ]
}
