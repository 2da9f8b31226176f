import Foundation

/// Exact search for the best pathway (docs/matching.md, "Pathways").
///
/// Labels — a state, the day the last step ends, the cost so far, the number of steps — are extended by
/// every move that changes the state, best key first. At each state only labels that no other dominates
/// are kept. A dominates B when A's day, cost and steps are all ≤ B's and A is cheaper, or shorter, or its
/// moves come no later in the tie-break order. Every continuation of B works after A too (same state) and
/// ends no later, because cohorts are first in, first out (the first start on or after an earlier day is
/// no later); it costs no more and takes no more steps; so dropping B loses no better pathway.
final class PathwaySearch {
    struct Label {
        var state: PathwayState
        var day: Int
        var cost: Int
        var steps: Int
        var parent: Int32
        var move: Int32
        var alive = true
    }

    /// The comparison key: primary and secondary objective, then the number of steps.
    struct Key: Comparable {
        var first: Int
        var second: Int
        var steps: Int

        static func < (a: Self, b: Self) -> Bool { (a.first, a.second, a.steps) < (b.first, b.second, b.steps) }
    }

    let problem: PathwayProblem
    let objective: PathwayObjective
    private(set) var labels: [Label] = []
    private var buckets: [[Int32]] = []
    private var bucketOf: [PathwayState: Int] = [:]
    private var heap: [(key: Key, label: Int32)] = []
    private(set) var best: Int32?
    private var bestKey = Key(first: .max, second: .max, steps: .max)
    /// Every condition met in some reachable state, and the reachable state meeting most of the goal.
    private(set) var reached = PathwayMask()
    private(set) var closest: PathwayState

    init(_ problem: PathwayProblem, objective: PathwayObjective) {
        self.problem = problem
        self.objective = objective
        closest = problem.start
    }

    /// The best label; nil when no pathway reaches the goal.
    func run() -> Int32? {
        insert(Label(state: problem.start, day: problem.today, cost: 0, steps: 0, parent: -1, move: -1))
        let catalogue = problem.catalogue
        let moves = problem.moves
        let groups = problem.groups
        let allBarriers = problem.goal.barriers
        while let (popped, index) = popMin() {
            let label = labels[Int(index)]
            guard label.alive else { continue }
            if best != nil, (popped.first, popped.second) > (bestKey.first, bestKey.second) { break }
            if problem.isGoal(label.state) {
                if best == nil || precedes(index, best!) {
                    best = index
                    bestKey = key(label)
                }
                continue
            }
            if best != nil, bound(label) > bestKey { continue }
            let s = label.state
            let unaddressed = allBarriers & ~s.barriers
            for group in groups {
                let useful = !group.provides.isSubset(of: s.skills) || group.providesQualification > s.qualification
                    || group.providesBarriers & ~s.barriers != 0
                guard useful, group.requires.isSubset(of: s.skills), group.requiresQualification <= s.qualification,
                      group.isReferral || unaddressed & ~group.providesBarriers == 0 else { continue }
                var next = s
                next.skills = s.skills.union(group.provides)
                next.qualification = max(s.qualification, group.providesQualification)
                next.barriers |= group.providesBarriers
                // Cheapest first: a later member is only worth trying when it ends sooner.
                var earliestEnd = Int.max
                for m in group.members {
                    let move = moves[Int(m)]
                    var start = label.day
                    if !group.isReferral {
                        guard let cohort = catalogue.firstCohort(Int(move.programme), onOrAfter: label.day) else { continue }
                        start = Int(catalogue.cohortStart[cohort])
                    }
                    let end = start + move.days
                    guard end < earliestEnd else { continue }
                    earliestEnd = end
                    insert(Label(state: next, day: end, cost: label.cost + move.costPence, steps: label.steps + 1, parent: index, move: m))
                }
            }
        }
        return best
    }

