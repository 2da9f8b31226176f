import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Vapor
import XCTVapor
import XCTest

final class InsightTests: WebTestCase {
    private func get(_ path: String, as role: TestRole = .analyst) async throws -> XCTHTTPResponse {
        try await t.app.sendRequest(.GET, path, headers: try await t.bearer(role))
    }

    /// The figures as computed, before small numbers are suppressed (the fixture's numbers are all small).
    private func dashboard(_ query: String = "") async throws -> InsightFigures {
        let la = query.hasPrefix("?la=") ? String(query.dropFirst(4)) : nil
        return try await InsightQueries.figures(area: try await InsightArea.resolve(la, on: t.app.db), now: WebFixture.today, on: t.app.db)
    }

    /// The dashboard as the API publishes it.
    private func published(_ query: String = "", as role: TestRole = .analyst) async throws -> InsightDashboard {
        let res = try await get("/api/v1/insight" + query, as: role)
        XCTAssertEqual(res.status, .ok, res.body.string)
        return try res.content.decode(InsightDashboard.self)
    }

    private func page(_ query: String = "", as role: TestRole = .analyst) async throws -> XCTHTTPResponse {
        let session = try await t.pageSession(role)
        return try await t.app.sendRequest(.GET, "/insight" + query, headers: session.headers)
    }

    private func stageCounts(_ data: InsightFigures) -> [JourneyStage: Int] {
        Dictionary(uniqueKeysWithValues: data.clients.byStage.map { ($0.stage, $0.count) })
    }

    /// A chart's or table's row: the label cell followed by numeric cells.
    private func row(_ label: String, _ values: String...) -> String {
        ">\(label)</td>" + values.map { "<td class=\"numeric\">\($0)</td>" }.joined()
    }

    // MARK: The figures

    func testFiguresAreWhatTheFixtureGivesByHand() async throws {
        let data = try await dashboard()

        XCTAssertEqual(data.asOf, "2026-11-02")
        XCTAssertNil(data.area.localAuthorityID)
        XCTAssertEqual(data.area.wardCount, 2)
        XCTAssertEqual(data.area.targetWardCount, 1)

        // Client A is assessed; client B is not; neither has a referral or a job start.
        XCTAssertEqual(data.clients.total, 2)
        XCTAssertEqual(data.clients.byStage.map(\.stage), JourneyStage.allCases)
        XCTAssertEqual(data.clients.byStage.map(\.count), [1, 1, 0, 0, 0, 0, 0])

        // Two open vacancies closing in 2027: 3 + 1 openings.
        XCTAssertEqual(data.vacancies.live, 2)
        XCTAssertEqual(data.vacancies.openings, 4)

        // One pre-employment programme, one cohort of 12 with 2 enrolled.
        XCTAssertEqual(data.programmePlaces.byType.map(\.type), ProgrammeType.allCases)
        let pre = try XCTUnwrap(data.programmePlaces.byType.first { $0.type == .preEmployment })
        XCTAssertEqual([pre.programmes, pre.capacity, pre.enrolled, pre.free], [1, 12, 2, 10])
        XCTAssertEqual(data.programmePlaces.byType.filter { $0.type != .preEmployment }.map(\.capacity).reduce(0, +), 0)
        XCTAssertEqual([data.programmePlaces.total.programmes, data.programmePlaces.total.capacity, data.programmePlaces.total.free], [1, 12, 10])

        XCTAssertEqual(data.jobStarts.total, 0)
        XCTAssertEqual(data.jobStarts.sustainment.map(\.weeks), [13, 26, 52])
        XCTAssertEqual(data.jobStarts.sustainment.map(\.due), [0, 0, 0])
        XCTAssertTrue(data.jobStarts.sustainment.allSatisfy { $0.rate == nil })

        // Target ward Aston: 5,500 of 10,000. Region: (5,500 + 9,000) of (10,000 + 12,000).
        let gap = data.employmentGap
        let regionRate = Double(5500 + 9000) / Double(10000 + 12000)
        XCTAssertEqual(try XCTUnwrap(gap.targetWardsRate), 0.55, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(gap.areaRate), regionRate, accuracy: 1e-9)
        XCTAssertEqual(gap.nationalRate, 0.74)
        XCTAssertEqual(try XCTUnwrap(gap.gapPoints), (regionRate - 0.55) * 100, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(gap.areaBehindNationalPoints), (0.74 - regionRate) * 100, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(gap.targetWardsBehindNationalPoints), 19, accuracy: 1e-9)
        XCTAssertEqual(gap.byLocalAuthority.map(\.name), ["Birmingham"])
        XCTAssertEqual(gap.byLocalAuthority.first?.targetWardCount, 1)

        // Both vacancies are warehouse operatives: each essential skill is asked for by 3 + 1 openings,
        // each optional one (desirable) by half that. Client A holds picking and manual handling at working level.
        XCTAssertEqual(data.skills.map(\.skillID), [
            "B.NUMERACY", "S.HEALTH_SAFETY", "S.MANUAL_HANDLING", "S.PICKING_PACKING", "S.TEAMWORK",
            "L.FORKLIFT", "S.STOCK_CONTROL", "S.WAREHOUSE_SYSTEMS",
        ])
        XCTAssertEqual(data.skills.map(\.demand), [4, 4, 4, 4, 4, 2, 2, 2])
        XCTAssertEqual(data.skills.map(\.supply), [0, 0, 1, 1, 0, 0, 0, 0])
        XCTAssertEqual(data.skills.map(\.ratio), [0, 0, 0.25, 0.25, 0, 0, 0, 0])
        XCTAssertEqual(data.skills.first { $0.skillID == "S.PICKING_PACKING" }?.name, "Order picking and packing")
    }

