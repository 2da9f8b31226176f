import EscalatorCore
import Foundation
import XCTest

/// docs/matching.md, "Live vacancies and the matching day": open, and closing on the matching day or later.
final class LiveVacancyTests: XCTestCase {
    private func vacancy(closing: String, status: VacancyStatus = .open) -> Vacancy {
        Vacancy(id: UUID(), employerID: UUID(), occupationID: "O.X", title: "X", requirements: [], minimumQualification: .entry,
                hoursPerWeek: 37, hourlyPayPence: 1250, postcode: "B1 1AA", wardID: "W", openings: 1,
                closingDate: Date(isoDay: closing)!, status: status)
    }

    func testAVacancyIsLiveThroughTheWholeOfItsClosingDay() {
        let lateOnTheDay = Date(isoDay: "2026-12-07")!.addingTimeInterval(23 * 3600 + 59 * 60)
        XCTAssertTrue(vacancy(closing: "2026-12-07").isLive(on: lateOnTheDay), "closing today: still live")
        XCTAssertTrue(vacancy(closing: "2026-12-08").isLive(on: lateOnTheDay))
        XCTAssertFalse(vacancy(closing: "2026-12-06").isLive(on: Date(isoDay: "2026-12-07")!), "closed yesterday")
        XCTAssertFalse(vacancy(closing: "2026-12-31", status: .filled).isLive(on: lateOnTheDay), "only open vacancies")
        XCTAssertFalse(vacancy(closing: "2026-12-31", status: .closed).isLive(on: lateOnTheDay))
    }
}
