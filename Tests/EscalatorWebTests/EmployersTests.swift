import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Vapor
import XCTVapor
import XCTest

final class EmployersTests: WebTestCase {
    /// A paged list as the API returns it.
    private struct PagedBody<Item: Decodable>: Decodable {
        var items: [Item]
        var page: Int
        var size: Int
        var total: Int
    }

    private func errorFields(_ res: XCTHTTPResponse) throws -> Set<String> {
        Set(try res.content.decode(ErrorBody.self).error.fields.map(\.field))
    }

    private func counts() async throws -> (employers: Int, organisations: Int, engagements: Int, pledges: Int) {
        (try await EmployerModel.query(on: t.app.db).count(), try await OrganisationModel.query(on: t.app.db).count(),
         try await EngagementModel.query(on: t.app.db).count(), try await PledgeModel.query(on: t.app.db).count())
    }

    private func postForm(_ session: PageSession, _ path: String, _ fields: [String: String], withToken: Bool = true) async throws -> XCTHTTPResponse {
        var headers = session.headers
        headers.contentType = .urlEncodedForm
        let body = try URLEncodedFormEncoder().encode(withToken ? session.form(fields) : fields)
        return try await t.app.sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    // MARK: API: list, create, show

    func testAPIListSearchesByNameFiltersBySectorAndPaginates() async throws {
        var res = try await t.send(.GET, "/api/v1/employers")
        XCTAssertEqual(res.status, .ok)
        var page = try res.content.decode(PagedBody<EmployersAPIController.EmployerSummaryDTO>.self)
        XCTAssertEqual(page.total, 2)
        XCTAssertEqual(page.items.map(\.name), ["Other Employer Ltd", "Test Engineering Ltd"])
        XCTAssertEqual(page.items.last?.openVacancies, 1)
        XCTAssertEqual(page.items.last?.wardName, "Aston (test)")

        res = try await t.send(.GET, "/api/v1/employers?q=engineering")
        page = try res.content.decode(PagedBody<EmployersAPIController.EmployerSummaryDTO>.self)
        XCTAssertEqual(page.items.map(\.id), [f.employer])

        res = try await t.send(.GET, "/api/v1/employers?sector=retail")
        page = try res.content.decode(PagedBody<EmployersAPIController.EmployerSummaryDTO>.self)
        XCTAssertEqual(page.items.map(\.id), [f.otherEmployer])

        res = try await t.send(.GET, "/api/v1/employers?size=1&page=2")
        page = try res.content.decode(PagedBody<EmployersAPIController.EmployerSummaryDTO>.self)
        XCTAssertEqual(page.total, 2)
        XCTAssertEqual(page.items.map(\.name), ["Test Engineering Ltd"])

        res = try await t.send(.GET, "/api/v1/employers?sector=farming")
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["sector"])
    }

    func testAPIAdviserAddsAnEmployerWithItsOwnOrganisation() async throws {
        let before = try await counts()
        let res = try await t.send(.POST, "/api/v1/employers", json: """
            {"name": "Brum Bakeries", "sector": "hospitality", "size": "small", "postcode": "b5 4aa", "wardID": "\(f.wardB)"}
            """)
        XCTAssertEqual(res.status, .created, res.body.string)
        let body = try res.content.decode(EmployersAPIController.EmployerDetailDTO.self)
        XCTAssertEqual(body.name, "Brum Bakeries")
        XCTAssertEqual(body.sector, .hospitality)
        XCTAssertEqual(body.postcode, "B5 4AA")
        XCTAssertEqual(body.wardName, "Edgbaston (test)")
        XCTAssertEqual(body.organisationName, "Brum Bakeries")
        XCTAssertTrue(body.engagements.isEmpty && body.pledges.isEmpty && body.vacancyIDs.isEmpty)

        let organisation = try await OrganisationModel.find(body.organisationID, on: t.app.db)
        XCTAssertEqual(organisation?.kind, .employer)
        XCTAssertEqual(organisation?.name, "Brum Bakeries")
        let after = try await counts()
        XCTAssertEqual(after.employers, before.employers + 1)
        XCTAssertEqual(after.organisations, before.organisations + 1)

        let shown = try await t.send(.GET, "/api/v1/employers/\(body.id)")
        XCTAssertEqual(shown.status, .ok)
        XCTAssertEqual(try shown.content.decode(EmployersAPIController.EmployerDetailDTO.self).name, "Brum Bakeries")
    }

