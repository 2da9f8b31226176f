import EscalatorCore

extension APISchemas {
    static let engagement: [(String, JSONValue)] = [
        ("ClientInput", S.object([
            ("givenName", S.text(max: 100)), ("familyName", S.text(max: 100)),
            ("dateOfBirth", S.described(S.nullable(S.date), "Makes the client 16 to 100 years old.")),
            ("email", S.nullable(S.string(maxLength: 254))), ("phone", S.nullable(S.string(maxLength: 30))), ("postcode", S.string),
            ("wardID", S.string), ("employmentStatus", S.enumeration(EmploymentStatus.self)),
            ("referralSource", S.enumeration(ReferralSource.self)),
            ("consentOrganisationIDs", S.described(S.array(S.uuid), "Partner organisations the client agrees to share their record with.")),
        ], required: ["givenName", "familyName", "postcode", "wardID", "employmentStatus", "referralSource"])),
        ("Client", S.object([
            ("id", S.uuid), ("reference", S.string), ("givenName", S.string), ("familyName", S.string),
            ("dateOfBirth", S.nullable(S.dateTime)), ("email", S.nullable(S.string)), ("phone", S.nullable(S.string)),
            ("postcode", S.string), ("wardID", S.string), ("employmentStatus", S.enumeration(EmploymentStatus.self)),
            ("referralSource", S.enumeration(ReferralSource.self)), ("organisationID", S.uuid), ("caseOwnerID", S.nullable(S.uuid)),
            ("registeredAt", S.dateTime),
        ], required: ["id", "reference", "givenName", "familyName", "postcode", "wardID", "employmentStatus", "referralSource", "organisationID", "registeredAt"])),
        ("ClientSummary", S.object([
            ("id", S.uuid), ("reference", S.string), ("givenName", S.string), ("familyName", S.string), ("wardID", S.string),
            ("wardName", S.string), ("employmentStatus", S.enumeration(EmploymentStatus.self)),
            ("distanceFromWork", S.nullable(S.integer)), ("registeredAt", S.dateTime),
        ], required: ["id", "reference", "givenName", "familyName", "wardID", "wardName", "employmentStatus", "registeredAt"])),
        ("Consent", S.object([
            ("id", S.uuid), ("organisationID", S.uuid), ("organisationName", S.string), ("purpose", S.string),
            ("givenAt", S.dateTime), ("withdrawnAt", S.nullable(S.dateTime)), ("active", S.boolean),
        ], required: ["id", "organisationID", "organisationName", "purpose", "givenAt", "active"])),
        ("ClientDetail", S.object([
            ("client", S.ref("Client")), ("consents", S.array(S.ref("Consent"))), ("latestAssessmentID", S.nullable(S.uuid)),
            ("distanceFromWork", S.nullable(S.ref("DistanceFromWork"))), ("referralIDs", S.array(S.uuid)), ("jobStartIDs", S.array(S.uuid)),
        ], required: ["client", "consents", "referralIDs", "jobStartIDs"])),
        ("ConsentInput", S.object([("organisationID", S.described(S.uuid, "A partner organisation.")), ("purpose", S.string(maxLength: 200))],
                                  required: ["organisationID"])),
    ]
}
