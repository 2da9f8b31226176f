import EscalatorCore

/// `/api/v1/clients/{id}/subject-access` and `/erasure`: data-protection rights.
extension APICatalogue {
    static let privacy: [APIOperation] = [
        APIOperation(method: "GET", path: "/api/v1/clients/:clientID/subject-access",
                     summary: "Everything held about a client, as a download (subject access request). Administrators and advisers of the registering organisation only; recorded in the audit trail as an export",
                     tag: "Data protection", roles: advisers, response: S.ref("SubjectAccessExport"), errors: [403, 404]),
        APIOperation(method: "POST", path: "/api/v1/clients/:clientID/erasure",
                     summary: "Erase a client's personal data by anonymisation: identifiers, contact details, notes, barriers and equality monitoring go; the facts statistics are counted from stay. Administrators only; cannot be undone",
                     tag: "Data protection", roles: [.administrator], body: S.ref("ErasureInput"), response: S.ref("Erasure"),
                     errors: [403, 404, 409, 422]),
        APIOperation(method: "PUT", path: "/api/v1/assessments/:assessmentID",
                     summary: "Correct an assessment recorded wrongly (rectification), in place and rescored; the same body as recording one. The client's own organisation's advisers and administrators only",
                     tag: "Data protection", roles: advisers, body: S.ref("AssessmentInput"), response: S.ref("AssessmentDetail"),
                     errors: [403, 404, 422]),
    ]
}
