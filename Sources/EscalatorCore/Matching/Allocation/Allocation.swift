import Foundation

/// Who gets which place: an optimal allocation of an `AllocationInstance`.
public struct Allocation: Sendable, Hashable {
    public struct Assignment: Sendable, Hashable {
        public var client: Int
        public var candidate: AllocationCandidate
        /// 1, or 2 for places given out when unused reserved places were released.
        public var stage: Int

        public init(client: Int, candidate: AllocationCandidate, stage: Int) {
            self.client = client
            self.candidate = candidate
            self.stage = stage
        }
    }

    /// In client order; at most one per client.
    public var assignments: [Assignment]
    /// Σ weight: the optimum.
    public var totalWeight: Int
    /// The optimum of each stage (one, or two when unused reserved places are released).
    public var stageWeights: [Int]

    public init(assignments: [Assignment], totalWeight: Int, stageWeights: [Int]) {
        self.assignments = assignments
        self.totalWeight = totalWeight
        self.stageWeights = stageWeights
    }

    /// Σ score, added in client order.
    public var totalScore: Double { assignments.reduce(0) { $0 + $1.candidate.score } }
}

extension AllocationInstance {
    /// The allocation with the greatest total weight, each client at most one place, no slot over its
    /// places, reserved places only to residents of the target wards. With `releaseUnusedReserved`, a
    /// second optimal allocation then gives the places still free (reserved ones included) to the clients
    /// still unallocated, among their candidates; the first stage's choices stand.
    public func allocate(releaseUnusedReserved: Bool = false) -> Allocation {
        let first = problem()
        let solution = first.solve()
        var assigned = [Int](repeating: -1, count: clientIDs.count)  // candidate index
        var stageOf = [Int](repeating: 0, count: clientIDs.count)
        for arc in solution.chosenArcs {
            assigned[first.arcs[arc].client] = arc
            stageOf[first.arcs[arc].client] = 1
        }
        var stageWeights = [solution.totalWeight]

        if releaseUnusedReserved && slots.contains(where: { $0.reserved > 0 }) {
            var taken = [Int](repeating: 0, count: slots.count)
            for arc in solution.chosenArcs { taken[first.arcs[arc].slot] += 1 }
            var arcs: [AssignmentProblem.Arc] = [], arcCandidate: [Int] = []
            for client in clientIDs.indices where assigned[client] < 0 {
                for index in candidateStart[client]..<candidateStart[client + 1] where taken[candidates[index].slot] < slots[candidates[index].slot].places {
                    arcs.append(AssignmentProblem.Arc(client: client, slot: candidates[index].slot, weight: candidates[index].weight))
                    arcCandidate.append(index)
                }
            }
            let second = AssignmentProblem(
                clientCount: clientIDs.count, slots: slots.indices.map { AssignmentProblem.Slot(capacity: slots[$0].places - taken[$0]) },
                arcs: arcs)
            let released = second.solve()
            for arc in released.chosenArcs {
                assigned[arcs[arc].client] = arcCandidate[arc]
                stageOf[arcs[arc].client] = 2
            }
            stageWeights.append(released.totalWeight)
        }

        let assignments = clientIDs.indices.compactMap { client in
            assigned[client] < 0 ? nil : Allocation.Assignment(client: client, candidate: candidates[assigned[client]], stage: stageOf[client])
        }
        return Allocation(assignments: assignments, totalWeight: stageWeights.reduce(0, +), stageWeights: stageWeights)
    }
}
