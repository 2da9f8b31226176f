import EscalatorCore

/// Assessments: skills, barriers and constraints, with the distance-from-work score and action plan.
/// Advisers and administrators only (barriers are special-category data).
extension APICatalogue {
    static let assessment: [APIOperation] = [
        APIOperation(method: "POST", path: "/api/v1/clients/:clientID/assessments", summary: "Record an assessment of a client",
                     tag: "Assessment", roles: advisers, body: S.ref("AssessmentInput"), status: 201, response: S.ref("AssessmentDetail"),
                     errors: [403, 404, 422]),
        APIOperation(method: "GET", path: "/api/v1/clients/:clientID/assessments", summary: "A client's assessments, latest first",
                     tag: "Assessment", roles: advisers, query: APIOperation.pagination, response: S.paged("AssessmentSummary"),
                     errors: [403, 404, 422]),
        APIOperation(method: "GET", path: "/api/v1/assessments/:assessmentID", summary: "An assessment with its score and action plan",
                     tag: "Assessment", roles: advisers, response: S.ref("AssessmentDetail"), errors: [403, 404]),
    ]
}
