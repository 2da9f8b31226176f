import EscalatorCore
@testable import EscalatorWeb
import Vapor
import XCTest

/// Real requests, stage by stage, held to the OpenAPI document: every answer's status must be documented for
/// its operation and its JSON must match the documented schema (strictly: no undocumented properties). Each
/// stage's test checks a real success for every operation of that stage, and some documented errors.
final class OpenAPIConformanceTests: WebTestCase {
    var api: APIConformance!

    override func setUp() async throws {
        try await super.setUp()
        api = try APIConformance(t)
    }

    // MARK: - The validator itself

    func testTheValidatorCatchesWhatItShould() throws {
        let document = try JSON.parse(#"""
            {"components": {"schemas": {
              "Thing": {"type": "object", "properties": {"id": {"type": "string", "format": "uuid"}, "on": {"type": "string", "format": "date"},
                        "at": {"type": "string", "format": "date-time"}, "n": {"type": "integer", "minimum": 1},
                        "kind": {"type": "string", "enum": ["a", "b"]}, "maybe": {"type": "string", "nullable": true},
                        "tags": {"type": "array", "items": {"type": "string"}}}, "required": ["id", "n"]}}}}
            """#)
        let v = SchemaValidator(document: document)
        let thing = try JSON.parse(##"{"$ref": "#/components/schemas/Thing"}"##)
        let good = try JSON.parse(#"{"id": "3F2504E0-4F89-11D3-9A0C-0305E82C3301", "on": "2026-11-02", "at": "2026-11-02T10:00:00Z", "n": 2, "kind": "a", "maybe": null, "tags": ["x"]}"#)
        XCTAssertEqual(v.problems(good, thing), [])
        let bad = try JSON.parse(#"{"id": "nope", "on": "2026-02-30", "at": 815000000, "n": 0, "kind": "c", "tags": [1], "extra": true}"#)
        let problems = v.problems(bad, thing)
        for expected in ["$.id", "$.on", "$.at", "$.n", "$.kind", "$.tags[0]", "property extra is not documented"] {
            XCTAssertTrue(problems.contains { $0.contains(expected) }, "no problem reported for \(expected): \(problems)")
        }
        XCTAssertEqual(v.problems(try JSON.parse(#"{"n": 1.5, "id": null}"#), thing).count, 2)
        XCTAssertEqual(v.problems(try JSON.parse(#"{"n": 1}"#), thing), ["$: required property id is missing"])
        XCTAssertEqual(v.problems(.bool(true), try JSON.parse(#"{"type": "integer"}"#)).count, 1)
        // And on the real document: a documented response is found, and a wrong body fails it.
        let list = try XCTUnwrap(api.validator.operation("GET", "/api/v1/employers"))
        let schema = try XCTUnwrap(api.validator.responseSchema(list, status: 200))
        XCTAssertNotEqual(schema, .null)
        XCTAssertFalse(api.validator.problems(try JSON.parse(#"{"items": [{"id": 1}], "page": 1, "size": 25, "total": 1}"#), schema).isEmpty)
        XCTAssertNil(api.validator.responseSchema(list, status: 409))
    }

    /// Every link joins two documented operations, fills all the target's path parameters, and points at a
    /// property the source's documented response has.
    func testLinksLeadToDocumentedOperations() throws {
        let operations = Dictionary(uniqueKeysWithValues: APICatalogue.operations.map { ($0.routeKey, $0) })
        XCTAssertFalse(APICatalogue.links.isEmpty)
        for link in APICatalogue.links {
            guard let from = operations[link.from], let to = operations[link.to] else {
                XCTFail("link \(link.name) joins \(link.from) to \(link.to), not both documented")
                continue
            }
            XCTAssertEqual(Set(link.parameters.map(\.0)), Set(to.pathParameters), "\(link.from) → \(link.name)")
            let operation = try XCTUnwrap(api.validator.operation(from.method, APIConformance.openAPIPath(from.path)))
            let schema = try XCTUnwrap(api.validator.responseSchema(operation, status: from.status))
            for (_, expression) in link.parameters {
                XCTAssertTrue(expression.hasPrefix("$response.body#/"), expression)
                let pointer = expression.dropFirst("$response.body#/".count).split(separator: "/").map(String.init)
                XCTAssertNotNil(api.validator.schema(at: pointer, in: schema), "\(link.from) → \(link.name): no \(expression) in its response")
            }
            let document = try XCTUnwrap(api.validator.operation(from.method, APIConformance.openAPIPath(from.path)))
            XCTAssertNotNil(document["responses"]?[String(from.status)]?["links"]?[link.name], "\(link.name) is not in the document")
        }
    }

    // MARK: - Who may call what

    /// Every GET the fixture can reach, as every role: a documented role is never refused with 403, an
    /// undocumented one always is, and every answer is documented and conforms.
    func testDocumentedRolesAreThoseTheHandlersAllow() async throws {
        let ids = try await knownIDs()
        for operation in APICatalogue.operations where operation.method == "GET" && !operation.roles.isEmpty {
            guard let url = fill(operation.path, ids) else {
                XCTFail("no fixture id for \(operation.path)")
                continue
            }
            for role in TestRole.allCases {
                let (status, _) = try await api.call(.GET, operation.path, url, as: role)
                if operation.roles.contains(role.role) {
                    XCTAssertNotEqual(status, .forbidden, "\(operation.routeKey) refused \(role), which the document allows")
                } else {
                    XCTAssertEqual(status, .forbidden, "\(operation.routeKey) answered \(status.code) to \(role), which the document does not allow")
                }
            }
        }
    }

    // MARK: - Stages

    func testServiceAndAccessConform() async throws {
        try await api.check(.GET, "/healthz", as: nil, expect: .ok)
        try await api.check(.GET, "/healthz/live", as: nil, expect: .ok)
        try await api.check(.GET, "/healthz/ready", as: nil, expect: .ok)
        try await api.check(.GET, "/api/v1/openapi.json", as: nil, expect: .ok)
        let token = try await api.check(.POST, "/api/v1/auth/token", as: nil,
                                        body: #"{"email": "\#(f.email(.provider))", "password": "\#(WebFixture.password)", "name": "conformance"}"#,
                                        expect: .created)
        XCTAssertEqual(token["user"]?["role"], .string("provider"))
        try await api.check(.POST, "/api/v1/auth/token", as: nil, body: #"{"email": "\#(f.email(.provider))", "password": "wrong"}"#, expect: .unauthorized)
        try await api.check(.POST, "/api/v1/auth/token", as: nil, body: #"{"email": " ", "password": ""}"#, expect: .unprocessableEntity)
        try await api.check(.POST, "/api/v1/auth/token", as: nil, body: #"{"email": 3}"#, expect: .badRequest)
        try await api.check(.GET, "/api/v1/clients", as: nil, expect: .unauthorized)
        api.assertCovered("Service")
        api.assertCovered("Access")
    }

    func testEngagementConforms() async throws {
        try await api.check(.GET, "/api/v1/clients", "/api/v1/clients?q=WM-&page=1&size=5", as: .adviser, expect: .ok)
        try await api.check(.GET, "/api/v1/clients", "/api/v1/clients?page=0", as: .adviser, expect: .unprocessableEntity)
        try await api.check(.GET, "/api/v1/clients", "/api/v1/clients?page=100000000000000000&size=5440176145", as: .adviser,
                            expect: .unprocessableEntity)
        try await api.check(.GET, "/api/v1/clients", "/api/v1/clients?page=1000000&size=5440176145", as: .adviser, expect: .ok)
        let twice = try await api.check(.GET, "/api/v1/clients", "/api/v1/clients?page=1&size=5&page=2", as: .adviser, expect: .unprocessableEntity)
        XCTAssertEqual(twice["error"]?["fields"]?[0]?["field"], .string("page"))
        try await api.check(.GET, "/api/v1/clients", "/api/v1/clients?q=&page=&size=", as: .adviser, expect: .ok)
        try await api.check(.GET, "/api/v1/clients", as: .employer, expect: .forbidden)
        let created = try await api.check(.POST, "/api/v1/clients", as: .adviser, body: #"""
            {"givenName": "Cy", "familyName": "Conformance", "dateOfBirth": "1995-01-01", "email": "cy@example.test",
             "postcode": "b6 4aa", "wardID": "\#(f.wardA)", "employmentStatus": "unemployed", "referralSource": "jobcentre",
             "consentOrganisationIDs": ["\#(f.college)"]}
            """#, expect: .created)
        let id = try XCTUnwrap(created["client"]?["id"]?.string)
        try await api.check(.POST, "/api/v1/clients", as: .adviser, body: "{}", expect: .unprocessableEntity)
        try await api.check(.GET, "/api/v1/clients/:clientID", "/api/v1/clients/\(f.clientA)", as: .adviser, expect: .ok)
        try await api.check(.GET, "/api/v1/clients/:clientID", "/api/v1/clients/\(f.clientB)", as: .adviser, expect: .notFound)
        try await api.check(.PUT, "/api/v1/clients/:clientID", "/api/v1/clients/\(id)", as: .adviser, body: #"""
            {"givenName": "Cy", "familyName": "Conformance-Smith", "postcode": "B6 4AA", "wardID": "\#(f.wardA)",
             "employmentStatus": "low-paid-work", "referralSource": "council"}
            """#, expect: .ok)
        let consented = try await api.check(.POST, "/api/v1/clients/:clientID/consents", "/api/v1/clients/\(id)/consents", as: .adviser,
                                            body: #"{"organisationID": "\#(f.charity)", "purpose": "in-work-support"}"#, expect: .created)
        let consent = try XCTUnwrap(consented["consents"]?.array?.first { $0["organisationID"]?.string?.lowercased() == f.charity.uuidString.lowercased() }?["id"]?.string)
        let withdrawn = try await api.check(.POST, "/api/v1/clients/:clientID/consents/:consentID/withdraw",
                                            "/api/v1/clients/\(id)/consents/\(consent)/withdraw", as: .adviser, expect: .ok)
        XCTAssertNotNil(withdrawn["consents"]?.array?.first { $0["id"]?.string == consent }?["withdrawnAt"]?.string)
        api.assertCovered("Engagement")
    }

    func testEmployersConform() async throws {
        try await api.check(.GET, "/api/v1/employers", "/api/v1/employers?q=test&sector=logistics", as: .adviser, expect: .ok)
        try await api.check(.GET, "/api/v1/employers", "/api/v1/employers?sector=farming", as: .adviser, expect: .unprocessableEntity)
        try await api.check(.GET, "/api/v1/employers", as: .analyst, expect: .forbidden)
        let created = try await api.check(.POST, "/api/v1/employers", as: .adviser, body: #"""
            {"name": "Conformance Ltd", "sector": "advanced-manufacturing", "size": "small", "postcode": "B7 5AA", "wardID": "\#(f.wardA)"}
            """#, expect: .created)
        XCTAssertEqual(created["name"], .string("Conformance Ltd"))
        try await api.check(.POST, "/api/v1/employers", as: .adviser, body: #"{"name": "", "sector": "farming"}"#, expect: .unprocessableEntity)
        try await api.check(.POST, "/api/v1/employers", as: .employer, body: "{}", expect: .forbidden)
        let engagements = "/api/v1/employers/\(f.employer)/engagements"
        try await api.check(.POST, "/api/v1/employers/:employerID/engagements", engagements, as: .adviser,
                            body: #"{"date": "2026-10-30", "kind": "visit", "summary": "Met the hiring manager."}"#, expect: .created)
        try await api.check(.POST, "/api/v1/employers/:employerID/engagements", engagements, as: .provider,
                            body: #"{"date": "2026-10-30", "kind": "visit", "summary": "x"}"#, expect: .forbidden)
        try await api.check(.POST, "/api/v1/employers/:employerID/engagements", engagements, as: .adviser,
                            body: #"{"date": "2030-01-01", "kind": "lunch"}"#, expect: .unprocessableEntity)
        let pledges = "/api/v1/employers/\(f.employer)/pledges"
        try await api.check(.POST, "/api/v1/employers/:employerID/pledges", pledges, as: .employer,
                            body: #"{"kind": "work-placements", "quantity": "3", "madeOn": "2026-10-01"}"#, expect: .created)
        let detail = try await api.check(.POST, "/api/v1/employers/:employerID/pledges", pledges, as: .adviser,
                                         body: #"{"kind": "guaranteed-interviews", "quantity": 4, "madeOn": "2026-10-02"}"#, expect: .created)
        XCTAssertEqual(detail["pledges"]?.array?.count, 2)
        XCTAssertEqual(detail["engagements"]?[0]?["recordedBy"], .string("Test Adviser"))
        try await api.check(.POST, "/api/v1/employers/:employerID/pledges", "/api/v1/employers/\(f.otherEmployer)/pledges", as: .employer,
                            body: #"{"kind": "work-placements", "quantity": 1, "madeOn": "2026-10-01"}"#, expect: .notFound)
        try await api.check(.GET, "/api/v1/employers/:employerID", "/api/v1/employers/\(f.employer)", as: .employer, expect: .ok)
        try await api.check(.GET, "/api/v1/employers/:employerID", "/api/v1/employers/\(f.otherEmployer)", as: .employer, expect: .notFound)
        api.assertCovered("Employers")
    }

    func testVacanciesConform() async throws {
        try await api.check(.GET, "/api/v1/vacancies", "/api/v1/vacancies?status=open&q=ware&employerID=\(f.employer)", as: .employer, expect: .ok)
        try await api.check(.GET, "/api/v1/vacancies", "/api/v1/vacancies?status=gone", as: .adviser, expect: .unprocessableEntity)
        try await api.check(.GET, "/api/v1/vacancies", as: .analyst, expect: .forbidden)
        let vacancy = try await api.check(.GET, "/api/v1/vacancies/:vacancyID", "/api/v1/vacancies/\(f.vacancy)", as: .provider, expect: .ok)
        try await api.check(.GET, "/api/v1/vacancies/:vacancyID", "/api/v1/vacancies/\(f.otherVacancy)", as: .employer, expect: .notFound)
        let occupation = try XCTUnwrap(vacancy["occupationID"]?.string)
        let prefill = try await api.check(.GET, "/api/v1/occupations/:occupationID/prefill", "/api/v1/occupations/\(occupation)/prefill",
                                          as: .analyst, expect: .ok)
        try await api.check(.GET, "/api/v1/occupations/:occupationID/prefill", "/api/v1/occupations/O.NOTHING/prefill", as: .adviser, expect: .notFound)
        let requirements = JSON.array((prefill["requirements"]?.array ?? []).map { $0.setting("skillName", nil) })
        let body = vacancy.setting("id", nil).setting("title", .string("Picker")).setting("requirements", requirements)
            .setting("hourlyPayPence", .int(1400)).setting("status", .string("open"))
        let created = try await api.check(.POST, "/api/v1/vacancies", as: .employer, body: body.text, expect: .created)
        XCTAssertEqual(created["title"], .string("Picker"))
        try await api.check(.POST, "/api/v1/vacancies", as: .provider, body: body.text, expect: .forbidden)
        try await api.check(.POST, "/api/v1/vacancies", as: .adviser, body: body.setting("status", .string("filled")).text, expect: .unprocessableEntity)
        try await api.check(.POST, "/api/v1/vacancies", as: .adviser, body: body.setting("openings", .string("3")).text, expect: .badRequest)
        let id = try XCTUnwrap(created["id"]?.string)
        let changed = try await api.check(.PUT, "/api/v1/vacancies/:vacancyID", "/api/v1/vacancies/\(id)", as: .adviser,
                                          body: created.setting("status", .string("filled")).text, expect: .ok)
        XCTAssertEqual(changed["status"], .string("filled"))
        try await api.check(.PUT, "/api/v1/vacancies/:vacancyID", "/api/v1/vacancies/\(f.otherVacancy)", as: .employer,
                            body: created.text, expect: .notFound)
        api.assertCovered("Vacancies")
    }

    func testAssessmentConforms() async throws {
        let existing = try await api.check(.GET, "/api/v1/assessments/:assessmentID", "/api/v1/assessments/\(f.assessmentA)", as: .adviser, expect: .ok)
        let skill = try XCTUnwrap(existing["assessment"]?["skills"]?[0]?["skillID"]?.string)
        let aspiration = try XCTUnwrap(existing["assessment"]?["aspirations"]?[0]?.string)
        let route = "/api/v1/clients/:clientID/assessments", url = "/api/v1/clients/\(f.clientA)/assessments"
        let recorded = try await api.check(.POST, route, url, as: .adviser, body: #"""
            {"assessedOn": "2026-11-01", "skills": [{"skillID": "\#(skill)", "level": "3", "evidence": "certified"}],
             "highestQualification": 2, "gcseEnglish": "yes", "gcseMaths": false,
             "barriers": [{"kind": "childcare", "severity": 3}, {"kind": "debt", "severity": "1"}], "aspirations": ["\#(aspiration)"],
             "constraints": {"minHoursPerWeek": 16, "maxHoursPerWeek": "37", "maxTravelKm": 12.5, "travelModes": ["walk", "public-transport"]},
             "notes": "Keen to start soon."}
            """#, expect: .created)
        XCTAssertEqual(recorded["assessment"]?["constraints"]?["maxTravelKm"], .double(12.5))
        XCTAssertEqual(recorded["assessment"]?["adviserID"]?.string?.lowercased(), f.adviser.uuidString.lowercased())
        try await api.check(.POST, route, url, as: .adviser, body: #"{"skills": [{"skillID": "\#(skill)", "level": 9}]}"#, expect: .unprocessableEntity)
        try await api.check(.POST, route, url, as: .adviser, body: #"{"constraints": []}"#, expect: .badRequest)
        try await api.check(.POST, route, url, as: .provider, body: "{}", expect: .forbidden)
        let list = try await api.check(.GET, route, url + "?size=1", as: .administrator, expect: .ok)
        XCTAssertEqual(list["total"], .int(2))
        try await api.check(.GET, route, "/api/v1/clients/\(f.clientA)/assessments", as: .otherAdviser, expect: .notFound)
        try await api.check(.GET, "/api/v1/assessments/:assessmentID", "/api/v1/assessments/\(f.assessmentA)", as: .provider, expect: .forbidden)
        api.assertCovered("Assessment")
    }

    func testMatchingConforms() async throws {
        let matches = try await api.check(.GET, "/api/v1/clients/:clientID/matches", "/api/v1/clients/\(f.clientA)/matches?includeIneligible=yes&limit=5",
                                          as: .adviser, expect: .ok)
        XCTAssertEqual(matches["includeIneligible"], .bool(true))
        XCTAssertFalse(matches["vacancies"]?.array?.isEmpty ?? true, "the fixture client should match the fixture vacancies")
        try await api.check(.GET, "/api/v1/clients/:clientID/matches", "/api/v1/clients/\(f.clientB)/matches", as: .administrator, expect: .ok)
        try await api.check(.GET, "/api/v1/clients/:clientID/matches", "/api/v1/clients/\(f.clientA)/matches?limit=0", as: .adviser,
                            expect: .unprocessableEntity)
        try await api.check(.GET, "/api/v1/clients/:clientID/matches", "/api/v1/clients/\(f.clientB)/matches", as: .adviser, expect: .notFound)
        let candidates = "/api/v1/vacancies/\(f.vacancy)/candidates"
        let pseudonymised = try await api.check(.GET, "/api/v1/vacancies/:vacancyID/candidates", candidates, as: .employer, expect: .ok)
        XCTAssertEqual(pseudonymised["pseudonymised"], .bool(true))
        XCTAssertNil(pseudonymised["candidates"]?[0]?["travelKm"])
        let named = try await api.check(.GET, "/api/v1/vacancies/:vacancyID/candidates", candidates + "?limit=10", as: .adviser, expect: .ok)
        XCTAssertNotNil(named["candidates"]?[0]?["travelKm"])
        try await api.check(.GET, "/api/v1/vacancies/:vacancyID/candidates", "/api/v1/vacancies/\(f.otherVacancy)/candidates", as: .employer,
                            expect: .notFound)
        try await api.check(.GET, "/api/v1/vacancies/:vacancyID/candidates", candidates + "?limit=many", as: .adviser, expect: .unprocessableEntity)
        let spread = try await api.check(.GET, "/api/v1/clients/:clientID/matches", "/api/v1/clients/\(f.clientA)/matches?mode=spread",
                                         as: .adviser, expect: .ok)
        XCTAssertEqual(spread["mode"], .string("spread"))
        try await api.check(.GET, "/api/v1/clients/:clientID/matches", "/api/v1/clients/\(f.clientA)/matches?mode=fast", as: .adviser,
                            expect: .badRequest)
        let concentration = try await api.check(.GET, "/api/v1/matching/concentration", as: .analyst, expect: .ok)
        XCTAssertNotNil(concentration["before"]?["gini"])
        try await api.check(.GET, "/api/v1/matching/concentration", as: .employer, expect: .forbidden)
        let allocation = try await api.check(.GET, "/api/v1/matching/allocation", "/api/v1/matching/allocation?reserveShare=0.5&releaseUnused=yes",
                                             as: .administrator, expect: .ok)
        XCTAssertFalse(allocation["assignments"]?.array?.isEmpty ?? true, "the fixture client should be allocated")
        XCTAssertNotNil(allocation["summary"]?["reservedPlaces"])
        try await api.check(.GET, "/api/v1/matching/allocation", "/api/v1/matching/allocation?only=vacancies", as: .administrator, expect: .ok)
        try await api.check(.GET, "/api/v1/matching/allocation", "/api/v1/matching/allocation?candidates=0", as: .administrator, expect: .badRequest)
        try await api.check(.GET, "/api/v1/matching/allocation", as: .adviser, expect: .forbidden)
        api.assertCovered("Matching")
    }

    func testProgrammesConform() async throws {
        try await api.check(.GET, "/api/v1/programmes", "/api/v1/programmes?type=pre-employment&q=ware&providerID=\(f.provider)", as: .employer, expect: .ok)
        try await api.check(.GET, "/api/v1/programmes", "/api/v1/programmes?type=cookery", as: .adviser, expect: .unprocessableEntity)
        try await api.check(.GET, "/api/v1/programmes", as: .analyst, expect: .forbidden)
        let existing = try await api.check(.GET, "/api/v1/programmes/:programmeID", "/api/v1/programmes/\(f.programme)", as: .provider, expect: .ok)
        let skill = try XCTUnwrap(existing["programme"]?["skillsTaught"]?[0]?["skillID"]?.string)
        let body = #"""
            {"providerID": "\#(f.provider)", "title": "Forklift licence", "type": "vocational",
             "skillsTaught": [{"skillID": "\#(skill)", "levelReached": "working"}], "requiredSkills": [{"skillID": "\#(skill)", "level": 1}],
             "minimumQualification": "entry", "needsGCSEMaths": true, "qualificationAwarded": null, "weeks": "4", "hoursPerWeek": 20,
             "postcode": "B4 7AA", "wardID": "\#(f.wardA)", "cost": "150.00", "barrierSupport": ["transport"],
             "coDesigningEmployerIDs": ["\#(f.employer)"], "guaranteedInterview": "on"}
            """#
        let created = try await api.check(.POST, "/api/v1/programmes", as: .provider, body: body, expect: .created)
        XCTAssertEqual(created["programme"]?["costPence"], .int(15000))
        XCTAssertNil(created["programme"]?["qualificationAwarded"])
        try await api.check(.POST, "/api/v1/programmes", as: .provider, body: #"{"title": "", "weeks": 0}"#, expect: .unprocessableEntity)
        try await api.check(.POST, "/api/v1/programmes", as: .adviser, body: body, expect: .forbidden)
        let id = try XCTUnwrap(created["programme"]?["id"]?.string)
        let changed = try await api.check(.PUT, "/api/v1/programmes/:programmeID", "/api/v1/programmes/\(id)", as: .administrator,
                                          body: body.replacingOccurrences(of: "Forklift licence", with: "Forklift licence (counterbalance)")
                                              .replacingOccurrences(of: #""qualificationAwarded": null"#, with: #""qualificationAwarded": 2"#),
                                          expect: .ok)
        XCTAssertEqual(changed["programme"]?["qualificationAwarded"], .int(2))
        try await api.check(.PUT, "/api/v1/programmes/:programmeID", "/api/v1/programmes/\(UUID())", as: .provider, body: body, expect: .notFound)
        let cohorts = "/api/v1/programmes/\(id)/cohorts"
        let withCohort = try await api.check(.POST, "/api/v1/programmes/:programmeID/cohorts", cohorts, as: .provider,
                                             body: #"{"startsOn": "2026-12-15", "capacity": "10"}"#, expect: .created)
        XCTAssertEqual(withCohort["freePlaces"], .int(10))
        try await api.check(.POST, "/api/v1/programmes/:programmeID/cohorts", cohorts, as: .provider,
                            body: #"{"startsOn": "2020-01-01", "capacity": 0}"#, expect: .unprocessableEntity)
        try await api.check(.GET, "/api/v1/programmes", "/api/v1/programmes?size=50", as: .adviser, expect: .ok)
        try await api.check(.GET, "/api/v1/providers", as: .provider, expect: .ok)
        let provider = #"{"organisationID": "\#(f.charity)", "name": "Charity Training", "kind": "charity", "postcode": "B15 2TT", "wardID": "\#(f.wardB)"}"#
        try await api.check(.POST, "/api/v1/providers", as: .administrator, body: provider, expect: .created)
        try await api.check(.POST, "/api/v1/providers", as: .administrator, body: provider, expect: .conflict)
        try await api.check(.POST, "/api/v1/providers", as: .provider, body: provider, expect: .forbidden)
        try await api.check(.POST, "/api/v1/providers", as: .administrator, body: #"{"kind": "guild"}"#, expect: .unprocessableEntity)
        api.assertCovered("Programmes")
    }

    func testReferralsAndJobStartsConform() async throws {
        let made = try await makeReferralAndJobStart()
        try await api.check(.POST, "/api/v1/referrals", as: .adviser, body: #"{"clientID": "\#(f.clientA)", "vacancyID": "\#(f.vacancy)"}"#,
                            expect: .conflict)
        try await api.check(.POST, "/api/v1/referrals", as: .adviser, body: #"{"clientID": "\#(f.clientA)"}"#, expect: .unprocessableEntity)
        try await api.check(.POST, "/api/v1/referrals", as: .adviser, body: #"{"clientID": "\#(f.clientB)", "vacancyID": "\#(f.vacancy)"}"#,
                            expect: .notFound)
        try await api.check(.POST, "/api/v1/referrals", as: .provider, body: "{}", expect: .forbidden)
        let toProgramme = try await api.check(.POST, "/api/v1/referrals", as: .adviser,
                                              body: #"{"clientID": "\#(f.clientA)", "programmeID": "\#(f.programme)", "note": "Keen."}"#,
                                              expect: .created)
        let programmeReferral = try XCTUnwrap(toProgramme["id"]?.string)
        let status = "/api/v1/referrals/\(programmeReferral)/status"
        let started = try await api.check(.POST, "/api/v1/referrals/:referralID/status", status, as: .provider,
                                          body: #"{"status": "started", "note": "Enrolled."}"#, expect: .ok)
        XCTAssertEqual(started["status"], .string("started"))
        try await api.check(.POST, "/api/v1/referrals/:referralID/status", status, as: .provider, body: #"{"status": "offered"}"#,
                            expect: .unprocessableEntity)
        try await api.check(.POST, "/api/v1/referrals/:referralID/status", status, as: .employer, body: #"{"status": "completed"}"#,
                            expect: .notFound)
        try await api.check(.POST, "/api/v1/referrals/:referralID/status", status, as: .analyst, body: #"{"status": "completed"}"#,
                            expect: .forbidden)
        try await api.check(.GET, "/api/v1/referrals", "/api/v1/referrals?kind=vacancy&status=started", as: .employer, expect: .ok)
        let all = try await api.check(.GET, "/api/v1/referrals", "/api/v1/referrals?page=1&size=10", as: .adviser, expect: .ok)
        XCTAssertEqual(all["total"], .int(2))
        try await api.check(.GET, "/api/v1/referrals", "/api/v1/referrals?status=lost", as: .adviser, expect: .unprocessableEntity)
        let shown = try await api.check(.GET, "/api/v1/referrals/:referralID", "/api/v1/referrals/\(made.referral)", as: .employer, expect: .ok)
        XCTAssertEqual(shown["jobStartID"]?.string, made.jobStart)
        try await api.check(.GET, "/api/v1/referrals/:referralID", "/api/v1/referrals/\(made.referral)", as: .provider, expect: .notFound)

        let start = "/api/v1/job-starts/\(made.jobStart)"
        try await api.check(.POST, "/api/v1/job-starts", as: .adviser,
                            body: #"{"clientID": "\#(f.clientA)", "vacancyID": "\#(f.vacancy)", "startedOn": "2026-06-01"}"#, expect: .conflict)
        try await api.check(.POST, "/api/v1/job-starts", as: .adviser, body: #"{"clientID": "\#(f.clientA)", "startedOn": "2030-01-01"}"#,
                            expect: .unprocessableEntity)
        try await api.check(.POST, "/api/v1/job-starts", as: .employer, body: "{}", expect: .forbidden)
        try await api.check(.POST, "/api/v1/job-starts/:jobStartID/checks", start + "/checks", as: .adviser,
                            body: #"{"milestone": 13, "checkedOn": "2026-09-02", "stillInWork": true}"#, expect: .conflict)
        try await api.check(.POST, "/api/v1/job-starts/:jobStartID/checks", start + "/checks", as: .adviser,
                            body: #"{"milestone": "26 weeks", "checkedOn": "2026-11-01", "stillInWork": "yes"}"#, expect: .unprocessableEntity)
        try await api.check(.POST, "/api/v1/job-starts/:jobStartID/checks", start + "/checks", as: .employer,
                            body: #"{"milestone": 26, "checkedOn": "2026-11-01", "stillInWork": "yes"}"#, expect: .forbidden)
        try await api.check(.POST, "/api/v1/job-starts/:jobStartID/contacts", start + "/contacts", as: .provider,
                            body: #"{"date": "2026-10-01", "summary": "x"}"#, expect: .forbidden)
        try await api.check(.POST, "/api/v1/job-starts/:jobStartID/progressions", start + "/progressions", as: .adviser,
                            body: #"{"kind": "pay-rise", "date": "2026-05-01", "detail": "Before the start"}"#, expect: .unprocessableEntity)
        try await api.check(.GET, "/api/v1/job-starts/:jobStartID", "/api/v1/job-starts/\(UUID())", as: .adviser, expect: .notFound)
        let detail = try await api.check(.GET, "/api/v1/job-starts/:jobStartID", start, as: .administrator, expect: .ok)
        XCTAssertEqual(detail["milestones"]?[0]?["check"]?["stillInWork"], .bool(true))
        XCTAssertNil(detail["milestones"]?[1]?["check"])
        api.assertCovered("Referrals")
    }

    func testInsightConforms() async throws {
        _ = try await makeReferralAndJobStart()
        let region = try await api.check(.GET, "/api/v1/insight", as: .analyst, expect: .ok)
        XCTAssertNil(region["area"]?["localAuthorityID"])
        let authority = try await api.check(.GET, "/api/v1/insight", "/api/v1/insight?la=\(f.laCode)", as: .adviser, expect: .ok)
        XCTAssertEqual(authority["area"]?["localAuthorityID"], .string(f.laCode))
        XCTAssertEqual(authority["jobStarts"]?["total"]?["suppressed"], .bool(true), "one job start is fewer than five")
        XCTAssertEqual(authority["jobStarts"]?["total"]?["value"], .null)
        try await api.check(.GET, "/api/v1/insight", "/api/v1/insight?la=E99999999", as: .administrator, expect: .unprocessableEntity)
        try await api.check(.GET, "/api/v1/insight", as: .employer, expect: .forbidden)
        api.assertCovered("Insight")
    }

    func testTaxonomyConforms() async throws {
        let occupations = try await api.check(.GET, "/api/v1/taxonomy/occupations", "/api/v1/taxonomy/occupations?sector=logistics&size=5",
                                              as: .employer, expect: .ok)
        let occupation = try XCTUnwrap(occupations["items"]?[0]?["id"]?.string)
        try await api.check(.GET, "/api/v1/taxonomy/occupations", "/api/v1/taxonomy/occupations?sector=space", as: .analyst, expect: .unprocessableEntity)
        let detail = try await api.check(.GET, "/api/v1/taxonomy/occupations/:occupationID", "/api/v1/taxonomy/occupations/\(occupation)",
                                         as: .provider, expect: .ok)
        let skill = try XCTUnwrap(detail["essentialSkills"]?[0]?["skillID"]?.string)
        try await api.check(.GET, "/api/v1/taxonomy/occupations/:occupationID", "/api/v1/taxonomy/occupations/O.NOTHING", as: .adviser, expect: .notFound)
        try await api.check(.GET, "/api/v1/taxonomy/skills", "/api/v1/taxonomy/skills?kind=licence&q=a", as: .analyst, expect: .ok)
        try await api.check(.GET, "/api/v1/taxonomy/skills", "/api/v1/taxonomy/skills?page=2&size=10", as: .adviser, expect: .ok)
        try await api.check(.GET, "/api/v1/taxonomy/skills", "/api/v1/taxonomy/skills?kind=magic", as: .adviser, expect: .unprocessableEntity)
        let shown = try await api.check(.GET, "/api/v1/taxonomy/skills/:skillID", "/api/v1/taxonomy/skills/\(skill)", as: .adviser, expect: .ok)
        XCTAssertFalse(shown["occupations"]?.array?.isEmpty ?? true)
        try await api.check(.GET, "/api/v1/taxonomy/skills/:skillID", "/api/v1/taxonomy/skills/S.NOTHING", as: .employer, expect: .notFound)
        api.assertCovered("Taxonomy")
    }

    // MARK: - Helpers

    /// Ids for every path parameter a GET takes, from the fixture (and a referral and job start made here).
    /// A vacancy referral of client A moved to interviewed, and a job start from it with a 13-week check,
    /// an employer's in-work contact and a progression, all through the API.
    func makeReferralAndJobStart() async throws -> (referral: String, jobStart: String) {
        let referred = try await api.check(.POST, "/api/v1/referrals", as: .adviser,
                                           body: #"{"clientID": "\#(f.clientA)", "vacancyID": "\#(f.vacancy)"}"#, expect: .created)
        let referral = try XCTUnwrap(referred["id"]?.string)
        XCTAssertEqual(referred["status"]?.string, "proposed")
        try await api.check(.POST, "/api/v1/referrals/:referralID/status", "/api/v1/referrals/\(referral)/status", as: .employer,
                            body: #"{"status": "applied"}"#, expect: .forbidden)
        try await api.check(.POST, "/api/v1/referrals/:referralID/status", "/api/v1/referrals/\(referral)/status", as: .adviser,
                            body: #"{"status": "applied", "note": "The client accepts."}"#, expect: .ok)
        try await api.check(.POST, "/api/v1/referrals/:referralID/status", "/api/v1/referrals/\(referral)/status", as: .employer,
                            body: #"{"status": "interviewed"}"#, expect: .ok)
        let started = try await api.check(.POST, "/api/v1/job-starts", as: .adviser,
                                          body: #"{"clientID": "\#(f.clientA)", "vacancyID": "\#(f.vacancy)", "startedOn": "2026-06-01"}"#,
                                          expect: .created)
        let jobStart = try XCTUnwrap(started["jobStart"]?["id"]?.string)
        let start = "/api/v1/job-starts/\(jobStart)"
        try await api.check(.POST, "/api/v1/job-starts/:jobStartID/checks", start + "/checks", as: .adviser,
                            body: #"{"milestone": "13", "checkedOn": "2026-09-01", "stillInWork": "yes", "note": "Settled in."}"#, expect: .created)
        try await api.check(.POST, "/api/v1/job-starts/:jobStartID/contacts", start + "/contacts", as: .employer,
                            body: #"{"contactedOn": "2026-10-01", "withEmployer": true, "summary": "Review with the line manager."}"#, expect: .created)
        try await api.check(.POST, "/api/v1/job-starts/:jobStartID/progressions", start + "/progressions", as: .adviser,
                            body: #"{"kind": "pay-rise", "progressedOn": "2026-10-15", "detail": "Up to 13.00 an hour."}"#, expect: .created)
        return (referral, jobStart)
    }

    func knownIDs() async throws -> [String: String] {
        let made = try await makeReferralAndJobStart()
        let vacancy = try await api.check(.GET, "/api/v1/vacancies/:vacancyID", "/api/v1/vacancies/\(f.vacancy)", as: .adviser, expect: .ok)
        let skill = try XCTUnwrap(vacancy["requirements"]?[0]?["skillID"]?.string)
        return [
            "clientID": f.clientA.uuidString, "employerID": f.employer.uuidString, "vacancyID": f.vacancy.uuidString,
            "programmeID": f.programme.uuidString, "assessmentID": f.assessmentA.uuidString,
            "occupationID": try XCTUnwrap(vacancy["occupationID"]?.string), "skillID": skill,
            "referralID": made.referral, "jobStartID": made.jobStart,
        ]
    }

    /// The path with each `:parameter` replaced by its id (percent-encoded), or nil when one is unknown.
    func fill(_ path: String, _ ids: [String: String]) -> String? {
        var parts: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard part.hasPrefix(":") else { parts.append(String(part)); continue }
            guard let id = ids[String(part.dropFirst())] else { return nil }
            parts.append(id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? id)
        }
        return parts.joined(separator: "/")
    }
}
