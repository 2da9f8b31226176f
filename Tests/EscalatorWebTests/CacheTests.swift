import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import XCTVapor
import XCTest

/// The matching snapshot is kept current by targeted updates, and the insight dashboard is recomputed
/// after any write: neither may serve figures a fresh computation would not give.
final class CacheTests: WebTestCase {
    func testTargetedUpdatesLeaveTheSnapshotEqualToAFreshBuild() async throws {
        let now = t.environment.now()
        let cache = t.app.matchingCache
        _ = try await cache.current(db: t.app.db, now: now)
        let adviser = try await t.bearer(.adviser)
        let f = t.fixture

        // A new assessment for client A, a vacancy closed, a programme's cohort added, a consent withdrawn.
        try await t.app.test(.POST, "/api/v1/clients/\(f.clientA)/assessments", headers: adviser, beforeRequest: { req async throws in
            req.headers.contentType = .json
            req.body = ByteBuffer(string: AssessmentBody.welder)
        }, afterResponse: { res async throws in XCTAssertEqual(res.status, .created, res.body.string) })
        let vacancy = try await VacancyModel.find(f.vacancy, on: t.app.db)!
        vacancy.status = .filled
        try await vacancy.save(on: t.app.db)
        let provider = try await t.bearer(.provider)
        try await t.app.test(.POST, "/api/v1/programmes/\(f.programme)/cohorts", headers: provider, beforeRequest: { req async throws in
            try req.content.encode(["startsOn": "2027-02-01", "capacity": "15"])
        }, afterResponse: { res async throws in XCTAssertEqual(res.status, .created, res.body.string) })
        let consent = try await ConsentModel.query(on: t.app.db).filter(\.$clientID == f.clientA).first()!
        try await t.app.test(.POST, "/api/v1/clients/\(f.clientA)/consents/\(consent.id!)/withdraw", headers: adviser) { res async throws in
            XCTAssertEqual(res.status, .ok)
        }

        try await t.app.changeFeed.catchUp(db: t.app.db)  // the vacancy was changed straight in the database
        let kept = try await cache.current(db: t.app.db, now: now)
        let fresh = try await MatchingCache.build(db: t.app.db, now: now, cipher: t.app.columnCipher)
        XCTAssertEqual(kept.profiles, fresh.profiles)
        XCTAssertEqual(kept.profiles[f.clientA]?.skills["S.WELDING"], .proficient, "the new assessment is in the profile")
        XCTAssertEqual(kept.sharing, fresh.sharing)
        XCTAssertFalse(kept.sharing.contains(f.clientA), "the withdrawn consent is gone")
        XCTAssertEqual(Set(kept.vacanciesByID.keys), Set(fresh.vacanciesByID.keys))
        XCTAssertNil(kept.vacanciesByID[f.vacancy], "the filled vacancy is no longer matched")
        XCTAssertEqual(Set(kept.vacancies.map(\.vacancy.id)), Set(fresh.vacancies.map(\.vacancy.id)))
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: kept.programmes.map { ($0.programme.id, $0.programme) }),
                       Dictionary(uniqueKeysWithValues: fresh.programmes.map { ($0.programme.id, $0.programme) }))
        XCTAssertEqual(kept.programmes.first { $0.programme.id == f.programme }?.programme.cohorts.count, 2)
    }

    func testMatchingOffersOnlyCohortsThatHaveNotStarted() async throws {
        let started = Cohort(id: UUID(), startsOn: Date(isoDay: "2026-10-01")!, capacity: 20, enrolled: 3)
        try await CohortModel(programmeID: t.fixture.programme, started).create(on: t.app.db)
        let snapshot = try await MatchingCache.build(db: t.app.db, now: t.environment.now(), cipher: t.app.columnCipher)
        let programme = try XCTUnwrap(snapshot.programmes.first { $0.programme.id == t.fixture.programme }?.programme)
        XCTAssertEqual(programme.cohorts.map(\.id), [t.fixture.cohort], "the cohort that began in October is not offered")
        XCTAssertEqual(programme.freePlaces, 10)
    }

    func testDashboardIsRecomputedAfterAWrite() async throws {
        let analyst = try await t.bearer(.analyst)
        func jobStarts() async throws -> PublishedCount {
            var total = PublishedCount(-1)
            try await t.app.test(.GET, "/api/v1/insight", headers: analyst) { res async throws in
                XCTAssertEqual(res.status, .ok)
                total = try res.content.get(PublishedCount.self, at: "jobStarts", "total")
            }
            return total
        }
        let before = try await jobStarts()
        let again = try await jobStarts()
        XCTAssertEqual(again, before, "unchanged data gives the same answer")
        let adviser = try await t.bearer(.adviser)
        try await t.app.test(.POST, "/api/v1/job-starts", headers: adviser, beforeRequest: { req async throws in
            try req.content.encode([
                "clientID": self.t.fixture.clientA.uuidString, "employerName": "Test Engineering Ltd", "jobTitle": "Picker",
                "startedOn": "2026-10-01", "hoursPerWeek": "30", "hourlyPay": "12.80",
            ])
        }, afterResponse: { res async throws in XCTAssertEqual(res.status, .created, res.body.string) })
        let after = try await jobStarts()
        XCTAssertEqual(before, PublishedCount(0))
        XCTAssertEqual(after, .hidden(.small), "one job start now: fewer than five, so withheld")
    }

    func testSigningInAndOutKeepsTheCachesAndAJourneyWriteDoesNot() async throws {
        let feed = t.app.changeFeed, db = t.app.db
        let start = try await feed.catchUp(db: db)
        _ = try await t.bearer(.analyst)
        _ = try await t.pageSession(.adviser)
        let afterSignIns = try await feed.catchUp(db: db)
        XCTAssertEqual(afterSignIns, start, "tokens and sessions change no figure")
        try await t.app.test(.POST, "/api/v1/job-starts", headers: try await t.bearer(.adviser), beforeRequest: { req async throws in
            try req.content.encode([
                "clientID": self.t.fixture.clientA.uuidString, "employerName": "Test Engineering Ltd", "jobTitle": "Picker",
                "startedOn": "2026-10-01", "hoursPerWeek": "30", "hourlyPay": "12.80",
            ])
        }, afterResponse: { res async throws in XCTAssertEqual(res.status, .created, res.body.string) })
        let afterJobStart = try await feed.catchUp(db: db)
        XCTAssertGreaterThan(afterJobStart, afterSignIns)
    }
}

/// An assessment body for client A: a certified welder who can travel 20 km.
enum AssessmentBody {
    static let welder = """
        {"assessedOn": "2026-10-20", "skills": [{"skillID": "S.WELDING", "level": 3, "evidence": "certified"}],
         "highestQualification": 2, "gcseEnglish": true, "gcseMaths": true, "barriers": [], "aspirations": [],
         "constraints": {"minHoursPerWeek": 16, "maxHoursPerWeek": 40, "maxTravelKm": 20, "travelModes": ["public-transport"]},
         "notes": ""}
        """
}
