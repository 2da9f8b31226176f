import EscalatorCore

extension APISchemas {
    static let privacy: [(String, JSONValue)] = [
        ("ErasureInput", S.object([
            ("reason", S.described(S.strings(ErasureReason.onRequest.map(\.rawValue)), "Why the client's personal data is being erased.")),
        ], required: ["reason"])),
        ("Erasure", S.object([
            ("clientID", S.uuid), ("erasedAt", S.dateTime), ("reason", S.enumeration(ErasureReason.self)),
        ], required: ["clientID", "erasedAt", "reason"])),
        ("SubjectAccessExport", S.object([
            ("generatedAt", S.dateTime),
            ("requestedThrough", S.object([("name", S.string), ("organisationName", S.string)], required: ["name", "organisationName"])),
            ("retention", S.object([
                ("months", S.integer), ("lastActivity", S.dateTime),
                ("erasedAfter", S.described(S.dateTime, "When the retention run will erase the record if nothing else happens.")),
            ], required: ["months", "lastActivity", "erasedAfter"])),
            ("client", S.ref("SubjectAccessClient")),
            ("consents", S.array(S.object([
                ("organisationID", S.uuid), ("organisationName", S.string), ("purpose", S.string), ("givenAt", S.dateTime),
                ("withdrawnAt", S.nullable(S.dateTime)),
            ], required: ["organisationID", "organisationName", "purpose", "givenAt"]))),
            ("assessments", S.array(S.ref("SubjectAccessAssessment"))),
            ("referrals", S.array(S.object([
                ("id", S.uuid), ("kind", S.enumeration(ReferralKind.self)), ("targetTitle", S.string), ("targetOwner", S.string),
                ("status", S.enumeration(ReferralStatus.self)),
                ("history", S.array(S.object([("status", S.enumeration(ReferralStatus.self)), ("at", S.dateTime), ("note", S.string)],
                                             required: ["status", "at", "note"]))),
            ], required: ["id", "kind", "targetTitle", "targetOwner", "status", "history"]))),
            ("jobStarts", S.array(S.ref("SubjectAccessJobStart"))),
            ("auditTrail", S.described(S.array(S.object([
                ("at", S.dateTime), ("organisationName", S.string), ("role", S.nullable(S.string)), ("action", S.enumeration(AuditAction.self)),
                ("actionLabel", S.string), ("object", S.string), ("purpose", S.string), ("channel", S.enumeration(AuditChannel.self)),
            ], required: ["at", "organisationName", "action", "actionLabel", "object", "purpose", "channel"])),
            "Who read or changed the record, by organisation and role, oldest first.")),
        ], required: ["generatedAt", "requestedThrough", "retention", "client", "consents", "assessments", "referrals", "jobStarts", "auditTrail"])),
        ("SubjectAccessClient", S.object([
            ("id", S.uuid), ("reference", S.string), ("givenName", S.string), ("familyName", S.string),
            ("dateOfBirth", S.nullable(S.date)), ("email", S.nullable(S.string)), ("phone", S.nullable(S.string)), ("postcode", S.string),
            ("wardID", S.string), ("wardName", S.string), ("employmentStatus", S.enumeration(EmploymentStatus.self)),
            ("employmentStatusLabel", S.string), ("referralSource", S.enumeration(ReferralSource.self)), ("referralSourceLabel", S.string),
            ("organisationID", S.uuid), ("organisationName", S.string), ("caseOwnerName", S.nullable(S.string)), ("registeredAt", S.dateTime),
            ("equalityMonitoring", S.nullable(S.object([
                ("ethnicity", S.nullable(S.enumeration(Ethnicity.self))), ("disability", S.nullable(S.enumeration(MonitoringAnswer.self))),
                ("longTermHealthCondition", S.nullable(S.enumeration(MonitoringAnswer.self))), ("agreedOn", S.date),
                ("answers", S.array(S.object([("question", S.string), ("answer", S.string)], required: ["question", "answer"]))),
            ], required: ["agreedOn", "answers"]))),
        ], required: [
            "id", "reference", "givenName", "familyName", "postcode", "wardID", "wardName", "employmentStatus", "employmentStatusLabel",
            "referralSource", "referralSourceLabel", "organisationID", "organisationName", "registeredAt",
        ])),
        ("SubjectAccessAssessment", S.object([
            ("id", S.uuid), ("assessedOn", S.date),
            ("skills", S.array(S.object([
                ("skillID", S.string), ("skillName", S.string), ("level", S.intEnumeration(Proficiency.self)), ("levelLabel", S.string),
                ("evidence", S.enumeration(Evidence.self)),
            ], required: ["skillID", "skillName", "level", "levelLabel", "evidence"]))),
            ("highestQualification", S.intEnumeration(RQFLevel.self)), ("highestQualificationLabel", S.string),
            ("gcseEnglish", S.boolean), ("gcseMaths", S.boolean),
            ("barriers", S.array(S.object([
                ("kind", S.enumeration(BarrierKind.self)), ("label", S.string), ("severity", S.intEnumeration(Severity.self)),
                ("severityLabel", S.string), ("specialCategory", S.boolean),
            ], required: ["kind", "label", "severity", "severityLabel", "specialCategory"]))),
            ("aspirations", S.array(S.object([("occupationID", S.string), ("occupationName", S.string)], required: ["occupationID", "occupationName"]))),
            ("constraints", S.ref("WorkConstraints")), ("notes", S.string), ("distanceFromWork", S.integer(0...100)),
        ], required: [
            "id", "assessedOn", "skills", "highestQualification", "highestQualificationLabel", "gcseEnglish", "gcseMaths", "barriers",
            "aspirations", "constraints", "notes", "distanceFromWork",
        ])),
        ("SubjectAccessJobStart", S.object([
            ("id", S.uuid), ("vacancyID", S.nullable(S.uuid)), ("employerName", S.string), ("jobTitle", S.string), ("startedOn", S.date),
            ("hoursPerWeek", S.integer), ("hourlyPayPence", S.integer),
            ("sustainmentChecks", S.array(S.object([
                ("weeks", S.intEnumeration(SustainmentMilestone.self)), ("checkedOn", S.date), ("stillInWork", S.boolean), ("note", S.string),
            ], required: ["weeks", "checkedOn", "stillInWork", "note"]))),
            ("contacts", S.array(S.object([("date", S.date), ("withEmployer", S.boolean), ("summary", S.string)],
                                          required: ["date", "withEmployer", "summary"]))),
            ("progressions", S.array(S.object([
                ("kind", S.enumeration(ProgressionKind.self)), ("kindLabel", S.string), ("date", S.date), ("detail", S.string),
            ], required: ["kind", "kindLabel", "date", "detail"]))),
        ], required: ["id", "employerName", "jobTitle", "startedOn", "hoursPerWeek", "hourlyPayPence", "sustainmentChecks", "contacts", "progressions"])),
    ]
}
