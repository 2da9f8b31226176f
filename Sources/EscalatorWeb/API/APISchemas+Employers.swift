import EscalatorCore

extension APISchemas {
    static let employers: [(String, JSONValue)] = [
        ("EmployerSummary", S.object([
            ("id", S.uuid), ("organisationID", S.uuid), ("name", S.string), ("sector", S.enumeration(Sector.self)),
            ("size", S.enumeration(EmployerSize.self)), ("postcode", S.string), ("wardID", S.string), ("wardName", S.string),
            ("openVacancies", ["type": "integer", "minimum": 0]),
        ], required: ["id", "organisationID", "name", "sector", "size", "postcode", "wardID", "wardName", "openVacancies"])),
        ("Engagement", S.object([
            // Free text: entries logged here use the input's kinds, imported ones may use others.
            ("id", S.uuid), ("date", S.date), ("kind", S.string), ("summary", S.string), ("recordedBy", S.string),
        ], required: ["id", "date", "kind", "summary"])),
        ("Pledge", S.object([
            ("id", S.uuid), ("kind", S.enumeration(PledgeKind.self)), ("quantity", S.integer), ("madeOn", S.date),
        ], required: ["id", "kind", "quantity", "madeOn"])),
        ("EmployerDetail", S.object([
            ("id", S.uuid), ("organisationID", S.uuid), ("organisationName", S.string), ("name", S.string),
            ("sector", S.enumeration(Sector.self)), ("size", S.enumeration(EmployerSize.self)), ("postcode", S.string),
            ("wardID", S.string), ("wardName", S.string), ("engagements", S.array(S.ref("Engagement"))),
            ("pledges", S.array(S.ref("Pledge"))), ("vacancyIDs", S.array(S.uuid)),
        ], required: ["id", "organisationID", "organisationName", "name", "sector", "size", "postcode", "wardID", "wardName",
                      "engagements", "pledges", "vacancyIDs"])),
        ("EmployerInput", S.object([
            ("name", S.text(max: 150)), ("sector", S.enumeration(Sector.self)), ("size", S.enumeration(EmployerSize.self)),
            ("postcode", S.string), ("wardID", S.string),
            ("organisationID", S.described(S.uuid, "Administrators only: an existing employer organisation to attach the employer to.")),
        ], required: ["name", "sector", "size", "postcode", "wardID"])),
        ("EngagementInput", S.object([
            ("date", S.described(S.date, "Today or earlier.")), ("kind", S.enumeration(EngagementKind.self)),
            ("summary", S.text(max: 2000)),
        ], required: ["date", "kind", "summary"])),
        ("PledgeInput", S.object([
            ("kind", S.enumeration(PledgeKind.self)), ("quantity", S.wholeNumberOrText(S.integer(1...10_000))),
            ("madeOn", S.described(S.date, "Today or earlier.")),
        ], required: ["kind", "quantity", "madeOn"])),
    ]
}
