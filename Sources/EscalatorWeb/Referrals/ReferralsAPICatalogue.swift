import EscalatorCore

/// The referral and job start endpoints and schemas for the OpenAPI document.
extension APICatalogue {
    static let referralReaders: [Role] = [.adviser, .provider, .employer, .administrator]
    static let jobStartReaders: [Role] = [.adviser, .employer, .administrator]

    static let referrals: [APIOperation] = [
        APIOperation(method: "GET", path: "/api/v1/referrals", summary: "Referrals you may see, latest change first", tag: "Referrals",
                     roles: referralReaders,
                     query: [
                        APIOperation.QueryParameter(name: "status", schema: S.enumeration(ReferralStatus.self), description: "Status."),
                        APIOperation.QueryParameter(name: "kind", schema: S.enumeration(ReferralKind.self), description: "Programme or vacancy."),
                     ] + APIOperation.pagination,
                     response: S.paged("Referral"), errors: [403, 422]),
        APIOperation(method: "POST", path: "/api/v1/referrals", summary: "Refer a client to a programme cohort or a vacancy", tag: "Referrals",
                     roles: advisers, body: S.ref("ReferralInput"), status: 201, response: S.ref("Referral"), errors: [403, 404, 409, 422]),
        APIOperation(method: "GET", path: "/api/v1/referrals/:referralID", summary: "A referral with its status history", tag: "Referrals",
                     roles: referralReaders, response: S.ref("Referral"), errors: [403, 404]),
        APIOperation(method: "POST", path: "/api/v1/referrals/:referralID/status", summary: "Move a referral on", tag: "Referrals",
                     roles: referralReaders, body: S.ref("ReferralStatusInput"), response: S.ref("Referral"), errors: [403, 404, 422]),
        APIOperation(method: "POST", path: "/api/v1/job-starts", summary: "Record a client starting a job", tag: "Referrals",
                     roles: advisers, body: S.ref("JobStartInput"), status: 201, response: S.ref("JobStartDetail"), errors: [403, 404, 409, 422]),
        APIOperation(method: "GET", path: "/api/v1/job-starts/:jobStartID", summary: "A job start with its checks, contacts and progression",
                     tag: "Referrals", roles: jobStartReaders, response: S.ref("JobStartDetail"), errors: [403, 404]),
        APIOperation(method: "POST", path: "/api/v1/job-starts/:jobStartID/checks", summary: "Record a sustainment check once it is due",
                     tag: "Referrals", roles: advisers, body: S.ref("SustainmentCheckInput"), status: 201, response: S.ref("JobStartDetail"),
                     errors: [403, 404, 409, 422]),
        APIOperation(method: "POST", path: "/api/v1/job-starts/:jobStartID/contacts", summary: "Record an in-work support contact",
                     tag: "Referrals", roles: jobStartReaders, body: S.ref("InWorkContactInput"), status: 201, response: S.ref("JobStartDetail"),
                     errors: [403, 404, 422]),
        APIOperation(method: "POST", path: "/api/v1/job-starts/:jobStartID/progressions", summary: "Record progression in work",
                     tag: "Referrals", roles: advisers, body: S.ref("ProgressionInput"), status: 201, response: S.ref("JobStartDetail"),
                     errors: [403, 404, 422]),
    ]
}

extension APISchemas {
    static let referrals: [(String, JSONValue)] = [
        ("StatusChange", S.object([
            ("status", S.enumeration(ReferralStatus.self)), ("at", S.dateTime), ("byUserID", S.nullable(S.uuid)), ("note", S.string),
        ], required: ["status", "at", "note"])),
        ("Referral", S.object([
            ("id", S.uuid), ("clientID", S.uuid), ("clientReference", S.string), ("kind", S.enumeration(ReferralKind.self)),
            ("programmeID", S.uuid), ("cohortID", S.uuid), ("vacancyID", S.uuid), ("targetTitle", S.string), ("targetOwner", S.string),
            ("status", S.enumeration(ReferralStatus.self)), ("allowedNext", S.array(S.enumeration(ReferralStatus.self))),
            ("createdAt", S.dateTime), ("updatedAt", S.dateTime), ("history", S.array(S.ref("StatusChange"))), ("jobStartID", S.uuid),
        ], required: ["id", "clientID", "clientReference", "kind", "targetTitle", "targetOwner", "status", "allowedNext"])),
        ("ReferralInput", S.object([
            ("clientID", S.uuid), ("programmeID", S.uuid), ("cohortID", S.uuid), ("vacancyID", S.uuid), ("note", S.string),
        ], required: ["clientID"])),
        ("ReferralStatusInput", S.object([("status", S.enumeration(ReferralStatus.self)), ("note", S.string)], required: ["status"])),
        ("JobStart", S.object([
            ("id", S.uuid), ("clientID", S.uuid), ("vacancyID", S.nullable(S.uuid)), ("employerName", S.string), ("jobTitle", S.string),
            ("startedOn", S.dateTime), ("hoursPerWeek", S.integer), ("hourlyPayPence", S.integer),
        ], required: ["id", "clientID", "employerName", "jobTitle", "startedOn", "hoursPerWeek", "hourlyPayPence"])),
        ("JobStartInput", S.object([
            ("clientID", S.uuid), ("vacancyID", S.uuid), ("employerName", S.string), ("jobTitle", S.string), ("startedOn", S.date),
            ("hoursPerWeek", S.integer(1...70)), ("hourlyPayPence", S.integer(1...100_000)),
        ], required: ["clientID", "startedOn"])),
        ("SustainmentCheck", S.object([
            ("jobStartID", S.uuid), ("milestone", S.intEnumeration(SustainmentMilestone.self)), ("checkedOn", S.dateTime),
            ("stillInWork", S.boolean), ("note", S.string),
        ], required: ["jobStartID", "milestone", "checkedOn", "stillInWork", "note"])),
        ("SustainmentCheckInput", S.object([
            ("milestone", S.intEnumeration(SustainmentMilestone.self)), ("checkedOn", S.date), ("stillInWork", S.boolean), ("note", S.string),
        ], required: ["milestone", "checkedOn", "stillInWork"])),
        ("InWorkContact", S.object([
            ("jobStartID", S.uuid), ("date", S.dateTime), ("withEmployer", S.boolean), ("summary", S.string),
        ], required: ["jobStartID", "date", "withEmployer", "summary"])),
        ("InWorkContactInput", S.object([("contactedOn", S.date), ("withEmployer", S.boolean), ("summary", S.string)],
                                        required: ["contactedOn", "summary"])),
        ("Progression", S.object([
            ("jobStartID", S.uuid), ("kind", S.enumeration(ProgressionKind.self)), ("date", S.dateTime), ("detail", S.string),
        ], required: ["jobStartID", "kind", "date", "detail"])),
        ("ProgressionInput", S.object([("kind", S.enumeration(ProgressionKind.self)), ("progressedOn", S.date), ("detail", S.string)],
                                      required: ["kind", "progressedOn", "detail"])),
        ("JobStartDetail", S.object([
            ("jobStart", S.ref("JobStart")), ("clientReference", S.string), ("referralID", S.uuid),
            ("milestones", S.array(S.object([
                ("milestone", S.intEnumeration(SustainmentMilestone.self)), ("dueOn", S.dateTime), ("due", S.boolean),
                ("check", S.ref("SustainmentCheck")),
            ], required: ["milestone", "dueOn", "due"]))),
            ("contacts", S.array(S.ref("InWorkContact"))), ("progressions", S.array(S.ref("Progression"))),
        ], required: ["jobStart", "clientReference", "milestones", "contacts", "progressions"])),
    ]
}