    func testThePageShowsTheSameFiguresAsTheJSON() async throws {
        let data = try await published()
        let res = try await page()
        XCTAssertEqual(res.status, .ok)
        let html = res.body.string

        // The fixture's counts are small: the JSON and the page both withhold them.
        XCTAssertEqual(data.clients.byStage.map(\.count.display), ["<5", "<5", "0", "0", "0", "0", "0"])
        for stage in data.clients.byStage {
            XCTAssertTrue(html.contains(row(stage.label, stage.count.display.replacingOccurrences(of: "<", with: "&lt;"))), "stage \(stage.stage)")
        }
        XCTAssertTrue(html.contains("&lt;5 live vacancies with &lt;5 openings"))
        XCTAssertTrue(html.contains(row("Pre-employment", "12", "&lt;5", "x")))
        XCTAssertTrue(html.contains(row("Pre-employment", "&lt;5", "12", "&lt;5", "x")))
        XCTAssertTrue(html.contains(row("13 weeks", "0", "0", "0", "None due")))
        XCTAssertTrue(html.contains(row("Target wards", "55.0%")))
        XCTAssertTrue(html.contains(row("Region", "65.9%")))
        XCTAssertTrue(html.contains(row("National", "74.0%")))
        XCTAssertTrue(html.contains("10.9 percentage points"))
        XCTAssertTrue(html.contains(row("Birmingham", "65.9%", "1", "55.0%", "10.9")))
        XCTAssertFalse(data.skills.isEmpty)
        for skill in data.skills {
            // Demand of 4 openings or fewer, and supply of 0 or 1: every ratio comes from a hidden figure.
            XCTAssertTrue(html.contains(">\(skill.name)</a></td>" + ["&lt;5", skill.supply.display.replacingOccurrences(of: "<", with: "&lt;"), "&lt;5"]
                    .map { "<td class=\"numeric\">\($0)</td>" }.joined()), skill.skillID)
        }
        // Accessible charts: SVG images named by their title and description, each with a heading and summary.
        for id in ["chart-stages", "chart-places", "chart-sustainment", "chart-gap", "chart-skills"] {
            XCTAssertTrue(html.contains("id=\"\(id)\""), id)
            XCTAssertTrue(html.contains("aria-labelledby=\"\(id)-title \(id)-desc\""), id)
        }
        XCTAssertTrue(html.contains(">The employment-rate gap</h2>"))
    }

    func testNoClientIsNamedOrIdentified() async throws {
        for role in [TestRole.analyst, .administrator] {
            let html = try await page(as: role).body.string
            let json = try await get("/api/v1/insight", as: role).body.string
            for secret in ["Testperson", "Otherperson", "WM-TESTAAAA", "WM-TESTBBBB", "ada@example.test",
                           f.clientA.uuidString, f.clientB.uuidString, f.clientA.uuidString.lowercased(), f.assessmentA.uuidString] {
                XCTAssertFalse(html.contains(secret), "\(role) page shows \(secret)")
                XCTAssertFalse(json.contains(secret), "\(role) JSON shows \(secret)")
            }
        }
    }

    // MARK: Who may see it

