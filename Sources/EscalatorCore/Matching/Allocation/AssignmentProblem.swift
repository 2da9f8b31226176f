/// Clients, slots with a number of places, and weighted arcs between them: choose arcs so that each client
/// gets at most `unitsPerClient` of them, each slot at most `capacity`, of which at most
/// `capacity − reserved` go to clients who may not take reserved places, maximising the total weight.
/// Allocation (one unit per client) and spreading recommendations (k per client) are both this problem;
/// it is solved exactly as a minimum-cost flow (`network()`, docs/matching.md "Allocation").
public struct AssignmentProblem: Sendable, Hashable {
    public struct Slot: Sendable, Hashable {
        public var capacity: Int
        /// Places only clients with `mayTakeReserved` can take; at most `capacity`.
        public var reserved: Int

        public init(capacity: Int, reserved: Int = 0) {
            precondition(capacity >= 0 && reserved >= 0 && reserved <= capacity, "0 ≤ reserved ≤ capacity")
            self.capacity = capacity
            self.reserved = reserved
        }
    }

    /// At most one arc per client and slot.
    public struct Arc: Sendable, Hashable {
        public var client: Int
        public var slot: Int
        public var weight: Int

        public init(client: Int, slot: Int, weight: Int) {
            self.client = client
            self.slot = slot
            self.weight = weight
        }
    }

    public var clientCount: Int
    public var unitsPerClient: Int
    public var slots: [Slot]
    public var arcs: [Arc]
    /// One per client; empty means nobody may take reserved places.
    public var mayTakeReserved: [Bool]

    public init(clientCount: Int, unitsPerClient: Int = 1, slots: [Slot], arcs: [Arc], mayTakeReserved: [Bool] = []) {
        precondition(unitsPerClient >= 0, "units per client must not be negative")
        precondition(mayTakeReserved.isEmpty || mayTakeReserved.count == clientCount, "one flag per client")
        self.clientCount = clientCount
        self.unitsPerClient = unitsPerClient
        self.slots = slots
        self.arcs = arcs
        self.mayTakeReserved = mayTakeReserved
    }

    func mayTakeReserved(_ client: Int) -> Bool { !mayTakeReserved.isEmpty && mayTakeReserved[client] }

    /// The minimum-cost flow network, and the network arc of each of the problem's arcs.
    ///
    /// Nodes: clients `0 ..< clientCount` (supply `unitsPerClient`), then slots, then one gate per slot
    /// that has reserved places and an arc from a client who may not take them, then the sink (demand
    /// = total supply). Arcs, in this order: each problem arc, client → slot (or → the slot's gate when
    /// the client may not take reserved places), capacity 1, cost −weight; each client → sink, capacity
    /// `unitsPerClient`, cost 0 (units left unassigned); each slot → sink, capacity `capacity`, cost 0;
    /// each gate → its slot, capacity `capacity − reserved`, cost 0. A minimum-cost flow is a
    /// maximum-weight assignment, and its cost is minus the total weight.
    public func network() -> (network: FlowNetwork, arcOf: [Int]) {
        var gated = [Bool](repeating: false, count: slots.count)
        for arc in arcs where slots[arc.slot].reserved > 0 && !mayTakeReserved(arc.client) { gated[arc.slot] = true }
        var network = FlowNetwork()
        let clientBase = network.addNodes(clientCount)
        let slotBase = network.addNodes(slots.count)
        var gateOf = [Int](repeating: -1, count: slots.count)
        for slot in slots.indices where gated[slot] { gateOf[slot] = network.addNodes(1) }
        let sink = network.addNodes(1)
        network.reserveArcs(arcs.count + clientCount + 2 * slots.count)

        var arcOf: [Int] = []
        arcOf.reserveCapacity(arcs.count)
        for arc in arcs {
            let target = gateOf[arc.slot] >= 0 && !mayTakeReserved(arc.client) ? gateOf[arc.slot] : slotBase + arc.slot
            arcOf.append(network.addArc(from: clientBase + arc.client, to: target, capacity: 1, cost: -arc.weight))
        }
        for client in 0..<clientCount {
            network.setSupply(unitsPerClient, of: clientBase + client)
            network.addArc(from: clientBase + client, to: sink, capacity: unitsPerClient, cost: 0)
        }
        for (slot, info) in slots.enumerated() {
            network.addArc(from: slotBase + slot, to: sink, capacity: info.capacity, cost: 0)
            if gateOf[slot] >= 0 {
                network.addArc(from: gateOf[slot], to: slotBase + slot, capacity: info.capacity - info.reserved, cost: 0)
            }
        }
        network.setSupply(-clientCount * unitsPerClient, of: sink)
        return (network, arcOf)
    }

    /// An optimal assignment. Deterministic for the same problem; among several optima, which one is
    /// returned depends only on the order of clients, slots and arcs.
    public func solve() -> AssignmentSolution {
        let (network, arcOf) = network()
        // Every unit can always go straight to the sink, so the network is feasible.
        let flow = MinCostFlow.solve(network)!
        let chosen = arcs.indices.filter { flow.flows[arcOf[$0]] > 0 }
        return AssignmentSolution(chosenArcs: chosen, totalWeight: chosen.reduce(0) { $0 + arcs[$1].weight })
    }

    /// Whether `chosen` (arc indices) respects every limit: units per client, one use of each arc,
    /// capacities, and reserved places.
    public func isFeasible(_ chosen: [Int]) -> Bool {
        guard Set(chosen).count == chosen.count, chosen.allSatisfy({ arcs.indices.contains($0) }) else { return false }
        var units = [Int](repeating: 0, count: clientCount)
        var taken = [Int](repeating: 0, count: slots.count), open = taken
        for index in chosen {
            let arc = arcs[index]
            units[arc.client] += 1
            taken[arc.slot] += 1
            if !mayTakeReserved(arc.client) { open[arc.slot] += 1 }
        }
        return units.allSatisfy { $0 <= unitsPerClient }
            && slots.indices.allSatisfy { taken[$0] <= slots[$0].capacity && open[$0] <= slots[$0].capacity - slots[$0].reserved }
    }
}

public struct AssignmentSolution: Sendable, Hashable {
    /// Indices into the problem's arcs, ascending.
    public var chosenArcs: [Int]
    public var totalWeight: Int

    public init(chosenArcs: [Int], totalWeight: Int) {
        self.chosenArcs = chosenArcs
        self.totalWeight = totalWeight
    }
}
