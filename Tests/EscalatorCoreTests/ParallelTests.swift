@testable import EscalatorCore
import Foundation
import XCTest

final class ParallelTests: XCTestCase {
    func testEveryIterationRunsExactlyOnce() {
        for iterations in [0, 1, 2, 7, 1000] {
            let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(iterations, 1))
            counts.initialize(repeating: 0)
            nonisolated(unsafe) let output = counts
            Parallel.forEach(iterations: iterations) { i in output[i] += 1 }
            XCTAssertEqual(Array(counts.prefix(iterations)), Array(repeating: 1, count: iterations))
            counts.deallocate()
        }
    }

    func testOffThePoolRunsAtBackgroundPriorityAndReturnsTheResult() async {
        let priority = await OffThePool.run { ThreadPriority.current }
        XCTAssertEqual(priority, ThreadPriority.background)
        let sum = await OffThePool.run { () -> Int in
            nonisolated(unsafe) var parts = [Int](repeating: 0, count: 64)
            parts.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let output = buffer
                Parallel.forEach(iterations: 64) { i in output[i] = i }
            }
            return parts.reduce(0, +)
        }
        XCTAssertEqual(sum, 64 * 63 / 2)
    }
}
