import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Vapor
import XCTVapor
import XCTest

final class VacanciesTests: WebTestCase {
    private let warehouse = StarterTaxonomy.taxonomy.occupations["O.WAREHOUSE_OPERATIVE"]!

    private struct PagedBody<Item: Decodable>: Decodable {
        var items: [Item]
        var total: Int
    }

    private func errorFields(_ res: XCTHTTPResponse) throws -> Set<String> {
        Set(try res.content.decode(ErrorBody.self).error.fields.map(\.field))
    }

    private func vacancyCount() async throws -> Int {
        try await VacancyModel.query(on: t.app.db).count()
    }

    /// A valid JSON body; `changes` replace whole `"key": value` pairs.
    private func body(employerID: UUID? = nil, _ changes: [String: String] = [:]) -> String {
        var fields: [(String, String)] = [
            ("employerID", "\"\((employerID ?? f.employer).uuidString)\""),
            ("occupationID", "\"O.FORKLIFT_DRIVER\""),
            ("title", "\"Forklift driver (nights)\""),
            ("requirements", """
                [{"skillID": "L.FORKLIFT", "importance": "essential", "minimumLevel": 2},
                 {"skillID": "S.HEALTH_SAFETY", "importance": "essential", "minimumLevel": 2},
                 {"skillID": "S.WAREHOUSE_SYSTEMS", "importance": "desirable", "minimumLevel": 1}]
                """),
            ("minimumQualification", "1"), ("needsGCSEEnglish", "false"), ("needsGCSEMaths", "true"),
            ("hoursPerWeek", "40"), ("hourlyPayPence", "1350"), ("postcode", "\"b7 5aa\""), ("wardID", "\"\(f.wardA)\""),
            ("openings", "2"), ("closingDate", "\"2026-12-15\""), ("minimumAge", "18"), ("status", "\"open\""),
        ]
        for (index, field) in fields.enumerated() { if let value = changes[field.0] { fields[index].1 = value } }
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    // MARK: API

    func testPrefillReturnsTheOccupationsSkills() async throws {
        var res = try await t.send(.GET, "/api/v1/occupations/O.WAREHOUSE_OPERATIVE/prefill", as: .employer)
        XCTAssertEqual(res.status, .ok)
        let prefill = try res.content.decode(VacanciesAPIController.PrefillDTO.self)
        XCTAssertEqual(prefill.occupationName, "Warehouse operative")
        XCTAssertEqual(prefill.typicalQualification, warehouse.typicalQualification.rawValue)
        XCTAssertEqual(prefill.requirements.map(\.skillID), warehouse.essentialSkills.map(\.skillID) + warehouse.optionalSkills.map(\.skillID))
        XCTAssertEqual(prefill.requirements.filter { $0.importance == .essential }.count, warehouse.essentialSkills.count)
        XCTAssertEqual(prefill.requirements.filter { $0.importance == .desirable }.count, warehouse.optionalSkills.count)
        XCTAssertEqual(prefill.requirements.map(\.minimumLevel),
                       (warehouse.essentialSkills + warehouse.optionalSkills).map(\.level.rawValue))
        XCTAssertEqual(prefill.requirements.first?.skillName, StarterTaxonomy.taxonomy.skillName(warehouse.essentialSkills[0].skillID))

        res = try await t.send(.GET, "/api/v1/occupations/O.NOT_A_JOB/prefill")
        XCTAssertEqual(res.status, .notFound)
    }

    func testAPICreatesShowsAndUpdatesAVacancy() async throws {
        let before = try await vacancyCount()
        var res = try await t.send(.POST, "/api/v1/vacancies", json: body(), as: .employer)
        XCTAssertEqual(res.status, .created, res.body.string)
        let created = try res.content.decode(VacanciesAPIController.VacancyDTO.self)
        XCTAssertEqual(created.employerID, f.employer)
        XCTAssertEqual(created.employerName, "Test Engineering Ltd")
        XCTAssertEqual(created.occupationName, "Forklift driver")
        XCTAssertEqual(created.requirements.map(\.skillID), ["L.FORKLIFT", "S.HEALTH_SAFETY", "S.WAREHOUSE_SYSTEMS"])
        XCTAssertEqual(created.requirements.map(\.importance), [.essential, .essential, .desirable])
        XCTAssertEqual(created.requirements.first?.skillName, StarterTaxonomy.taxonomy.skillName("L.FORKLIFT"))
        XCTAssertEqual(created.postcode, "B7 5AA")
        XCTAssertEqual(created.closingDate, "2026-12-15")
        XCTAssertEqual(created.hourlyPayPence, 1350)
        XCTAssertTrue(created.needsGCSEMaths)
        XCTAssertEqual(created.status, .open)
        let afterCreate = try await vacancyCount()
        XCTAssertEqual(afterCreate, before + 1)

        res = try await t.send(.GET, "/api/v1/vacancies/\(created.id)", as: .provider)
        XCTAssertEqual(res.status, .ok)
        XCTAssertEqual(try res.content.decode(VacanciesAPIController.VacancyDTO.self).title, "Forklift driver (nights)")

        res = try await t.send(.PUT, "/api/v1/vacancies/\(created.id)", json: body([
            "title": "\"Forklift driver (days)\"", "status": "\"filled\"", "openings": "1",
            "requirements": #"[{"skillID": "L.FORKLIFT", "importance": "essential", "minimumLevel": 3}]"#,
        ]), as: .adviser)
        XCTAssertEqual(res.status, .ok, res.body.string)
        let updated = try res.content.decode(VacanciesAPIController.VacancyDTO.self)
        XCTAssertEqual(updated.title, "Forklift driver (days)")
        XCTAssertEqual(updated.status, .filled)
        let stored = try await VacancyModel.find(created.id, on: t.app.db)
        let model = try XCTUnwrap(stored)
        XCTAssertEqual(model.title, "Forklift driver (days)")
        XCTAssertEqual(model.openings, 1)
        XCTAssertEqual(model.requirements.items, [SkillRequirement(skillID: "L.FORKLIFT", importance: .essential, minimumLevel: .proficient)])
        let afterUpdate = try await vacancyCount()
        XCTAssertEqual(afterUpdate, before + 1)
    }

    func testAPIListFiltersAndScopesToTheEmployersOwnVacancies() async throws {
        _ = try await t.send(.POST, "/api/v1/vacancies", json: body(["status": "\"draft\""]))
        var res = try await t.send(.GET, "/api/v1/vacancies")
        XCTAssertEqual(res.status, .ok)
        var page = try res.content.decode(PagedBody<VacanciesAPIController.VacancySummaryDTO>.self)
        XCTAssertEqual(page.total, 3)

        res = try await t.send(.GET, "/api/v1/vacancies?status=draft")
        page = try res.content.decode(PagedBody<VacanciesAPIController.VacancySummaryDTO>.self)
        XCTAssertEqual(page.items.map(\.title), ["Forklift driver (nights)"])

        res = try await t.send(.GET, "/api/v1/vacancies?occupationID=O.WAREHOUSE_OPERATIVE")
        page = try res.content.decode(PagedBody<VacanciesAPIController.VacancySummaryDTO>.self)
        XCTAssertEqual(Set(page.items.map(\.id)), [f.vacancy, f.otherVacancy])

        res = try await t.send(.GET, "/api/v1/vacancies?employerID=\(f.otherEmployer)")
        page = try res.content.decode(PagedBody<VacanciesAPIController.VacancySummaryDTO>.self)
        XCTAssertEqual(page.items.map(\.id), [f.otherVacancy])

        res = try await t.send(.GET, "/api/v1/vacancies?q=STOCK")
        page = try res.content.decode(PagedBody<VacanciesAPIController.VacancySummaryDTO>.self)
        XCTAssertEqual(page.items.map(\.title), ["Stock assistant"])

        res = try await t.send(.GET, "/api/v1/vacancies", as: .employer)
        page = try res.content.decode(PagedBody<VacanciesAPIController.VacancySummaryDTO>.self)
        XCTAssertEqual(page.total, 2)
        XCTAssertFalse(page.items.contains { $0.id == f.otherVacancy })

        res = try await t.send(.GET, "/api/v1/vacancies?employerID=\(f.otherEmployer)", as: .employer)
        page = try res.content.decode(PagedBody<VacanciesAPIController.VacancySummaryDTO>.self)
        XCTAssertEqual(page.total, 0)

        res = try await t.send(.GET, "/api/v1/vacancies?status=sleeping&employerID=42")
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["status", "employerID"])
    }

