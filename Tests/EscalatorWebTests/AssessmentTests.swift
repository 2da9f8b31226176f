import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Vapor
import XCTVapor
import XCTest

final class AssessmentTests: WebTestCase {
    private func count(_ clientID: UUID) async throws -> Int {
        try await AssessmentModel.query(on: t.app.db).filter(\.$clientID == clientID).count()
    }

    private func postJSON(_ path: String, _ json: String, as role: TestRole = .adviser) async throws -> XCTHTTPResponse {
        let headers = try await t.bearer(role)
        return try await t.app.sendRequest(.POST, path, headers: headers) { req async throws in
            req.headers.contentType = .json
            req.body = ByteBuffer(string: json)
        }
    }

    private func errorFields(_ res: XCTHTTPResponse) throws -> [String] {
        try res.content.decode(ErrorBody.self).error.fields.map(\.field)
    }

    private let goodJSON = """
        {"assessedOn": "2026-10-30",
         "skills": [{"skillID": "B.LITERACY", "level": 3, "evidence": "certified"},
                    {"skillID": "L.FORKLIFT", "level": 2, "evidence": "adviser-verified"},
                    {"skillID": "S.TEAMWORK", "level": 1}],
         "highestQualification": 2, "gcseEnglish": true, "gcseMaths": false,
         "barriers": [{"kind": "childcare", "severity": 3}, {"kind": "health", "severity": 1}],
         "aspirations": ["O.FORKLIFT_DRIVER"],
         "constraints": {"minHoursPerWeek": 16, "maxHoursPerWeek": 30, "maxTravelKm": 12.5, "travelModes": ["walk", "public-transport"]},
         "notes": "Keen to start."}
        """

    // MARK: API

    func testAPIRecordsAnAssessmentScoredAsTheCoreScoresIt() async throws {
        let before = try await count(f.clientA)
        let res = try await postJSON("/api/v1/clients/\(f.clientA)/assessments", goodJSON)
        XCTAssertEqual(res.status, .created, res.body.string)
        let body = try res.content.decode(AssessmentsAPIController.DetailDTO.self)

        let expected = Assessment(
            id: body.assessment.id, clientID: f.clientA, adviserID: f.adviser, assessedOn: Date(isoDay: "2026-10-30")!,
            skills: [SkillHolding(skillID: "B.LITERACY", level: .proficient, evidence: .certified),
                     SkillHolding(skillID: "L.FORKLIFT", level: .working, evidence: .adviserVerified),
                     SkillHolding(skillID: "S.TEAMWORK", level: .basic, evidence: .selfDeclared)],
            highestQualification: .level2, gcseEnglish: true, gcseMaths: false,
            barriers: [Barrier(kind: .childcare, severity: .high), Barrier(kind: .health, severity: .low)],
            aspirations: ["O.FORKLIFT_DRIVER"],
            constraints: WorkConstraints(minHoursPerWeek: 16, maxHoursPerWeek: 30, maxTravelKm: 12.5, travelModes: [.walk, .publicTransport]),
            notes: "Keen to start.")
        let score = DistanceFromWork.score(expected, employmentStatus: .unemployed, monthsOutOfWork: nil)
        XCTAssertEqual(body.distanceFromWork.total, score.total)
        XCTAssertEqual(body.distanceFromWork.factors, score.factors)
        XCTAssertEqual(body.distanceFromWork.band, score.band)
        XCTAssertEqual(body.actionPlan, ActionPlan.make(for: expected, score: score, taxonomy: StarterTaxonomy.taxonomy))
        XCTAssertEqual(body.assessment.skills.map(\.skillName), ["Literacy", "Forklift licence", StarterTaxonomy.taxonomy.skillName("S.TEAMWORK")])

        let after = try await count(f.clientA)
        XCTAssertEqual(after, before + 1)
        let stored = try await AssessmentModel.find(body.assessment.id, on: t.app.db)
        let row = try XCTUnwrap(stored)
        XCTAssertEqual(row.distanceFromWork, score.total)
        XCTAssertEqual(try row.value(t.app.columnCipher), expected)
    }

