import Foundation
import XCTest
@testable import EscalatorCore

final class SeededGeneratorTests: XCTestCase {
    func testMatchesTheSplitMix64ReferenceSequence() {
        var rng = SeededGenerator(seed: 0)
        XCTAssertEqual(rng.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(rng.next(), 0x6E78_9E6A_A1B9_65F4)
    }

    func testSameSeedSameSequenceAndStreamsDiffer() {
        var a = SeededGenerator(seed: 42, stream: "clients")
        var b = SeededGenerator(seed: 42, stream: "clients")
        var c = SeededGenerator(seed: 42, stream: "vacancies")
        let first = (0..<5).map { _ in a.next() }
        XCTAssertEqual(first, (0..<5).map { _ in b.next() })
        XCTAssertNotEqual(first, (0..<5).map { _ in c.next() })
    }

    func testIntegersStayInRangeAndCoverIt() {
        var rng = SeededGenerator(seed: 7)
        var seen = Set<Int>()
        for _ in 0..<2_000 {
            let value = rng.int(in: -3...3)
            XCTAssertTrue((-3...3).contains(value))
            seen.insert(value)
        }
        XCTAssertEqual(seen, Set(-3...3))
        for _ in 0..<1_000 { XCTAssertTrue((0..<5).contains(rng.int(below: 5))) }
    }

    func testUniformIsInTheUnitInterval() {
        var rng = SeededGenerator(seed: 9)
        let draws = (0..<10_000).map { _ in rng.uniform() }
        XCTAssertTrue(draws.allSatisfy { $0 >= 0 && $0 < 1 })
        XCTAssertEqual(draws.reduce(0, +) / Double(draws.count), 0.5, accuracy: 0.02)
    }

    func testWeightedChoiceFollowsWeightsAndNeverPicksZero() {
        var rng = SeededGenerator(seed: 11)
        var counts = [0, 0, 0]
        for _ in 0..<20_000 { counts[rng.weightedIndex([1, 0, 3])] += 1 }
        XCTAssertEqual(counts[1], 0)
        XCTAssertEqual(Double(counts[2]) / 20_000, 0.75, accuracy: 0.02)

        let table = WeightedTable(["a", "b", "c"], weights: [0, 2, 2])
        var drawn = Set<String>()
        for _ in 0..<1_000 { drawn.insert(table.draw(using: &rng)) }
        XCTAssertEqual(drawn, ["b", "c"])
    }

    func testNormalHasTheRequestedMeanAndSpread() {
        var rng = SeededGenerator(seed: 13)
        let draws = (0..<20_000).map { _ in rng.normal(mean: 10, standardDeviation: 2) }
        let mean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count)
        XCTAssertEqual(mean, 10, accuracy: 0.05)
        XCTAssertEqual(variance.squareRoot(), 2, accuracy: 0.05)
    }

    func testUUIDsAreVersion4AndDeterministic() {
        var a = SeededGenerator(seed: 1), b = SeededGenerator(seed: 1)
        let uuid = a.uuid()
        XCTAssertEqual(uuid, b.uuid())
        XCTAssertNotEqual(uuid, a.uuid())
        let text = uuid.uuidString
        XCTAssertEqual(Array(text)[14], "4")
        XCTAssertTrue("89AB".contains(Array(text)[19]))
    }

    func testSampleAndShuffleKeepElements() {
        var rng = SeededGenerator(seed: 3)
        var items = Array(1...20)
        rng.shuffle(&items)
        XCTAssertEqual(items.sorted(), Array(1...20))
        XCTAssertNotEqual(items, Array(1...20))
        let sample = rng.sample(Array(1...20), count: 5)
        XCTAssertEqual(sample.count, 5)
        XCTAssertEqual(Set(sample).count, 5)
        XCTAssertEqual(rng.sample([1, 2], count: 5).count, 2)
    }
}
