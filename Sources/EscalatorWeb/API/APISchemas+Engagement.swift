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
            ("equalityMonitoring", S.described(S.nullable(S.ref("EqualityMonitoringInput")),
                "Optional. Absent or null: left as it is. An object replaces what is recorded (with no answers, removes it). "
                + "Only the client's own organisation and administrators may send it (403 otherwise).")),
        ], required: ["givenName", "familyName", "postcode", "wardID", "employmentStatus", "referralSource"])),
        ("EqualityMonitoringInput", S.object([
            ("clientAgreed", S.described(S.flag, "Must be true when any answer is given.")),
            ("ethnicity", S.described(S.nullable(S.enumeration(Ethnicity.self)), "ONS 2021 Census (England and Wales) ethnic group, or prefer-not-to-say.")),
            ("disability", S.described(S.nullable(S.enumeration(MonitoringAnswer.self)), "Disabled as the Equality Act 2010 defines it.")),
            ("longTermHealthCondition", S.described(S.nullable(S.enumeration(MonitoringAnswer.self)),
                                                    "A condition or illness lasting, or expected to last, 12 months or more.")),
        ])),
        ("EqualityMonitoring", S.object([
            ("ethnicity", S.enumeration(Ethnicity.self)), ("disability", S.enumeration(MonitoringAnswer.self)),
            ("longTermHealthCondition", S.enumeration(MonitoringAnswer.self)),
            ("agreedOn", S.described(S.dateTime, "When the client agreed to give these answers.")),
        ], required: ["agreedOn"])),
        ("Client", S.object([
            ("id", S.uuid), ("reference", S.string), ("givenName", S.string), ("familyName", S.string),
            ("dateOfBirth", S.nullable(S.dateTime)), ("email", S.nullable(S.string)), ("phone", S.nullable(S.string)),
            ("postcode", S.string), ("wardID", S.string), ("employmentStatus", S.enumeration(EmploymentStatus.self)),
            ("referralSource", S.enumeration(ReferralSource.self)), ("organisationID", S.uuid), ("caseOwnerID", S.nullable(S.uuid)),
            ("registeredAt", S.dateTime),
            ("equalityMonitoring", S.described(S.ref("EqualityMonitoring"),
                "Special-category data. Present only for advisers of the client's own organisation and administrators, and only when recorded; "
                + "for everyone else it is omitted and `withheld` lists it.")),
        ], required: ["id", "reference", "givenName", "familyName", "postcode", "wardID", "employmentStatus", "referralSource", "organisationID", "registeredAt"])),
        ("ClientSummary", S.object([
            ("id", S.uuid), ("reference", S.string), ("givenName", S.string), ("familyName", S.string), ("wardID", S.string),
            ("wardName", S.string), ("employmentStatus", S.enumeration(EmploymentStatus.self)),
            ("distanceFromWork", S.nullable(S.integer)), ("registeredAt", S.dateTime),
        ], required: ["id", "reference", "givenName", "familyName", "wardID", "wardName", "employmentStatus", "registeredAt"])),
        ("Consent", S.object([
            ("id", S.uuid), ("organisationID", S.uuid), ("organisationName", S.string),
            ("purpose", S.described(S.string, "A purpose code (see ConsentInput); consents recorded before the list existed keep their free text.")),
            ("purposeLabel", S.string),
            ("givenAt", S.dateTime), ("withdrawnAt", S.nullable(S.dateTime)), ("active", S.boolean),
        ], required: ["id", "organisationID", "organisationName", "purpose", "purposeLabel", "givenAt", "active"])),
        ("ClientDetail", S.object([
            ("client", S.ref("Client")), ("consents", S.array(S.ref("Consent"))), ("latestAssessmentID", S.nullable(S.uuid)),
            ("distanceFromWork", S.described(S.nullable(S.ref("DistanceFromWork")),
                "For providers, factors of barriers their programmes do not support are folded into one \"Other barriers\" factor.")),
            ("referralIDs", S.array(S.uuid)), ("jobStartIDs", S.array(S.uuid)),
            ("withheld", S.ref("Withheld")),
        ], required: ["client", "consents", "referralIDs", "jobStartIDs"])),
        ("Withheld", S.described(S.array(S.strings(["barriers", "notes", "equalityMonitoring"])),
            "Special-category data left out for this viewer (absent when nothing is): `equalityMonitoring` and assessment `notes` are "
            + "shown only to advisers of the client's own organisation and administrators; `barriers` means only some barrier kinds are shown "
            + "(a provider sees those its programmes support for its open referrals).")),
        ("ConsentInput", S.object([
            ("organisationID", S.described(S.uuid, "A partner organisation.")),
            ("purpose", S.described(S.enumeration(ConsentPurpose.self), "Why the client agrees to share; employment-support when absent.")),
        ], required: ["organisationID"])),
    ]
}
