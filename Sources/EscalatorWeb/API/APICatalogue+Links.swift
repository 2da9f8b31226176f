/// OpenAPI links: where an answer's ids lead, so clients and test tools can follow them (list to detail,
/// create to detail). Each is `from` one operation's success to another, with its path parameters taken from the body.
extension APICatalogue {
    struct Link: Sendable {
        /// `METHOD /vapor/style/:path` of the operation whose success response carries the link.
        var from: String
        var name: String
        var to: String
        /// Path parameter of `to` and the runtime expression that fills it.
        var parameters: [(String, String)]
    }

    static let links: [Link] = [
        Link(from: "GET /api/v1/clients", name: "FirstClient", to: "GET /api/v1/clients/:clientID",
             parameters: [("clientID", "$response.body#/items/0/id")]),
        Link(from: "POST /api/v1/clients", name: "Client", to: "GET /api/v1/clients/:clientID",
             parameters: [("clientID", "$response.body#/client/id")]),
        Link(from: "GET /api/v1/clients/:clientID", name: "Assessments", to: "GET /api/v1/clients/:clientID/assessments",
             parameters: [("clientID", "$response.body#/client/id")]),
        Link(from: "GET /api/v1/clients/:clientID", name: "Matches", to: "GET /api/v1/clients/:clientID/matches",
             parameters: [("clientID", "$response.body#/client/id")]),
        Link(from: "GET /api/v1/clients/:clientID", name: "LatestAssessment", to: "GET /api/v1/assessments/:assessmentID",
             parameters: [("assessmentID", "$response.body#/latestAssessmentID")]),
        Link(from: "GET /api/v1/clients/:clientID/assessments", name: "FirstAssessment", to: "GET /api/v1/assessments/:assessmentID",
             parameters: [("assessmentID", "$response.body#/items/0/id")]),
        Link(from: "POST /api/v1/clients/:clientID/assessments", name: "Assessment", to: "GET /api/v1/assessments/:assessmentID",
             parameters: [("assessmentID", "$response.body#/assessment/id")]),
        Link(from: "GET /api/v1/employers", name: "FirstEmployer", to: "GET /api/v1/employers/:employerID",
             parameters: [("employerID", "$response.body#/items/0/id")]),
        Link(from: "POST /api/v1/employers", name: "Employer", to: "GET /api/v1/employers/:employerID",
             parameters: [("employerID", "$response.body#/id")]),
        Link(from: "GET /api/v1/vacancies", name: "FirstVacancy", to: "GET /api/v1/vacancies/:vacancyID",
             parameters: [("vacancyID", "$response.body#/items/0/id")]),
        Link(from: "GET /api/v1/vacancies", name: "FirstVacancyCandidates", to: "GET /api/v1/vacancies/:vacancyID/candidates",
             parameters: [("vacancyID", "$response.body#/items/0/id")]),
        Link(from: "POST /api/v1/vacancies", name: "Vacancy", to: "GET /api/v1/vacancies/:vacancyID",
             parameters: [("vacancyID", "$response.body#/id")]),
        Link(from: "GET /api/v1/vacancies/:vacancyID", name: "Prefill", to: "GET /api/v1/occupations/:occupationID/prefill",
             parameters: [("occupationID", "$response.body#/occupationID")]),
        Link(from: "GET /api/v1/programmes", name: "FirstProgramme", to: "GET /api/v1/programmes/:programmeID",
             parameters: [("programmeID", "$response.body#/items/0/id")]),
        Link(from: "POST /api/v1/programmes", name: "Programme", to: "GET /api/v1/programmes/:programmeID",
             parameters: [("programmeID", "$response.body#/programme/id")]),
        Link(from: "GET /api/v1/referrals", name: "FirstReferral", to: "GET /api/v1/referrals/:referralID",
             parameters: [("referralID", "$response.body#/items/0/id")]),
        Link(from: "POST /api/v1/referrals", name: "Referral", to: "GET /api/v1/referrals/:referralID",
             parameters: [("referralID", "$response.body#/id")]),
        Link(from: "GET /api/v1/referrals/:referralID", name: "JobStart", to: "GET /api/v1/job-starts/:jobStartID",
             parameters: [("jobStartID", "$response.body#/jobStartID")]),
        Link(from: "POST /api/v1/job-starts", name: "JobStart", to: "GET /api/v1/job-starts/:jobStartID",
             parameters: [("jobStartID", "$response.body#/jobStart/id")]),
        Link(from: "GET /api/v1/taxonomy/occupations", name: "FirstOccupation", to: "GET /api/v1/taxonomy/occupations/:occupationID",
             parameters: [("occupationID", "$response.body#/items/0/id")]),
        Link(from: "GET /api/v1/taxonomy/skills", name: "FirstSkill", to: "GET /api/v1/taxonomy/skills/:skillID",
             parameters: [("skillID", "$response.body#/items/0/id")]),
    ]
}