    func testAPIRejectsBadFieldsNamingEachAndWritesNothing() async throws {
        let before = try await count(f.clientA)
        let res = try await postJSON("/api/v1/clients/\(f.clientA)/assessments", """
            {"assessedOn": "2026-13-01",
             "skills": [{"skillID": "S.NOT_A_SKILL", "level": 2}, {"skillID": "B.LITERACY", "level": 7}, {"skillID": "B.NUMERACY", "level": 2, "evidence": "rumour"}],
             "highestQualification": 9, "gcseEnglish": "perhaps",
             "barriers": [{"kind": "dragons", "severity": 2}, {"kind": "debt", "severity": 5}],
             "aspirations": ["O.ASTRONAUT"],
             "constraints": {"minHoursPerWeek": 30, "maxHoursPerWeek": 20, "maxTravelKm": 150, "travelModes": ["teleport"]}}
            """)
        XCTAssertEqual(res.status, .unprocessableEntity, res.body.string)
        let fields = Set(try errorFields(res))
        for field in ["assessedOn", "skills[0].skillID", "skills[1].level", "skills[2].evidence", "highestQualification", "gcseEnglish",
                      "barriers[0].kind", "barriers[1].severity", "aspirations[0]", "constraints.maxHoursPerWeek",
                      "constraints.maxTravelKm", "constraints.travelModes"] {
            XCTAssertTrue(fields.contains(field), "\(field) not named in \(fields)")
        }
        let after = try await count(f.clientA)
        XCTAssertEqual(after, before)
    }

