import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Foundation
import Vapor
import XCTVapor
import XCTest

/// Commissioning advice in the app and the API: the core's figures for the app's data, published under the
/// small-number rule for every viewer.
final class CommissioningPagesTests: WebTestCase {
    private var headers: [TestRole: HTTPHeaders] = [:]

    /// Signs in once per role: a sign-in is a write, which would make kept advice stale.
    private func get(_ path: String, as role: TestRole) async throws -> XCTHTTPResponse {
        if headers[role] == nil { headers[role] = try await t.bearer(role) }
        return try await t.app.sendRequest(.GET, path, headers: headers[role]!)
    }

    /// Five more clients of the Jobcentre in ward A, each holding every essential skill of a warehouse operative
    /// but teamwork: five clients one skill away from both fixture vacancies.
    private func addClientsOneSkillAway() async throws {
        let db = t.app.db
        let warehouse = try XCTUnwrap(StarterTaxonomy.taxonomy.occupation("O.WAREHOUSE_OPERATIVE"))
        for index in 0..<5 {
            let id = UUID()
            try await ClientModel(withoutEqualityMonitoring: Client(
                id: id, reference: "WM-TESTC00\(index)", givenName: "Cee\(index)", familyName: "Testperson", dateOfBirth: Date(isoDay: "1992-03-01"),
                email: nil, phone: nil, postcode: "B6 4AA", wardID: f.wardA, employmentStatus: .unemployed, referralSource: .jobcentre,
                organisationID: f.jobcentre, caseOwnerID: f.adviser, registeredAt: Date(isoDay: "2026-09-01")!)).create(on: db)
            let assessment = Assessment(
                id: UUID(), clientID: id, adviserID: f.adviser, assessedOn: Date(isoDay: "2026-09-08")!,
                skills: warehouse.essentialSkills.filter { $0.skillID != "S.TEAMWORK" }
                    .map { SkillHolding(skillID: $0.skillID, level: $0.level, evidence: .adviserVerified) },
                highestQualification: .level1, gcseEnglish: true, gcseMaths: true, barriers: [], aspirations: [warehouse.id],
                constraints: WorkConstraints(minHoursPerWeek: 16, maxHoursPerWeek: 40, maxTravelKm: 15, travelModes: [.publicTransport]))
            try await AssessmentModel(assessment, distanceFromWork: 0, cipher: t.app.columnCipher).create(on: db)
        }
    }

    /// A live care assistant vacancy: its essential skills are taught by no programme.
    private func addCareVacancy() async throws {
        let care = try XCTUnwrap(StarterTaxonomy.taxonomy.occupation("O.CARE_ASSISTANT"))
        try await VacancyModel(Vacancy(
            id: UUID(), employerID: f.employer, occupationID: care.id, title: "Care assistant",
            requirements: VacancyScoping.prefilledRequirements(for: care), minimumQualification: .entry,
            hoursPerWeek: 30, hourlyPayPence: 1200, postcode: "B7 5AA", wardID: f.wardA, openings: 2,
            closingDate: Date(isoDay: "2027-01-31")!, status: .open)).create(on: t.app.db)
    }

    /// The core's advice on the inputs the app reads.
    private func coreAdvice() async throws -> CommissioningAdvice {
        let snapshot = try await MatchingCache.build(db: t.app.db, now: t.clock.now, cipher: t.app.columnCipher)
        return CommissioningAdvice.compute(profiles: Array(snapshot.profiles.values), vacancies: snapshot.vacancies, programmes: snapshot.programmes)
    }

    private func published(_ count: Int) -> JSON {
        SmallNumberSuppression.isSmall(count)
            ? .object(["value": .null, "suppressed": .bool(true), "reason": .string("fewer-than-5")])
            : .object(["value": .int(count), "suppressed": .bool(false)])
    }