    func testAPIEmployerCannotSeeEditOrCreateForAnotherEmployer() async throws {
        let before = try await vacancyCount()
        var res = try await t.send(.GET, "/api/v1/vacancies/\(f.otherVacancy)", as: .employer)
        XCTAssertEqual(res.status, .notFound)
        res = try await t.send(.PUT, "/api/v1/vacancies/\(f.otherVacancy)", json: body(employerID: f.otherEmployer, ["title": "\"Hijacked\""]), as: .employer)
        XCTAssertEqual(res.status, .notFound)
        res = try await t.send(.POST, "/api/v1/vacancies", json: body(employerID: f.otherEmployer), as: .employer)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["employerID"])
        // Nor move their own vacancy to another employer.
        res = try await t.send(.PUT, "/api/v1/vacancies/\(f.vacancy)", json: body(employerID: f.otherEmployer), as: .employer)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["employerID"])

        let other = try await VacancyModel.find(f.otherVacancy, on: t.app.db)
        XCTAssertEqual(other?.title, "Stock assistant")
        let own = try await VacancyModel.find(f.vacancy, on: t.app.db)
        XCTAssertEqual(own?.employerID, f.employer)
        let after = try await vacancyCount()
        XCTAssertEqual(after, before)

        res = try await t.send(.PUT, "/api/v1/vacancies/\(f.vacancy)", json: body(["title": "\"Warehouse operative (weekends)\""]), as: .employer)
        XCTAssertEqual(res.status, .ok, res.body.string)
    }

    func testAPIProvidersReadOnlyAndAnalystsForbidden() async throws {
        let before = try await vacancyCount()
        var res = try await t.send(.GET, "/api/v1/vacancies", as: .provider)
        XCTAssertEqual(res.status, .ok)
        XCTAssertEqual(try res.content.decode(PagedBody<VacanciesAPIController.VacancySummaryDTO>.self).total, 2)
        res = try await t.send(.POST, "/api/v1/vacancies", json: body(), as: .provider)
        XCTAssertEqual(res.status, .forbidden)
        res = try await t.send(.PUT, "/api/v1/vacancies/\(f.vacancy)", json: body(), as: .provider)
        XCTAssertEqual(res.status, .forbidden)

        for path in ["/api/v1/vacancies", "/api/v1/vacancies/\(f.vacancy)"] {
            res = try await t.send(.GET, path, as: .analyst)
            XCTAssertEqual(res.status, .forbidden, path)
        }
        res = try await t.send(.POST, "/api/v1/vacancies", json: body(), as: .analyst)
        XCTAssertEqual(res.status, .forbidden)
        res = try await t.send(.PUT, "/api/v1/vacancies/\(f.vacancy)", json: body(), as: .analyst)
        XCTAssertEqual(res.status, .forbidden)
        let after = try await vacancyCount()
        XCTAssertEqual(after, before)
        let own = try await VacancyModel.find(f.vacancy, on: t.app.db)
        XCTAssertEqual(own?.title, "Warehouse operative")
    }

    func testAPIBadJSONIs400NamingTheField() async throws {
        let before = try await vacancyCount()
        var res = try await t.send(.POST, "/api/v1/vacancies", json: #"{"title": "Half a body", "#)
        XCTAssertEqual(res.status, .badRequest)

        res = try await t.send(.POST, "/api/v1/vacancies", json: body(["hoursPerWeek": "\"forty\""]))
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(try errorFields(res), ["hoursPerWeek"])

        res = try await t.send(.POST, "/api/v1/vacancies", json: body(["requirements": #"[{"skillID": "L.FORKLIFT", "importance": "essential", "minimumLevel": "high"}]"#]))
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(try errorFields(res), ["requirements[0].minimumLevel"])

        res = try await t.send(.POST, "/api/v1/vacancies", json: body(["employerID": "\"not-a-uuid\""]))
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(try errorFields(res), ["employerID"])

        res = try await t.send(.PUT, "/api/v1/vacancies/\(f.vacancy)", json: "[]")
        XCTAssertEqual(res.status, .badRequest)
        let after = try await vacancyCount()
        XCTAssertEqual(after, before)
    }

    func testAPIValidationNamesEachBadFieldAndCreatesNothing() async throws {
        let before = try await vacancyCount()
        var res = try await t.send(.POST, "/api/v1/vacancies", json: body([
            "occupationID": "\"O.ASTRONAUT\"", "title": "\"\"",
            "requirements": """
                [{"skillID": "S.NOT_A_SKILL", "importance": "essential", "minimumLevel": 2},
                 {"skillID": "L.FORKLIFT", "importance": "vital", "minimumLevel": 2},
                 {"skillID": "S.HEALTH_SAFETY", "importance": "desirable", "minimumLevel": 7},
                 {"skillID": "S.HEALTH_SAFETY", "importance": "desirable", "minimumLevel": 1}]
                """,
            "minimumQualification": "9", "hoursPerWeek": "0", "hourlyPayPence": "1100", "postcode": "\"ABC\"",
            "wardID": "\"E99999999\"", "openings": "0", "closingDate": "\"2026-11-01\"", "minimumAge": "14",
        ]))
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), [
            "occupationID", "title", "requirements[0].skillID", "requirements[1].importance", "requirements[2].minimumLevel",
            "requirements[3].skillID", "minimumQualification", "hoursPerWeek", "hourlyPayPence", "postcode", "wardID",
            "openings", "closingDate", "minimumAge",
        ])
        let message = try res.content.decode(ErrorBody.self).error.fields.first { $0.field == "hourlyPayPence" }?.message ?? ""
        XCTAssertTrue(message.contains("£12.21"), message)

        res = try await t.send(.POST, "/api/v1/vacancies", json: body([
            "requirements": #"[{"skillID": "L.FORKLIFT", "importance": "desirable", "minimumLevel": 2}]"#, "status": "\"filled\"",
        ]))
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["requirements", "status"])

        res = try await t.send(.POST, "/api/v1/vacancies", json: "{}")
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(try errorFields(res).isSuperset(of: ["employerID", "occupationID", "title", "requirements", "hourlyPayPence", "closingDate", "status"]))

        let after = try await vacancyCount()
        XCTAssertEqual(after, before)
    }

    func testAPIADraftMayPayBelowTheMinimumWageButAnOpenVacancyMayNot() async throws {
        var res = try await t.send(.POST, "/api/v1/vacancies", json: body(["hourlyPayPence": "\(NationalMinimumWage.aged21AndOverPence - 1)"]))
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["hourlyPayPence"])

        res = try await t.send(.POST, "/api/v1/vacancies", json: body(["hourlyPayPence": "\(NationalMinimumWage.aged21AndOverPence)"]))
        XCTAssertEqual(res.status, .created, res.body.string)

        res = try await t.send(.POST, "/api/v1/vacancies", json: body(["hourlyPayPence": "1000", "status": "\"draft\""]))
        XCTAssertEqual(res.status, .created, res.body.string)
        let draft = try res.content.decode(VacanciesAPIController.VacancyDTO.self)

        res = try await t.send(.PUT, "/api/v1/vacancies/\(draft.id)", json: body(["hourlyPayPence": "1000", "status": "\"open\""]))
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["hourlyPayPence"])
        let stored = try await VacancyModel.find(draft.id, on: t.app.db)
        XCTAssertEqual(stored?.status, .draft)
    }

    func testChangingAVacancyRefreshesWhatTheMatcherSees() async throws {
        let before = try await t.app.caughtUpSnapshot(now: WebFixture.today)
        XCTAssertEqual(before.vacancies.count, 2)

        var res = try await t.send(.POST, "/api/v1/vacancies", json: body())
        XCTAssertEqual(res.status, .created)
        let created = try res.content.decode(VacanciesAPIController.VacancyDTO.self)
        var snapshot = try await t.app.caughtUpSnapshot(now: WebFixture.today)
        XCTAssertNotNil(snapshot.vacanciesByID[created.id])

        res = try await t.send(.PUT, "/api/v1/vacancies/\(created.id)", json: body(["status": "\"closed\""]))
        XCTAssertEqual(res.status, .ok, res.body.string)
        snapshot = try await t.app.caughtUpSnapshot(now: WebFixture.today)
        XCTAssertNil(snapshot.vacanciesByID[created.id])
    }

    // MARK: Pages

    /// A form body with repeated keys (`skillID[]`), as a browser sends it.
    private func postForm(_ session: PageSession, _ path: String, _ pairs: [(String, String)]) async throws -> XCTHTTPResponse {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let encoded = ([("_csrf", session.csrf)] + pairs)
            .map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
        var headers = session.headers
        headers.contentType = .urlEncodedForm
        return try await t.app.sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: encoded))
    }

    private func scopingFields(employerID: UUID, rows: [(String, String, String)], _ changes: [String: String] = [:]) -> [(String, String)] {
        var scalars: [(String, String)] = [
            ("employerID", employerID.uuidString), ("occupationID", "O.WAREHOUSE_OPERATIVE"), ("title", "Picker packer"),
            ("minimumQualification", "0"), ("needsGCSEEnglish", "true"), ("hoursPerWeek", "30"), ("hourlyPay", "12.75"),
            ("postcode", "B7 5AA"), ("wardID", f.wardA), ("openings", "4"), ("closingDate", "2026-12-01"), ("minimumAge", "18"),
            ("status", "open"),
        ]
        for (index, field) in scalars.enumerated() { if let value = changes[field.0] { scalars[index].1 = value } }
        return scalars + rows.flatMap { [("skillID[]", $0.0), ("importance[]", $0.1), ("level[]", $0.2)] }
    }

    func testScopingIsTwoStepsPrefilledFromTheOccupation() async throws {
        let session = try await t.pageSession(.employer)
        var res = try await t.app.sendRequest(.GET, "/vacancies/new", headers: session.headers)
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains("Step 1 of 2"))
        XCTAssertTrue(res.body.string.contains("Test Engineering Ltd"))
        XCTAssertFalse(res.body.string.contains("Other Employer Ltd"), "employers choose only their own")

        res = try await t.app.sendRequest(.GET, "/vacancies/new?employerID=\(f.employer)&occupationID=O.WAREHOUSE_OPERATIVE", headers: session.headers)
        XCTAssertEqual(res.status, .ok)
        let form = res.body.string
        XCTAssertTrue(form.contains("Step 2 of 2"))
        for skill in warehouse.essentialSkills + warehouse.optionalSkills {
            XCTAssertTrue(form.contains(#"name="skillID[]" value="\#(skill.skillID)""#), skill.skillID)
            XCTAssertTrue(form.contains(StarterTaxonomy.taxonomy.skillName(skill.skillID)))
        }
        XCTAssertTrue(form.contains(#"id="f-requirements-0--importance" name="importance[]"><option value="essential" selected>"#))
        let lastPrefilled = warehouse.essentialSkills.count + warehouse.optionalSkills.count - 1
        XCTAssertTrue(form.contains(#"id="f-requirements-\#(lastPrefilled)--importance" name="importance[]"><option value="essential">Essential</option><option value="desirable" selected>"#))
        XCTAssertEqual(form.components(separatedBy: #"name="skillID[]"><option value="" selected>Choose a skill…"#).count - 1, VacancyForm.extraRows)
        XCTAssertTrue(form.contains(#"name="title" type="text" value="Warehouse operative""#))
        XCTAssertTrue(form.contains(#"name="postcode" type="text" value="B7 5AA""#))

        res = try await t.app.sendRequest(.GET, "/vacancies/new?employerID=\(f.otherEmployer)&occupationID=O.WAREHOUSE_OPERATIVE", headers: session.headers)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains(##"href="#f-employerID""##))
        res = try await t.app.sendRequest(.GET, "/vacancies/new?employerID=\(f.employer)&occupationID=", headers: session.headers)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains("Choose the occupation"))
    }

    func testScopingFormSavesTheRowsAsRequirements() async throws {
        let session = try await t.pageSession(.employer)
        let before = try await vacancyCount()
        let res = try await postForm(session, "/vacancies", scopingFields(employerID: f.employer, rows: [
            ("S.PICKING_PACKING", "essential", "3"),
            ("S.MANUAL_HANDLING", "not-needed", "2"),
            ("S.TEAMWORK", "desirable", "1"),
            ("", "desirable", "2"),
            ("L.FORKLIFT", "essential", "2"),
            ("", "desirable", "2"),
        ]))
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        let after = try await vacancyCount()
        XCTAssertEqual(after, before + 1)
        let stored = try await VacancyModel.query(on: t.app.db).filter(\.$title == "Picker packer").first()
        let vacancy = try XCTUnwrap(stored).value
        XCTAssertEqual(res.headers.first(name: .location), "/vacancies/\(vacancy.id)?notice=scoped")
        XCTAssertEqual(vacancy.requirements, [
            SkillRequirement(skillID: "S.PICKING_PACKING", importance: .essential, minimumLevel: .proficient),
            SkillRequirement(skillID: "S.TEAMWORK", importance: .desirable, minimumLevel: .basic),
            SkillRequirement(skillID: "L.FORKLIFT", importance: .essential, minimumLevel: .working),
        ])
        XCTAssertEqual(vacancy.hourlyPayPence, 1275)
        XCTAssertTrue(vacancy.needsGCSEEnglish)
        XCTAssertFalse(vacancy.needsGCSEMaths)
        XCTAssertEqual(vacancy.closingDate, Date(isoDay: "2026-12-01"))
        XCTAssertEqual(vacancy.status, .open)
    }

    func testScopingFormErrorsNameTheRowAndFieldAndWriteNothing() async throws {
        let session = try await t.pageSession(.adviser)
        let before = try await vacancyCount()
        var res = try await postForm(session, "/vacancies", scopingFields(employerID: f.employer, rows: [
            ("S.PICKING_PACKING", "essential", "2"),
            ("S.MANUAL_HANDLING", "not-needed", "2"),
            ("S.TEAMWORK", "desirable", "9"),
            ("S.STOCK_CONTROL", "desirable", "x"),
        ], ["hourlyPay": "lots", "closingDate": "2026-10-01", "hoursPerWeek": "full time"]))
        XCTAssertEqual(res.status, .unprocessableEntity)
        let page = res.body.string
        for anchor in ["f-requirements-2--minimumLevel", "f-requirements-3--minimumLevel", "f-hourlyPay", "f-closingDate", "f-hoursPerWeek"] {
            XCTAssertTrue(page.contains(##"href="#\##(anchor)""##), anchor)
            XCTAssertTrue(page.contains(#"id="\#(anchor)""#), "the error links to a field that exists: \(anchor)")
        }
        XCTAssertFalse(page.contains(##"href="#f-requirements-1--"##), "the not-needed row is fine")
        XCTAssertTrue(page.contains(#"value="lots""#), "entered values are kept")
        XCTAssertTrue(page.contains(#"name="skillID[]" value="S.MANUAL_HANDLING""#), "every row is shown again")

        res = try await postForm(session, "/vacancies", scopingFields(employerID: f.employer, rows: [
            ("S.PICKING_PACKING", "desirable", "2"), ("S.MANUAL_HANDLING", "not-needed", "2"),
        ]))
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains("Mark at least one skill as essential"))
        XCTAssertTrue(res.body.string.contains(##"href="#f-requirements""##))

        res = try await postForm(session, "/vacancies", scopingFields(employerID: f.employer, rows: [("S.PICKING_PACKING", "essential", "2")],
                                                                      ["hourlyPay": "11.00"]))
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains(##"href="#f-hourlyPay""##))
        XCTAssertTrue(res.body.string.contains("must be at least £12.21"))

        let after = try await vacancyCount()
        XCTAssertEqual(after, before)
    }

    func testScopingFormRefusesAnotherEmployersVacancyForEmployerUsers() async throws {
        let session = try await t.pageSession(.employer)
        let before = try await vacancyCount()
        var res = try await postForm(session, "/vacancies", scopingFields(employerID: f.otherEmployer, rows: [("S.PICKING_PACKING", "essential", "2")]))
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains(##"href="#f-employerID""##))
        XCTAssertFalse(res.body.string.contains("Other Employer Ltd"))

        res = try await t.app.sendRequest(.GET, "/vacancies/\(f.otherVacancy)", headers: session.headers)
        XCTAssertEqual(res.status, .notFound)
        res = try await t.app.sendRequest(.GET, "/vacancies/\(f.otherVacancy)/edit", headers: session.headers)
        XCTAssertEqual(res.status, .notFound)
        res = try await postForm(session, "/vacancies/\(f.otherVacancy)/edit", scopingFields(employerID: f.otherEmployer, rows: [("S.PICKING_PACKING", "essential", "2")]))
        XCTAssertEqual(res.status, .notFound)
        res = try await t.app.sendRequest(.GET, "/vacancies", headers: session.headers)
        XCTAssertTrue(res.body.string.contains("Warehouse operative"))
        XCTAssertFalse(res.body.string.contains("Stock assistant"))

        let after = try await vacancyCount()
        XCTAssertEqual(after, before)
        let other = try await VacancyModel.find(f.otherVacancy, on: t.app.db)
        XCTAssertEqual(other?.title, "Stock assistant")
    }

    func testVacancyPageShowsEverythingAndTheEditFormChangesIt() async throws {
        let session = try await t.pageSession(.adviser)
        var res = try await t.app.sendRequest(.GET, "/vacancies/\(f.vacancy)", headers: session.headers)
        XCTAssertEqual(res.status, .ok)
        var page = res.body.string
        XCTAssertTrue(page.contains("Test Engineering Ltd"))
        XCTAssertTrue(page.contains("Aston (test) (target ward)"))
        XCTAssertTrue(page.contains("£12.50"))
        XCTAssertTrue(page.contains("\(warehouse.essentialSkills.count) essential and \(warehouse.optionalSkills.count) desirable skills"))
        XCTAssertTrue(page.contains(StarterTaxonomy.taxonomy.skillName("S.PICKING_PACKING")))
        XCTAssertTrue(page.contains(#"href="/vacancies/\#(f.vacancy)/candidates""#))
        XCTAssertTrue(page.contains(#"href="/vacancies/\#(f.vacancy)/edit""#))

        res = try await t.app.sendRequest(.GET, "/vacancies/\(f.vacancy)/edit", headers: session.headers)
        XCTAssertEqual(res.status, .ok)
        page = res.body.string
        XCTAssertTrue(page.contains(#"name="title" type="text" value="Warehouse operative""#))
        XCTAssertTrue(page.contains(#"name="hourlyPay" type="text" value="12.50""#))
        XCTAssertTrue(page.contains(#"name="closingDate" type="date" value="2027-01-31""#))
        XCTAssertTrue(page.contains(#"<option value="filled">"#), "an existing vacancy can be marked filled")

        res = try await postForm(session, "/vacancies/\(f.vacancy)/edit", scopingFields(employerID: f.employer, rows: [
            ("S.PICKING_PACKING", "essential", "2"), ("S.MANUAL_HANDLING", "desirable", "1"),
        ], ["title": "Warehouse operative (days)", "status": "filled"]))
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        XCTAssertEqual(res.headers.first(name: .location), "/vacancies/\(f.vacancy)?notice=updated")
        let stored = try await VacancyModel.find(f.vacancy, on: t.app.db)
        let vacancy = try XCTUnwrap(stored).value
        XCTAssertEqual(vacancy.title, "Warehouse operative (days)")
        XCTAssertEqual(vacancy.status, .filled)
        XCTAssertEqual(vacancy.requirements.map(\.skillID), ["S.PICKING_PACKING", "S.MANUAL_HANDLING"])

        res = try await postForm(session, "/vacancies/\(f.vacancy)/edit", scopingFields(employerID: f.employer, rows: [
            ("S.PICKING_PACKING", "essential", "2"),
        ], ["title": ""]))
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains(##"href="#f-title""##))
        let unchanged = try await VacancyModel.find(f.vacancy, on: t.app.db)
        XCTAssertEqual(unchanged?.title, "Warehouse operative (days)")
    }

    func testVacancyListPageFiltersAndAccess() async throws {
        let adviser = try await t.pageSession(.adviser)
        var res = try await t.app.sendRequest(.GET, "/vacancies", headers: adviser.headers)
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains("2 vacancies"))
        XCTAssertTrue(res.body.string.contains("Stock assistant"))
        res = try await t.app.sendRequest(.GET, "/vacancies?employerID=\(f.employer)&q=ware", headers: adviser.headers)
        XCTAssertTrue(res.body.string.contains("1 vacancy<"))
        XCTAssertFalse(res.body.string.contains("Stock assistant"))
        res = try await t.app.sendRequest(.GET, "/vacancies?status=draft", headers: adviser.headers)
        XCTAssertTrue(res.body.string.contains("0 vacancies"))

        let provider = try await t.pageSession(.provider)
        res = try await t.app.sendRequest(.GET, "/vacancies/\(f.otherVacancy)", headers: provider.headers)
        XCTAssertEqual(res.status, .ok)
        XCTAssertFalse(res.body.string.contains("/edit\""), "providers read only")
        res = try await t.app.sendRequest(.GET, "/vacancies/new", headers: provider.headers)
        XCTAssertEqual(res.status, .forbidden)
        res = try await t.app.sendRequest(.GET, "/vacancies/\(f.vacancy)/edit", headers: provider.headers)
        XCTAssertEqual(res.status, .forbidden)

        let analyst = try await t.pageSession(.analyst)
        for path in ["/vacancies", "/vacancies/\(f.vacancy)", "/vacancies/new"] {
            res = try await t.app.sendRequest(.GET, path, headers: analyst.headers)
            XCTAssertEqual(res.status, .forbidden, path)
        }
    }
}
