import XCTest
@testable import EscalatorCore

/// The best total weight by trying every choice: each client takes any set of at most `unitsPerClient`
/// of its arcs, within every slot's places and open (unreserved) places.
private func exhaustiveOptimum(_ problem: AssignmentProblem) -> Int {
    let arcsOf = (0..<problem.clientCount).map { client in problem.arcs.indices.filter { problem.arcs[$0].client == client } }
    var taken = [Int](repeating: 0, count: problem.slots.count), open = taken
    var best = 0
    func mayReserve(_ client: Int) -> Bool { !problem.mayTakeReserved.isEmpty && problem.mayTakeReserved[client] }
    func visit(_ client: Int, _ total: Int) {
        guard client < problem.clientCount else { best = max(best, total); return }
        func choose(from start: Int, units: Int, _ total: Int) {
            visit(client + 1, total)
            guard units < problem.unitsPerClient else { return }
            for position in start..<arcsOf[client].count {
                let arc = problem.arcs[arcsOf[client][position]]
                let slot = problem.slots[arc.slot]
                let isOpen = !mayReserve(client)
                guard taken[arc.slot] < slot.capacity, !isOpen || open[arc.slot] < slot.capacity - slot.reserved else { continue }
                taken[arc.slot] += 1
                if isOpen { open[arc.slot] += 1 }
                choose(from: position + 1, units: units + 1, total + arc.weight)
                taken[arc.slot] -= 1
                if isOpen { open[arc.slot] -= 1 }
            }
        }
        choose(from: 0, units: 0, total)
    }
    visit(0, 0)
    return best
}

/// The Hungarian algorithm (shortest augmenting paths with potentials, O(rows² × columns)) on a
/// rectangular matrix: the least total cost assigning every row to a distinct column.
func hungarianMinimum(_ cost: [[Int]]) -> Int {
    let rows = cost.count, columns = cost.first?.count ?? 0
    precondition(rows <= columns)
    let infinity = Int.max / 4
    var u = [Int](repeating: 0, count: rows + 1), v = [Int](repeating: 0, count: columns + 1)
    var rowOf = [Int](repeating: 0, count: columns + 1), way = [Int](repeating: 0, count: columns + 1)
    for row in 1...max(1, rows) where rows > 0 {
        rowOf[0] = row
        var column0 = 0
        var least = [Int](repeating: infinity, count: columns + 1), used = [Bool](repeating: false, count: columns + 1)
        repeat {
            used[column0] = true
            let row0 = rowOf[column0]
            var delta = infinity, column1 = 0
            for column in 1...columns where !used[column] {
                let reduced = cost[row0 - 1][column - 1] - u[row0] - v[column]
                if reduced < least[column] { least[column] = reduced; way[column] = column0 }
                if least[column] < delta { delta = least[column]; column1 = column }
            }
            for column in 0...columns {
                if used[column] { u[rowOf[column]] += delta; v[column] -= delta } else { least[column] -= delta }
            }
            column0 = column1
        } while rowOf[column0] != 0
        repeat {
            let column1 = way[column0]
            rowOf[column0] = rowOf[column1]
            column0 = column1
        } while column0 != 0
    }
    var total = 0
    for column in 1...max(1, columns) where columns > 0 && rowOf[column] != 0 { total += cost[rowOf[column] - 1][column - 1] }
    return total
}

/// The same optimum another way: every place becomes a column (reserved places only for clients who may
/// take them), plus one "unassigned" column per client; maximise weight = minimise −weight, with a
/// prohibitive cost where there is no arc.
func hungarianOptimum(_ problem: AssignmentProblem) -> Int {
    precondition(problem.unitsPerClient == 1)
    var columns: [(slot: Int, reserved: Bool)] = []
    for (slot, info) in problem.slots.enumerated() {
        for place in 0..<info.capacity { columns.append((slot, place < info.reserved)) }
    }
    let forbidden = 1 << 40
    var weight = [[Int?]](repeating: [Int?](repeating: nil, count: problem.slots.count), count: problem.clientCount)
    for arc in problem.arcs { weight[arc.client][arc.slot] = arc.weight }
    let matrix = (0..<problem.clientCount).map { client in
        let mayReserve = !problem.mayTakeReserved.isEmpty && problem.mayTakeReserved[client]
        return columns.map { column -> Int in
            guard let w = weight[client][column.slot], !column.reserved || mayReserve else { return forbidden }
            return -w
        } + (0..<problem.clientCount).map { $0 == client ? 0 : forbidden }
    }
    return -hungarianMinimum(matrix)
}