    func testTheAdviceIsTheCoresPublishedUnderTheSmallNumberRule() async throws {
        try await addClientsOneSkillAway()
        try await addCareVacancy()
        let res = try await get("/api/v1/insight/commissioning", as: .analyst)
        XCTAssertEqual(res.status, .ok, res.body.string)
        let body = try JSON.parse(res.body.string)
        let advice = try await coreAdvice()

        XCTAssertEqual(body["asOf"], .string("2026-11-02"))
        XCTAssertEqual(advice.clientsBlockedOnlyBySkills, 6, "the five added and the fixture client")
        XCTAssertEqual(body["clientsBlockedOnlyBySkills"], published(6))
        XCTAssertEqual(body["clientsJobReady"], published(0))

        // Teamwork: five clients one skill away (shown), six missing it; health and safety: only the fixture client (hidden).
        let blockers = try XCTUnwrap(body["blockers"]?.array)
        XCTAssertEqual(blockers.count, advice.blockers.count)
        XCTAssertEqual(blockers.compactMap { $0["skillID"]?.string }, advice.blockers.map(\.skillID))
        let teamwork = try XCTUnwrap(blockers.first)
        XCTAssertEqual(teamwork["skillID"], .string("S.TEAMWORK"), "the skill keeping most clients one gap away comes first")
        XCTAssertEqual(teamwork["clientsOneSkillAway"], published(5))
        XCTAssertEqual(teamwork["clientsMissing"], published(6))
        XCTAssertEqual(teamwork["pairsOneSkillAway"], published(10), "five clients, two vacancies each")
        XCTAssertEqual(teamwork["vacanciesUnlocked"]?["suppressed"], .bool(true), "two vacancies: fewer than five")
        XCTAssertEqual(teamwork["programmesTeaching"], .int(1))
        let safety = try XCTUnwrap(blockers.first { $0["skillID"]?.string == "S.HEALTH_SAFETY" })
        XCTAssertEqual(safety["clientsMissing"], published(1))
        XCTAssertEqual(safety["clientsMissing"]?["value"], .null)

        let programmes = try XCTUnwrap(body["programmes"]?.array)
        let impact = try XCTUnwrap(advice.programmes.first { $0.programmeID == f.programme })
        let row = try XCTUnwrap(programmes.first { $0["programmeID"]?.string?.lowercased() == f.programme.uuidString.lowercased() })
        XCTAssertEqual(row["title"], .string("Warehouse skills bootcamp"))
        XCTAssertEqual(row["providerName"], .string("Test College"))
        XCTAssertEqual(row["freePlaces"], .int(10))
        XCTAssertEqual(impact.clientsUnlocked, 6)
        XCTAssertEqual(row["clientsUnlocked"], published(impact.clientsUnlocked))
        XCTAssertEqual(row["matchesUnlocked"], published(impact.matchesUnlocked))
        XCTAssertEqual(row["matchesPerPlace"]?["value"]?.doubleValue ?? -1, impact.matchesPerPlace, accuracy: 1e-12)

        // Personal care: asked by one live vacancy (hidden as fewer than five), taught by none.
        let untaught = try XCTUnwrap(body["untaught"]?.array)
        XCTAssertEqual(untaught.compactMap { $0["skillID"]?.string }, advice.untaught.map(\.skillID))
        let personalCare = try XCTUnwrap(untaught.first { $0["skillID"]?.string == "S.PERSONAL_CARE" })
        XCTAssertEqual(personalCare["vacancies"], published(1))
        XCTAssertEqual(personalCare["openings"], published(2))
        XCTAssertNil(personalCare["highestLevelTaught"])
    }

