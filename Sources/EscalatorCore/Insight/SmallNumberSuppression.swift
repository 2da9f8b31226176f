import Foundation

/// Why a figure is not published.
public enum SuppressionReason: String, Sendable, Codable, CaseIterable {
    /// A count from 1 to 4: few enough that the people behind it could be recognised.
    case small = "fewer-than-5"
    /// A larger figure hidden so that a small one cannot be worked out from a total and the figures beside it.
    case secondary
}

/// A figure as it may be published: its value, or no value and the reason. In JSON a hidden figure is
/// `{"value": null, "suppressed": true, "reason": "fewer-than-5"}`; a shown one `{"value": 12, "suppressed": false}`.
/// A shown figure may still have no value (a rate when nothing is due).
public struct Published<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    public var value: Value?
    public var reason: SuppressionReason?

    public init(_ value: Value?) {
        self.value = value
        reason = nil
    }

    public static func hidden(_ reason: SuppressionReason) -> Published {
        var figure = Published(nil)
        figure.reason = reason
        return figure
    }

    public var suppressed: Bool { reason != nil }

    /// What a page shows instead of a hidden figure: "<5" for a small count, "x" for one hidden to protect it.
    public var symbol: String? {
        switch reason {
        case .small?: "<5"
        case .secondary?: "x"
        case nil: nil
        }
    }

    enum CodingKeys: String, CodingKey { case value, suppressed, reason }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = try container.decodeIfPresent(Value.self, forKey: .value)
        reason = try container.decodeIfPresent(SuppressionReason.self, forKey: .reason)
        if try container.decode(Bool.self, forKey: .suppressed), reason == nil { reason = .small }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(suppressed, forKey: .suppressed)
        try container.encodeIfPresent(reason, forKey: .reason)
    }
}

public typealias PublishedCount = Published<Int>
public typealias PublishedFigure = Published<Double>

extension Published where Value == Int {
    /// The count for people: the number, or its symbol when hidden.
    public var display: String { symbol ?? value.map(String.init) ?? "" }
}

/// The small-number rule for every statistic published about people: a count from 1 to 4 is never shown
/// (it reads "<5", and is null in JSON), 0 is shown (no one is behind it to recognise), and 5 or more is
/// shown as it is. Where figures add up to a shown total, enough further figures are hidden that no hidden
/// one can be worked out by subtraction (`SuppressionTable`). A rate is hidden when a count it is computed
/// from is hidden.
public enum SmallNumberSuppression {
    public static let threshold = 5

    public static func isSmall(_ count: Int) -> Bool { count > 0 && count < threshold }

    /// For figures that weigh counts (half an opening for a desirable skill): small when above 0 and under 5.
    public static func isSmall(_ figure: Double) -> Bool { figure > 0 && figure < Double(threshold) }

    /// A count that no shown total adds it up with.
    public static func count(_ count: Int) -> PublishedCount {
        isSmall(count) ? .hidden(.small) : Published(count)
    }

    /// A weighted count on its own.
    public static func figure(_ figure: Double) -> PublishedFigure {
        isSmall(figure) ? .hidden(.small) : Published(figure)
    }

    /// A rate or ratio computed from published figures: hidden (for the same reason) when any of them is.
    public static func derived<A, B>(_ value: Double?, from a: Published<A>, _ b: Published<B>) -> PublishedFigure {
        if let reason = a.reason ?? b.reason { return .hidden(reason) }
        return Published(value)
    }
}

/// Counts that add up to one another, suppressed together. Add each count, then each line: parts that add
/// up to a total. A hidden count is safe only if it cannot be worked out from its lines: a line with one
/// hidden part and a shown total gives the part away (total minus the others), and so does a line whose
/// hidden parts together come to under 5. While any line gives a count away, the smallest shown non-zero
/// part of that line is hidden too (or, failing one, its total), until every line is safe.
public struct SuppressionTable: Sendable {
    public private(set) var counts: [Int] = []
    private var lines: [(parts: [Int], total: Int)] = []

    public init() {}

    /// Adds a count; returns its cell.
    public mutating func add(_ count: Int) -> Int {
        counts.append(count)
        return counts.count - 1
    }

    /// Records that the counts in `parts` add up to the count in `total` (cells from `add`).
    public mutating func addLine(parts: [Int], total: Int) {
        lines.append((parts, total))
    }

    /// Every cell as it may be published, in the order added.
    public func published() -> [PublishedCount] {
        var reasons: [SuppressionReason?] = counts.map { SmallNumberSuppression.isSmall($0) ? .small : nil }
        var changed = true
        while changed {
            changed = false
            for line in lines {
                let hiddenParts = line.parts.filter { reasons[$0] != nil }
                let totalHidden = reasons[line.total] != nil
                let givesAway = if totalHidden {
                    hiddenParts.isEmpty && counts[line.total] > 0
                } else {
                    hiddenParts.count == 1
                        || (hiddenParts.count > 1 && hiddenParts.reduce(0) { $0 + counts[$1] } < SmallNumberSuppression.threshold)
                }
                guard givesAway else { continue }
                let shownParts = line.parts.filter { reasons[$0] == nil && counts[$0] > 0 }
                if let next = shownParts.min(by: { counts[$0] != counts[$1] ? counts[$0] < counts[$1] : $0 < $1 }) {
                    reasons[next] = .secondary
                    changed = true
                } else if !totalHidden {
                    reasons[line.total] = .secondary
                    changed = true
                }
            }
        }
        return zip(counts, reasons).map { count, reason in reason.map { .hidden($0) } ?? Published(count) }
    }
}
