extension FlowNetwork {
    /// The network in the DIMACS minimum-cost flow format, for other solvers (scripts/bench/ortools_allocate.py):
    /// comment lines `c …`, then `p min NODES ARCS`, then `n ID SUPPLY` for every node whose supply is not
    /// zero, then `a TAIL HEAD 0 CAPACITY COST` for every arc in order. Nodes are numbered from 1 (node
    /// `i` here is `i + 1` there); every lower bound is 0.
    public func dimacs(comments: [String] = []) -> String {
        var text = ""
        text.reserveCapacity(32 * arcCount + 64)
        for comment in comments { text += "c \(comment)\n" }
        text += "p min \(nodeCount) \(arcCount)\n"
        for (node, supply) in supplies.enumerated() where supply != 0 { text += "n \(node + 1) \(supply)\n" }
        for arc in 0..<arcCount {
            text += "a \(tails[arc] + 1) \(heads[arc] + 1) 0 \(capacities[arc]) \(costs[arc])\n"
        }
        return text
    }
}