private func randomProblem(
    _ rng: inout SeededGenerator, clients: ClosedRange<Int>, slots: ClosedRange<Int>, capacity: ClosedRange<Int>, arcsPerClient: ClosedRange<Int>,
    weights: ClosedRange<Int>, units: Int = 1, reserve: Bool
) -> AssignmentProblem {
    let clientCount = rng.int(in: clients), slotCount = rng.int(in: slots)
    let slotList = (0..<slotCount).map { _ in
        let places = rng.int(in: capacity)
        return AssignmentProblem.Slot(capacity: places, reserved: reserve ? rng.int(in: 0...places) : 0)
    }
    var arcs: [AssignmentProblem.Arc] = []
    for client in 0..<clientCount {
        for slot in rng.sample(Array(0..<slotCount), count: rng.int(in: arcsPerClient)) {
            arcs.append(AssignmentProblem.Arc(client: client, slot: slot, weight: rng.int(in: weights)))
        }
    }
    return AssignmentProblem(
        clientCount: clientCount, unitsPerClient: units, slots: slotList, arcs: arcs,
        mayTakeReserved: reserve ? (0..<clientCount).map { _ in rng.chance(0.4) } : [])
}

/// Maximum-weight b-matching the plain way: source → client (capacity `unitsPerClient`), client → slot
/// (capacity 1, cost −weight), slot → sink (capacity `capacity`); augment along a cheapest path
/// (Bellman–Ford with a queue) while it gains. No reserved places.
private func successiveShortestPathsOptimum(_ problem: AssignmentProblem) -> Int {
    precondition(problem.slots.allSatisfy { $0.reserved == 0 })
    let n = problem.clientCount + problem.slots.count + 2, source = n - 2, sink = n - 1
    var to: [Int] = [], room: [Int] = [], cost: [Int] = [], out = [[Int]](repeating: [], count: n)
    func add(_ u: Int, _ v: Int, _ c: Int, _ w: Int) {
        out[u].append(to.count); to.append(v); room.append(c); cost.append(w)
        out[v].append(to.count); to.append(u); room.append(0); cost.append(-w)
    }
    for client in 0..<problem.clientCount { add(source, client, problem.unitsPerClient, 0) }
    for arc in problem.arcs { add(arc.client, problem.clientCount + arc.slot, 1, -arc.weight) }
    for (slot, info) in problem.slots.enumerated() { add(problem.clientCount + slot, sink, info.capacity, 0) }
    var total = 0
    while true {
        var distance = [Int](repeating: .max, count: n), via = [Int](repeating: -1, count: n), queued = [Bool](repeating: false, count: n)
        distance[source] = 0
        var queue = [source], head = 0
        while head < queue.count {
            let u = queue[head]; head += 1; queued[u] = false
            for e in out[u] where room[e] > 0 && distance[u] + cost[e] < distance[to[e]] {
                distance[to[e]] = distance[u] + cost[e]; via[to[e]] = e
                if !queued[to[e]] { queued[to[e]] = true; queue.append(to[e]) }
            }
        }
        guard distance[sink] < 0 else { return -total }
        var v = sink
        while v != source { room[via[v]] -= 1; room[via[v] ^ 1] += 1; v = to[via[v] ^ 1] }
        total += distance[sink]
    }
}

final class AllocationAssignmentTests: XCTestCase {
    /// Slots wanted by many clients: the solver lists their open arcs instead of scanning them all.
    func testPopularSlotsEqualIndependentOptima() {
        var rng = SeededGenerator(seed: 55)
        for trial in 0..<40 {
            let reserve = trial % 2 == 0
            let problem = randomProblem(
                &rng, clients: 70...120, slots: 1...4, capacity: 0...30, arcsPerClient: 1...3, weights: trial % 4 < 2 ? 1...4 : 1...1_000_000,
                units: reserve ? 1 : rng.int(in: 1...3), reserve: reserve)
            let busiest = (0..<problem.slots.count).map { slot in problem.arcs.filter { $0.slot == slot }.count }.max() ?? 0
            XCTAssertGreaterThanOrEqual(busiest, Int(CostScalingSolver.listedDegree), "trial \(trial)")
            let solution = problem.solve()
            let expected = reserve ? hungarianOptimum(problem) : successiveShortestPathsOptimum(problem)
            XCTAssertEqual(solution.totalWeight, expected, "trial \(trial)")
            XCTAssertTrue(problem.isFeasible(solution.chosenArcs), "trial \(trial)")
        }
    }

