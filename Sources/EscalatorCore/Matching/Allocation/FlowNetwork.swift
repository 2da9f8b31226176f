/// A directed network for minimum-cost flow: nodes with supplies (positive) and demands (negative),
/// arcs with an integer capacity and an integer cost per unit. Node and arc numbers start at 0 and
/// follow the order they were added in.
public struct FlowNetwork: Sendable, Hashable {
    public private(set) var nodeCount = 0
    public private(set) var supplies: [Int] = []
    public private(set) var tails: [Int32] = []
    public private(set) var heads: [Int32] = []
    public private(set) var capacities: [Int] = []
    public private(set) var costs: [Int] = []

    public init() {}

    public var arcCount: Int { tails.count }

    /// Adds `count` nodes with no supply and returns the number of the first.
    @discardableResult
    public mutating func addNodes(_ count: Int) -> Int {
        precondition(count >= 0 && nodeCount + count < Int(Int32.max), "too many nodes")
        let first = nodeCount
        nodeCount += count
        supplies.append(contentsOf: repeatElement(0, count: count))
        return first
    }

    /// Positive for a source of flow, negative for a sink. Supplies must sum to zero before solving.
    public mutating func setSupply(_ supply: Int, of node: Int) {
        supplies[node] = supply
    }

    @discardableResult
    public mutating func addArc(from tail: Int, to head: Int, capacity: Int, cost: Int) -> Int {
        precondition(tail >= 0 && tail < nodeCount && head >= 0 && head < nodeCount, "arc between unknown nodes")
        precondition(capacity >= 0, "negative capacity")
        tails.append(Int32(tail))
        heads.append(Int32(head))
        capacities.append(capacity)
        costs.append(cost)
        return tails.count - 1
    }

    public mutating func reserveArcs(_ count: Int) {
        tails.reserveCapacity(count)
        heads.reserveCapacity(count)
        capacities.reserveCapacity(count)
        costs.reserveCapacity(count)
    }

    /// Σ cost × flow over the arcs.
    public func cost(of flows: [Int]) -> Int {
        zip(costs, flows).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Whether `flows` respects every capacity and conserves flow at every node.
    public func isFeasible(_ flows: [Int]) -> Bool {
        guard flows.count == arcCount else { return false }
        var balance = supplies
        for arc in 0..<arcCount {
            guard flows[arc] >= 0 && flows[arc] <= capacities[arc] else { return false }
            balance[Int(tails[arc])] -= flows[arc]
            balance[Int(heads[arc])] += flows[arc]
        }
        return balance.allSatisfy { $0 == 0 }
    }
}

/// An optimal flow: one value per arc of the network, in its order, and its total cost.
public struct FlowSolution: Sendable, Hashable {
    public var flows: [Int]
    public var cost: Int

    public init(flows: [Int], cost: Int) {
        self.flows = flows
        self.cost = cost
    }
}
