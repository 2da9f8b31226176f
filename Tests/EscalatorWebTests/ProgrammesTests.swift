import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Vapor
import XCTVapor
import XCTest

final class ProgrammesTests: WebTestCase {
    private var db: any Database { t.app.db }

    private typealias DetailDTO = ProgrammesAPIController.ProgrammeDetailDTO
    private typealias SummaryDTO = ProgrammesAPIController.ProgrammeSummaryDTO

    private struct PagedBody<Item: Decodable>: Decodable {
        var items: [Item]
        var total: Int
    }

    /// Posts a form whose fields may repeat (`skillID[]`), with the CSRF token added.
    private func postForm(_ session: PageSession, _ path: String, _ pairs: [(String, String)]) async throws -> XCTHTTPResponse {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~[]")
        let body = ([("_csrf", session.csrf)] + pairs)
            .map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
        var headers = session.headers
        headers.contentType = .urlEncodedForm
        return try await t.app.sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    private func errorFields(_ res: XCTHTTPResponse) throws -> Set<String> {
        Set(try res.content.decode(ErrorBody.self).error.fields.map(\.field))
    }

    private func counts() async throws -> (providers: Int, programmes: Int, cohorts: Int) {
        (try await ProviderModel.query(on: db).count(), try await ProgrammeModel.query(on: db).count(), try await CohortModel.query(on: db).count())
    }

    private func programmeJSON(provider: UUID, title: String = "Forklift licence course") -> String {
        """
        {"providerID": "\(provider)", "title": "\(title)", "type": "vocational",
         "skillsTaught": [{"skillID": "L.FORKLIFT", "levelReached": 2}, {"skillID": "S.LOADING_UNLOADING", "levelReached": "working"}],
         "requiredSkills": [{"skillID": "S.HEALTH_SAFETY", "level": 1}], "minimumQualification": 1, "needsGCSEMaths": true,
         "qualificationAwarded": 2, "weeks": 3, "hoursPerWeek": 30, "postcode": "b7 5aa", "wardID": "\(f.wardA)", "costPence": 45000,
         "barrierSupport": ["childcare", "transport"], "coDesigningEmployerIDs": ["\(f.employer)"], "guaranteedInterview": true}
        """
    }

    // MARK: Lists and filters

    func testTheListShowsFreePlacesAndFiltersByTypeProviderSkillAndTitle() async throws {
        var res = try await t.send(.GET, "/api/v1/programmes")
        XCTAssertEqual(res.status, .ok)
        var list = try res.content.decode(PagedBody<SummaryDTO>.self)
        XCTAssertEqual(list.total, 1)
        XCTAssertEqual(list.items.first?.title, "Warehouse skills bootcamp")
        XCTAssertEqual(list.items.first?.freePlaces, 10)
        XCTAssertEqual(list.items.first?.providerName, "Test College")
        XCTAssertEqual(list.items.first?.nextCohortStartsOn?.isoDay, "2026-12-01")

        let filters: [(String, Int)] = [
            ("type=pre-employment", 1), ("type=esol", 0), ("providerID=\(f.provider)", 1), ("providerID=\(UUID())", 0),
            ("skillID=S.PICKING_PACKING", 1), ("skillID=S.WELDING", 0), ("q=BOOTCAMP", 1), ("q=welding", 0),
        ]
        for (query, expected) in filters {
            res = try await t.send(.GET, "/api/v1/programmes?\(query)")
            XCTAssertEqual(res.status, .ok, query)
            list = try res.content.decode(PagedBody<SummaryDTO>.self)
            XCTAssertEqual(list.total, expected, query)
        }
        res = try await t.send(.GET, "/api/v1/programmes?type=knitting")
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["type"])

        // Pages: a second programme sorts before the first by title.
        res = try await t.send(.POST, "/api/v1/programmes", json: programmeJSON(provider: f.provider, title: "Alpha forklift course"), as: .provider)
        XCTAssertEqual(res.status, .created, res.body.string)
        res = try await t.send(.GET, "/api/v1/programmes?size=1&page=2")
        list = try res.content.decode(PagedBody<SummaryDTO>.self)
        XCTAssertEqual(list.total, 2)
        XCTAssertEqual(list.items.map(\.title), ["Warehouse skills bootcamp"])

        let adviser = try await t.pageSession(.adviser)
        res = try await t.page(adviser, "/programmes?skillID=L.FORKLIFT")
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains("Alpha forklift course"))
        XCTAssertFalse(res.body.string.contains("Warehouse skills bootcamp"))
        XCTAssertTrue(res.body.string.contains("1 programmes"))
    }

    func testTheProgrammePageShowsEverythingAboutIt() async throws {
        let employer = try await t.pageSession(.employer)
        let res = try await t.page(employer, "/programmes/\(f.programme)")
        XCTAssertEqual(res.status, .ok)
        let html = res.body.string
        for text in ["Warehouse skills bootcamp", "Test College", "Pre-employment", "Level 1 (GCSE grades 3 to 1)", "6 weeks, 16 hours a week",
                     "B4 7AA, Aston (test)", "£900.00", "Transport", "Test Engineering Ltd", "Yes, with a co-designing employer",
                     "Order picking and packing", "1 December 2026", "10 of 12"] {
            XCTAssertTrue(html.contains(text), text)
        }
        XCTAssertFalse(html.contains("Change programme details"), "employers only read programmes")
        XCTAssertFalse(html.contains("Add cohort"))
        let edit = try await t.page(employer, "/programmes/\(f.programme)/edit")
        XCTAssertEqual(edit.status, .forbidden)
    }

    // MARK: Providers and their own programmes

    func testProvidersSeeAndChangeOnlyTheirOwnProgrammes() async throws {
        var res = try await t.send(.POST, "/api/v1/providers", json: """
            {"organisationID": "\(f.charity)", "name": "Charity Skills Hub", "kind": "charity", "postcode": "B15 2TT", "wardID": "\(f.wardB)"}
            """, as: .administrator)
        XCTAssertEqual(res.status, .created, res.body.string)
        let hub = try res.content.decode(ProgrammesAPIController.ProviderDTO.self).provider.id
        res = try await t.send(.POST, "/api/v1/programmes", json: programmeJSON(provider: hub, title: "Charity forklift course"), as: .administrator)
        XCTAssertEqual(res.status, .created, res.body.string)
        let theirs = try res.content.decode(DetailDTO.self).programme.id

        // The college's provider user sees only the college's programme and cannot add to the charity's provider.
        res = try await t.send(.GET, "/api/v1/programmes", as: .provider)
        XCTAssertEqual(try res.content.decode(PagedBody<SummaryDTO>.self).items.map(\.id), [f.programme])
        res = try await t.send(.GET, "/api/v1/programmes/\(theirs)", as: .provider)
        XCTAssertEqual(res.status, .notFound)
        let before = try await counts()
        res = try await t.send(.PUT, "/api/v1/programmes/\(theirs)", json: programmeJSON(provider: hub, title: "Taken over"), as: .provider)
        XCTAssertEqual(res.status, .notFound)
        res = try await t.send(.POST, "/api/v1/programmes/\(theirs)/cohorts", json: #"{"startsOn": "2027-01-04", "capacity": 5}"#, as: .provider)
        XCTAssertEqual(res.status, .notFound)
        res = try await t.send(.POST, "/api/v1/programmes", json: programmeJSON(provider: hub), as: .provider)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["providerID"])
        let after = try await counts()
        XCTAssertEqual(after.programmes, before.programmes)
        XCTAssertEqual(after.cohorts, before.cohorts)
        let stored = try await ProgrammeModel.find(theirs, on: db)
        XCTAssertEqual(stored?.title, "Charity forklift course")

        res = try await t.send(.GET, "/api/v1/providers", as: .provider)
        XCTAssertEqual(try res.content.decode([ProgrammesAPIController.ProviderDTO].self).map(\.provider.name), ["Test College"])
        let provider = try await t.pageSession(.provider)
        res = try await t.page(provider, "/programmes/providers")
        XCTAssertTrue(res.body.string.contains("Warehouse skills bootcamp"))
        XCTAssertFalse(res.body.string.contains("Charity Skills Hub"))
        res = try await t.page(provider, "/programmes/\(theirs)")
        XCTAssertEqual(res.status, .notFound)

        // Advisers and employers read both; only the owner and administrators change them.
        res = try await t.send(.GET, "/api/v1/programmes", as: .adviser)
        XCTAssertEqual(try res.content.decode(PagedBody<SummaryDTO>.self).total, 2)
        res = try await t.send(.GET, "/api/v1/programmes/\(theirs)", as: .employer)
        XCTAssertEqual(res.status, .ok)
        res = try await t.send(.PUT, "/api/v1/programmes/\(f.programme)", json: programmeJSON(provider: f.provider), as: .employer)
        XCTAssertEqual(res.status, .forbidden)
        res = try await t.send(.POST, "/api/v1/programmes", json: programmeJSON(provider: f.provider), as: .adviser)
        XCTAssertEqual(res.status, .forbidden)
        let adviser = try await t.pageSession(.adviser)
        res = try await t.page(adviser, "/programmes/providers")
        XCTAssertTrue(res.body.string.contains("Charity Skills Hub"))
        XCTAssertTrue(res.body.string.contains("Charity forklift course"))
    }

    func testOnlyAdministratorsAddProvidersAndNamesAreUniqueWithinAnOrganisation() async throws {
        let json = """
            {"organisationID": "\(f.college)", "name": "Test College Construction Centre", "kind": "fe-college", "postcode": "B4 7AB", "wardID": "\(f.wardA)"}
            """
        let before = try await counts()
        var res = try await t.send(.POST, "/api/v1/providers", json: json, as: .provider)
        XCTAssertEqual(res.status, .forbidden)
        res = try await t.send(.POST, "/api/v1/providers", json: json, as: .administrator)
        XCTAssertEqual(res.status, .created, res.body.string)
        XCTAssertEqual(try res.content.decode(ProgrammesAPIController.ProviderDTO.self).organisationName, "Test College")
        res = try await t.send(.POST, "/api/v1/providers", json: json, as: .administrator)
        XCTAssertEqual(res.status, .conflict)
        res = try await t.send(.POST, "/api/v1/providers", json: #"{"organisationID": "\#(f.employerOrg)", "name": "X", "kind": "school", "postcode": "nowhere", "wardID": "E0"}"#, as: .administrator)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["organisationID", "postcode", "wardID"])
        let after = try await counts()
        XCTAssertEqual(after.providers, before.providers + 1)

        let admin = try await t.pageSession(.administrator)
        res = try await t.page(admin, "/programmes/providers/new")
        XCTAssertEqual(res.status, .ok)
        res = try await postForm(admin, "/programmes/providers", [
            ("organisationID", f.charity.uuidString), ("name", "Charity Hub"), ("kind", "charity"), ("postcode", "b15 2tt"), ("wardID", f.wardB),
        ])
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        let hub = try await ProviderModel.query(on: db).filter(\.$name == "Charity Hub").first()
        XCTAssertEqual(hub?.postcode, "B15 2TT")
        XCTAssertEqual(hub?.organisationID, f.charity)
        let provider = try await t.pageSession(.provider)
        res = try await t.page(provider, "/programmes/providers/new")
        XCTAssertEqual(res.status, .forbidden)
    }

    // MARK: Forms

    func testAProviderAddsAProgrammeThroughTheFormThenACohort() async throws {
        let provider = try await t.pageSession(.provider)
        var res = try await t.page(provider, "/programmes/new")
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains(#"name="skillID[]""#))
        XCTAssertTrue(res.body.string.contains("Employers who co-designed the programme"))

        let snapshotBefore = try await t.app.caughtUpSnapshot(now: WebFixture.today)
        XCTAssertEqual(snapshotBefore.programmes.count, 1)

        res = try await postForm(provider, "/programmes", [
            ("providerID", f.provider.uuidString), ("title", "Forklift licence course"), ("type", "vocational"),
            ("skillID[]", "L.FORKLIFT"), ("level[]", "2"), ("skillID[]", ""), ("level[]", ""),
            ("skillID[]", "S.LOADING_UNLOADING"), ("level[]", "3"), ("skillID[]", ""), ("level[]", ""),
            ("qualificationAwarded", "2"), ("weeks", "3"), ("hoursPerWeek", "30"), ("postcode", "b7 5aa"), ("wardID", f.wardA),
            ("cost", "450"), ("barrierSupport[]", "childcare"), ("barrierSupport[]", "language"),
            ("coDesigningEmployerIDs[]", f.employer.uuidString), ("guaranteedInterview", "true"),
            ("minimumQualification", "1"), ("needsGCSEMaths", "true"),
            ("requiredSkillID[]", "S.HEALTH_SAFETY"), ("requiredLevel[]", "1"), ("requiredSkillID[]", ""), ("requiredLevel[]", ""),
        ])
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        let model = try await ProgrammeModel.query(on: db).filter(\.$title == "Forklift licence course").first()
        let programme = try XCTUnwrap(model).value(cohorts: [])
        XCTAssertEqual(res.headers.first(name: .location), "/programmes/\(programme.id)?notice=added")
        XCTAssertEqual(programme.skillsTaught, [SkillTaught(skillID: "L.FORKLIFT", levelReached: .working),
                                                SkillTaught(skillID: "S.LOADING_UNLOADING", levelReached: .proficient)])
        XCTAssertEqual(programme.entryRequirements, EntryRequirements(minimumQualification: .level1, requiredSkills: [OccupationSkill("S.HEALTH_SAFETY", .basic)],
                                                                      needsGCSEEnglish: false, needsGCSEMaths: true))
        XCTAssertEqual(programme.costPence, 45000)
        XCTAssertEqual(programme.postcode, "B7 5AA")
        XCTAssertEqual(programme.barrierSupport, [.childcare, .language])
        XCTAssertEqual(programme.coDesigningEmployerIDs, [f.employer])
        XCTAssertTrue(programme.guaranteedInterview)
        XCTAssertEqual(programme.qualificationAwarded, .level2)

        // The edit form comes back filled in.
        res = try await t.page(provider, "/programmes/\(programme.id)/edit")
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains(#"<option value="S.LOADING_UNLOADING" selected>"#))
        XCTAssertTrue(res.body.string.contains(#"value="450.00""#))

        // A cohort in the past is refused; one in the future is added and the matcher sees it.
        res = try await postForm(provider, "/programmes/\(programme.id)/cohorts", [("startsOn", "2026-10-01"), ("capacity", "10")])
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains("Start date must be today or later"))
        var cohorts = try await CohortModel.query(on: db).filter(\.$programmeID == programme.id).count()
        XCTAssertEqual(cohorts, 0)
        res = try await postForm(provider, "/programmes/\(programme.id)/cohorts", [("startsOn", "2027-01-11"), ("capacity", "10")])
        XCTAssertEqual(res.status, .seeOther)
        cohorts = try await CohortModel.query(on: db).filter(\.$programmeID == programme.id).count()
        XCTAssertEqual(cohorts, 1)
        let snapshotAfter = try await t.app.caughtUpSnapshot(now: WebFixture.today)
        let target = snapshotAfter.programmes.first { $0.programme.id == programme.id }
        XCTAssertEqual(target?.programme.freePlaces, 10)

        res = try await t.page(provider, "/programmes/\(programme.id)")
        XCTAssertTrue(res.body.string.contains("11 January 2027"))
        XCTAssertTrue(res.body.string.contains("Change programme details"))
    }

    func testAnInvalidProgrammeFormIsShownAgainWithEveryErrorAndWritesNothing() async throws {
        let provider = try await t.pageSession(.provider)
        let before = try await counts()
        let res = try await postForm(provider, "/programmes", [
            ("providerID", f.provider.uuidString), ("title", ""), ("type", "pottery"),
            ("skillID[]", "S.NOT_A_SKILL"), ("level[]", "2"), ("skillID[]", "S.WELDING"), ("level[]", ""),
            ("weeks", "0"), ("hoursPerWeek", "x"), ("postcode", "B7 5AA"), ("wardID", f.wardA), ("cost", "free"),
        ])
        XCTAssertEqual(res.status, .unprocessableEntity)
        let html = res.body.string
        for message in ["There is a problem", "Enter the programme&#39;s title", "type must be one of", "skillID[0] &#39;S.NOT_A_SKILL&#39; is not a skill",
                        "Choose the level for skillID[1]", "Length in weeks must be between 1 and 156", "Hours a week must be a whole number",
                        "Cost must be an amount in pounds"] {
            XCTAssertTrue(html.contains(message), message)
        }
        XCTAssertTrue(html.contains(##"href="#f-level-1-""##), "the error links to the row's level")
        XCTAssertTrue(html.contains(#"<option value="S.WELDING" selected>"#), "what was entered is kept")
        let after = try await counts()
        XCTAssertEqual(after.programmes, before.programmes)
    }

    // MARK: API

    func testTheAPIAddsChangesAndAddsCohortsToAProgramme() async throws {
        var res = try await t.send(.POST, "/api/v1/programmes", json: programmeJSON(provider: f.provider), as: .provider)
        XCTAssertEqual(res.status, .created, res.body.string)
        var detail = try res.content.decode(DetailDTO.self)
        XCTAssertEqual(detail.programme.skillsTaught.map(\.levelReached), [.working, .working])
        XCTAssertEqual(detail.programme.costPence, 45000)
        XCTAssertEqual(detail.wardName, "Aston (test)")
        XCTAssertEqual(detail.freePlaces, 0)
        let id = detail.programme.id

        res = try await t.send(.PUT, "/api/v1/programmes/\(id)", json: programmeJSON(provider: f.provider, title: "Counterbalance forklift course"), as: .provider)
        XCTAssertEqual(res.status, .ok, res.body.string)
        XCTAssertEqual(try res.content.decode(DetailDTO.self).programme.title, "Counterbalance forklift course")

        res = try await t.send(.POST, "/api/v1/programmes/\(id)/cohorts", json: #"{"startsOn": "2027-02-01", "capacity": 501}"#, as: .provider)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["capacity"])
        res = try await t.send(.POST, "/api/v1/programmes/\(id)/cohorts", json: #"{"startsOn": "2027-02-01", "capacity": "8"}"#, as: .provider)
        XCTAssertEqual(res.status, .created, res.body.string)
        detail = try res.content.decode(DetailDTO.self)
        XCTAssertEqual(detail.freePlaces, 8)
        XCTAssertEqual(detail.programme.cohorts.map(\.startsOn.isoDay), ["2027-02-01"])

        // A change keeps the cohorts.
        res = try await t.send(.PUT, "/api/v1/programmes/\(id)", json: programmeJSON(provider: f.provider, title: "Forklift course"), as: .administrator)
        XCTAssertEqual(res.status, .ok, res.body.string)
        XCTAssertEqual(try res.content.decode(DetailDTO.self).programme.cohorts.count, 1)
    }

    func testMalformedOrInvalidJSONWritesNothing() async throws {
        let before = try await counts()
        var res = try await t.send(.POST, "/api/v1/programmes", json: #"{"providerID": "\#(f.provider)", "title": "#, as: .provider)
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(try res.content.decode(ErrorBody.self).error.code, "bad_request")
        res = try await t.send(.POST, "/api/v1/programmes", json: #"{"providerID": "\#(f.provider)", "weeks": [3]}"#, as: .provider)
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(try errorFields(res), ["weeks"])
        res = try await t.send(.POST, "/api/v1/programmes/\(f.programme)/cohorts", json: #"{"startsOn": "2027-02-01", "capacity": "#, as: .provider)
        XCTAssertEqual(res.status, .badRequest)
        res = try await t.send(.POST, "/api/v1/programmes", json: #"{"providerID": "\#(f.provider)", "title": "Half a programme"}"#, as: .provider)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(try errorFields(res).isSuperset(of: ["type", "skillsTaught", "weeks", "hoursPerWeek", "postcode", "wardID", "cost"]))
        let after = try await counts()
        XCTAssertEqual(after.programmes, before.programmes)
        XCTAssertEqual(after.cohorts, before.cohorts)
    }

    func testAnalystsAreForbidden() async throws {
        for path in ["/api/v1/programmes", "/api/v1/programmes/\(f.programme)", "/api/v1/providers"] {
            let res = try await t.send(.GET, path, as: .analyst)
            XCTAssertEqual(res.status, .forbidden, path)
        }
        let analyst = try await t.pageSession(.analyst)
        for path in ["/programmes", "/programmes/\(f.programme)", "/programmes/providers"] {
            let res = try await t.page(analyst, path)
            XCTAssertEqual(res.status, .forbidden, path)
        }
    }
}