    func testOptimumEqualsExhaustiveSearchOnTinyInstances() {
        var rng = SeededGenerator(seed: 51)
        for trial in 0..<400 {
            // Few distinct weights, so many instances have several optima.
            let problem = randomProblem(
                &rng, clients: 1...7, slots: 1...4, capacity: 0...3, arcsPerClient: 0...4,
                weights: trial % 2 == 0 ? 1...3 : 1...1_000_000, reserve: trial % 3 != 0)
            let solution = problem.solve()
            XCTAssertEqual(solution.totalWeight, exhaustiveOptimum(problem), "trial \(trial)")
            XCTAssertTrue(problem.isFeasible(solution.chosenArcs), "trial \(trial)")
            XCTAssertEqual(solution.totalWeight, solution.chosenArcs.reduce(0) { $0 + problem.arcs[$1].weight })
        }
    }

    func testSeveralUnitsPerClientEqualsExhaustiveSearch() {
        var rng = SeededGenerator(seed: 52)
        for trial in 0..<200 {
            let problem = randomProblem(
                &rng, clients: 1...5, slots: 1...4, capacity: 0...3, arcsPerClient: 0...4, weights: 1...20,
                units: rng.int(in: 1...3), reserve: trial % 2 == 0)
            let solution = problem.solve()
            XCTAssertEqual(solution.totalWeight, exhaustiveOptimum(problem), "trial \(trial)")
            XCTAssertTrue(problem.isFeasible(solution.chosenArcs), "trial \(trial)")
        }
    }

    func testOptimumEqualsHungarianAlgorithmOnMediumInstances() {
        var rng = SeededGenerator(seed: 53)
        for trial in 0..<60 {
            let problem = randomProblem(
                &rng, clients: 10...40, slots: 3...12, capacity: 0...5, arcsPerClient: 0...6, weights: 1...1_000_000,
                reserve: trial % 2 == 0)
            let solution = problem.solve()
            XCTAssertEqual(solution.totalWeight, hungarianOptimum(problem), "trial \(trial)")
            XCTAssertTrue(problem.isFeasible(solution.chosenArcs), "trial \(trial)")
        }
    }

    func testReservedPlacesGoOnlyToTargetResidents() {
        // One slot of 3 places, 2 reserved. Four outsiders value it more than the one resident does.
        let arcs = (0..<5).map { AssignmentProblem.Arc(client: $0, slot: 0, weight: $0 == 4 ? 1 : 100) }
        let problem = AssignmentProblem(
            clientCount: 5, slots: [AssignmentProblem.Slot(capacity: 3, reserved: 2)], arcs: arcs,
            mayTakeReserved: [false, false, false, false, true])
        let solution = problem.solve()
        XCTAssertEqual(solution.totalWeight, 101)  // one outsider and the resident; one reserved place stays empty
        XCTAssertEqual(solution.chosenArcs.filter { $0 < 4 }.count, 1)
        XCTAssertTrue(solution.chosenArcs.contains(4))

        let open = AssignmentProblem(clientCount: 5, slots: [AssignmentProblem.Slot(capacity: 3)], arcs: arcs)
        XCTAssertEqual(open.solve().totalWeight, 300)
    }

    func testDeterministic() {
        var rng = SeededGenerator(seed: 54)
        for _ in 0..<30 {
            let problem = randomProblem(&rng, clients: 5...30, slots: 2...6, capacity: 0...4, arcsPerClient: 0...4, weights: 1...3, reserve: true)
            XCTAssertEqual(problem.solve(), problem.solve())
        }
    }

    func testReservedPlacesRoundUp() {
        let reservation = PlaceReservation(share: 0.3, wards: ["W1"])
        XCTAssertEqual(reservation.basisPoints, 3_000)
        XCTAssertEqual([0, 1, 3, 10, 20, 21].map(reservation.reservedPlaces), [0, 1, 1, 3, 6, 7])
        // 0.7 × 10 is 7.000000000000001 in floating point; basis points keep it 7.
        XCTAssertEqual(PlaceReservation(share: 0.7, wards: []).reservedPlaces(of: 10), 7)
        XCTAssertEqual(PlaceReservation(share: 0, wards: []).reservedPlaces(of: 10), 0)
        XCTAssertEqual(PlaceReservation(share: 1, wards: []).reservedPlaces(of: 10), 10)
    }
}
