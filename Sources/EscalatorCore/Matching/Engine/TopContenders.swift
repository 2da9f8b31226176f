/// A scored vacancy or client while a query runs, ordered as `Matcher` orders matches: score descending,
/// then id as `uuidString` ascending, then input order.
struct Contender {
    var score: Double
    var id: UUIDStringOrder
    var inputIndex: Int32
    /// Where the query finds the id again.
    var slot: Int32

    @inline(__always)
    func precedes(_ other: Contender) -> Bool {
        if score != other.score { return score > other.score }
        if id != other.id { return id < other.id }
        return inputIndex < other.inputIndex
    }
}

/// The best `capacity` contenders seen so far, as a binary heap whose root is the worst of them, so a
/// newcomer is compared with one element and replaces it in O(log k). Storage is reused between queries.
struct TopContenders {
    private(set) var heap: [Contender] = []
    private(set) var capacity = 0

    mutating func reset(capacity: Int) {
        heap.removeAll(keepingCapacity: true)
        heap.reserveCapacity(min(capacity, 1 << 16))
        self.capacity = capacity
    }

    var isFull: Bool { heap.count >= capacity }
    /// The contender every other kept one precedes; only meaningful when not empty.
    var worst: Contender { heap[0] }

    /// Whether a contender with this score could still be kept (ties are settled by id).
    @inline(__always)
    func admits(score: Double) -> Bool { heap.count < capacity || !(score < heap[0].score) }

    /// Keeps the contender if it is among the best `capacity`; returns whether it was kept.
    @discardableResult
    mutating func offer(_ contender: Contender) -> Bool {
        guard capacity > 0 else { return false }
        if heap.count < capacity {
            heap.append(contender)
            siftUp(heap.count - 1)
            return true
        }
        guard contender.precedes(heap[0]) else { return false }
        heap[0] = contender
        siftDown(0)
        return true
    }

    /// Best first.
    func sorted() -> [Contender] { heap.sorted { $0.precedes($1) } }

    // A parent is never preceded by its children: the root is the worst.
    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[parent].precedes(heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let count = heap.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { return }
            var worse = left
            let right = left + 1
            if right < count && heap[left].precedes(heap[right]) { worse = right }
            guard heap[parent].precedes(heap[worse]) else { return }
            heap.swapAt(parent, worse)
            parent = worse
        }
    }
}
