import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Foundation
import Vapor
import XCTVapor
import XCTest

/// A client's skills-escalator pathway in the app and the API: the fixture client holds two of the warehouse
/// operative's essential skills, and the fixture programme (cohort 1 December 2026, 6 weeks, £900) teaches the rest.
final class PathwayPagesTests: WebTestCase {
    private var headers: [TestRole: HTTPHeaders] = [:]

    private func get(_ path: String, as role: TestRole = .adviser) async throws -> XCTHTTPResponse {
        if headers[role] == nil { headers[role] = try await t.bearer(role) }
        return try await t.app.sendRequest(.GET, path, headers: headers[role]!)
    }

    private func json(_ res: XCTHTTPResponse) throws -> JSON { try JSON.parse(res.body.string) }

    private func auditEvents(_ client: UUID) async throws -> [AuditEventModel] {
        try await AuditEventModel.query(on: t.app.db).filter(\.$clientID == client).all()
    }

    /// The core planner's answer for the same inputs the app reads.
    private func corePathway(_ target: (PathwayInputs) async throws -> PathwayTarget, objective: PathwayObjective) async throws -> (PathwayInputs, PathwayRequest, PathwayResult) {
        let db = t.app.db
        let inputs = try await PathwayInputs.load(from: db, now: t.clock.now)
        let clientModel = try await ClientModel.find(f.clientA, on: db)
        let client = try XCTUnwrap(clientModel).value
        let latest = try await PathwayInputs.latestAssessment(clientID: f.clientA, cipher: t.app.columnCipher, on: db)
        let assessment = try XCTUnwrap(latest)
        let request = inputs.request(client: client, assessment: assessment, target: try await target(inputs), objective: objective, now: t.clock.now)
        return (inputs, request, inputs.planner.pathway(request))
    }

    // MARK: The pathway's values

    func testAClientMissingSkillsTheFixtureProgrammeTeachesGetsThatProgrammeWithItsCohortDates() async throws {
        let res = try await get("/api/v1/clients/\(f.clientA)/pathway?vacancy=\(f.vacancy)")
        XCTAssertEqual(res.status, .ok, res.body.string)
        let body = try json(res)
        XCTAssertEqual(body["reachable"], .bool(true))
        XCTAssertEqual(body["assessed"], .bool(true))
        XCTAssertEqual(body["objective"], .string("weeks"))
        XCTAssertEqual(body["plannedFrom"], .string("2026-11-02"))
        XCTAssertEqual(body["target"]?["kind"], .string("vacancy"))
        XCTAssertEqual(body["target"]?["title"], .string("Warehouse operative"))
        let steps = try XCTUnwrap(body["pathway"]?["steps"]?.array)
        XCTAssertEqual(steps.count, 1, "one programme teaches every missing skill: \(steps)")
        let step = try XCTUnwrap(steps.first)
        XCTAssertEqual(step["kind"], .string("programme"))
        XCTAssertEqual(step["programmeID"]?.string?.lowercased(), f.programme.uuidString.lowercased())
        XCTAssertEqual(step["cohortID"]?.string?.lowercased(), f.cohort.uuidString.lowercased())
        XCTAssertEqual(step["title"], .string("Warehouse skills bootcamp"))
        XCTAssertEqual(step["providerName"], .string("Test College"))
        XCTAssertEqual(step["startsOn"], .string("2026-12-01"))
        XCTAssertEqual(step["endsOn"], .string("2027-01-12"))
        XCTAssertEqual(step["weeks"], .int(6))
        XCTAssertEqual(step["costPence"], .int(90000))
        let closed = Set(step["closes"]?.array?.compactMap { $0["skillID"]?.string } ?? [])
        XCTAssertEqual(closed, ["S.HEALTH_SAFETY", "S.TEAMWORK", "B.NUMERACY"], "the three essential skills the client lacks")
        XCTAssertEqual(body["pathway"]?["jobReadyOn"], .string("2027-01-12"))
        XCTAssertEqual(body["pathway"]?["daysToJobReady"], .int(71))
        XCTAssertEqual(body["pathway"]?["weeksToJobReady"], .int(11))
        XCTAssertEqual(body["pathway"]?["totalCostPence"], .int(90000))
        XCTAssertEqual(body["blockers"]?.array?.count, 0)
        let notes = body["pathway"]?["notes"]?.array?.compactMap(\.string) ?? []
        XCTAssertTrue(notes.contains { $0.contains("transport") }, "the medium transport barrier is noted: \(notes)")
    }

