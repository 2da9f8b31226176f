import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Foundation
import Vapor
import XCTVapor
import XCTest

/// "Recommended to N others · referred N", spread mode and the concentration figures (docs/matching.md, "Congestion").
final class CongestionPagesTests: WebTestCase {
    /// Sorts before every other vacancy id, so it wins the tie with the fixture's warehouse vacancy and every
    /// client in ward A ranks it first.
    let hot = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
    var extraClients: [UUID] = []
    /// Can work at most 25 hours a week: only the 20-hour "Stock assistant" fits.
    var partTimer: UUID { extraClients[0] }
    var clients: [UUID] { [f.clientA] + extraClients }

    override func setUp() async throws {
        try await super.setUp()
        try await t.shutdown()
        t = try await TestApp.make { $0.spreadMultiple = 2 }
        try await addCaseload()
    }

    /// Six more clients assessed like the fixture's Ada, a vacancy with one opening everyone ranks first, and
    /// referrals to it: two open (applied, interviewed), one not yet open (proposed).
    private func addCaseload() async throws {
        let db = t.app.db
        let taxonomy = StarterTaxonomy.taxonomy
        let warehouse = taxonomy.occupations["O.WAREHOUSE_OPERATIVE"] ?? taxonomy.sortedOccupations[0]
        let ada = try await AssessmentModel.find(f.assessmentA, on: db)!.value(t.app.columnCipher)
        for i in 1...6 {
            let id = UUID()
            extraClients.append(id)
            try await ClientModel(withoutEqualityMonitoring: Client(
                id: id, reference: "WM-CONG000\(i)", givenName: "Client\(i)", familyName: "Congestion", dateOfBirth: Date(isoDay: "1991-03-0\(i)"),
                email: nil, phone: nil, postcode: "B6 4AA", wardID: f.wardA, employmentStatus: .unemployed, referralSource: .jobcentre,
                organisationID: f.jobcentre, caseOwnerID: f.adviser, registeredAt: Date(isoDay: "2026-09-01")!)).create(on: db)
            var assessment = Assessment(
                id: UUID(), clientID: id, adviserID: f.adviser, assessedOn: Date(isoDay: "2026-09-10")!, skills: ada.skills,
                highestQualification: ada.highestQualification, gcseEnglish: ada.gcseEnglish, gcseMaths: ada.gcseMaths,
                barriers: [], aspirations: ada.aspirations, constraints: ada.constraints)
            if i == 1 { assessment.constraints.maxHoursPerWeek = 25 }
            try await AssessmentModel(assessment, distanceFromWork: 50, cipher: t.app.columnCipher).create(on: db)
        }
        try await VacancyModel(Vacancy(
            id: hot, employerID: f.employer, occupationID: warehouse.id, title: "Hot picker",
            requirements: VacancyScoping.prefilledRequirements(for: warehouse), minimumQualification: .entry,
            hoursPerWeek: 30, hourlyPayPence: 1300, postcode: "B7 5AA", wardID: f.wardA, openings: 1,
            closingDate: Date(isoDay: "2027-01-31")!, status: .open)).create(on: db)
        let statuses: [(UUID, ReferralStatus)] = [(extraClients[1], .applied), (extraClients[2], .interviewed), (extraClients[3], .proposed)]
        for (client, status) in statuses {
            try await ReferralModel(Referral(
                id: UUID(), clientID: client, target: .vacancy(vacancyID: hot), status: status,
                history: [StatusChange(status: status, at: WebFixture.today, byUserID: f.adviser)])).create(on: db)
        }
        try await ReferralModel(Referral(
            id: UUID(), clientID: f.clientA, target: .vacancy(vacancyID: f.vacancy), status: .offered,
            history: [StatusChange(status: .offered, at: WebFixture.today, byUserID: f.adviser)])).create(on: db)
        await t.app.matchingCache.invalidate()
    }

    private func matches(_ client: UUID, _ query: String = "", as role: TestRole = .adviser) async throws -> MatchDTO.ClientMatches {
        let res = try await get("/api/v1/clients/\(client)/matches\(query)", as: role)
        XCTAssertEqual(res.status, .ok, res.body.string)
        return try res.content.decode(MatchDTO.ClientMatches.self)
    }

    private func get(_ path: String, as role: TestRole) async throws -> XCTHTTPResponse {
        try await t.app.sendRequest(.GET, path, headers: try await t.bearer(role))
    }

