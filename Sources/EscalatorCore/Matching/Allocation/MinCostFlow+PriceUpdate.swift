/// Working memory for the global price update, allocated once per solve.
final class PriceUpdateScratch {
    let distance: UnsafeMutablePointer<Int>
    let scanned: UnsafeMutablePointer<Bool>
    /// Doubly linked buckets of nodes by tentative distance.
    let bucketHead: UnsafeMutablePointer<Int32>
    let next: UnsafeMutablePointer<Int32>
    let previous: UnsafeMutablePointer<Int32>
    /// Distances are capped here; lowering every distance above a constant to it keeps the update valid.
    let cap: Int

    init(nodeCount n: Int) {
        cap = max(1, n)
        distance = .allocate(capacity: max(1, n))
        scanned = .allocate(capacity: max(1, n))
        bucketHead = .allocate(capacity: cap + 1)
        bucketHead.initialize(repeating: -1, count: cap + 1)
        next = .allocate(capacity: max(1, n))
        previous = .allocate(capacity: max(1, n))
    }

    deinit {
        distance.deallocate(); scanned.deallocate(); bucketHead.deallocate(); next.deallocate(); previous.deallocate()
    }

    @inline(__always)
    func insert(_ v: Int, at level: Int) {
        let old = bucketHead[level]
        next[v] = old
        previous[v] = -1
        if old >= 0 { previous[Int(old)] = Int32(v) }
        bucketHead[level] = Int32(v)
    }

    @inline(__always)
    func remove(_ v: Int, from level: Int) {
        let p = previous[v], q = next[v]
        if p >= 0 { next[Int(p)] = q } else { bucketHead[level] = q }
        if q >= 0 { previous[Int(q)] = p }
    }
}

extension CostScalingSolver {
    /// Goldberg's global price update. d(v) is the least number of ε-steps from v to a node with a
    /// deficit, where a residual arc (v, w) of reduced cost rc counts ⌊rc / ε⌋ + 1 (≥ 0, since rc ≥ −ε);
    /// lowering every price by d(v)·ε keeps the flow ε-optimal (d(v) ≤ d(w) + ⌊rc/ε⌋ + 1) and gives
    /// every node with excess an admissible path toward a deficit. The search (Dial's buckets) stops
    /// once every node with excess is reached; the nodes not reached get the distance reached so far,
    /// which the same inequality allows.
    func updatePrices() -> Bool {
        relabelsSinceUpdate = 0
        let s = priceUpdate
        let unreached = Int.max
        var active = 0
        var highest = 0
        for v in 0..<n {
            s.scanned[v] = false
            current[v] = first[v]
            if excess[v] < 0 {
                s.distance[v] = 0
                s.insert(v, at: 0)
            } else {
                s.distance[v] = unreached
                if excess[v] > 0 { active += 1 }
            }
        }
        if active == 0 {
            s.bucketHead[0] = -1
            return true
        }
        let eps = epsilon
        var level = 0
        search: while level <= s.cap {
            while s.bucketHead[level] >= 0 {
                let w = Int(s.bucketHead[level])
                s.remove(w, from: level)
                s.scanned[w] = true
                if excess[w] > 0 {
                    active -= 1
                    if active == 0 { break search }
                }
                let pw = price[w]
                for a in Int(first[w])..<Int(first[w + 1]) {
                    guard pairCapacity[a] > residual[a] else { continue }  // the reverse, v → w, has room
                    let v = Int(arcs[a].head)
                    if s.scanned[v] { continue }
                    let rc = price[v] - arcs[a].cost - pw
                    let length = rc < 0 ? 0 : rc / eps + 1
                    let d = length >= s.cap - level ? s.cap : level + length
                    let old = s.distance[v]
                    if d < old {
                        if old != unreached { s.remove(v, from: old) }
                        s.distance[v] = d
                        s.insert(v, at: d)
                        if d > highest { highest = d }
                    }
                }
            }
            level += 1
        }
        // Every node outside the search has a tentative distance of at least `level`.
        let reached = min(level, s.cap)
        if active > 0 && level > s.cap { return false }
        for v in 0..<n {
            let d = s.scanned[v] ? s.distance[v] : reached
            if d > 0 { price[v] -= d * eps }
        }
        for b in 0...max(highest, reached) where b <= s.cap { s.bucketHead[b] = -1 }
        return true
    }
}