    func testAPIRequiresSkillsOrQualificationAndConstraints() async throws {
        let before = try await count(f.clientA)
        let res = try await postJSON("/api/v1/clients/\(f.clientA)/assessments", #"{"skills": [], "gcseMaths": true}"#)
        XCTAssertEqual(res.status, .unprocessableEntity)
        let fields = Set(try errorFields(res))
        XCTAssertEqual(fields, ["highestQualification", "constraints.minHoursPerWeek", "constraints.maxHoursPerWeek", "constraints.maxTravelKm"])
        let after = try await count(f.clientA)
        XCTAssertEqual(after, before)
    }

    func testAPIAccessRules() async throws {
        // Client B belongs to another organisation with no consent to the adviser's.
        var res = try await postJSON("/api/v1/clients/\(f.clientB)/assessments", goodJSON)
        XCTAssertEqual(res.status, .notFound)
        res = try await postJSON("/api/v1/clients/\(f.clientA)/assessments", goodJSON, as: .employer)
        XCTAssertEqual(res.status, .forbidden)
        res = try await postJSON("/api/v1/clients/\(f.clientA)/assessments", goodJSON, as: .provider)
        XCTAssertEqual(res.status, .forbidden)
        let countB = try await count(f.clientB)
        XCTAssertEqual(countB, 0)

        let provider = try await t.bearer(.provider)
        res = try await t.app.sendRequest(.GET, "/api/v1/assessments/\(f.assessmentA)", headers: provider)
        XCTAssertEqual(res.status, .forbidden, "barriers are for advisers only")
        let other = try await t.bearer(.otherAdviser)
        res = try await t.app.sendRequest(.GET, "/api/v1/assessments/\(f.assessmentA)", headers: other)
        XCTAssertEqual(res.status, .notFound)
        res = try await t.app.sendRequest(.GET, "/api/v1/clients/\(f.clientA)/assessments", headers: other)
        XCTAssertEqual(res.status, .notFound)
    }

    func testAPIListsAndShowsAssessments() async throws {
        let created = try await postJSON("/api/v1/clients/\(f.clientA)/assessments", goodJSON)
        XCTAssertEqual(created.status, .created)
        let newID = try created.content.decode(AssessmentsAPIController.DetailDTO.self).assessment.id
        let headers = try await t.bearer(.adviser)

        var res = try await t.app.sendRequest(.GET, "/api/v1/clients/\(f.clientA)/assessments", headers: headers)
        XCTAssertEqual(res.status, .ok)
        let ids = try res.content.get([AssessmentsAPIController.SummaryDTO].self, at: "items").map(\.id)
        XCTAssertEqual(ids, [newID, f.assessmentA], "latest first")
        XCTAssertEqual(try res.content.get(Int.self, at: "total"), 2)

        res = try await t.app.sendRequest(.GET, "/api/v1/assessments/\(f.assessmentA)", headers: headers)
        XCTAssertEqual(res.status, .ok)
        let detail = try res.content.decode(AssessmentsAPIController.DetailDTO.self)
        XCTAssertEqual(detail.assessment.id, f.assessmentA)
        XCTAssertEqual(detail.assessment.barriers.map(\.kind), [.transport])
        let stored = try await AssessmentModel.find(f.assessmentA, on: t.app.db)
        XCTAssertEqual(detail.distanceFromWork.total, stored?.distanceFromWork)

        res = try await t.app.sendRequest(.GET, "/api/v1/assessments/\(UUID())", headers: headers)
        XCTAssertEqual(res.status, .notFound)
    }

    // MARK: Pages

    func testFormFieldNamesDecodeWithVaporsFormDecoder() throws {
        let body = "assessedOn=2026-11-01&level%5BS.PICKING_PACKING%5D=3&evidence%5BS.PICKING_PACKING%5D=certified"
            + "&level[L.FORKLIFT]=none&severity[health]=2&constraints[maxTravelKm]=7.5"
            + "&constraints[travelModes][]=walk&constraints[travelModes][]=car&aspiration2=O.FORKLIFT_DRIVER"
        let form = try URLEncodedFormDecoder().decode(AssessmentForm.self, from: body)
        XCTAssertEqual(form.level, ["S.PICKING_PACKING": "3", "L.FORKLIFT": "none"])
        XCTAssertEqual(form.evidence, ["S.PICKING_PACKING": "certified"])
        XCTAssertEqual(form.severity, ["health": "2"])
        XCTAssertEqual(form.constraints?.maxTravelKm, "7.5")
        XCTAssertEqual(form.constraints?.travelModes, ["walk", "car"])

        let (input, formField) = form.input(taxonomy: StarterTaxonomy.taxonomy)
        XCTAssertEqual(input.skills?.map(\.skillID), ["S.PICKING_PACKING"], "not held is left out")
        XCTAssertEqual(input.aspirations, ["O.FORKLIFT_DRIVER"])
        XCTAssertEqual(formField["skills[0].level"], "level[S.PICKING_PACKING]")
        XCTAssertEqual(formField["aspirations[0]"], "aspiration2")
        XCTAssertEqual(formField["barriers[0].severity"], "severity[health]")
    }

    func testFormIsPrefilledFromTheLatestAssessment() async throws {
        let session = try await t.pageSession(.adviser)
        let res = try await t.app.sendRequest(.GET, "/clients/\(f.clientA)/assessments/new", headers: session.headers)
        XCTAssertEqual(res.status, .ok)
        let html = res.body.string
        XCTAssertTrue(html.contains(#"name="assessedOn" type="date" value="2026-11-02""#), "dated today")
        XCTAssertTrue(html.contains(#"<option value="O.WAREHOUSE_OPERATIVE" selected>"#), "job goal pre-filled")
        XCTAssertTrue(html.contains(#"name="severity[transport]"><option value="none">None</option><option value="1">Low</option><option value="2" selected>"#),
                      "barrier pre-filled")
        XCTAssertTrue(html.contains(#"name="constraints[maxTravelKm]" type="text" value="15""#))
        XCTAssertTrue(html.contains("<legend class=\"fieldset-legend heading-s\">Licences and checks</legend>"))
        XCTAssertTrue(html.contains("<legend class=\"fieldset-legend heading-s\">Logistics</legend>"))

        let other = try await t.pageSession(.otherAdviser)
        let denied = try await t.app.sendRequest(.GET, "/clients/\(f.clientA)/assessments/new", headers: other.headers)
        XCTAssertEqual(denied.status, .notFound)
    }

    private func postForm(_ session: PageSession, _ fields: [String: String]) async throws -> XCTHTTPResponse {
        try await t.app.sendRequest(.POST, "/clients/\(f.clientA)/assessments", headers: session.headers) { req async throws in
            try req.content.encode(fields, as: .urlEncodedForm)
        }
    }

    private let goodForm: [String: String] = [
        "assessedOn": "2026-11-02",
        "level[B.LITERACY]": "3", "evidence[B.LITERACY]": "certified",
        "level[L.FORKLIFT]": "2", "evidence[L.FORKLIFT]": "adviser-verified",
        "level[S.TEAMWORK]": "none", "evidence[S.TEAMWORK]": "self-declared",
        "highestQualification": "2", "gcseEnglish": "true",
        "severity[childcare]": "2", "severity[health]": "none",
        "aspiration1": "O.WAREHOUSE_OPERATIVE", "aspiration2": "",
        "constraints[minHoursPerWeek]": "16", "constraints[maxHoursPerWeek]": "30", "constraints[maxTravelKm]": "12.5",
        "constraints[travelModes][]": "walk", "notes": "",
    ]

    func testFormSubmissionStoresTheAssessmentWithItsScore() async throws {
        let session = try await t.pageSession(.adviser)
        let before = try await count(f.clientA)
        let res = try await postForm(session, session.form(goodForm))
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        XCTAssertEqual(res.headers.first(name: .location), "/clients/\(f.clientA)?notice=assessed")
        let after = try await count(f.clientA)
        XCTAssertEqual(after, before + 1)

        let latest = try await AssessmentModel.query(on: t.app.db).filter(\.$clientID == f.clientA).filter(\.$id != f.assessmentA).first()
        let row = try XCTUnwrap(latest)
        let stored = try row.value(t.app.columnCipher)
        XCTAssertEqual(stored.skills, [SkillHolding(skillID: "B.LITERACY", level: .proficient, evidence: .certified),
                                       SkillHolding(skillID: "L.FORKLIFT", level: .working, evidence: .adviserVerified)])
        XCTAssertEqual(stored.barriers, [Barrier(kind: .childcare, severity: .medium)])
        XCTAssertEqual(stored.highestQualification, .level2)
        XCTAssertTrue(stored.gcseEnglish)
        XCTAssertFalse(stored.gcseMaths)
        XCTAssertEqual(stored.aspirations, ["O.WAREHOUSE_OPERATIVE"])
        XCTAssertEqual(stored.constraints, WorkConstraints(minHoursPerWeek: 16, maxHoursPerWeek: 30, maxTravelKm: 12.5, travelModes: [.walk]))
        XCTAssertEqual(stored.adviserID, f.adviser)
        XCTAssertEqual(row.distanceFromWork, DistanceFromWork.score(stored, employmentStatus: .unemployed, monthsOutOfWork: nil).total)

        let page = try await t.app.sendRequest(.GET, "/clients/\(f.clientA)/assessments/\(stored.id)", headers: session.headers)
        XCTAssertEqual(page.status, .ok)
        let html = page.body.string
        for expected in ["Literacy", "Proficient", "Certified", "Forklift licence", "Childcare", "Warehouse operative",
                         "16 to 30", "12.5 km", "Walk", "How the score is made up", "Action plan"] {
            XCTAssertTrue(html.contains(expected), "\(expected) missing from the assessment page")
        }
    }

    func testFormErrorsAreShownOnTheirFieldsAndNothingIsWritten() async throws {
        let session = try await t.pageSession(.adviser)
        let before = try await count(f.clientA)
        var fields = goodForm
        fields["constraints[minHoursPerWeek]"] = "30"
        fields["constraints[maxHoursPerWeek]"] = "20"
        fields["constraints[maxTravelKm]"] = "150"
        fields["level[S.NOT_A_SKILL]"] = "2"
        fields["aspiration3"] = "O.ASTRONAUT"
        let res = try await postForm(session, session.form(fields))
        XCTAssertEqual(res.status, .unprocessableEntity)
        let html = res.body.string
        XCTAssertTrue(html.contains("There is a problem"))
        for anchor in ["#f-constraints-maxHoursPerWeek-", "#f-constraints-maxTravelKm-", "#f-level-S-NOT-A-SKILL-", "#f-aspiration3"] {
            XCTAssertTrue(html.contains("href=\"\(anchor)\""), "error summary does not link to \(anchor)")
        }
        XCTAssertTrue(html.contains(#"name="constraints[maxTravelKm]" type="text" value="150""#), "entered values are kept")
        let after = try await count(f.clientA)
        XCTAssertEqual(after, before)
    }

    func testFormWithoutCSRFTokenIsRefused() async throws {
        let session = try await t.pageSession(.adviser)
        let before = try await count(f.clientA)
        let res = try await postForm(session, goodForm)
        XCTAssertEqual(res.status, .forbidden)
        let after = try await count(f.clientA)
        XCTAssertEqual(after, before)
    }

    func testAssessmentPageShowsBarriersOnlyToAdvisersWhoSeeTheClient() async throws {
        let adviser = try await t.pageSession(.adviser)
        var res = try await t.app.sendRequest(.GET, "/clients/\(f.clientA)/assessments/\(f.assessmentA)", headers: adviser.headers)
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains("Transport"))
        XCTAssertTrue(res.body.string.contains(#"id="distance-score""#))

        res = try await t.app.sendRequest(.GET, "/clients/\(f.clientB)/assessments/\(f.assessmentA)", headers: adviser.headers)
        XCTAssertEqual(res.status, .notFound, "assessment under the wrong client")

        let provider = try await t.pageSession(.provider)
        res = try await t.app.sendRequest(.GET, "/clients/\(f.clientA)/assessments/\(f.assessmentA)", headers: provider.headers)
        XCTAssertEqual(res.status, .forbidden)
        XCTAssertFalse(res.body.string.contains("Transport"))
    }
}

