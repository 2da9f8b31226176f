/// Exact minimum-cost flow by cost scaling with push–relabel (Goldberg, "An efficient implementation
/// of a scaling minimum-cost flow algorithm", J. Algorithms 1997), the method behind OR-Tools'
/// `SimpleMinCostFlow`. See "Allocation" in docs/matching.md.
///
/// Costs are multiplied by n + 1 (n nodes). Each phase divides ε by `alpha` and turns the previous
/// flow into an ε-optimal one; the last phase has ε = 1, so every residual arc's reduced cost is at least
/// −1/(n + 1) in the original costs, every residual cycle (at most n arcs) costs more than −1, and with
/// integer costs that means no negative cycle: the flow is optimal.
public enum MinCostFlow {
    /// An optimal flow, or nil when the supplies cannot be routed. The supplies must sum to zero.
    /// Deterministic: the same network (same node and arc order) always gives the same flow.
    public static func solve(_ network: FlowNetwork, alpha: Int = 5) -> FlowSolution? {
        precondition(network.supplies.reduce(0, +) == 0, "supplies must sum to zero")
        precondition(alpha >= 2, "alpha must be at least 2")
        if network.arcCount == 0 {
            return network.supplies.allSatisfy { $0 == 0 } ? FlowSolution(flows: [], cost: 0) : nil
        }
        let solver = CostScalingSolver(network)
        guard solver.run(alpha: alpha) else { return nil }
        let flows = solver.flows(network)
        return FlowSolution(flows: flows, cost: network.cost(of: flows))
    }
}

/// One residual arc; its reverse costs `−cost`.
struct ResidualArc {
    /// Scaled by n + 1.
    var cost: Int
    var head: Int32
    var opposite: Int32
}

/// The residual network as flat arrays (each node's arcs contiguous, each arc paired with its reverse),
/// with the phases of the algorithm as methods. Hot loops use raw pointers: no bounds checks, no
/// copy-on-write.
final class CostScalingSolver {
    let n: Int
    let arcSlots: Int
    /// Node v's residual arcs are `first[v] ..< first[v + 1]`.
    let first: UnsafeMutablePointer<Int32>
    let arcs: UnsafeMutablePointer<ResidualArc>
    /// Residual capacities, apart from the rest so that scanning a node with many saturated arcs
    /// (a popular slot) reads little memory.
    let residual: UnsafeMutablePointer<Int32>
    /// An arc and its reverse share the forward arc's capacity, so the reverse's residual capacity is
    /// `pairCapacity − residual` without reading it.
    let pairCapacity: UnsafeMutablePointer<Int32>
    let excess: UnsafeMutablePointer<Int>
    let price: UnsafeMutablePointer<Int>
    /// Arcs of v before `current[v]` are not admissible (since v's last relabel or price update); for
    /// a node that lists its open arcs, a position in its list.
    let current: UnsafeMutablePointer<Int32>
    /// Nodes of high degree (popular slots, the sink) keep the arcs that have residual capacity in
    /// `openArcs[first[v] ..< first[v] + openCount[v]]` and scan only those; −1 for other nodes.
    let openCount: UnsafeMutablePointer<Int32>
    let openArcs: UnsafeMutablePointer<Int32>
    /// Where each arc of such a node sits in its list.
    let openPosition: UnsafeMutablePointer<Int32>
    /// Nodes with positive excess, last in first out; a node is on the stack at most once.
    let active: UnsafeMutablePointer<Int32>
    var activeCount = 0
    /// Where each of the network's arcs sits.
    private(set) var forward: [Int32] = []
    private(set) var maxScaledCost = 0
    var epsilon = 1
    var relabelsSinceUpdate = 0
    /// Relabels between global price updates.
    var updateEvery: Int { 16 * max(64, n) }
    lazy var priceUpdate = PriceUpdateScratch(nodeCount: n)

