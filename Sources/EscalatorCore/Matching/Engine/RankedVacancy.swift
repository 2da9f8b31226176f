import Foundation

/// One vacancy in a client's ranking from `VacancyIndex`: the id and the exact score
/// `VacancyScorer.score` gives the pair.
public struct RankedVacancy: Sendable, Hashable {
    public var vacancyID: UUID
    public var score: Double

    public init(vacancyID: UUID, score: Double) {
        self.vacancyID = vacancyID
        self.score = score
    }
}

/// A scored vacancy while a query runs, ordered as `Matcher.rankVacancies` orders matches:
/// score descending, then vacancy id as `uuidString` ascending, then input order.
struct RankedCandidate {
    var score: Double
    var id: UUIDStringOrder
    var inputIndex: Int32
    var slot: Int32

    @inline(__always)
    func precedes(_ other: RankedCandidate) -> Bool {
        if score != other.score { return score > other.score }
        if id != other.id { return id < other.id }
        return inputIndex < other.inputIndex
    }
}

/// The best `capacity` candidates seen so far, as a binary heap whose root is the worst of them, so a
/// new candidate is compared with one element and replaces it in O(log k). Storage is reused between
/// queries.
struct TopCandidates {
    private(set) var heap: [RankedCandidate] = []
    private(set) var capacity = 0

    mutating func reset(capacity: Int) {
        heap.removeAll(keepingCapacity: true)
        heap.reserveCapacity(capacity)
        self.capacity = capacity
    }

    var isFull: Bool { heap.count >= capacity }
    /// The candidate every other kept one precedes; only meaningful when not empty.
    var worst: RankedCandidate { heap[0] }

    mutating func offer(_ candidate: RankedCandidate) {
        guard capacity > 0 else { return }
        if heap.count < capacity {
            heap.append(candidate)
            siftUp(heap.count - 1)
        } else if candidate.precedes(heap[0]) {
            heap[0] = candidate
            siftDown(0)
        }
    }

    /// Best first.
    func sorted() -> [RankedCandidate] { heap.sorted { $0.precedes($1) } }

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