    func testAPIOnlyAdministratorsAttachAnExistingEmployerOrganisation() async throws {
        let before = try await counts()
        let json = """
            {"name": "Test Engineering Fabrication", "sector": "advanced-manufacturing", "size": "large", "postcode": "B7 5AB",
             "wardID": "\(f.wardA)", "organisationID": "\(f.employerOrg)"}
            """
        var res = try await t.send(.POST, "/api/v1/employers", json: json, as: .adviser)
        XCTAssertEqual(res.status, .forbidden)
        var now = try await counts()
        XCTAssertEqual(now.employers, before.employers)

        res = try await t.send(.POST, "/api/v1/employers", json: json.replacingOccurrences(of: f.employerOrg.uuidString, with: f.jobcentre.uuidString), as: .administrator)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["organisationID"])
        now = try await counts()
        XCTAssertEqual(now.employers, before.employers)

        res = try await t.send(.POST, "/api/v1/employers", json: json, as: .administrator)
        XCTAssertEqual(res.status, .created, res.body.string)
        let body = try res.content.decode(EmployersAPIController.EmployerDetailDTO.self)
        XCTAssertEqual(body.organisationID, f.employerOrg)
        now = try await counts()
        XCTAssertEqual(now.organisations, before.organisations, "no new organisation when one is picked")

