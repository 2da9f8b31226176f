import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import SQLKit
import XCTVapor
import XCTest

/// The one rule for "a client's latest assessment" (issue 9; docs/matching.md): the latest assessment date, then
/// the latest time recorded, then the greatest id. The matching world's full load, its one-client refresh and the
/// client's record must all pick the same assessment.
final class LatestAssessmentTests: WebTestCase {
    /// Same day for all; recorded at 100, 300, 200 and 300 again; the last has the greatest possible id.
    func testTheLatestDateThenTimeRecordedThenIdWins() async throws {
        let db = t.app.db
        let day = Date(isoDay: "2026-10-20")!
        let greatest = UUID(uuidString: "FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF")!
        let made: [(id: UUID, recordedAt: Double, maxHours: Int)] = [
            (UUID(), 100, 20), (UUID(uuidString: "00000000-0000-4000-8000-000000000001")!, 300, 30), (UUID(), 200, 25), (greatest, 300, 35),
        ]
        for entry in made {
            let assessment = Assessment(
                id: entry.id, clientID: f.clientA, adviserID: f.adviser, assessedOn: day, skills: [], highestQualification: .level1,
                gcseEnglish: true, gcseMaths: true, barriers: [], aspirations: [],
                constraints: WorkConstraints(minHoursPerWeek: 10, maxHoursPerWeek: entry.maxHours, maxTravelKm: 10, travelModes: [.walk]))
            let model = try AssessmentModel(assessment, distanceFromWork: 50, cipher: t.app.columnCipher)
            model.recordedAt = entry.recordedAt
            try await model.create(on: db)
        }

        let world = try await MatchingWorld.load(from: db, now: Date(isoDay: "2026-11-01")!, cipher: t.app.columnCipher)
        XCTAssertEqual(world.profiles[f.clientA]?.maxHoursPerWeek, 35, "the full load")
        var refreshed = world
        refreshed.profiles[f.clientA] = nil
        try await refreshed.refreshClient(f.clientA, on: db, cipher: t.app.columnCipher)
        XCTAssertEqual(refreshed.profiles[f.clientA]?.maxHoursPerWeek, 35, "the one-client refresh")

        let res = try await t.send(.GET, "/api/v1/clients/\(f.clientA)")
        XCTAssertEqual(res.status, .ok, res.body.string)
        XCTAssertEqual(try res.content.get(UUID.self, at: "latestAssessmentID"), greatest, "the client's record")
    }
}
