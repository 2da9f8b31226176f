/// How many items share a key.
public struct Tally<Key: Hashable & Sendable>: Sendable, Hashable {
    public var key: Key
    public var count: Int

    public init(key: Key, count: Int) {
        self.key = key
        self.count = count
    }
}

public enum Distribution {
    /// Keys that occur, most common first; equal counts in ascending key order.
    public static func counts<Item, Key: Hashable & Comparable & Sendable>(
        _ items: some Sequence<Item>, by key: (Item) -> Key
    ) -> [Tally<Key>] {
        var counts: [Key: Int] = [:]
        for item in items { counts[key(item), default: 0] += 1 }
        return counts.map { Tally(key: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
    }

    /// Every case of the key, in declaration order, including those with no items.
    public static func countsForEveryCase<Item, Key: CaseIterable & Hashable & Sendable>(
        _ items: some Sequence<Item>, by key: (Item) -> Key
    ) -> [Tally<Key>] {
        var counts: [Key: Int] = [:]
        for item in items { counts[key(item), default: 0] += 1 }
        return Key.allCases.map { Tally(key: $0, count: counts[$0] ?? 0) }
    }
}