    func testTheAPIAnswerEqualsTheCorePlannersResultForTheSameInputs() async throws {
        for objective in PathwayObjective.allCases {
            let res = try await get("/api/v1/clients/\(f.clientA)/pathway?vacancy=\(f.vacancy)&objective=\(objective.rawValue)")
            XCTAssertEqual(res.status, .ok, res.body.string)
            let vacancyModel = try await VacancyModel.find(f.vacancy, on: t.app.db)
            let vacancy = try XCTUnwrap(vacancyModel)
            let (inputs, request, core) = try await corePathway({ $0.vacancyTarget(vacancy) }, objective: objective)
            let pathway = try XCTUnwrap(core.pathway)
            let body = try json(res)
            let steps = try XCTUnwrap(body["pathway"]?["steps"]?.array)
            XCTAssertEqual(steps.count, pathway.steps.count)
            for (step, expected) in zip(steps, pathway.steps) {
                XCTAssertEqual(step["title"]?.string, expected.title)
                XCTAssertEqual(step["startsOn"]?.string, expected.startsOn.isoDay)
                XCTAssertEqual(step["endsOn"]?.string, expected.endsOn.isoDay)
                XCTAssertEqual(step["costPence"], .int(expected.costPence))
                XCTAssertEqual(step["phase"]?.string, expected.phase.rawValue)
            }
            XCTAssertEqual(body["pathway"]?["jobReadyOn"]?.string, pathway.jobReadyOn.isoDay)
            XCTAssertEqual(body["pathway"]?["totalCostPence"], .int(pathway.totalCostPence))
            XCTAssertEqual(body["pathway"]?["notes"]?.array?.compactMap(\.string), pathway.notes)
            XCTAssertEqual(body["pathway"]?["inWorkSupport"]?.array?.compactMap { $0["programmeID"]?.string?.lowercased() },
                           pathway.inWorkSupport.map { $0.programmeID.uuidString.lowercased() })
            XCTAssertEqual(body["pathway"]?["progression"]?["occupationID"]?.string, pathway.progression?.occupationID)
            // And the whole document is the core result in the API's shape.
            let clientModel = try await ClientModel.find(f.clientA, on: t.app.db)
            let client = try XCTUnwrap(clientModel).value
            let expected = PathwayDTO(PathwayQueries.Result(
                client: client, request: request, result: core, target: request.target,
                parameters: PathwayParameters(target: .vacancy(f.vacancy), objective: objective), today: inputs.today,
                taxonomy: inputs.planner.taxonomy, providerNames: [f.programme: "Test College"]))
            XCTAssertEqual(body, try JSON.parse(String(decoding: try JSONEncoder.api.encode(expected), as: UTF8.self)))
        }
    }