    /// The moves of a label, first to last.
    func path(_ index: Int32) -> [Int32] {
        var moves: [Int32] = []
        var i = index
        while i >= 0, labels[Int(i)].parent >= 0 {
            moves.append(labels[Int(i)].move)
            i = labels[Int(i)].parent
        }
        return moves.reversed()
    }

    func key(_ label: Label) -> Key {
        let ready = max(label.day, problem.ageDay)
        switch objective {
        case .weeksToJobReady: return Key(first: ready, second: label.cost, steps: label.steps)
        case .cost: return Key(first: label.cost, second: ready, steps: label.steps)
        }
    }

    /// No pathway through a label that is not yet at the goal can beat this: it needs one more step at least.
    private func bound(_ label: Label) -> Key {
        var k = key(label)
        k.steps += 1
        return k
    }

    /// `a` comes before `b` in the full order: key, then move ranks compared in order.
    private func precedes(_ a: Int32, _ b: Int32) -> Bool {
        let ka = key(labels[Int(a)]), kb = key(labels[Int(b)])
        if ka != kb { return ka < kb }
        return compareRanks(a, b) < 0
    }

    /// Compares the move ranks of two labels with the same number of steps, first move first: -1, 0 or 1.
    private func compareRanks(_ a: Int32, _ b: Int32) -> Int {
        if a == b { return 0 }
        let la = labels[Int(a)], lb = labels[Int(b)]
        guard la.parent >= 0, lb.parent >= 0 else { return 0 }
        let earlier = compareRanks(la.parent, lb.parent)
        if earlier != 0 { return earlier }
        let ra = problem.moves[Int(la.move)].rank, rb = problem.moves[Int(lb.move)].rank
        return ra < rb ? -1 : ra > rb ? 1 : 0
    }

    private func dominates(_ a: Label, _ ai: Int32, _ b: Label, _ bi: Int32) -> Bool {
        guard a.day <= b.day, a.cost <= b.cost, a.steps <= b.steps else { return false }
        return a.cost < b.cost || a.steps < b.steps || compareRanks(ai, bi) <= 0
    }

    private func insert(_ label: Label) {
        if best != nil, problem.isGoal(label.state) ? key(label) > bestKey : bound(label) > bestKey { return }
        let index = Int32(labels.count)
        labels.append(label)
        let bucket: Int
        if let b = bucketOf[label.state] {
            bucket = b
            let others = buckets[b]
            for other in others where dominates(labels[Int(other)], other, label, index) {
                labels.removeLast()
                return
            }
            if others.contains(where: { dominates(label, index, labels[Int($0)], $0) }) {
                buckets[b] = others.filter { other in
                    guard dominates(label, index, labels[Int(other)], other) else { return true }
                    labels[Int(other)].alive = false
                    return false
                }
            }
        } else {
            bucket = buckets.count
            bucketOf[label.state] = bucket
            buckets.append([])
            reached = reached.union(label.state.skills)
            if closeness(label.state) > closeness(closest) { closest = label.state }
        }
        buckets[bucket].append(index)
        push(key(label), index)
    }

    /// Goal conditions met (skills, qualification and barriers counted alike).
    func closeness(_ s: PathwayState) -> Int {
        PathwayMask(lo: s.skills.lo & problem.goal.skills.lo, hi: s.skills.hi & problem.goal.skills.hi).count
            + (s.qualification >= problem.goal.qualification ? 1 : 0) + (s.barriers & problem.goal.barriers).nonzeroBitCount
    }

    // MARK: Heap (by key, then label index)

    private func push(_ key: Key, _ label: Int32) {
        heap.append((key, label))
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard less(heap[i], heap[parent]) else { break }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    private func popMin() -> (Key, Int32)? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count, less(heap[l], heap[m]) { m = l }
                if r < heap.count, less(heap[r], heap[m]) { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
        return (top.key, top.label)
    }

    private func less(_ a: (key: Key, label: Int32), _ b: (key: Key, label: Int32)) -> Bool {
        a.key != b.key ? a.key < b.key : a.label < b.label
    }
}
