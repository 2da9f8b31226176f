import EscalatorCore

/// `/api/v1/referrals` and `/api/v1/job-starts`: referrals, job starts and what follows them.
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
        APIOperation(method: "POST", path: "/api/v1/referrals/:referralID/status", summary: "Move a referral on (a proposed one only by the client's adviser: applied when the client accepts, withdrawn when they decline)", tag: "Referrals",
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