    private func page(_ path: String, as role: TestRole) async throws -> XCTHTTPResponse {
        try await t.app.sendRequest(.GET, path, headers: try await t.pageSession(role).headers)
    }

    private var openings: [UUID: Int] { [f.vacancy: 3, f.otherVacancy: 1, hot: 1] }

    // MARK: Counts

    func testEveryClientRanksTheOneOpeningVacancyFirst() async throws {
        for client in clients where client != partTimer {
            let best = try await matches(client, "?limit=10")
            XCTAssertEqual(best.mode, .best)
            XCTAssertEqual(best.vacancies.first?.vacancyID, hot)
            XCTAssertEqual(Set(best.vacancies.map(\.vacancyID)), [hot, f.vacancy, f.otherVacancy])
        }
        let partTime = try await matches(partTimer, "?limit=10")
        XCTAssertEqual(partTime.vacancies.map(\.vacancyID), [f.otherVacancy])
    }

    func testCountsEqualAPlainRecountOverEveryonesTopTenAndOpenReferrals() async throws {
        var lists: [UUID: [UUID]] = [:]
        for client in clients { lists[client] = try await matches(client, "?limit=10").vacancies.map(\.vacancyID) }
        let openReferrals: [(client: UUID, vacancy: UUID)] = [(extraClients[1], hot), (extraClients[2], hot), (f.clientA, f.vacancy)]
        var checked = 0
        for client in clients {
            for vacancy in try await matches(client).vacancies {
                let others = lists.filter { $0.key != client && $0.value.contains(vacancy.vacancyID) }.count
                let referred = openReferrals.filter { $0.client != client && $0.vacancy == vacancy.vacancyID }.count
                XCTAssertEqual(vacancy.recommendedToOthers, others, "\(vacancy.title) for \(client)")
                XCTAssertEqual(vacancy.referredOthers, referred, "\(vacancy.title) for \(client)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, 19)
        // By hand: Ada sees the hot vacancy in 5 other lists (the part-timer cannot take it), referred twice (the proposed one is not open yet);
        // her own offer to the warehouse vacancy is left out.
        let ada = try await matches(f.clientA)
        let hotForAda = try XCTUnwrap(ada.vacancies.first { $0.vacancyID == hot })
        XCTAssertEqual([hotForAda.recommendedToOthers, hotForAda.referredOthers], [5, 2])
        let warehouseForAda = try XCTUnwrap(ada.vacancies.first { $0.vacancyID == f.vacancy })
        XCTAssertEqual([warehouseForAda.recommendedToOthers, warehouseForAda.referredOthers], [5, 0])
        let warehouseForOthers = try await matches(extraClients[1]).vacancies.first { $0.vacancyID == f.vacancy }
        XCTAssertEqual(warehouseForOthers?.referredOthers, 1)
    }

    func testCandidatesShowTheVacancysOwnTotals() async throws {
        let spreadCount = try await spreadLists().values.filter { list in list.contains { $0.vacancyID == hot } }.count
        for role in [TestRole.adviser, .employer] {
            let res = try await get("/api/v1/vacancies/\(hot)/candidates", as: role)
            XCTAssertEqual(res.status, .ok, res.body.string)
            let body = try res.content.decode(MatchDTO.Candidates.self)
            XCTAssertEqual(body.congestion.recommended, 6)
            XCTAssertEqual(body.congestion.recommendedWhenSpread, spreadCount)
            XCTAssertEqual(body.congestion.referred, 2)
        }
        let html = try await page("/vacancies/\(hot)/candidates", as: .employer).body.string
        XCTAssertTrue(html.contains("6 clients (in their top 10)"), html)
        XCTAssertTrue(html.contains("\(spreadCount) clients"))
        XCTAssertTrue(html.contains("2 open referrals"))
        let res = try await get("/api/v1/vacancies/\(f.otherVacancy)/candidates", as: .employer)
        XCTAssertEqual(res.status, .notFound, "another employer's vacancy stays hidden")
    }

    // MARK: Spread mode

    private func spreadLists() async throws -> [UUID: [MatchDTO.MatchedVacancy]] {
        var lists: [UUID: [MatchDTO.MatchedVacancy]] = [:]
        for client in clients {
            let spread = try await matches(client, "?mode=spread")
            XCTAssertEqual(spread.mode, .spread)
            XCTAssertEqual(spread.spreadMultiple, 2)
            lists[client] = spread.vacancies
        }
        return lists
    }

    func testSpreadModeCapsTheVacancyKeepsEligibilityAndReachesTheCoresOptimum() async throws {
        let spread = try await spreadLists()
        var best: [UUID: [MatchDTO.MatchedVacancy]] = [:]
        for client in clients { best[client] = try await matches(client, "?limit=50").vacancies }

        var shown: [UUID: Int] = [:]
        for (client, list) in spread {
            XCTAssertLessThanOrEqual(list.count, 10)
            for entry in list {
                shown[entry.vacancyID, default: 0] += 1
                XCTAssertTrue(entry.eligible)
                let own = try XCTUnwrap(best[client]?.first { $0.vacancyID == entry.vacancyID }, "only the client's own eligible vacancies")
                XCTAssertEqual(entry.score, own.score, accuracy: 1e-12)
            }
            XCTAssertEqual(list.map(\.score), list.map(\.score).sorted(by: >))
        }
        XCTAssertLessThanOrEqual(shown[hot] ?? 0, 2, "one opening × multiple 2")
        for (vacancy, count) in shown { XCTAssertLessThanOrEqual(count, 2 * (openings[vacancy] ?? 0)) }
        XCTAssertEqual(spread[partTimer]?.map(\.vacancyID).contains(hot), false)

        // The core's spreading of the same candidate lists gives the same total weight.
        let candidates = clients.map { client in best[client]!.map { RankedVacancy(vacancyID: $0.vacancyID, score: $0.score) } }
        let expected = RecommendationSpreading(perClient: 10, multiple: 2).spread(candidates, openings: openings)
        func weight(_ scores: [Double]) -> Int { scores.reduce(0) { $0 + AllocationScore.weight($1) } }
        XCTAssertEqual(weight(spread.values.flatMap { $0.map(\.score) }), weight(expected.flatMap { $0.map(\.score) }))
        XCTAssertEqual(spread.values.reduce(0) { $0 + $1.count }, expected.reduce(0) { $0 + $1.count })
        XCTAssertEqual(shown.values.reduce(0, +), 10, "every capped place is used: 3×2 + 1×2 + 1×2")

        // Counts in spread mode are over the spread lists.
        for (client, list) in spread {
            for entry in list {
                let others = spread.filter { other in other.key != client && other.value.contains { $0.vacancyID == entry.vacancyID } }.count
                XCTAssertEqual(entry.recommendedToOthers, others)
            }
        }
    }

    func testSpreadPageAgreesWithTheAPIAndOffersTheToggle() async throws {
        // Someone whose spread list is not empty (the optimum may leave any one client out).
        var client = f.clientA, api = try await matches(f.clientA, "?mode=spread")
        for other in extraClients where api.vacancies.isEmpty {
            client = other
            api = try await matches(other, "?mode=spread")
        }
        XCTAssertFalse(api.vacancies.isEmpty)
        let res = try await page("/clients/\(client)/matches?mode=spread", as: .adviser)
        XCTAssertEqual(res.status, .ok)
        let html = res.body.string
        let titles = ["Hot picker, Test Engineering Ltd", "Warehouse operative, Test Engineering Ltd", "Stock assistant, Other Employer Ltd"]
        let expected = api.vacancies.enumerated().map { rank, v in
            "\(rank + 1). " + titles.first { $0.hasPrefix(v.title + ",") }!
        }
        var cursor = html.startIndex
        for heading in expected {
            let found = try XCTUnwrap(html.range(of: heading, range: cursor..<html.endIndex), "\(heading) in order")
            cursor = found.upperBound
            let vacancy = api.vacancies[expected.firstIndex(of: heading)!]
            let line = "Recommended to \(vacancy.recommendedToOthers) \(vacancy.recommendedToOthers == 1 ? "other" : "others") · referred \(vacancy.referredOthers)"
            XCTAssertNotNil(html.range(of: line, range: cursor..<html.endIndex), line)
        }
        for title in titles where !expected.contains(where: { $0.hasSuffix(title) }) {
            XCTAssertFalse(html.contains(title), "\(title) is not in the spread list")
        }
        XCTAssertTrue(html.contains("Spread mode shares vacancies out"))
        XCTAssertTrue(html.contains(#"href="/clients/\#(client)/matches""#), "a link back to best matches")
        XCTAssertTrue(html.contains(#"name="returnTo" value="/clients/\#(client)/matches?mode=spread""#))

        let bestPage = try await page("/clients/\(f.clientA)/matches", as: .adviser).body.string
        XCTAssertTrue(bestPage.contains(#"href="/clients/\#(f.clientA)/matches?mode=spread""#))
        XCTAssertTrue(bestPage.contains("1. Hot picker, Test Engineering Ltd"))
        XCTAssertTrue(bestPage.contains("Recommended to 5 others · referred 2"))
    }

    func testBadModeIsA400NamingTheParameter() async throws {
        for query in ["mode=fast", "mode=BEST", "mode=spread%20please"] {
            let res = try await get("/api/v1/clients/\(f.clientA)/matches?\(query)", as: .adviser)
            XCTAssertEqual(res.status, .badRequest, query)
            XCTAssertEqual(try res.content.decode(ErrorBody.self).error.fields.map(\.field), ["mode"], query)
        }
        let res = try await page("/clients/\(f.clientA)/matches?mode=fast", as: .adviser)
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertTrue(res.body.string.contains("mode must be best or spread"))
    }

    func testSpreadModeKeepsTheMatchesAccessRules() async throws {
        var res = try await get("/api/v1/clients/\(f.clientB)/matches?mode=spread", as: .adviser)
        XCTAssertEqual(res.status, .notFound)
        for role in [TestRole.employer, .provider, .analyst] {
            res = try await get("/api/v1/clients/\(f.clientA)/matches?mode=spread", as: role)
            XCTAssertEqual(res.status, .forbidden, "\(role)")
        }
        res = try await page("/clients/\(extraClients[1])/matches?mode=spread", as: .otherAdviser)
        XCTAssertEqual(res.status, .notFound)
        XCTAssertFalse(res.body.string.contains("Client2"))
    }

    // MARK: Concentration

    func testConcentrationEqualsAHandComputation() async throws {
        let res = try await get("/api/v1/matching/concentration", as: .analyst)
        XCTAssertEqual(res.status, .ok, res.body.string)
        let body = try res.content.decode(MatchDTO.Concentration.self)
        XCTAssertEqual(body.clients, 7)
        XCTAssertEqual(body.vacancies, 3)
        XCTAssertEqual(body.perClient, 10)
        XCTAssertEqual(body.spreadMultiple, 2)
        // Top 10s: the hot and warehouse vacancies in 6 lists, the stock assistant in 7: 19 in all, ascending [6, 6, 7].
        XCTAssertEqual(body.before.recommendations, 19)
        XCTAssertEqual(body.before.topPercentVacancies, 1)
        XCTAssertEqual(body.before.topPercentShare, 7.0 / 19.0, accuracy: 1e-12)
        XCTAssertEqual(body.before.maximumPerVacancy, 7)
        // Gini: (2 × (1×6 + 2×6 + 3×7) − 4 × 19) / (3 × 19) = (78 − 76) / 57.
        XCTAssertEqual(body.before.gini, 2.0 / 57.0, accuracy: 1e-12)
        XCTAssertEqual(body.before.vacanciesOverCap, 2, "the two one-opening vacancies exceed 2 × 1")
        // Spread: every capped place filled, ascending [2, 2, 6].
        XCTAssertEqual(body.after.recommendations, 10)
        XCTAssertEqual(body.after.topPercentShare, 0.6, accuracy: 1e-12)
        XCTAssertEqual(body.after.maximumPerVacancy, 6)
        // Gini: (2 × (1×2 + 2×2 + 3×6) − 4 × 10) / (3 × 10) = (48 − 40) / 30.
        XCTAssertEqual(body.after.gini, 8.0 / 30.0, accuracy: 1e-12)
        XCTAssertEqual(body.after.vacanciesOverCap, 0)

        let spread = try await spreadLists()
        var shorter = 0
        for client in clients {
            let plain = try await matches(client, "?limit=10").vacancies.count
            if (spread[client]?.count ?? 0) < plain { shorter += 1 }
        }
        XCTAssertGreaterThanOrEqual(shorter, 5)
        XCTAssertEqual(body.clientsWithShorterLists, shorter)
        XCTAssertEqual(body.clientsWithShorterListsShown, String(shorter))

        let html = try await page("/matching/concentration", as: .analyst).body.string
        for expected in ["How concentrated recommendations are", "36.8%", "60.0%", String(format: "%.3f", 2.0 / 57.0),
                         String(format: "%.3f", 8.0 / 30.0), "more than 2 × openings"] {
            XCTAssertTrue(html.contains(expected), "\(expected) missing from the concentration page")
        }
    }

    func testSmallCountsOfClientsAreSuppressed() {
        let plain = [[RankedVacancy(vacancyID: hot, score: 0.9)], [RankedVacancy(vacancyID: hot, score: 0.8)]]
        let report = ConcentrationReport(plain: plain, spread: [plain[0], []], vacancyIDs: [hot], openings: [hot: 1], multiple: 1)
        XCTAssertEqual(report.clientsWithShorterLists, 1)
        let dto = MatchDTO.Concentration(report)
        XCTAssertNil(dto.clientsWithShorterLists)
        XCTAssertEqual(dto.clientsWithShorterListsShown, "<5")
        XCTAssertNil(dto.clients, "2 clients")
        XCTAssertNil(dto.before.recommendations, "2 recommendations")
        XCTAssertNil(dto.before.maximumPerVacancy, "2 clients for one vacancy")
        XCTAssertNil(dto.after.recommendations, "1 recommendation")
        let html = MatchViews.concentration(report, viewer: Viewer(displayName: "Analyst", role: .analyst, organisationName: "Combined authority", csrfToken: "token"))
        XCTAssertTrue(html.contains("Each of <5 assessed clients") || html.contains("Each of &lt;5 assessed clients"), html)
        XCTAssertEqual(dto.before.vacanciesOverCap, 1)
        XCTAssertEqual(dto.after.vacanciesOverCap, 0)
    }

    func testConcentrationIsForAnalystsAdvisersAndAdministrators() async throws {
        for role in TestRole.allCases {
            let allowed = [TestRole.analyst, .adviser, .otherAdviser, .administrator].contains(role)
            let api = try await get("/api/v1/matching/concentration", as: role)
            XCTAssertEqual(api.status, allowed ? .ok : .forbidden, "\(role)")
            let html = try await page("/matching/concentration", as: role)
            XCTAssertEqual(html.status, allowed ? .ok : .forbidden, "\(role)")
            XCTAssertEqual(html.body.string.contains("Gini coefficient"), allowed, "\(role)")
        }
        let insight = try await page("/insight", as: .analyst).body.string
        XCTAssertTrue(insight.contains(#"href="/matching/concentration""#), "the insight page links to it")
        let signedOut = try await t.app.sendRequest(.GET, "/api/v1/matching/concentration")
        XCTAssertEqual(signedOut.status, .unauthorized)
    }

    /// After a change the previous lists answer at once while the rebuild runs; spread mode waits for it.
    func testAChangeToAClientRebuildsTheListsInTheBackground() async throws {
        let before = try await get("/api/v1/matching/concentration", as: .adviser).content.decode(MatchDTO.Concentration.self)
        XCTAssertEqual(before.clients, 7)
        let res = try await t.app.sendRequest(.POST, "/api/v1/clients/\(f.clientB)/assessments", headers: try await t.bearer(.otherAdviser)) { req async throws in
            req.headers.contentType = .json
            req.body = ByteBuffer(string: """
                {"skills": [{"skillID": "S.PICKING_PACKING", "level": 2}], "highestQualification": 1, "gcseEnglish": true,
                 "aspirations": ["O.WAREHOUSE_OPERATIVE"], "constraints": {"minHoursPerWeek": 16, "maxHoursPerWeek": 40, "maxTravelKm": 15}}
                """)
        }
        XCTAssertEqual(res.status, .created, res.body.string)
        let spread = try await get("/api/v1/clients/\(f.clientB)/matches?mode=spread", as: .otherAdviser)
        XCTAssertEqual(spread.status, .ok, spread.body.string)
        let settled = try await t.app.matchingCache.settledRecommendationLists(db: t.app.db, now: t.environment.now())
        XCTAssertEqual(try spread.content.decode(MatchDTO.ClientMatches.self).vacancies.map(\.vacancyID),
                       settled.list(f.clientB, mode: .spread).map(\.vacancyID),
                       "the newly assessed client's spread list is built for them, not taken from the lists before")
        XCTAssertNotNil(settled.plain[f.clientB])
        let after = try await get("/api/v1/matching/concentration", as: .adviser).content.decode(MatchDTO.Concentration.self)
        XCTAssertEqual(after.clients, 8)
        XCTAssertGreaterThan(try XCTUnwrap(after.before.recommendations), try XCTUnwrap(before.before.recommendations))
    }
}