    func testThePageShowsTheThreeTablesWithSmallCountsHidden() async throws {
        try await addClientsOneSkillAway()
        try await addCareVacancy()
        let session = try await t.pageSession(.analyst)
        let insight = try await t.page(session, "/insight")
        XCTAssertTrue(insight.body.string.contains(#"href="/insight/commissioning""#), "the insight page links to the advice")
        let page = try await t.page(session, "/insight/commissioning")
        XCTAssertEqual(page.status, .ok, page.body.string)
        let html = page.body.string
        XCTAssertEqual(html.components(separatedBy: "<h1").count - 1, 1)
        for heading in ["Skill blockers", "Programme impact", "Skills no programme teaches", "Warehouse skills bootcamp", "Personal care"] {
            XCTAssertTrue(html.contains(heading), heading)
        }
        XCTAssertEqual(html.components(separatedBy: "<table").count - 1, 3)
        // The teamwork row: five one skill away are shown; the single client missing health and safety is not.
        let teamworkRow = try XCTUnwrap(html.components(separatedBy: "<tr>").first { $0.contains("Teamwork") })
        XCTAssertTrue(teamworkRow.contains(#"<td class="numeric">5</td>"#), teamworkRow)
        let safetyRow = try XCTUnwrap(html.components(separatedBy: "<tr>").first { $0.contains("Health and safety") })
        // Clients missing it (1, hidden), then the programmes teaching it (1, a fact about the catalogue).
        XCTAssertTrue(safetyRow.contains(#"<td class="numeric">&lt;5</td><td class="numeric">1</td></tr>"#), safetyRow)
        XCTAssertFalse(safetyRow.contains(#"<td class="numeric">1</td><td class="numeric">1</td>"#), safetyRow)
    }

    func testOnlyTheInsightRolesSeeTheAdvice() async throws {
        for role in [TestRole.employer, .provider] {
            let refusedAPI = try await get("/api/v1/insight/commissioning", as: role)
            XCTAssertEqual(refusedAPI.status, .forbidden, "\(role)")
            let session = try await t.pageSession(role)
            let refusedPage = try await t.page(session, "/insight/commissioning")
            XCTAssertEqual(refusedPage.status, .forbidden, "\(role)")
        }
        for role in [TestRole.analyst, .adviser, .administrator] {
            let allowed = try await get("/api/v1/insight/commissioning", as: role)
            XCTAssertEqual(allowed.status, .ok, "\(role)")
        }
    }

    func testTheAdviceIsKeptUntilSomethingIsWrittenAnywhere() async throws {
        let first = try JSON.parse(try await get("/api/v1/insight/commissioning", as: .analyst).body.string)
        XCTAssertEqual(first["untaught"]?.array?.count, 0, "the fixture programme teaches every warehouse skill")
        let kept = try JSON.parse(try await get("/api/v1/insight/commissioning", as: .analyst).body.string)
        XCTAssertEqual(kept, first, "nothing written: the same advice")
        // Written behind the app's back, as an import or another instance would: the record of change makes the
        // kept advice stale at once.
        try await addCareVacancy()
        let fresh = try JSON.parse(try await get("/api/v1/insight/commissioning", as: .analyst).body.string)
        XCTAssertTrue(fresh["untaught"]?.array?.contains { $0["skillID"]?.string == "S.PERSONAL_CARE" } ?? false)
    }

    func testTheOperationConformsToTheDocument() async throws {
        let api = try APIConformance(t)
        try await addClientsOneSkillAway()
        try await addCareVacancy()
        try await api.check(.GET, "/api/v1/insight/commissioning", as: .analyst, expect: .ok)
        try await api.check(.GET, "/api/v1/insight/commissioning", as: .employer, expect: .forbidden)
        api.assertCovered("Commissioning")
    }
}

private extension JSON {
    var doubleValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }
}

/// The cache behind the commissioning advice and the pathway planner.
final class KeptUntilWriteTests: XCTestCase {
    private actor Counter {
        var count = 0
        func bump() -> Int {
            count += 1
            return count
        }
    }

    func testAValueIsComputedOnceForManyAsksAndAgainAfterAWriteOrANewDay() async throws {
        let cache = KeptUntilWrite<Int>(), counter = Counter()
        let compute: @Sendable () async throws -> Int = {
            let n = await counter.bump()
            try await Task.sleep(nanoseconds: 20_000_000)
            return n * 10
        }
        let day = WebFixture.today
        let answers = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try await cache.value(now: day, dataVersion: 1, compute: compute) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(answers, Array(repeating: 10, count: 8))
        let kept = await counter.count
        XCTAssertEqual(kept, 1, "eight asks at once, one computation")
        let afterWrite = try await cache.value(now: day, dataVersion: 2, compute: compute)
        XCTAssertEqual(afterWrite, 20)
        let again = try await cache.value(now: day.addingTimeInterval(3600), dataVersion: 2, compute: compute)
        XCTAssertEqual(again, 20, "same day, no write: kept")
        let nextDay = try await cache.value(now: day.addingTimeInterval(86_400), dataVersion: 2, compute: compute)
        XCTAssertEqual(nextDay, 30)
    }
}