    func testAnalystsAdvisersAndAdministratorsOnly() async throws {
        for role in [TestRole.analyst, .adviser, .administrator] {
            let api = try await get("/api/v1/insight", as: role)
            XCTAssertEqual(api.status, .ok, "\(role)")
            let html = try await page(as: role)
            XCTAssertEqual(html.status, .ok, "\(role)")
        }
        for role in [TestRole.employer, .provider] {
            let api = try await get("/api/v1/insight", as: role)
            XCTAssertEqual(api.status, .forbidden, "\(role)")
            XCTAssertEqual(try api.content.decode(ErrorBody.self).error.code, "forbidden")
            let html = try await page(as: role)
            XCTAssertEqual(html.status, .forbidden, "\(role)")
            XCTAssertFalse(html.body.string.contains("chart-stages"))
        }
        let anonymous = try await t.app.sendRequest(.GET, "/api/v1/insight")
        XCTAssertEqual(anonymous.status, .unauthorized)
        let anonymousPage = try await t.app.sendRequest(.GET, "/insight")
        XCTAssertNotEqual(anonymousPage.status, .ok)
        XCTAssertFalse(anonymousPage.body.string.contains("chart-stages"))
    }

    // MARK: Outcomes move the figures

    func testAJobStartAndItsCheckMoveTheFigures() async throws {
        let before = try await dashboard()
        XCTAssertEqual(before.jobStarts.total, 0)

        // 22 weeks before the fixture's today: the 13-week check is due, the 26-week one is not.
        let start = JobStart(id: UUID(), clientID: f.clientA, vacancyID: f.vacancy, employerName: "Test Engineering Ltd",
                             jobTitle: "Warehouse operative", startedOn: Date(isoDay: "2026-06-01")!, hoursPerWeek: 37, hourlyPayPence: 1250)
        try await JobStartModel(start).create(on: t.app.db)
        // A start recorded for next month is not yet a job start.
        try await JobStartModel(JobStart(id: UUID(), clientID: f.clientB, vacancyID: nil, employerName: "Elsewhere", jobTitle: "Cleaner",
                                         startedOn: Date(isoDay: "2026-12-01")!, hoursPerWeek: 16, hourlyPayPence: 1200)).create(on: t.app.db)

        let started = try await dashboard()
        XCTAssertEqual(started.jobStarts.total, 1)
        XCTAssertEqual(started.jobStarts.sustainment.map(\.due), [1, 0, 0])
        XCTAssertEqual(started.jobStarts.sustainment[0].checked, 0)
        XCTAssertEqual(started.jobStarts.sustainment[0].rate, 0)
        XCTAssertEqual(stageCounts(started)[.inWork], 1)
        XCTAssertEqual(stageCounts(started)[.assessed], 0)
        XCTAssertEqual(stageCounts(started)[.registered], 1)
        let startedPage = try await page().body.string
        XCTAssertTrue(startedPage.contains(row("13 weeks", "&lt;5", "0", "0", "&lt;5")), "one job start is fewer than five")
        XCTAssertTrue(startedPage.contains("<span class=\"stat\">&lt;5</span>"))
        XCTAssertFalse(startedPage.contains("<span class=\"stat\">1</span>"))

        try await SustainmentCheckModel(SustainmentCheck(jobStartID: start.id, milestone: .week13, checkedOn: Date(isoDay: "2026-09-01")!,
                                                         stillInWork: true)).create(on: t.app.db)
        // Written behind the app's back: the record of change tells the caches, as it does for the app's own writes.
        let checked = try await dashboard()
        XCTAssertEqual(checked.jobStarts.sustainment[0].checked, 1)
        XCTAssertEqual(checked.jobStarts.sustainment[0].stillInWork, 1)
        XCTAssertEqual(checked.jobStarts.sustainment[0].rate, 1)
        XCTAssertEqual(stageCounts(checked)[.sustained], 1)
        XCTAssertEqual(stageCounts(checked)[.inWork], 0)
        let checkedPage = try await page().body.string
        XCTAssertTrue(checkedPage.contains(row("13 weeks", "&lt;5", "&lt;5", "&lt;5", "&lt;5")))
        XCTAssertFalse(checkedPage.contains("100.0%"), "a rate from hidden counts is hidden")
    }

    func testAReferralPlacesTheClientOnItsStage() async throws {
        let referral = Referral(id: UUID(), clientID: f.clientB, target: .programme(programmeID: f.programme, cohortID: f.cohort), status: .referred,
                                history: [StatusChange(status: .referred, at: Date(isoDay: "2026-10-20")!, byUserID: nil)])
        try await ReferralModel(referral).create(on: t.app.db)
        let data = try await dashboard()
        XCTAssertEqual(stageCounts(data)[.referredToProgramme], 1)
        XCTAssertEqual(stageCounts(data)[.registered], 0)
        XCTAssertEqual(data.clients.total, 2)
    }

