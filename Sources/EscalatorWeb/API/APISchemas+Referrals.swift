import EscalatorCore

extension APISchemas {
    static let referrals: [(String, JSONValue)] = [
        ("StatusChange", S.object([
            ("status", S.enumeration(ReferralStatus.self)), ("at", S.dateTime), ("byUserID", S.uuid),
            ("note", S.described(S.string, "Empty for employers when another organisation wrote it.")),
        ], required: ["status", "at", "note"])),
        ("Referral", S.object([
            ("id", S.uuid), ("clientID", S.uuid), ("clientReference", S.string), ("kind", S.enumeration(ReferralKind.self)),
            ("programmeID", S.described(S.uuid, "Programme referrals.")), ("cohortID", S.described(S.uuid, "Programme referrals.")),
            ("vacancyID", S.described(S.uuid, "Vacancy referrals.")),
            ("targetTitle", S.string), ("targetOwner", S.string),
            ("status", S.enumeration(ReferralStatus.self)), ("allowedNext", S.array(S.enumeration(ReferralStatus.self))),
            ("createdAt", S.dateTime), ("updatedAt", S.dateTime),
            ("history", S.described(S.array(S.ref("StatusChange")), "On a single referral only.")),
            ("jobStartID", S.described(S.uuid, "On a single referral, once the client has started the job.")),
        ], required: ["id", "clientID", "clientReference", "kind", "targetTitle", "targetOwner", "status", "allowedNext"])),
        ("ReferralInput", S.object([
            ("clientID", S.uuid),
            ("programmeID", S.described(S.uuid, "With or instead of cohortID; the earliest cohort with a free place when no cohort is named.")),
            ("cohortID", S.uuid), ("vacancyID", S.described(S.uuid, "A live vacancy; not with programmeID or cohortID.")),
            ("note", S.string(maxLength: 1000)),
        ], required: ["clientID"])),
        ("ReferralStatusInput", S.object([
            ("status", S.described(S.enumeration(ReferralStatus.self), "One of the referral's allowedNext.")), ("note", S.string(maxLength: 1000)),
        ], required: ["status"])),
        ("JobStart", S.object([
            ("id", S.uuid), ("clientID", S.uuid), ("vacancyID", S.uuid), ("employerName", S.string), ("jobTitle", S.string),
            ("startedOn", S.dateTime), ("hoursPerWeek", S.integer), ("hourlyPayPence", S.integer),
        ], required: ["id", "clientID", "employerName", "jobTitle", "startedOn", "hoursPerWeek", "hourlyPayPence"])),
        ("JobStartInput", S.object([
            ("clientID", S.uuid), ("vacancyID", S.described(S.uuid, "A known vacancy; blank job details are taken from it.")),
            ("employerName", S.described(S.text(max: 200), "Required without vacancyID.")),
            ("jobTitle", S.described(S.text(max: 200), "Required without vacancyID.")),
            ("startedOn", S.described(S.date, "Today or earlier.")),
            ("hoursPerWeek", S.described(S.wholeNumberOrText(S.integer(1...70)), "Required without vacancyID.")),
            ("hourlyPayPence", S.described(S.wholeNumberOrText(S.integer(1...100_000)), "Required without vacancyID or hourlyPay.")),
            ("hourlyPay", S.described(S.anyOf(S.number, S.string), "Form style: pounds an hour (12.50), used when hourlyPayPence is absent.")),
        ], required: ["clientID", "startedOn"])),
        ("SustainmentCheck", S.object([
            ("jobStartID", S.uuid), ("milestone", S.intEnumeration(SustainmentMilestone.self)), ("checkedOn", S.dateTime),
            ("stillInWork", S.boolean), ("note", S.string),
        ], required: ["jobStartID", "milestone", "checkedOn", "stillInWork", "note"])),
        ("SustainmentCheckInput", S.object([
            ("milestone", S.described(S.anyOf(S.intEnumeration(SustainmentMilestone.self), S.string),
                                      "Weeks: 13, 26 or 52 (text such as \"13 weeks\" is read for its digits); once due, once only.")),
            ("checkedOn", S.described(S.date, "From the date the check fell due up to today.")), ("stillInWork", S.flag),
            ("note", S.string(maxLength: 1000)),
        ], required: ["milestone", "checkedOn", "stillInWork"])),
        ("InWorkContact", S.object([
            ("jobStartID", S.uuid), ("date", S.dateTime), ("withEmployer", S.boolean), ("summary", S.string),
        ], required: ["jobStartID", "date", "withEmployer", "summary"])),
        ("InWorkContactInput", S.object([
            ("contactedOn", S.described(S.date, "From the start date up to today; required unless date is given.")),
            ("date", S.described(S.date, "Another name for contactedOn.")),
            ("withEmployer", lenientFlag), ("summary", S.text(max: 2000)),
        ], required: ["summary"])),
        ("Progression", S.object([
            ("jobStartID", S.uuid), ("kind", S.enumeration(ProgressionKind.self)), ("date", S.dateTime), ("detail", S.string),
        ], required: ["jobStartID", "kind", "date", "detail"])),
        ("ProgressionInput", S.object([
            ("kind", S.enumeration(ProgressionKind.self)),
            ("progressedOn", S.described(S.date, "From the start date up to today; required unless date is given.")),
            ("date", S.described(S.date, "Another name for progressedOn.")), ("detail", S.text(max: 1000)),
        ], required: ["kind", "detail"])),
        ("JobStartDetail", S.object([
            ("jobStart", S.ref("JobStart")), ("clientReference", S.string),
            ("referralID", S.described(S.uuid, "The vacancy referral the start came from, if any.")),
            ("milestones", S.array(S.object([
                ("milestone", S.intEnumeration(SustainmentMilestone.self)), ("dueOn", S.dateTime), ("due", S.boolean),
                ("check", S.ref("SustainmentCheck")),
            ], required: ["milestone", "dueOn", "due"]))),
            ("contacts", S.array(S.ref("InWorkContact"))), ("progressions", S.array(S.ref("Progression"))),
        ], required: ["jobStart", "clientReference", "milestones", "contacts", "progressions"])),
    ]
}
