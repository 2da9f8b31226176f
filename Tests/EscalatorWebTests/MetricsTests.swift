@testable import EscalatorWeb
import Vapor
import XCTVapor
import XCTest

/// `/metrics` (docs/deployment.md, "Metrics"): Prometheus's text format, requests counted by route pattern,
/// the shared-state gauges present, and nothing that names a client — neither an id nor a reference.
final class MetricsTests: WebTestCase {
    func testMetricsCountRequestsByRoutePatternAndNameNoClient() async throws {
        let record = try await t.send(.GET, "/api/v1/clients/\(f.clientA)")
        XCTAssertEqual(record.status, .ok, record.body.string)
        let matches = try await t.send(.GET, "/api/v1/clients/\(f.clientA)/matches")
        XCTAssertEqual(matches.status, .ok, matches.body.string)

        let res = try await t.app.sendRequest(.GET, "/metrics")
        XCTAssertEqual(res.status, .ok)
        XCTAssertEqual(res.headers.contentType?.subType, "plain")
        let text = res.body.string
        let recordLines = text.split(separator: "\n").filter {
            $0.hasPrefix("http_request_duration_seconds_count") && $0.contains(#"path="/api/v1/clients/:clientID""#) && $0.contains(#"method="GET""#)
        }
        XCTAssertFalse(recordLines.isEmpty, "no latency histogram for GET /api/v1/clients/:clientID in:\n\(text.prefix(3000))")
        for name in ["escalator_change_record_head", "escalator_change_record_applied", "escalator_change_record_lag",
                     "escalator_database_pool_connections", "escalator_database_ping_seconds",
                     "escalator_matching_snapshot_age_seconds", "escalator_background_job_duration_seconds_bucket"] {
            XCTAssertTrue(text.contains(name), "\(name) missing from /metrics")
        }
        XCTAssertTrue(text.contains(#"job="matching-world-load""#), "the world load is not timed")
        for canary in [f.clientA.uuidString, f.clientA.uuidString.lowercased(), "WM-TESTAAAA", "Testperson"] {
            XCTAssertFalse(text.contains(canary), "/metrics names a client: \(canary)")
        }
    }

    func testTheLagIsZeroOnceCaughtUp() async throws {
        _ = try await t.app.caughtUpSnapshot(now: Date())
        let text = try await t.app.sendRequest(.GET, "/metrics").body.string
        let lag = text.split(separator: "\n").first { $0.hasPrefix("escalator_change_record_lag ") }
        XCTAssertEqual(lag.map(String.init), "escalator_change_record_lag 0.0")
    }
}

/// `/healthz/ready` (docs/deployment.md): a serving instance says "starting" until its matching world is loaded and
/// everyone's recommendation lists are built, so a load balancer sends it no request that would wait for them.
final class ReadinessTests: XCTestCase {
    func testAServingInstanceIsStartingUntilItsWorldIsLoaded() async throws {
        let t = try await TestApp.make()
        t.app.storage[FollowsChangesKey.self] = true
        var res = try await t.app.sendRequest(.GET, "/healthz/ready")
        XCTAssertEqual(res.status, .serviceUnavailable)
        XCTAssertEqual(try res.content.get(String.self, at: "status"), "starting")
        _ = try await t.app.caughtUpSnapshot(now: Date())
        res = try await t.app.sendRequest(.GET, "/healthz/ready")
        XCTAssertEqual(res.status, .serviceUnavailable, "the world is loaded, the recommendation lists are not yet built")
        _ = try await t.app.matchingCache.settledRecommendationLists(db: t.app.db, now: Date())
        res = try await t.app.sendRequest(.GET, "/healthz/ready")
        XCTAssertEqual(res.status, .ok)
        XCTAssertEqual(try res.content.get(String.self, at: "status"), "ok")
        try await t.shutdown()
    }
}