    init(_ network: FlowNetwork) {
        n = network.nodeCount
        let m = network.arcCount
        arcSlots = 2 * m
        precondition(arcSlots < Int(Int32.max), "too many arcs")
        precondition(network.capacities.allSatisfy { $0 <= Int(Int32.max) }, "capacities must fit in 32 bits")
        first = .allocate(capacity: n + 1)
        arcs = .allocate(capacity: max(1, arcSlots))
        residual = .allocate(capacity: max(1, arcSlots))
        pairCapacity = .allocate(capacity: max(1, arcSlots))
        excess = .allocate(capacity: max(1, n))
        price = .allocate(capacity: max(1, n))
        current = .allocate(capacity: max(1, n))
        active = .allocate(capacity: max(1, n))
        openCount = .allocate(capacity: max(1, n))
        openArcs = .allocate(capacity: max(1, arcSlots))
        openPosition = .allocate(capacity: max(1, arcSlots))

        let scale = n + 1
        let maxCost = network.costs.reduce(0) { max($0, $1 == Int.min ? Int.max : abs($1)) }
        // Prices stay within a small multiple of n × the largest scaled cost; keep 3 bits of headroom.
        let (scaled, overflow1) = maxCost.multipliedReportingOverflow(by: scale)
        let (_, overflow2) = scaled.multipliedReportingOverflow(by: 8 * scale)
        precondition(!overflow1 && !overflow2, "costs too large for exact scaling with this many nodes")
        maxScaledCost = scaled

        var degree = [Int32](repeating: 0, count: n + 1)
        for arc in 0..<m {
            degree[Int(network.tails[arc])] += 1
            degree[Int(network.heads[arc])] += 1
        }
        first[0] = 0
        for v in 0..<n { first[v + 1] = first[v] + degree[v] }
        var next = [Int32](repeating: 0, count: n)
        for v in 0..<n { next[v] = first[v] }
        var forward = [Int32](repeating: 0, count: m)
        for arc in 0..<m {
            let tail = Int(network.tails[arc]), head = Int(network.heads[arc])
            let a = next[tail], r = next[head]
            next[tail] += 1
            next[head] += 1
            let capacity = Int32(network.capacities[arc]), cost = network.costs[arc] * scale
            arcs[Int(a)] = ResidualArc(cost: cost, head: Int32(head), opposite: r)
            arcs[Int(r)] = ResidualArc(cost: -cost, head: Int32(tail), opposite: a)
            residual[Int(a)] = capacity
            residual[Int(r)] = 0
            pairCapacity[Int(a)] = capacity
            pairCapacity[Int(r)] = capacity
            forward[arc] = a
        }
        self.forward = forward
        for v in 0..<n {
            excess[v] = network.supplies[v]
            price[v] = 0
            current[v] = first[v]
            openCount[v] = -1
            if degree[v] >= Self.listedDegree {
                openCount[v] = 0
                for a in Int(first[v])..<Int(first[v + 1]) where residual[a] > 0 { open(a, of: v) }
            }
        }
    }

    /// From this degree on a node lists its open arcs.
    static let listedDegree: Int32 = 32

    deinit {
        first.deallocate(); arcs.deallocate(); residual.deallocate(); pairCapacity.deallocate(); excess.deallocate()
        price.deallocate(); current.deallocate(); active.deallocate(); openCount.deallocate(); openArcs.deallocate()
        openPosition.deallocate()
    }

    func flows(_ network: FlowNetwork) -> [Int] {
        (0..<network.arcCount).map { network.capacities[$0] - Int(residual[Int(forward[$0])]) }
    }

    /// Any flow is (largest scaled cost)-optimal with zero prices; refine down to ε = 1.
    func run(alpha: Int) -> Bool {
        epsilon = max(1, maxScaledCost)
        repeat {
            epsilon = max(1, epsilon / alpha)
            guard refine() else { return false }
        } while epsilon > 1
        return true
    }

    /// Turns the current flow into an ε-optimal one: saturate every residual arc of negative reduced
    /// cost (the pseudoflow is then 0-optimal), then push excess along admissible arcs (reduced cost
    /// in [−ε, 0)) until none is left, relabelling nodes that have no admissible arc. Active nodes are
    /// taken last in, first out; before pushing into a node that could only push the flow back, the node
    /// is relabelled first (Goldberg's push look-ahead). A global price update runs after every 16 n
    /// relabels: rarely needed on allocation networks, but it is what notices excess that can never
    /// reach a deficit (an infeasible network).
    func refine() -> Bool {
        for v in 0..<n {
            let pv = price[v]
            for a in Int(first[v])..<Int(first[v + 1]) {
                let r = residual[a]
                guard r > 0 else { continue }
                let w = Int(arcs[a].head)
                if arcs[a].cost + pv - price[w] < 0 {
                    move(Int(r), along: a, from: v, to: w)
                    excess[v] -= Int(r)
                    excess[w] += Int(r)
                }
            }
            // No arc of v is admissible now, and none becomes so before v is relabelled.
            current[v] = openCount[v] < 0 ? first[v + 1] : first[v] + openCount[v]
        }
        activeCount = 0
        for v in 0..<n where excess[v] > 0 { push(v) }
        while activeCount > 0 {
            activeCount -= 1
            let v = Int(active[activeCount])
            guard openCount[v] < 0 ? discharge(v) : dischargeListed(v) else { return false }
            if relabelsSinceUpdate >= updateEvery {
                guard updatePrices() else { return false }
            }
        }
        return true
    }

