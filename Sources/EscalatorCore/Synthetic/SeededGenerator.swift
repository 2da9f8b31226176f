import Foundation

/// A small, fast, deterministic random number generator (SplitMix64), so the synthetic data set is the
/// same on every run and machine for the same seed. Not for anything security-related.
///
/// Every helper here is implemented on `next()` alone (rather than the standard library's
/// `random(in:using:)`, whose algorithm may change between toolchains), so output depends only on the seed.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    public private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for a named stream: independent of other streams from the same seed, so adding
    /// draws to one part of the data set does not shift every other part.
    public init(seed: UInt64, stream: String) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for byte in stream.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        state = seed ^ hash
        _ = next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<1, with 53 random bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in `range` (the upper bound is approached, not reached).
    public mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * uniform()
    }

    /// Uniform in `range`, inclusive.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        if span == 0 { return Int(bitPattern: UInt(next())) }  // the whole of Int
        return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
    }

    /// Uniform in 0..<`count`. `count` must be positive.
    public mutating func int(below count: Int) -> Int {
        precondition(count > 0, "int(below:) needs a positive count")
        return Int(next().multipliedFullWidth(by: UInt64(count)).high)
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        uniform() < probability
    }

    /// A uniformly chosen element. `elements` must not be empty.
    public mutating func element<T>(of elements: [T]) -> T {
        elements[int(below: elements.count)]
    }

    /// An index chosen with probability proportional to its weight. Weights must not be negative and
    /// must not all be zero.
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0, "weightedIndex needs a positive total weight")
        var target = uniform() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.lastIndex { $0 > 0 }!
    }

    /// A value chosen with probability proportional to its weight.
    public mutating func weighted<T>(_ choices: [(T, Double)]) -> T {
        choices[weightedIndex(choices.map(\.1))].0
    }

    /// A normally distributed value (Box–Muller).
    public mutating func normal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        let u1 = 1 - uniform()  // in (0, 1], so the logarithm is finite
        let u2 = uniform()
        return mean + standardDeviation * (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }

    /// A random (version 4, RFC 4122 variant) UUID drawn from this generator.
    public mutating func uuid() -> UUID {
        let a = next(), b = next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            bytes[i] = UInt8(truncatingIfNeeded: a >> (8 * UInt64(i)))
            bytes[8 + i] = UInt8(truncatingIfNeeded: b >> (8 * UInt64(i)))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        ))
    }

    /// Shuffles in place (Fisher–Yates).
    public mutating func shuffle<T>(_ elements: inout [T]) {
        guard elements.count > 1 else { return }
        for i in stride(from: elements.count - 1, to: 0, by: -1) {
            elements.swapAt(i, int(in: 0...i))
        }
    }

    /// Up to `count` distinct elements, in random order.
    public mutating func sample<T>(_ elements: [T], count: Int) -> [T] {
        var pool = elements
        let wanted = min(count, pool.count)
        for i in 0..<wanted {
            pool.swapAt(i, int(in: i...(pool.count - 1)))
        }
        return Array(pool.prefix(wanted))
    }
}

/// Weighted choices prepared once for many draws (cumulative weights and a binary search).
public struct WeightedTable<Element: Sendable>: Sendable {
    public let elements: [Element]
    private let cumulative: [Double]

    /// Elements with non-positive weight are never drawn. At least one weight must be positive.
    public init(_ elements: [Element], weights: [Double]) {
        precondition(elements.count == weights.count, "one weight per element")
        var running = 0.0
        cumulative = weights.map { running += max(0, $0); return running }
        precondition(running > 0, "a weighted table needs a positive total weight")
        self.elements = elements
    }

    public func draw(using generator: inout SeededGenerator) -> Element {
        let target = generator.uniform() * cumulative[cumulative.count - 1]
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return elements[low]
    }
}
