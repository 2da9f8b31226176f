import EscalatorCore

extension APISchemas {
    static let referrals: [(String, JSONValue)] = [
        ("StatusChange", S.object([
            ("status", S.enumeration(ReferralStatus.self)), ("at", S.dateTime), ("byUserID", S.uuid),
            ("note", S.described(S.string, "Empty for employers when another organisation wrote it.")),
        ], required: ["status", "at", "note"])),
        ("ReferredPerson", S.object([
            ("visibility", S.described(S.enumeration(ReferredPerson.Visibility.self),
                                       "shown: name and contact details follow. Otherwise only the reference: an employer before the client accepts (not-accepted), or a provider or employer the client does not (consent-withdrawn) or never did (no-consent) consent to share with.")),
            ("reference", S.described(S.string, "The client's reference; for employers a pseudonym, the same on every page about this vacancy and different for each vacancy.")),
            ("name", S.string), ("email", S.string), ("phone", S.string),
        ], required: ["visibility", "reference"])),
        ("Referral", S.object([
            ("id", S.uuid),
            ("clientID", S.described(S.uuid, "Absent for employers, and for providers the client does not consent to share with.")),
            ("clientReference", S.described(S.string, "As client.reference.")), ("client", S.ref("ReferredPerson")),
            ("kind", S.enumeration(ReferralKind.self)),
            ("programmeID", S.described(S.uuid, "Programme referrals.")), ("cohortID", S.described(S.uuid, "Programme referrals.")),
            ("vacancyID", S.described(S.uuid, "Vacancy referrals.")),
            ("targetTitle", S.string), ("targetOwner", S.string),
            ("status", S.enumeration(ReferralStatus.self)), ("allowedNext", S.array(S.enumeration(ReferralStatus.self))),
            ("createdAt", S.dateTime), ("updatedAt", S.dateTime),
            ("history", S.described(S.array(S.ref("StatusChange")), "On a single referral only.")),
            ("jobStartID", S.described(S.uuid, "On a single referral, once the client has started the job.")),
            ("supportNeeds", S.described(S.array(S.object([("kind", S.enumeration(BarrierKind.self)), ("severity", S.intEnumeration(Severity.self))],
                                                          required: ["kind", "severity"])),
                "Special-category data, on a single programme referral only: the client's barriers that the programme supports. "
                + "Present only for viewers allowed to see those kinds: the client's own and consented advisers, administrators, and "
                + "the provider while the referral is open; never for employers.")),
        ], required: ["id", "clientReference", "client", "kind", "targetTitle", "targetOwner", "status", "allowedNext"])),
        ("ReferralInput", S.object([
            ("clientID", S.uuid),
            ("programmeID", S.described(S.uuid, "With or instead of cohortID; the earliest cohort with a free place when no cohort is named.")),
            ("cohortID", S.uuid), ("vacancyID", S.described(S.uuid, "A live vacancy; not with programmeID or cohortID.")),
            ("note", S.string(maxLength: 1000)),
            ("consentConfirmed", S.described(S.flag, "For a programme: the client agrees to share their details with its provider for a training referral (recorded as a consent). Needed unless a consent to that provider stands.")),
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
