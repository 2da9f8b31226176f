import EscalatorCore
import Foundation
import XCTest

/// The synthetic data set is made for the day it is generated on: generated on any day, it has the same live
/// vacancies, open cohorts and checks due that day, every date shifted by the same whole number of days.
final class SyntheticAgeingTests: XCTestCase {
    func testADataSetGeneratedOnAnotherDayIsTheSameDataShiftedToThatDay() {
        let base = SyntheticDataSet.generate(scale: .small, seed: 7)
        let later = Date(isoDay: "2027-06-15")!.addingTimeInterval(15 * 3600)  // the afternoon: the day counts
        let moved = SyntheticDataSet.generate(scale: .small, seed: 7, referenceDate: later)
        XCTAssertEqual(moved.referenceDate.isoDay, "2027-06-15")
        let shift = moved.referenceDate.timeIntervalSince(base.referenceDate)
        XCTAssertEqual(shift.truncatingRemainder(dividingBy: 86_400), 0)

        XCTAssertEqual(moved.vacancies.map(\.id), base.vacancies.map(\.id))
        for (a, b) in zip(base.vacancies, moved.vacancies) {
            XCTAssertEqual(b.closingDate.timeIntervalSince(a.closingDate), shift, "closing dates move with the day")
        }
        XCTAssertEqual(moved.vacancies.filter { $0.isLive(on: moved.referenceDate) }.count,
                       base.vacancies.filter { $0.isLive(on: base.referenceDate) }.count, "the same live vacancies")
        func openCohorts(_ data: SyntheticDataSet) -> Int {
            data.programmes.flatMap(\.cohorts).filter { $0.startsOn >= data.referenceDate }.count
        }
        XCTAssertEqual(openCohorts(moved), openCohorts(base), "the same cohorts still to start")
        XCTAssertEqual(zip(base.referrals, moved.referrals).filter { $1.history.first?.at.timeIntervalSince($0.history.first!.at) != shift }.count, 0,
                       "referrals were made the same number of days before")
        XCTAssertEqual(moved.clients.map(\.dateOfBirth), base.clients.map { $0.dateOfBirth.map { $0.addingTimeInterval(shift) } },
                       "ages on the day are the same")
    }
}