    @inline(__always)
    func push(_ v: Int) {
        active[activeCount] = Int32(v)
        activeCount += 1
    }

    /// Pushes all of v's excess out, relabelling v whenever it has no admissible arc left.
    func discharge(_ v: Int) -> Bool {
        var remaining = excess[v]
        let end = Int(first[v + 1])
        var a = Int(current[v])
        while true {
            let pv = price[v]
            while a < end {
                let r = Int(residual[a])
                if r > 0 {
                    let w = Int(arcs[a].head)
                    if arcs[a].cost + pv - price[w] < 0 {
                        if excess[w] >= 0 && !hasAdmissibleArc(w) {
                            guard relabel(w) else { return false }
                            if arcs[a].cost + pv - price[w] >= 0 { a += 1; continue }
                        }
                        let delta = min(remaining, r)
                        move(delta, along: a, from: v, to: w)
                        let before = excess[w]
                        excess[w] = before + delta
                        if before <= 0 && before + delta > 0 { push(w) }
                        remaining -= delta
                        if remaining == 0 {
                            excess[v] = 0
                            current[v] = Int32(a)
                            return true
                        }
                    }
                }
                a += 1
            }
            guard relabel(v) else { return false }
            if relabelsSinceUpdate >= updateEvery { return yieldForPriceUpdate(v, remaining) }
            a = Int(current[v])
        }
    }

    /// Puts v back on the stack so the refine loop can update prices first (and notice when the excess
    /// can never be placed).
    func yieldForPriceUpdate(_ v: Int, _ remaining: Int) -> Bool {
        excess[v] = remaining
        push(v)
        return true
    }

    /// Every admissible arc of v, counted the slow way (for assertions in debug builds).
    func admissibleArcs(_ v: Int) -> Int {
        (Int(first[v])..<Int(first[v + 1])).filter { residual[$0] > 0 && arcs[$0].cost + price[v] - price[Int(arcs[$0].head)] < 0 }.count
    }

    /// Whether v has an admissible arc, moving its current arc to the first one.
    @inline(__always)
    func hasAdmissibleArc(_ v: Int) -> Bool {
        let pv = price[v]
        if openCount[v] >= 0 {
            let end = Int(first[v]) + Int(openCount[v])
            for i in Int(current[v])..<max(Int(current[v]), end) {
                let a = Int(openArcs[i])
                if arcs[a].cost + pv - price[Int(arcs[a].head)] < 0 {
                    current[v] = Int32(i)
                    return true
                }
            }
            current[v] = Int32(end)
            return false
        }
        var a = Int(current[v])
        let end = Int(first[v + 1])
        while a < end {
            if residual[a] > 0 && arcs[a].cost + pv - price[Int(arcs[a].head)] < 0 {
                current[v] = Int32(a)
                return true
            }
            a += 1
        }
        current[v] = Int32(end)
        return false
    }

    /// Lowers the price of v, which has no admissible arc, keeping ε-optimality: by ε if that makes an
    /// arc admissible, else as far as possible (the most negative reduced cost becomes −ε). Leaves the
    /// current arc at the first arc that may be admissible. False when v has no residual arc at all and
    /// excess to move.
    @inline(__always)
    func relabel(_ v: Int) -> Bool {
        assert(admissibleArcs(v) == 0, "relabelling a node that has an admissible arc")
        relabelsSinceUpdate += 1
        let lowered = price[v] - epsilon
        var best = Int.min, secondBest = Int.min, bestArc = -1
        if openCount[v] >= 0 {
            let base = Int(first[v])
            for i in 0..<Int(openCount[v]) {
                best = max(best, price[Int(arcs[Int(openArcs[base + i])].head)] - arcs[Int(openArcs[base + i])].cost)
            }
            current[v] = first[v]
            guard best != Int.min else {
                if excess[v] != 0 { return false }
                price[v] = lowered
                return true
            }
            price[v] = best > lowered ? lowered : best - epsilon
            return true
        }
        for a in Int(first[v])..<Int(first[v + 1]) where residual[a] > 0 {
            let candidate = price[Int(arcs[a].head)] - arcs[a].cost
            if candidate > best {
                if candidate > lowered {
                    price[v] = lowered
                    current[v] = Int32(a)
                    return true
                }
                secondBest = best
                best = candidate
                bestArc = a
            }
        }
        guard best != Int.min else {
            if excess[v] != 0 { return false }
            price[v] = lowered
            current[v] = first[v]
            return true
        }
        price[v] = best - epsilon
        // Arcs before the best one were below the previous best, so not admissible now unless that
        // previous best is within ε.
        current[v] = secondBest <= price[v] ? Int32(bestArc) : first[v]
        return true
    }
}
