import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import SQLKit
import Vapor
import XCTVapor
import XCTest

/// Derived figures are computed in the background and stored (docs/deployment.md, "Derived figures"): a request
/// that would wait longer than it may gets the stored figures, marked as not current, and the newer ones follow.
final class StoredFiguresTests: XCTestCase {
    private func dashboard(_ t: TestApp, on app: Application? = nil) async throws -> (jobStarts: PublishedCount, freshness: Freshness) {
        let res = try await (app ?? t.app).sendRequest(.GET, "/api/v1/insight", headers: try await t.bearer(.analyst))
        XCTAssertEqual(res.status, .ok, res.body.string)
        return (try res.content.get(PublishedCount.self, at: "jobStarts", "total"), try res.content.get(Freshness.self, at: "freshness"))
    }

    private func recordJobStart(_ t: TestApp) async throws {
        try await JobStartModel(JobStart(
            id: UUID(), clientID: t.fixture.clientA, vacancyID: nil, employerName: "Test Engineering Ltd", jobTitle: "Picker",
            startedOn: Date(isoDay: "2026-10-01")!, hoursPerWeek: 30, hourlyPayPence: 1280)).create(on: t.app.db)
    }

    func testAfterAChangeTheStoredFiguresAreServedAtOnceAndTheNewOnesFollow() async throws {
        let t = try await TestApp.make(adjust: { $0.figureWait = .zero })
        do {
            let first = try await dashboard(t)
            XCTAssertTrue(first.freshness.current, "nothing was stored: the first figures are waited for")
            XCTAssertEqual(first.jobStarts, PublishedCount(0))

            try await recordJobStart(t)
            let stale = try await dashboard(t)
            XCTAssertFalse(stale.freshness.current, "a change since: these are the stored figures, not current")
            XCTAssertEqual(stale.jobStarts, first.jobStarts)
            XCTAssertEqual(stale.freshness.computedAt, first.freshness.computedAt)

            await t.app.storedFigures.settled()
            let fresh = try await dashboard(t)
            XCTAssertTrue(fresh.freshness.current)
            XCTAssertEqual(fresh.jobStarts, .hidden(.small), "one job start now: fewer than five, so withheld")
            let page = try await t.page(try await t.pageSession(.analyst), "/insight").body.string
            XCTAssertTrue(page.contains("Computed at "), "the page says when its figures were computed")
        } catch {
            try await t.shutdown()
            throw error
        }
        try await t.shutdown()
    }

    /// A wait long enough for the test's tiny figures; but the last computation (as stored) took longer than the
    /// wait, so after a change the stored figures come at once rather than after the wait.
    func testFiguresThatTookLongerThanTheWaitAreNotWaitedFor() async throws {
        let t = try await TestApp.make(adjust: { $0.figureWait = .seconds(30) })
        do {
            let first = try await dashboard(t)
            let sql = t.app.db as! any SQLDatabase
            try await sql.raw("UPDATE derived_figures SET last_duration = 3600").run()
            try await recordJobStart(t)
            let served = try await dashboard(t)
            XCTAssertFalse(served.freshness.current, "the stored figures, not the new ones that would have been waited for")
            XCTAssertEqual(served.freshness.computedAt, first.freshness.computedAt)
            await t.app.storedFigures.settled()
        } catch {
            try await t.shutdown()
            throw error
        }
        try await t.shutdown()
    }

    func testOneInstanceComputesAndEveryInstanceServesTheSameFigures() async throws {
        let t = try await TestApp.make(sqliteFile: true)
        let other = try await t.secondInstance()
        do {
            let here = try await dashboard(t)
            t.clock.advance(by: 60)  // were the other instance to compute its own, they would say so
            let there = try await dashboard(t, on: other)
            XCTAssertEqual(there.freshness, here.freshness, "the other instance serves the stored figures")

            try await recordJobStart(t)
            let afterThere = try await dashboard(t, on: other)
            let afterHere = try await dashboard(t)
            XCTAssertEqual(afterThere.jobStarts, .hidden(.small))
            XCTAssertEqual(afterHere.freshness, afterThere.freshness, "computed once, after the change, and shared")
        } catch {
            try await other.asyncShutdown()
            try await t.shutdown()
            throw error
        }
        try await other.asyncShutdown()
        try await t.shutdown()
    }
}
