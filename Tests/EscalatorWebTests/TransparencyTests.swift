import EscalatorCore
@testable import EscalatorWeb
import XCTVapor
import XCTest

/// The algorithmic transparency record: public, in both tiers, with the parameters the service runs with.
final class TransparencyTests: WebTestCase {
    func testThePageIsPublicAndDescribesEachAlgorithmInBothTiers() async throws {
        let res = try await t.app.sendRequest(.GET, "/transparency")
        XCTAssertEqual(res.status, .ok)
        let html = res.body.string
        for name in ["Escalator matching", "Escalator pathways", "Escalator allocation"] { XCTAssertTrue(html.contains(name), name) }
        for heading in ["In brief (tier 1)", "In detail (tier 2)", "Risks and how they are mitigated", "The human decision it supports",
                        "Parameters in use now", "Last changed: 7 December 2026"] {
            XCTAssertTrue(html.contains(heading), heading)
        }
        // Linked from every page's footer, signed in or not.
        let signIn = try await t.app.sendRequest(.GET, "/sign-in")
        XCTAssertTrue(signIn.body.string.contains(#"href="/transparency""#))
    }

    func testTheJSONCarriesTheLiveWeightsOfDocsMatching() async throws {
        let api = try APIConformance(t)
        let body = try await api.check(.GET, "/api/v1/transparency", as: nil, expect: .ok)
        let records = try XCTUnwrap(body["records"]?.array)
        XCTAssertEqual(records.compactMap { $0["id"]?.string }, ["matching", "pathways", "allocation"])
        let matching = try XCTUnwrap(records.first)
        let parameters = Dictionary(uniqueKeysWithValues: (matching["parameters"]?.array ?? []).compactMap { p in
            p["name"]?.string.flatMap { name in p["value"]?.string.map { (name, $0) } }
        })
        // The standard weights as docs/matching.md's score table states them.
        XCTAssertEqual(parameters["Essential skills weight"], "0.5")
        XCTAssertEqual(parameters["Desirable skills weight"], "0.15")
        XCTAssertEqual(parameters["Qualification weight"], "0.1")
        XCTAssertEqual(parameters["Aspiration weight"], "0.15")
        XCTAssertEqual(parameters["Travel weight"], "0.1")
        for record in records {
            XCTAssertNotNil(record["tier1"]?["humanDecision"]?.string)
            XCTAssertFalse(record["tier2"]?["risks"]?.array?.isEmpty ?? true)
        }
    }

    /// Changing a parameter means changing the record's date: this pins the two together.
    func testTheParametersAndTheirLastChangeAreRecordedTogether() {
        let pinned: [String: (String, [String])] = [
            "matching": ("2026-12-07", ["0.5", "0.15", "0.1", "0.15", "0.1", "0.5", "5"]),
            "pathways": ("2026-12-07", ["high", "weeks, cost"]),
            "allocation": ("2026-12-07", ["20", "1", "0 (off) unless chosen", "0.5, 0.15, 0.1, 0.15, 0.1"]),
        ]
        for record in TransparencyRecords.all {
            let (date, values) = pinned[record.id]!
            XCTAssertEqual(record.parameters.map(\.value), values, "\(record.id)'s parameters changed: update its lastChanged and this test")
            XCTAssertEqual(record.lastChanged, date)
        }
    }
}
