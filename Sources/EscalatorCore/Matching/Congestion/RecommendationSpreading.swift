import Foundation

/// Recommendations spread so that no vacancy is shown to more than a bounded multiple of its openings,
/// keeping the lists as good as possible overall (docs/matching.md, "Congestion").
///
/// Each client gets at most `perClient` vacancies from their own candidates (their best K′ eligible
/// vacancies, K′ > `perClient`), each vacancy appears in at most `multiple × openings` lists, and the
/// total of `AllocationScore.weight(score)` over all lists is the greatest possible. Each list is then
/// in the documented order: score descending, then vacancy id (`uuidString`) ascending.
public struct RecommendationSpreading: Sendable {
    public var perClient: Int
    public var multiple: Int

    public init(perClient: Int = 10, multiple: Int = 5) {
        precondition(perClient >= 0 && multiple >= 0, "limits must not be negative")
        self.perClient = perClient
        self.multiple = multiple
    }

    /// The b-matching: clients in the order of `candidates`, vacancies (slots) in id order, an arc per
    /// candidate in list order; a vacancy missing from `openings` has none.
    public func problem(_ candidates: [[RankedVacancy]], openings: [UUID: Int]) -> (problem: AssignmentProblem, vacancyIDs: [UUID]) {
        var ids = Set<UUID>()
        for list in candidates { for entry in list { ids.insert(entry.vacancyID) } }
        let vacancyIDs = ids.sorted { UUIDStringOrder($0) < UUIDStringOrder($1) }
        let slotOf = Dictionary(uniqueKeysWithValues: vacancyIDs.enumerated().map { ($1, $0) })
        var arcs: [AssignmentProblem.Arc] = []
        arcs.reserveCapacity(candidates.reduce(0) { $0 + $1.count })
        for (client, list) in candidates.enumerated() {
            for entry in list {
                arcs.append(AssignmentProblem.Arc(client: client, slot: slotOf[entry.vacancyID]!, weight: AllocationScore.weight(entry.score)))
            }
        }
        let slots = vacancyIDs.map { AssignmentProblem.Slot(capacity: multiple * max(0, openings[$0] ?? 0)) }
        return (AssignmentProblem(clientCount: candidates.count, unitsPerClient: perClient, slots: slots, arcs: arcs), vacancyIDs)
    }

    /// Each client's spread list. `candidates[i]` is client i's best eligible vacancies, each at most once.
    public func spread(_ candidates: [[RankedVacancy]], openings: [UUID: Int]) -> [[RankedVacancy]] {
        let (problem, _) = problem(candidates, openings: openings)
        let solution = problem.solve()
        var lists = [[RankedVacancy]](repeating: [], count: candidates.count)
        var offsets = [0]
        for list in candidates { offsets.append(offsets.last! + list.count) }
        var client = 0
        for arc in solution.chosenArcs {
            while arc >= offsets[client + 1] { client += 1 }
            lists[client].append(candidates[client][arc - offsets[client]])
        }
        return lists.map { list in
            list.sorted { $0.score != $1.score ? $0.score > $1.score : UUIDStringOrder($0.vacancyID) < UUIDStringOrder($1.vacancyID) }
        }
    }
}