        // The employer organisation's user now sees both of its employers.
        res = try await t.send(.GET, "/api/v1/employers", as: .employer)
        let page = try res.content.decode(PagedBody<EmployersAPIController.EmployerSummaryDTO>.self)
        XCTAssertEqual(Set(page.items.map(\.id)), [f.employer, body.id])
    }

    func testAPIBadEmployerInputNamesEveryFieldAndCreatesNothing() async throws {
        let before = try await counts()
        var res = try await t.send(.POST, "/api/v1/employers", json: """
            {"name": " ", "sector": "farming", "postcode": "not a postcode", "wardID": "E00000000"}
            """)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["name", "sector", "size", "postcode", "wardID"])

        res = try await t.send(.POST, "/api/v1/employers", json: #"{"name": "Broken", "#)
        XCTAssertEqual(res.status, .badRequest)

        res = try await t.send(.POST, "/api/v1/employers", json: #"{"name": 42}"#)
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(try errorFields(res), ["name"])

        let after = try await counts()
        XCTAssertEqual(after.employers, before.employers)
        XCTAssertEqual(after.organisations, before.organisations)
    }

    func testAPIShowsEngagementsPledgesAndVacancyIDs() async throws {
        var res = try await t.send(.POST, "/api/v1/employers/\(f.employer)/engagements", json: """
            {"date": "2026-10-30", "kind": "visit", "summary": "Toured the warehouse; agreed a sector-based work academy."}
            """, as: .employer)
        XCTAssertEqual(res.status, .created, res.body.string)
        res = try await t.send(.POST, "/api/v1/employers/\(f.employer)/pledges", json: """
            {"kind": "work-placements", "quantity": 4, "madeOn": "2026-10-30"}
            """, as: .adviser)
        XCTAssertEqual(res.status, .created, res.body.string)

        res = try await t.send(.GET, "/api/v1/employers/\(f.employer)", as: .provider)
        XCTAssertEqual(res.status, .ok)
        let body = try res.content.decode(EmployersAPIController.EmployerDetailDTO.self)
        XCTAssertEqual(body.engagements.map(\.date), ["2026-10-30"])
        XCTAssertEqual(body.engagements.first?.kind, "visit")
        XCTAssertEqual(body.engagements.first?.recordedBy, "Test Employer")
        XCTAssertEqual(body.pledges.map(\.kind), [.workPlacements])
        XCTAssertEqual(body.pledges.first?.quantity, 4)
        XCTAssertEqual(body.pledges.first?.madeOn, "2026-10-30")
        XCTAssertEqual(body.vacancyIDs, [f.vacancy])
        XCTAssertEqual(body.organisationName, "Test Engineering Ltd")
    }

    func testAPIBadEngagementAndPledgeNameFieldsAndWriteNothing() async throws {
        let before = try await counts()
        var res = try await t.send(.POST, "/api/v1/employers/\(f.employer)/engagements", json: """
            {"date": "2026-12-25", "kind": "fax", "summary": ""}
            """)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["date", "kind", "summary"])

        res = try await t.send(.POST, "/api/v1/employers/\(f.employer)/pledges", json: """
            {"kind": "money", "quantity": 0, "madeOn": "30/10/2026"}
            """)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["kind", "quantity", "madeOn"])

        res = try await t.send(.POST, "/api/v1/employers/\(f.employer)/pledges", json: #"{"kind": "work-placements", "quantity": true}"#)
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(try errorFields(res), ["quantity"])

        res = try await t.send(.POST, "/api/v1/employers/\(UUID())/engagements", json: #"{"date": "2026-10-30", "kind": "call", "summary": "x"}"#)
        XCTAssertEqual(res.status, .notFound)

        let after = try await counts()
        XCTAssertEqual(after.engagements, before.engagements)
        XCTAssertEqual(after.pledges, before.pledges)
    }

    // MARK: API access

    func testAPIEmployerUsersSeeAndChangeOnlyTheirOwnEmployers() async throws {
        var res = try await t.send(.GET, "/api/v1/employers", as: .employer)
        let page = try res.content.decode(PagedBody<EmployersAPIController.EmployerSummaryDTO>.self)
        XCTAssertEqual(page.items.map(\.id), [f.employer])
        XCTAssertEqual(page.total, 1)

        res = try await t.send(.GET, "/api/v1/employers/\(f.otherEmployer)", as: .employer)
        XCTAssertEqual(res.status, .notFound)
        res = try await t.send(.GET, "/api/v1/employers/\(f.employer)", as: .employer)
        XCTAssertEqual(res.status, .ok)

        let before = try await counts()
        res = try await t.send(.POST, "/api/v1/employers/\(f.otherEmployer)/engagements", json: """
            {"date": "2026-10-30", "kind": "call", "summary": "Should not be logged"}
            """, as: .employer)
        XCTAssertEqual(res.status, .notFound)
        res = try await t.send(.POST, "/api/v1/employers/\(f.otherEmployer)/pledges", json: """
            {"kind": "guaranteed-interviews", "quantity": 2, "madeOn": "2026-10-30"}
            """, as: .employer)
        XCTAssertEqual(res.status, .notFound)
        res = try await t.send(.POST, "/api/v1/employers", json: """
            {"name": "Self-made", "sector": "retail", "size": "micro", "postcode": "B1 1AA", "wardID": "\(f.wardA)"}
            """, as: .employer)
        XCTAssertEqual(res.status, .forbidden)
        let after = try await counts()
        XCTAssertEqual(after.engagements, before.engagements)
        XCTAssertEqual(after.pledges, before.pledges)
        XCTAssertEqual(after.employers, before.employers)
    }

    func testAPIProvidersReadOnlyAndAnalystsForbidden() async throws {
        var res = try await t.send(.GET, "/api/v1/employers", as: .provider)
        XCTAssertEqual(res.status, .ok)
        XCTAssertEqual(try res.content.decode(PagedBody<EmployersAPIController.EmployerSummaryDTO>.self).total, 2)
        res = try await t.send(.GET, "/api/v1/employers/\(f.otherEmployer)", as: .provider)
        XCTAssertEqual(res.status, .ok)

        let before = try await counts()
        res = try await t.send(.POST, "/api/v1/employers/\(f.employer)/engagements", json: """
            {"date": "2026-10-30", "kind": "meeting", "summary": "Co-design meeting"}
            """, as: .provider)
        XCTAssertEqual(res.status, .forbidden)
        res = try await t.send(.POST, "/api/v1/employers", json: """
            {"name": "Provider-made", "sector": "retail", "size": "micro", "postcode": "B1 1AA", "wardID": "\(f.wardA)"}
            """, as: .provider)
        XCTAssertEqual(res.status, .forbidden)

        for path in ["/api/v1/employers", "/api/v1/employers/\(f.employer)"] {
            res = try await t.send(.GET, path, as: .analyst)
            XCTAssertEqual(res.status, .forbidden, path)
        }
        res = try await t.send(.POST, "/api/v1/employers/\(f.employer)/pledges", json: """
            {"kind": "work-placements", "quantity": 1, "madeOn": "2026-10-30"}
            """, as: .analyst)
        XCTAssertEqual(res.status, .forbidden)
        let after = try await counts()
        XCTAssertEqual(after.engagements, before.engagements)
        XCTAssertEqual(after.pledges, before.pledges)
        XCTAssertEqual(after.employers, before.employers)
    }

    // MARK: Pages

    func testPagesAddAnEmployerLogEngagementAndRecordAPledge() async throws {
        let session = try await t.pageSession(.adviser)
        var res = try await t.app.sendRequest(.GET, "/employers/new", headers: session.headers)
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains(#"name="wardID""#))
        XCTAssertFalse(res.body.string.contains(#"name="organisationID""#), "only administrators pick an organisation")

        res = try await postForm(session, "/employers", [
            "name": "Digbeth Digital", "sector": "digital", "size": "micro", "postcode": "B5 5RT", "wardID": f.wardA,
        ])
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        let location = try XCTUnwrap(res.headers.first(name: .location))
        let stored = try await EmployerModel.query(on: t.app.db).filter(\.$name == "Digbeth Digital").first()
        let employer = try XCTUnwrap(stored)
        XCTAssertTrue(location.hasPrefix("/employers/\(employer.id!)"))

        res = try await postForm(session, "/employers/\(employer.id!)/engagements", [
            "date": "2026-10-29", "kind": "event", "summary": "Met at the Digbeth jobs fair",
        ])
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        res = try await postForm(session, "/employers/\(employer.id!)/pledges", ["kind": "school-encounters", "quantity": "6", "madeOn": "2026-10-29"])
        XCTAssertEqual(res.status, .seeOther, res.body.string)

        res = try await t.app.sendRequest(.GET, "/employers/\(employer.id!)", headers: session.headers)
        XCTAssertEqual(res.status, .ok)
        let page = res.body.string
        XCTAssertTrue(page.contains("Digbeth Digital"))
        XCTAssertTrue(page.contains("Met at the Digbeth jobs fair"))
        XCTAssertTrue(page.contains("29 October 2026"))
        XCTAssertTrue(page.contains("School encounters"))
        XCTAssertTrue(page.contains("/vacancies/new?employerID=\(employer.id!)"))
        XCTAssertTrue(page.contains(#"id="pledge-f-kind""#), "the pledge form's fields have their own ids")
        XCTAssertEqual(page.components(separatedBy: #"id="f-kind""#).count, 2, "the engagement form's kind field is there once")
    }

    func testPageFormErrorsAreShownAndNothingIsWritten() async throws {
        let session = try await t.pageSession(.adviser)
        let before = try await counts()
        var res = try await postForm(session, "/employers", ["name": "", "sector": "digital", "size": "micro", "postcode": "nope", "wardID": f.wardA])
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains("There is a problem"))
        XCTAssertTrue(res.body.string.contains(##"href="#f-name""##))
        XCTAssertTrue(res.body.string.contains(##"href="#f-postcode""##))
        XCTAssertTrue(res.body.string.contains(#"value="digital" selected"#), "entered values are kept")

        res = try await postForm(session, "/employers/\(f.employer)/engagements", ["date": "2026-10-29", "kind": "call", "summary": ""])
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains("Enter a summary of the engagement"))

        res = try await postForm(session, "/employers/\(f.employer)/pledges", ["kind": "work-placements", "quantity": "lots", "madeOn": "2026-10-29"])
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains(##"href="#pledge-f-quantity""##))

        res = try await postForm(session, "/employers/\(f.employer)/engagements", ["date": "2026-10-29", "kind": "call", "summary": "No token"], withToken: false)
        XCTAssertEqual(res.status, .forbidden)

        let after = try await counts()
        XCTAssertEqual(after.employers, before.employers)
        XCTAssertEqual(after.engagements, before.engagements)
        XCTAssertEqual(after.pledges, before.pledges)
    }

    func testPagesAdministratorMayPickAnOrganisation() async throws {
        let session = try await t.pageSession(.administrator)
        let res = try await t.app.sendRequest(.GET, "/employers/new", headers: session.headers)
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains(#"name="organisationID""#))
        XCTAssertTrue(res.body.string.contains("Other Employer Ltd"))
        XCTAssertFalse(res.body.string.contains(">Jobcentre Plus Test<"), "only employer organisations are offered")
    }

    func testPagesFollowTheAccessRules() async throws {
        let employer = try await t.pageSession(.employer)
        var res = try await t.app.sendRequest(.GET, "/employers", headers: employer.headers)
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains("Test Engineering Ltd"))
        XCTAssertFalse(res.body.string.contains("Other Employer Ltd"))
        res = try await t.app.sendRequest(.GET, "/employers/\(f.otherEmployer)", headers: employer.headers)
        XCTAssertEqual(res.status, .notFound)
        res = try await t.app.sendRequest(.GET, "/employers/new", headers: employer.headers)
        XCTAssertEqual(res.status, .forbidden)
        res = try await t.app.sendRequest(.GET, "/employers/\(f.employer)", headers: employer.headers)
        XCTAssertTrue(res.body.string.contains("Log an engagement"))

        let provider = try await t.pageSession(.provider)
        res = try await t.app.sendRequest(.GET, "/employers/\(f.otherEmployer)", headers: provider.headers)
        XCTAssertEqual(res.status, .ok)
        XCTAssertFalse(res.body.string.contains("Log an engagement"), "providers read only")
        XCTAssertFalse(res.body.string.contains("Record a pledge"))
        res = try await postForm(provider, "/employers/\(f.employer)/engagements", ["date": "2026-10-29", "kind": "call", "summary": "x"])
        XCTAssertEqual(res.status, .forbidden)

        let analyst = try await t.pageSession(.analyst)
        res = try await t.app.sendRequest(.GET, "/employers", headers: analyst.headers)
        XCTAssertEqual(res.status, .forbidden)
        res = try await t.app.sendRequest(.GET, "/employers/\(f.employer)", headers: analyst.headers)
        XCTAssertEqual(res.status, .forbidden)
    }
}