    // MARK: Filtering by local authority

    func testFilteringByLocalAuthority() async throws {
        let coventry = "E08000026", ward = "E05033333"
        try await LocalAuthorityModel(LocalAuthority(id: coventry, name: "Coventry", centre: GeoPoint(latitude: 52.41, longitude: -1.51))).create(on: t.app.db)
        try await WardModel(Ward(id: ward, name: "Foleshill (test)", localAuthorityID: coventry, centre: GeoPoint(latitude: 52.43, longitude: -1.49),
                                 isTargetWard: false, statistics: AreaStatistics(workingAgePopulation: 8000, employed: 5200, lookingForWork: 400,
                                                                                 withLevel2: 5000, withDegree: 1200))).create(on: t.app.db)
        try await ClientModel(withoutEqualityMonitoring: Client(id: UUID(), reference: "WM-TESTCCCC", givenName: "Cy", familyName: "Coventryperson", dateOfBirth: nil,
                                     postcode: "CV6 5AA", wardID: ward, employmentStatus: .unemployed, referralSource: .selfReferral,
                                     organisationID: f.charity, caseOwnerID: nil, registeredAt: Date(isoDay: "2026-10-15")!)).create(on: t.app.db)

        let region = try await dashboard()
        XCTAssertEqual(region.clients.total, 3)
        XCTAssertEqual(region.employmentGap.byLocalAuthority.map(\.name), ["Birmingham", "Coventry"])
        XCTAssertEqual(try XCTUnwrap(region.employmentGap.areaRate), Double(5500 + 9000 + 5200) / Double(10000 + 12000 + 8000), accuracy: 1e-9)

        let birmingham = try await dashboard("?la=E08000025")
        XCTAssertEqual(birmingham.area.localAuthorityID, "E08000025")
        XCTAssertEqual(birmingham.area.name, "Birmingham")
        XCTAssertEqual(birmingham.clients.total, 2)
        XCTAssertEqual(birmingham.vacancies.live, 2)
        XCTAssertEqual(birmingham.programmePlaces.total.capacity, 12)
        XCTAssertEqual(birmingham.skills.count, 8)
        XCTAssertEqual(try XCTUnwrap(birmingham.employmentGap.areaRate), Double(5500 + 9000) / Double(10000 + 12000), accuracy: 1e-9)
        XCTAssertEqual(birmingham.employmentGap.byLocalAuthority.map(\.name), ["Birmingham"])

        let cov = try await dashboard("?la=" + coventry)
        XCTAssertEqual(cov.area.name, "Coventry")
        XCTAssertEqual(cov.clients.total, 1)
        XCTAssertEqual(cov.clients.byStage.first?.count, 1)
        XCTAssertEqual(cov.vacancies.live, 0)
        XCTAssertEqual(cov.vacancies.openings, 0)
        XCTAssertEqual(cov.programmePlaces.total.programmes, 0)
        XCTAssertEqual(cov.skills.count, 0)
        XCTAssertEqual(try XCTUnwrap(cov.employmentGap.areaRate), 0.65, accuracy: 1e-9)
        XCTAssertNil(cov.employmentGap.targetWardsRate)
        XCTAssertNil(cov.employmentGap.gapPoints)

        let published = try await published("?la=" + coventry)
        XCTAssertEqual(published.area.name, "Coventry")
        XCTAssertEqual(published.clients.total, .hidden(.small))
        let covPage = try await page("?la=" + coventry)
        XCTAssertEqual(covPage.status, .ok)
        XCTAssertTrue(covPage.body.string.contains("Insight: Coventry"))
        XCTAssertTrue(covPage.body.string.contains("<option value=\"E08000026\" selected>Coventry</option>"))
        XCTAssertFalse(covPage.body.string.contains("Coventryperson"))
    }

    func testAnUnknownLocalAuthorityIsA422NamingLa() async throws {
        let res = try await get("/api/v1/insight?la=E99999999")
        XCTAssertEqual(res.status, .unprocessableEntity)
        let body = try res.content.decode(ErrorBody.self)
        XCTAssertEqual(body.error.code, "validation_failed")
        XCTAssertEqual(body.error.fields.map(\.field), ["la"])

        let html = try await page("?la=nowhere")
        XCTAssertEqual(html.status, .unprocessableEntity)
        XCTAssertTrue(html.body.string.contains("There is a problem"))
        XCTAssertTrue(html.body.string.contains("href=\"#f-la\""))
        XCTAssertFalse(html.body.string.contains("chart-stages"))
    }
}
