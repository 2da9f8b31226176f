import EscalatorCore

/// Named schemas under `components.schemas`, gathered from each stage's file.
enum APISchemas {
    static var all: [(String, JSONValue)] {
        common + engagement
    }

    static let common: [(String, JSONValue)] = [
        ("FieldError", S.object([("field", S.string), ("message", S.string)], required: ["field", "message"])),
        ("Error", S.object([
            ("error", S.object([("code", S.string), ("message", S.string), ("fields", S.array(S.ref("FieldError")))],
                               required: ["code", "message", "fields"])),
        ], required: ["error"])),
        ("Health", S.object([("status", S.string), ("database", S.string)], required: ["status", "database"])),
        ("TokenRequest", S.object([("email", S.string), ("password", S.string), ("name", S.string)], required: ["email", "password"])),
        ("TokenResponse", S.object([
            ("token", S.string), ("tokenType", S.string), ("expiresAt", S.dateTime),
            ("user", S.object([("id", S.uuid), ("email", S.string), ("displayName", S.string), ("role", S.enumeration(Role.self)),
                               ("organisationID", S.uuid), ("organisationName", S.string)])),
        ], required: ["token", "tokenType", "expiresAt", "user"])),
        ("DistanceFromWork", S.object([
            ("total", S.integer(0...100)),
            ("factors", S.array(S.object([("name", S.string), ("points", S.integer), ("explanation", S.string)]))),
        ], required: ["total", "factors"])),
    ]

    static let engagement: [(String, JSONValue)] = [
        ("ClientInput", S.object([
            ("givenName", S.string), ("familyName", S.string), ("dateOfBirth", S.nullable(S.date)), ("email", S.nullable(S.string)),
            ("phone", S.nullable(S.string)), ("postcode", S.string), ("wardID", S.string),
            ("employmentStatus", S.enumeration(EmploymentStatus.self)), ("referralSource", S.enumeration(ReferralSource.self)),
            ("consentOrganisationIDs", S.array(S.uuid)),
        ])),
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
        ("ConsentInput", S.object([("organisationID", S.uuid), ("purpose", S.string)], required: ["organisationID"])),
    ]
}
