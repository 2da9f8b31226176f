import XCTest
@testable import EscalatorCore

/// Minimum-cost flow written the plain way, for checking: a feasible flow by Edmonds–Karp from a super
/// source to a super sink, then negative cycles (Bellman–Ford) cancelled until there are none (Klein).
/// Slow, but correct on any network, negative cycles included.
private func cycleCancellingCost(_ network: FlowNetwork) -> Int? {
    let n = network.nodeCount + 2, source = n - 2, sink = n - 1
    var to: [Int] = [], capacity: [Int] = [], cost: [Int] = []
    var adjacent = [[Int]](repeating: [], count: n)
    func add(_ u: Int, _ v: Int, _ c: Int, _ w: Int) {
        adjacent[u].append(to.count); to.append(v); capacity.append(c); cost.append(w)
        adjacent[v].append(to.count); to.append(u); capacity.append(0); cost.append(-w)
    }
    for arc in 0..<network.arcCount {
        add(Int(network.tails[arc]), Int(network.heads[arc]), network.capacities[arc], network.costs[arc])
    }
    let networkEdges = to.count
    var needed = 0
    for v in 0..<network.nodeCount {
        let supply = network.supplies[v]
        if supply > 0 { add(source, v, supply, 0); needed += supply } else if supply < 0 { add(v, sink, -supply, 0) }
    }
    // Feasible flow: shortest augmenting paths by breadth-first search.
    var routed = 0
    while true {
        var via = [Int](repeating: -1, count: n)
        var queue = [source], seen = Set([source])
        while let u = queue.first, via[sink] < 0 {
            queue.removeFirst()
            for e in adjacent[u] where capacity[e] > 0 && !seen.contains(to[e]) {
                seen.insert(to[e]); via[to[e]] = e; queue.append(to[e])
            }
        }
        guard via[sink] >= 0 else { break }
        var push = Int.max, v = sink
        while v != source { push = min(push, capacity[via[v]]); v = to[via[v] ^ 1] }
        v = sink
        while v != source { capacity[via[v]] -= push; capacity[via[v] ^ 1] += push; v = to[via[v] ^ 1] }
        routed += push
    }
    guard routed == needed else { return nil }
    // The super source and sink arcs are now fixed: cancel negative cycles among the network's own arcs.
    for e in networkEdges..<to.count { capacity[e] = 0 }
    while true {
        var distance = [Int](repeating: 0, count: n), via = [Int](repeating: -1, count: n)
        var last = -1
        for _ in 0..<n {
            last = -1
            for e in 0..<networkEdges where capacity[e] > 0 {
                let u = to[e ^ 1], v = to[e]
                if distance[u] + cost[e] < distance[v] { distance[v] = distance[u] + cost[e]; via[v] = e; last = v }
            }
        }
        guard last >= 0 else { break }
        var v = last
        for _ in 0..<n { v = to[via[v] ^ 1] }  // now certainly on the cycle
        var cycle: [Int] = [], u = v
        repeat { cycle.append(via[u]); u = to[via[u] ^ 1] } while u != v
        let push = cycle.map { capacity[$0] }.min()!
        for e in cycle { capacity[e] -= push; capacity[e ^ 1] += push }
    }
    var total = 0
    for e in stride(from: 0, to: networkEdges, by: 2) { total += cost[e] * capacity[e ^ 1] }
    return total
}

private func randomNetwork(_ rng: inout SeededGenerator) -> FlowNetwork {
    var network = FlowNetwork()
    let n = rng.int(in: 2...8)
    network.addNodes(n)
    for _ in 0..<rng.int(in: 0...(4 * n)) {
        let u = rng.int(below: n), v = rng.int(below: n)
        if u != v { network.addArc(from: u, to: v, capacity: rng.int(in: 0...5), cost: rng.int(in: -10...10)) }
    }
    var supplies = (0..<n).map { _ in rng.int(in: -3...3) }
    supplies[n - 1] -= supplies.reduce(0, +)
    for (v, s) in supplies.enumerated() { network.setSupply(s, of: v) }
    return network
}

final class AllocationMinCostFlowTests: XCTestCase {
    func testEqualsCycleCancellingOnRandomNetworksWithNegativeCycles() {
        var rng = SeededGenerator(seed: 41)
        var feasible = 0, infeasible = 0
        for trial in 0..<1_500 {
            let network = randomNetwork(&rng)
            let expected = cycleCancellingCost(network)
            let solution = MinCostFlow.solve(network)
            XCTAssertEqual(solution?.cost, expected, "trial \(trial)")
            if let solution {
                XCTAssertTrue(network.isFeasible(solution.flows), "trial \(trial)")
                XCTAssertEqual(network.cost(of: solution.flows), solution.cost)
                feasible += 1
            } else {
                infeasible += 1
            }
        }
        XCTAssertGreaterThan(feasible, 250)
        XCTAssertGreaterThan(infeasible, 400)
    }

    func testEqualsCycleCancellingOnBipartiteAllocationNetworksWithLargeCosts() {
        var rng = SeededGenerator(seed: 42)
        for trial in 0..<80 {
            let clients = rng.int(in: 1...30), slots = rng.int(in: 1...10)
            var problem = AssignmentProblem(
                clientCount: clients, unitsPerClient: rng.int(in: 1...3),
                slots: (0..<slots).map { _ in AssignmentProblem.Slot(capacity: rng.int(in: 0...6)) }, arcs: [])
            for client in 0..<clients {
                for slot in rng.sample(Array(0..<slots), count: rng.int(in: 0...4)) {
                    problem.arcs.append(AssignmentProblem.Arc(client: client, slot: slot, weight: rng.int(in: 1...1_000_000)))
                }
            }
            let network = problem.network().network
            XCTAssertEqual(MinCostFlow.solve(network)?.cost, cycleCancellingCost(network), "trial \(trial)")
        }
    }

    func testSameNetworkSameFlow() {
        var rng = SeededGenerator(seed: 43)
        for _ in 0..<50 {
            let network = randomNetwork(&rng)
            XCTAssertEqual(MinCostFlow.solve(network), MinCostFlow.solve(network))
        }
    }

    func testNoArcs() {
        var network = FlowNetwork()
        network.addNodes(2)
        XCTAssertEqual(MinCostFlow.solve(network), FlowSolution(flows: [], cost: 0))
        network.setSupply(1, of: 0)
        network.setSupply(-1, of: 1)
        XCTAssertNil(MinCostFlow.solve(network))
    }

    func testDIMACSFormat() {
        var network = FlowNetwork()
        network.addNodes(3)
        network.setSupply(2, of: 0)
        network.setSupply(-2, of: 2)
        network.addArc(from: 0, to: 1, capacity: 2, cost: -5)
        network.addArc(from: 1, to: 2, capacity: 3, cost: 0)
        network.addArc(from: 0, to: 2, capacity: 1, cost: 7)
        XCTAssertEqual(network.dimacs(comments: ["example"]), """
            c example
            p min 3 3
            n 1 2
            n 3 -2
            a 1 2 0 2 -5
            a 2 3 0 3 0
            a 1 3 0 1 7

            """)
        XCTAssertEqual(MinCostFlow.solve(network)?.cost, -10)
    }
}
