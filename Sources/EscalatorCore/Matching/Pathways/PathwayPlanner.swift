import Foundation

/// Plans skills-escalator pathways: for a client and a target (a vacancy or an occupation), the optimal
/// sequence of barrier support, basic skills and programmes that makes them job-ready, with what follows
/// (in-work support, the next progression), or the requirements no pathway can meet. Built once from the
/// programme catalogue, then asked for many clients. The model and the proof of exactness are in
/// docs/matching.md ("Pathways").
public struct PathwayPlanner: Sendable {
    let catalogue: PathwayCatalogue
    public let taxonomy: Taxonomy
    public let policy: PathwayPolicy
    let occupationsBySector: [Sector: [Occupation]]

    public init(programmes: [ProgrammeTarget], taxonomy: Taxonomy = StarterTaxonomy.taxonomy, policy: PathwayPolicy = .standard) {
        catalogue = PathwayCatalogue(programmes)
        self.taxonomy = taxonomy
        self.policy = policy
        var bySector: [Sector: [Occupation]] = [:]
        for occupation in taxonomy.occupations.values {
            if let sector = occupation.sector { bySector[sector, default: []].append(occupation) }
        }
        occupationsBySector = bySector.mapValues { $0.sorted { $0.id < $1.id } }
    }

    public func pathway(_ request: PathwayRequest) -> PathwayResult {
        let (fixed, ageDay) = fixedBlockers(request)
        var problem = PathwayProblem(request: request, catalogue: catalogue, policy: policy, ageDay: ageDay)
        if problem.overflow {
            return .unreachable([PathwayBlocker(
                requirement: .skill(id: problem.conditionSkillIDs[PathwayMask.capacity], level: problem.conditionLevels[PathwayMask.capacity]),
                message: "This target and the programmes around it involve \(problem.conditionSkillIDs.count) distinct skill levels; the planner handles at most \(PathwayMask.capacity).")])
        }
        if !fixed.isEmpty { return .unreachable(fixed + closureBlockers(&problem)) }
        let search = PathwaySearch(problem, objective: request.objective)
        guard let best = search.run() else {
            let untaught = closureBlockers(&problem)
            return .unreachable(untaught.isEmpty ? timingBlockers(problem, search) : untaught)
        }
        return .pathway(assemble(request, problem, search.path(best)))
    }

    /// `pathway(_:)` for every request, in the same order, on every core.
    public func pathways(_ requests: [PathwayRequest]) -> [PathwayResult] {
        let chunkSize = 32
        let chunks = (requests.count + chunkSize - 1) / chunkSize
        var results = [PathwayResult](repeating: .unreachable([]), count: requests.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only the elements of its own chunk, and the buffer outlives
            // `Parallel.forEach`, so sharing it is safe.
            nonisolated(unsafe) let output = buffer
            Parallel.forEach(iterations: chunks) { chunk in
                for i in (chunk * chunkSize)..<min(requests.count, (chunk + 1) * chunkSize) {
                    output[i] = pathway(requests[i])
                }
            }
        }
        return results
    }
}
