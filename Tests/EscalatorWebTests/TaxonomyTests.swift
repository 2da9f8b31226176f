import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Vapor
import XCTVapor
import XCTest

final class TaxonomyTests: WebTestCase {
    private let starter = StarterTaxonomy.taxonomy

    private struct OccupationList: Decodable {
        var items: [TaxonomyQueries.OccupationRow]
        var page: Int
        var size: Int
        var total: Int
    }

    private struct SkillList: Decodable {
        var items: [Skill]
        var page: Int
        var size: Int
        var total: Int
    }

    private func get(_ path: String, as role: TestRole = .employer) async throws -> XCTHTTPResponse {
        try await t.app.sendRequest(.GET, path, headers: try await t.bearer(role))
    }

    private func page(_ path: String, as role: TestRole = .employer) async throws -> XCTHTTPResponse {
        let session = try await t.pageSession(role)
        return try await t.app.sendRequest(.GET, path, headers: session.headers)
    }

    private func errorFields(_ res: XCTHTTPResponse) throws -> [String] {
        try res.content.decode(ErrorBody.self).error.fields.map(\.field)
    }

    // MARK: Occupations

    func testOccupationsAreListedSearchedAndFilteredBySector() async throws {
        let all = try await get("/api/v1/taxonomy/occupations")
        XCTAssertEqual(all.status, .ok, all.body.string)
        let list = try all.content.decode(OccupationList.self)
        XCTAssertEqual(list.total, starter.occupations.count)
        XCTAssertEqual(list.items.count, 25)
        XCTAssertEqual(list.items.map(\.id), Array(starter.sortedOccupations.prefix(25).map(\.id)))
        let warehouse = try XCTUnwrap(starter.occupation("O.WAREHOUSE_OPERATIVE"))
        let second = try await get("/api/v1/taxonomy/occupations?page=2&size=25").content.decode(OccupationList.self)
        let row = try XCTUnwrap((list.items + second.items).first { $0.id == warehouse.id })
        XCTAssertEqual(row.socCode, "9252")
        XCTAssertEqual(row.sector, .logistics)
        XCTAssertEqual(row.essentialSkillCount, warehouse.essentialSkills.count)
        XCTAssertEqual(row.optionalSkillCount, warehouse.optionalSkills.count)

        let search = try await get("/api/v1/taxonomy/occupations?q=WAREHOUSE").content.decode(OccupationList.self)
        XCTAssertEqual(Set(search.items.map(\.id)), Set(starter.occupations.values.filter { $0.name.lowercased().contains("warehouse") }.map(\.id)))
        XCTAssertTrue(search.items.map(\.id).contains("O.WAREHOUSE_TEAM_LEADER"))

        let bySOC = try await get("/api/v1/taxonomy/occupations?q=9252").content.decode(OccupationList.self)
        XCTAssertEqual(bySOC.items.map(\.id), ["O.WAREHOUSE_OPERATIVE"])

        let care = try await get("/api/v1/taxonomy/occupations?sector=health-social-care&size=100").content.decode(OccupationList.self)
        XCTAssertEqual(care.total, starter.occupations.values.filter { $0.sector == .healthAndSocialCare }.count)
        XCTAssertGreaterThan(care.total, 0)
        XCTAssertTrue(care.items.allSatisfy { $0.sector == .healthAndSocialCare })

        let literal = try await get("/api/v1/taxonomy/occupations?q=%25").content.decode(OccupationList.self)
        XCTAssertEqual(literal.total, 0, "% is matched literally, not as a wildcard")

        let bad = try await get("/api/v1/taxonomy/occupations?sector=space-travel")
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(bad), ["sector"])
    }

    func testTheOccupationsPageListsSearchesAndRejectsABadSector() async throws {
        let res = try await page("/taxonomy?q=warehouse")
        XCTAssertEqual(res.status, .ok)
        let html = res.body.string
        XCTAssertTrue(html.contains("<a href=\"/taxonomy/occupations/O.WAREHOUSE_OPERATIVE\">Warehouse operative</a>"))
        XCTAssertTrue(html.contains("9252"))
        XCTAssertFalse(html.contains("Care assistant"))
        XCTAssertTrue(html.contains("<label class=\"label\" for=\"f-q\">"))

        let bad = try await page("/taxonomy?sector=space-travel")
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertTrue(bad.body.string.contains("There is a problem"))
        XCTAssertTrue(bad.body.string.contains("href=\"#f-sector\""))
        XCTAssertFalse(bad.body.string.contains("/taxonomy/occupations/O.WAREHOUSE_OPERATIVE"))
    }

    func testAnOccupationShowsItsSkillsAndLiveVacancies() async throws {
        let warehouse = try XCTUnwrap(starter.occupation("O.WAREHOUSE_OPERATIVE"))
        let res = try await get("/api/v1/taxonomy/occupations/O.WAREHOUSE_OPERATIVE")
        XCTAssertEqual(res.status, .ok, res.body.string)
        let detail = try res.content.decode(TaxonomyQueries.OccupationDetail.self)
        XCTAssertEqual(detail.essentialSkills.map(\.skillID), warehouse.essentialSkills.map(\.skillID))
        XCTAssertEqual(detail.essentialSkills.map(\.level), warehouse.essentialSkills.map(\.level))
        XCTAssertEqual(detail.optionalSkills.map(\.skillID), warehouse.optionalSkills.map(\.skillID))
        XCTAssertEqual(detail.essentialSkills.first { $0.skillID == "B.NUMERACY" }?.kind, .basic)
        XCTAssertEqual(detail.typicalQualification, .entry)
        XCTAssertEqual(detail.liveVacancies, 2)

        // A closed vacancy is not live.
        let found = try await VacancyModel.find(t.fixture.otherVacancy, on: t.app.db)
        let vacancy = try XCTUnwrap(found)
        vacancy.status = .closed
        try await vacancy.save(on: t.app.db)
        let after = try await get("/api/v1/taxonomy/occupations/O.WAREHOUSE_OPERATIVE").content.decode(TaxonomyQueries.OccupationDetail.self)
        XCTAssertEqual(after.liveVacancies, 1)

        let html = try await page("/taxonomy/occupations/O.WAREHOUSE_OPERATIVE", as: .provider)
        XCTAssertEqual(html.status, .ok)
        let body = html.body.string
        XCTAssertTrue(body.contains("<h1 class=\"heading-l\">Warehouse operative</h1>"))
        XCTAssertTrue(body.contains("<a href=\"/taxonomy/skills/S.PICKING_PACKING\">Order picking and packing</a>"))
        XCTAssertTrue(body.contains("<dt>Live vacancies</dt><dd>1</dd>"))
        XCTAssertTrue(body.contains("<dt>SOC 2020 code</dt><dd>9252</dd>"))
        XCTAssertTrue(body.contains(RQFLevel.entry.label))
        XCTAssertTrue(body.contains("Optional skills"))
    }

    // MARK: Skills

    func testSkillsAreListedByKind() async throws {
        let licences = try await get("/api/v1/taxonomy/skills?kind=licence&size=100").content.decode(SkillList.self)
        XCTAssertEqual(licences.total, StarterTaxonomy.licenceIDs.count)
        XCTAssertEqual(Set(licences.items.map(\.id)), Set(StarterTaxonomy.licenceIDs))
        XCTAssertEqual(licences.items.map(\.name), licences.items.map(\.name).sorted())

        let basic = try await get("/api/v1/taxonomy/skills?kind=basic").content.decode(SkillList.self)
        XCTAssertEqual(Set(basic.items.map(\.id)), Set(StarterTaxonomy.basicSkillIDs))

        let all = try await get("/api/v1/taxonomy/skills?size=200").content.decode(SkillList.self)
        XCTAssertEqual(all.total, starter.skills.count)
        // Basic skills, then licences, then occupational skills grouped by sector.
        let kinds = all.items.map(\.kind)
        XCTAssertEqual(kinds, kinds.sorted { $0.rawValue < $1.rawValue })
        XCTAssertEqual(Array(kinds.prefix(4)), [.basic, .basic, .basic, .basic])
        let occupationalSectors = all.items.filter { $0.kind == .occupational }.map { $0.sector?.rawValue ?? "" }
        XCTAssertEqual(occupationalSectors, occupationalSectors.sorted())

        let logistics = try await get("/api/v1/taxonomy/skills?kind=occupational&sector=logistics").content.decode(SkillList.self)
        XCTAssertGreaterThan(logistics.total, 0)
        XCTAssertTrue(logistics.items.allSatisfy { $0.kind == .occupational && $0.sector == .logistics })

        let bad = try await get("/api/v1/taxonomy/skills?kind=wizardry&sector=nowhere")
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertEqual(Set(try errorFields(bad)), ["kind", "sector"])
    }

    func testTheSkillsPageGroupsByKindAndSector() async throws {
        let res = try await page("/taxonomy/skills", as: .analyst)
        XCTAssertEqual(res.status, .ok)
        let html = res.body.string
        for heading in ["Basic skills", "Licences and checks", "Occupational skills: logistics", "Occupational skills: cross-sector"] {
            XCTAssertTrue(html.contains(">\(heading)</h2>"), heading)
        }
        XCTAssertLessThan(html.range(of: ">Basic skills</h2>")!.lowerBound, html.range(of: ">Licences and checks</h2>")!.lowerBound)
        XCTAssertTrue(html.contains("<a href=\"/taxonomy/skills/L.FORKLIFT\">Forklift licence</a>"))

        let licences = try await page("/taxonomy/skills?kind=licence", as: .analyst)
        XCTAssertTrue(licences.body.string.contains("Forklift licence"))
        XCTAssertFalse(licences.body.string.contains(">Basic skills</h2>"))

        let bad = try await page("/taxonomy/skills?kind=wizardry", as: .analyst)
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertTrue(bad.body.string.contains("href=\"#f-kind\""))
    }

    func testASkillShowsTheOccupationsThatNeedItAndTheProgrammesThatTeachIt() async throws {
        let res = try await get("/api/v1/taxonomy/skills/S.PICKING_PACKING", as: .adviser)
        XCTAssertEqual(res.status, .ok, res.body.string)
        let detail = try res.content.decode(TaxonomyQueries.SkillDetail.self)
        XCTAssertEqual(detail.skill.name, "Order picking and packing")
        let needing = starter.occupations.values.filter { o in
            (o.essentialSkills + o.optionalSkills).contains { $0.skillID == "S.PICKING_PACKING" }
        }
        XCTAssertEqual(Set(detail.occupations.map(\.occupationID)), Set(needing.map(\.id)))
        XCTAssertEqual(detail.occupations.first { $0.occupationID == "O.WAREHOUSE_OPERATIVE" }?.importance, "essential")
        XCTAssertEqual(detail.programmes.map(\.title), ["Warehouse skills bootcamp"])
        XCTAssertEqual(detail.programmes.first?.providerName, "Test College")
        XCTAssertEqual(detail.programmeCount, 1)

        // The college's own provider sees its programme; an employer and an analyst see only how many there are.
        let provider = try await get("/api/v1/taxonomy/skills/S.PICKING_PACKING", as: .provider).content.decode(TaxonomyQueries.SkillDetail.self)
        XCTAssertEqual(provider.programmes.map(\.title), ["Warehouse skills bootcamp"])
        for role in [TestRole.employer, .analyst] {
            let other = try await get("/api/v1/taxonomy/skills/S.PICKING_PACKING", as: role).content.decode(TaxonomyQueries.SkillDetail.self)
            XCTAssertEqual(other.programmes.count, 0, "\(role)")
            XCTAssertEqual(other.programmeCount, 1, "\(role)")
        }

        let html = try await page("/taxonomy/skills/S.PICKING_PACKING", as: .adviser).body.string
        XCTAssertTrue(html.contains("<a href=\"/taxonomy/occupations/O.WAREHOUSE_OPERATIVE\">Warehouse operative</a>"))
        XCTAssertTrue(html.contains("Warehouse skills bootcamp"))
        let employerHTML = try await page("/taxonomy/skills/S.PICKING_PACKING", as: .employer).body.string
        XCTAssertTrue(employerHTML.contains("1 programme teaches this skill."))
        XCTAssertFalse(employerHTML.contains("Warehouse skills bootcamp"))
    }

    // MARK: Ids that are URIs

    func testPercentEncodedESCOIdsWork() async throws {
        let skillID = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
        let occupationID = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1.v1"
        try await SkillModel(Skill(id: skillID, name: "Operate pallet trucks", kind: .occupational, sector: .logistics)).create(on: t.app.db)
        try await OccupationModel(Occupation(id: occupationID, name: "Pallet mover", socCode: nil, sector: .logistics,
                                             essentialSkills: [OccupationSkill(skillID, .proficient)],
                                             optionalSkills: [OccupationSkill("S.TEAMWORK")])).create(on: t.app.db)
        let encodedSkill = "http%3A%2F%2Fdata.europa.eu%2Fesco%2Fskill%2Fccd0a1d9-afda-43d9-b901-96344886e14d"
        let encodedOccupation = "http%3A%2F%2Fdata.europa.eu%2Fesco%2Foccupation%2Ff2b15a0e-e65a-438a-affb-29b9d50b77d1.v1"
        XCTAssertEqual(TaxonomyPaths.occupation(occupationID), "/taxonomy/occupations/" + encodedOccupation)

        let list = try await page("/taxonomy?q=pallet")
        XCTAssertTrue(list.body.string.contains("<a href=\"/taxonomy/occupations/\(encodedOccupation)\">Pallet mover</a>"))

        let occupationPage = try await page("/taxonomy/occupations/" + encodedOccupation)
        XCTAssertEqual(occupationPage.status, .ok)
        XCTAssertTrue(occupationPage.body.string.contains("<h1 class=\"heading-l\">Pallet mover</h1>"))
        XCTAssertTrue(occupationPage.body.string.contains("<a href=\"/taxonomy/skills/\(encodedSkill)\">Operate pallet trucks</a>"))
        XCTAssertTrue(occupationPage.body.string.contains(occupationID))

        let skillPage = try await page("/taxonomy/skills/" + encodedSkill)
        XCTAssertEqual(skillPage.status, .ok)
        XCTAssertTrue(skillPage.body.string.contains("<a href=\"/taxonomy/occupations/\(encodedOccupation)\">Pallet mover</a>"))

        let occupation = try await get("/api/v1/taxonomy/occupations/" + encodedOccupation)
        XCTAssertEqual(occupation.status, .ok, occupation.body.string)
        let detail = try occupation.content.decode(TaxonomyQueries.OccupationDetail.self)
        XCTAssertEqual(detail.id, occupationID)
        XCTAssertEqual(detail.essentialSkills.map(\.skillID), [skillID])
        XCTAssertEqual(detail.essentialSkills.first?.level, .proficient)

        let skill = try await get("/api/v1/taxonomy/skills/" + encodedSkill)
        XCTAssertEqual(skill.status, .ok, skill.body.string)
        XCTAssertEqual(try skill.content.decode(TaxonomyQueries.SkillDetail.self).occupations.map(\.occupationID), [occupationID])
    }

    func testUnknownIdsAre404() async throws {
        for path in ["/api/v1/taxonomy/occupations/O.NO_SUCH_THING", "/api/v1/taxonomy/skills/S.NO_SUCH_THING",
                     "/api/v1/taxonomy/skills/http%3A%2F%2Fdata.europa.eu%2Fesco%2Fskill%2Fnope"] {
            let res = try await get(path)
            XCTAssertEqual(res.status, .notFound, path)
            XCTAssertEqual(try res.content.decode(ErrorBody.self).error.code, "not_found", path)
        }
        let html = try await page("/taxonomy/occupations/O.NO_SUCH_THING")
        XCTAssertEqual(html.status, .notFound)
        XCTAssertTrue(html.body.string.contains("Occupation was not found."))
    }

    // MARK: Who may read it

    func testEverySignedInRoleMayReadTheTaxonomy() async throws {
        for role in TestRole.allCases {
            let api = try await get("/api/v1/taxonomy/skills/L.FORKLIFT", as: role)
            XCTAssertEqual(api.status, .ok, "\(role)")
            let html = try await page("/taxonomy", as: role)
            XCTAssertEqual(html.status, .ok, "\(role)")
        }
        let anonymous = try await t.app.sendRequest(.GET, "/api/v1/taxonomy/occupations")
        XCTAssertEqual(anonymous.status, .unauthorized)
        let anonymousPage = try await t.app.sendRequest(.GET, "/taxonomy")
        XCTAssertNotEqual(anonymousPage.status, .ok)
    }
}
