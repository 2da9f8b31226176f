import Foundation
import XCTest
@testable import EscalatorCore

final class SmallNumberSuppressionTests: XCTestCase {
    private typealias Rule = SmallNumberSuppression

    private func table(_ parts: [Int], total: Int) -> (parts: [PublishedCount], total: PublishedCount) {
        var table = SuppressionTable()
        let totalCell = table.add(total)
        let cells = parts.map { table.add($0) }
        table.addLine(parts: cells, total: totalCell)
        let published = table.published()
        return (cells.map { published[$0] }, published[totalCell])
    }

    // MARK: Primary suppression

    func testCountsFromOneToFourAreHiddenZeroAndFiveOrMoreAreShown() {
        for count in 1...4 {
            let published = Rule.count(count)
            XCTAssertNil(published.value, "\(count)")
            XCTAssertTrue(published.suppressed)
            XCTAssertEqual(published.reason, .small)
            XCTAssertEqual(published.display, "<5")
        }
        for count in [0, 5, 6, 120] {
            let published = Rule.count(count)
            XCTAssertEqual(published.value, count)
            XCTAssertFalse(published.suppressed)
            XCTAssertEqual(published.display, String(count))
        }
        XCTAssertTrue(Rule.figure(4.5).suppressed, "a weighted count under 5 is small too")
        XCTAssertTrue(Rule.figure(0.5).suppressed)
        XCTAssertEqual(Rule.figure(0).value, 0)
        XCTAssertEqual(Rule.figure(5).value, 5)
    }

    func testJSONCarriesNullAndTheFlag() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        XCTAssertEqual(String(decoding: try encoder.encode(Rule.count(3)), as: UTF8.self),
                       #"{"reason":"fewer-than-5","suppressed":true,"value":null}"#)
        XCTAssertEqual(String(decoding: try encoder.encode(Rule.count(7)), as: UTF8.self), #"{"suppressed":false,"value":7}"#)
        let decoded = try JSONDecoder().decode(PublishedCount.self, from: Data(#"{"value": null, "suppressed": true, "reason": "secondary"}"#.utf8))
        XCTAssertEqual(decoded, .hidden(.secondary))
        XCTAssertEqual(decoded.display, "x")
    }

    func testARateFromAHiddenCountIsHidden() {
        let due = Rule.count(20), few = Rule.count(3), many = Rule.count(15)
        XCTAssertEqual(Rule.derived(0.15, from: few, due), .hidden(.small))
        XCTAssertEqual(Rule.derived(0.75, from: many, due).value, 0.75)
        XCTAssertEqual(Rule.derived(nil, from: Rule.count(0), Rule.count(0)), Published(nil), "nothing due: no value, not suppressed")
        XCTAssertEqual(Rule.derived(0.5, from: many, PublishedCount.hidden(.secondary)).reason, .secondary)
    }

    // MARK: Secondary suppression

    func testALoneHiddenCellInALineWithAShownTotalHidesTheNextSmallest() {
        // 3 could be worked out as 40 − 20 − 9 − 8; hiding 8 too leaves 11 between two cells.
        let line = table([20, 3, 9, 8], total: 40)
        XCTAssertEqual(line.parts.map(\.value), [20, nil, 9, nil])
        XCTAssertEqual(line.parts.map(\.reason), [nil, .small, nil, .secondary])
        XCTAssertEqual(line.total.value, 40)
    }

    func testHiddenCellsTogetherUnderFiveHideAnother() {
        // 1 and 2 are both hidden, but 30 − 27 = 3 says they are 1 and 2 (or 2 and 1): hide 27 as well.
        let line = table([1, 2, 27], total: 30)
        XCTAssertEqual(line.parts.map(\.value), [nil, nil, nil])
        XCTAssertEqual(line.parts.map(\.reason), [.small, .small, .secondary])
        XCTAssertEqual(line.total.value, 30)
        // Two hidden cells holding 5 or more between them are safe as they are.
        let safe = table([2, 4, 30], total: 36)
        XCTAssertEqual(safe.parts.map(\.value), [nil, nil, 30])
    }

    func testZerosAreNeverHiddenToProtectAnother() {
        // The only other cells are 0: the total is hidden instead.
        let line = table([0, 12, 0], total: 12)
        XCTAssertEqual(line.parts.map(\.value), [0, 12, 0])
        let small = table([0, 3, 0], total: 3)
        XCTAssertEqual(small.parts.map(\.value), [0, nil, 0])
        XCTAssertTrue(small.total.suppressed)
    }

    func testAHiddenTotalIsProtectedFromTheSumOfItsParts() {
        var table = SuppressionTable()
        let total = table.add(13)
        let parts = [table.add(6), table.add(7)]
        table.addLine(parts: parts, total: total)
        // A second line hides the total (it has only that to hide); then 6 + 7 would give it back.
        let other = table.add(2)
        let otherTotal = table.add(15)
        table.addLine(parts: [total, other], total: otherTotal)
        let published = table.published()
        XCTAssertEqual(published[other].reason, .small)
        XCTAssertEqual(published[total].reason, .secondary)
        XCTAssertEqual(published[parts[0]].reason, .secondary, "6, the smaller part, hidden so that 6 + 7 cannot rebuild 13")
        XCTAssertEqual(published[parts[1]].value, 7)
        XCTAssertEqual(published[otherTotal].value, 15)
    }

    func testRowsAndColumnsAreSuppressedTogether() {
        // A two-by-two table with row and column totals: one small cell needs three others hidden.
        var table = SuppressionTable()
        let grid = [[3, 20], [30, 40]].map { $0.map { table.add($0) } }
        let rowTotals = [23, 70].map { table.add($0) }
        let columnTotals = [33, 60].map { table.add($0) }
        for row in 0..<2 { table.addLine(parts: grid[row], total: rowTotals[row]) }
        for column in 0..<2 { table.addLine(parts: [grid[0][column], grid[1][column]], total: columnTotals[column]) }
        let published = table.published()
        XCTAssertEqual(grid.map { $0.map { published[$0].suppressed } }, [[true, true], [true, true]])
        XCTAssertTrue((rowTotals + columnTotals).allSatisfy { !published[$0].suppressed })
    }

    /// Whatever the counts, no line leaves a hidden count that subtraction gives back, and nothing shown is 1 to 4.
    func testNoLineGivesAHiddenCountAway() {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<300 {
            let parts = (0..<Int.random(in: 2...7, using: &rng)).map { _ in [0, 1, 2, 3, 4, 5, 8, 13, 40].randomElement(using: &rng)! }
            let line = table(parts, total: parts.reduce(0, +))
            let shown = line.parts.compactMap(\.value) + [line.total.value].compactMap { $0 }
            XCTAssertFalse(shown.contains { (1...4).contains($0) }, "\(parts)")
            let hidden = zip(parts, line.parts).filter { $0.1.suppressed }.map(\.0)
            if line.total.value != nil {
                XCTAssertNotEqual(hidden.count, 1, "\(parts): a lone hidden cell is total minus the rest")
                if hidden.count > 1 { XCTAssertGreaterThanOrEqual(hidden.reduce(0, +), 5, "\(parts)") }
            }
        }
    }
}