    func testAnUnreachableTargetNamesWhatBlocksIt() async throws {
        let res = try await get("/api/v1/clients/\(f.clientA)/pathway?occupation=O.CARE_ASSISTANT")
        XCTAssertEqual(res.status, .ok, res.body.string)
        let body = try json(res)
        XCTAssertEqual(body["reachable"], .bool(false))
        XCTAssertNil(body["pathway"])
        let (_, _, core) = try await corePathway({ .occupation(try XCTUnwrap($0.planner.taxonomy.occupation("O.CARE_ASSISTANT"))) }, objective: .weeksToJobReady)
        XCTAssertFalse(core.blockers.isEmpty)
        let blockers = try XCTUnwrap(body["blockers"]?.array)
        XCTAssertEqual(blockers.count, core.blockers.count)
        XCTAssertEqual(blockers.compactMap { $0["message"]?.string }, core.blockers.map(\.message))
        let skills = Set(blockers.compactMap { $0["requirement"]?["skillID"]?.string })
        XCTAssertTrue(skills.contains("S.PERSONAL_CARE"), "no fixture programme teaches personal care: \(blockers)")

        let session = try await t.pageSession(.adviser)
        let page = try await t.page(session, "/clients/\(f.clientA)/pathway?occupation=O.CARE_ASSISTANT")
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.string.contains("No pathway reaches this target"))
        XCTAssertTrue(page.body.string.contains(Node.escape(core.blockers[0].message)), "the page gives the reason")
    }

    func testAnUnassessedClientHasNothingToPlanFrom() async throws {
        let res = try await get("/api/v1/clients/\(f.clientB)/pathway?vacancy=\(f.vacancy)", as: .administrator)
        XCTAssertEqual(res.status, .ok, res.body.string)
        XCTAssertEqual(try json(res)["assessed"], .bool(false))
        XCTAssertEqual(try json(res)["reachable"], .bool(false))
    }

    // MARK: Pages

    func testThePageShowsTheStepsAndIsLinkedFromTheMatchesAndClientPages() async throws {
        let session = try await t.pageSession(.adviser)
        let matches = try await t.page(session, "/clients/\(f.clientA)/matches")
        XCTAssertEqual(matches.status, .ok)
        let link = "/clients/\(f.clientA)/pathway?vacancy=\(f.vacancy)&amp;objective=weeks"
        XCTAssertTrue(matches.body.string.contains("href=\"\(link)\""), "each recommended vacancy links to its pathway")
        XCTAssertTrue(matches.body.string.contains("Pathway to this job"))

        let client = try await t.page(session, "/clients/\(f.clientA)")
        XCTAssertTrue(client.body.string.contains(#"action="/clients/\#(f.clientA)/pathway""#))
        XCTAssertTrue(client.body.string.contains(#"<label class="label" for="f-occupation">"#), "the occupation field is labelled")
        XCTAssertTrue(client.body.string.contains(#"value="O.CARE_ASSISTANT""#))

        let page = try await t.page(session, "/clients/\(f.clientA)/pathway?vacancy=\(f.vacancy)")
        XCTAssertEqual(page.status, .ok, page.body.string)
        let html = page.body.string
        XCTAssertEqual(html.components(separatedBy: "<h1").count - 1, 1)
        for expected in ["Pathway to Warehouse operative", "Warehouse skills bootcamp", "Test College", "1 December 2026", "12 January 2027",
                         "£900.00", "After starting work", "Job-ready on", "Meets "] {
            XCTAssertTrue(html.contains(expected), "the page shows \(expected)")
        }
        let byOccupation = try await t.page(session, "/clients/\(f.clientA)/pathway?occupation=O.WAREHOUSE_OPERATIVE&objective=cost")
        XCTAssertEqual(byOccupation.status, .ok)
        XCTAssertTrue(byOccupation.body.string.contains("Least total cost"))
    }

    // MARK: Access

    func testOnlyAdvisersWhoMaySeeTheClientAndAdministratorsGetAPathway() async throws {
        let path = "/api/v1/clients/\(f.clientA)/pathway?vacancy=\(f.vacancy)"
        let before = try await auditEvents(f.clientA).count
        for role in [TestRole.employer, .provider, .analyst] {
            let res = try await get(path, as: role)
            XCTAssertEqual(res.status, .forbidden, "\(role)")
        }
        // The charity's adviser: clientA was registered by the Jobcentre and consents only to the college.
        let res = try await get(path, as: .otherAdviser)
        XCTAssertEqual(res.status, .notFound)
        let otherClient = try await get("/api/v1/clients/\(f.clientB)/pathway?vacancy=\(f.vacancy)")
        XCTAssertEqual(otherClient.status, .notFound)
        let eventsAfterRefusals = try await auditEvents(f.clientA)
        XCTAssertEqual(eventsAfterRefusals.count, before, "a refused read records nothing")
        let administrator = try await get(path, as: .administrator)
        XCTAssertEqual(administrator.status, .ok)

        for role in [TestRole.employer, .provider, .analyst] {
            let session = try await t.pageSession(role)
            let page = try await t.page(session, "/clients/\(f.clientA)/pathway?vacancy=\(f.vacancy)")
            XCTAssertEqual(page.status, .forbidden, "\(role)")
        }
    }

    func testAPathwayReadIsAudited() async throws {
        let before = try await auditEvents(f.clientA)
        let read = try await get("/api/v1/clients/\(f.clientA)/pathway?vacancy=\(f.vacancy)")
        XCTAssertEqual(read.status, .ok)
        let after = try await auditEvents(f.clientA)
        let new = after.filter { event in !before.contains { $0.id == event.id } }
        XCTAssertEqual(new.map(\.object), ["pathway"])
        XCTAssertEqual(new.first?.action, "read")
        XCTAssertEqual(new.first?.userID, f.adviser)
    }

    // MARK: Bad parameters

    func testBadParametersAre400sNamingTheParameterAndChangeNothing() async throws {
        let base = "/api/v1/clients/\(f.clientA)/pathway"
        _ = try await get(base + "?vacancy=\(f.vacancy)")
        let before = try await auditEvents(f.clientA).count
        let cases: [(String, HTTPStatus, String)] = [
            ("", .badRequest, "occupation"),
            ("?objective=weeks", .badRequest, "occupation"),
            ("?vacancy=\(f.vacancy)&occupation=O.CARE_ASSISTANT", .badRequest, "vacancy"),
            ("?vacancy=not-an-id", .badRequest, "vacancy"),
            ("?vacancy=\(f.vacancy)&objective=fastest", .badRequest, "objective"),
        ]
        for (query, status, field) in cases {
            let res = try await get(base + query)
            XCTAssertEqual(res.status, status, query)
            let body = try json(res)
            XCTAssertEqual(body["error"]?["fields"]?[0]?["field"], .string(field), "\(query): \(res.body.string)")
        }
        let unknownVacancy = try await get(base + "?vacancy=\(UUID())")
        XCTAssertEqual(unknownVacancy.status, .notFound)
        XCTAssertTrue(unknownVacancy.body.string.contains("Vacancy was not found"))
        let unknownOccupation = try await get(base + "?occupation=O.ASTRONAUT")
        XCTAssertEqual(unknownOccupation.status, .notFound)
        XCTAssertTrue(unknownOccupation.body.string.contains("Occupation O.ASTRONAUT"))
        let eventsAfterBadRequests = try await auditEvents(f.clientA)
        XCTAssertEqual(eventsAfterBadRequests.count, before, "a bad request records nothing")

        let session = try await t.pageSession(.adviser)
        let page = try await t.page(session, "/clients/\(f.clientA)/pathway?objective=fastest&occupation=O.CARE_ASSISTANT")
        XCTAssertEqual(page.status, .badRequest)
        XCTAssertTrue(page.body.string.contains("error-summary"))
        XCTAssertTrue(page.body.string.contains("href=\"#f-objective\""), "the summary links to the field")
        XCTAssertEqual(page.body.string.components(separatedBy: "<h1").count - 1, 1)
        let neither = try await t.page(session, "/clients/\(f.clientA)/pathway")
        XCTAssertEqual(neither.status, .badRequest)
        XCTAssertTrue(neither.body.string.contains(#"<label class="label" for="f-occupation">"#))
        let unknown = try await t.page(session, "/clients/\(f.clientA)/pathway?vacancy=\(UUID())")
        XCTAssertEqual(unknown.status, .notFound)
        XCTAssertTrue(unknown.body.string.contains("Vacancy was not found"))
        let eventsAfterBadPages = try await auditEvents(f.clientA)
        XCTAssertEqual(eventsAfterBadPages.count, before)
    }

    // MARK: The planner cache

    func testANewCohortIsPlannedWithOnceItIsAdded() async throws {
        let path = "/api/v1/clients/\(f.clientA)/pathway?vacancy=\(f.vacancy)"
        let first = try json(try await get(path))
        XCTAssertEqual(first["pathway"]?["steps"]?[0]?["startsOn"], .string("2026-12-01"))
        let added = try await t.send(.POST, "/api/v1/programmes/\(f.programme)/cohorts", json: #"{"startsOn": "2026-11-16", "capacity": 5}"#, as: .provider)
        XCTAssertEqual(added.status, .created, added.body.string)
        let second = try json(try await get(path))
        XCTAssertEqual(second["pathway"]?["steps"]?[0]?["startsOn"], .string("2026-11-16"), "the earlier cohort makes them job-ready sooner")
        XCTAssertEqual(second["pathway"]?["jobReadyOn"], .string("2026-12-28"))
    }

    // MARK: The document

    func testThePathwayOperationConformsToTheDocument() async throws {
        let api = try APIConformance(t)
        let route = "/api/v1/clients/:clientID/pathway"
        try await api.check(.GET, route, "/api/v1/clients/\(f.clientA)/pathway?vacancy=\(f.vacancy)&objective=cost", as: .adviser, expect: .ok)
        try await api.check(.GET, route, "/api/v1/clients/\(f.clientA)/pathway?occupation=O.CARE_ASSISTANT", as: .administrator, expect: .ok)
        try await api.check(.GET, route, "/api/v1/clients/\(f.clientB)/pathway?occupation=O.CARE_ASSISTANT", as: .administrator, expect: .ok)
        try await api.check(.GET, route, "/api/v1/clients/\(f.clientA)/pathway", as: .adviser, expect: .badRequest)
        try await api.check(.GET, route, "/api/v1/clients/\(f.clientA)/pathway?vacancy=\(UUID())", as: .adviser, expect: .notFound)
        try await api.check(.GET, route, "/api/v1/clients/\(f.clientA)/pathway?vacancy=\(f.vacancy)", as: .employer, expect: .forbidden)
        api.assertCovered("Pathways")
    }
}
