import Foundation

/// What can be allocated: the openings of a vacancy, or the free places of one programme cohort.
public struct AllocationSlot: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case vacancy, cohort
    }

    public var kind: Kind
    /// The vacancy's id, or the programme's.
    public var targetID: UUID
    /// For a cohort.
    public var cohortID: UUID?
    /// Openings, or free places (capacity − enrolled).
    public var places: Int
    /// Places kept for residents of the target wards (`PlaceReservation`).
    public var reserved: Int

    public init(kind: Kind, targetID: UUID, cohortID: UUID?, places: Int, reserved: Int) {
        self.kind = kind
        self.targetID = targetID
        self.cohortID = cohortID
        self.places = places
        self.reserved = reserved
    }
}

/// One of a client's options: a slot, the documented score of the pair, and that score as the integer
/// the optimisation adds up (`AllocationScore.weight`).
public struct AllocationCandidate: Sendable, Hashable {
    public var slot: Int
    public var score: Double
    public var weight: Int

    public init(slot: Int, score: Double, weight: Int) {
        self.slot = slot
        self.score = score
        self.weight = weight
    }
}

public enum AllocationScore {
    /// Scores are added as whole millionths, so the optimum is an exact integer another solver can
    /// reproduce: `Int((score × 1,000,000).rounded())`, rounding half away from zero.
    public static func weight(_ score: Double) -> Int { Int((score * 1_000_000).rounded()) }
}

/// How allocation builds each client's options.
public struct AllocationOptions: Sendable, Hashable {
    /// Each client's best options (vacancies and cohorts together) that become arcs; the optimum is over
    /// these arcs only.
    public var candidatesPerClient: Int
    /// A client's gaps are the essential skills missing from their best this-many eligible vacancies.
    public var gapMatches: Int
    /// Multiplies cohort scores (each in 0 ... 1) before they compete with vacancy scores.
    public var programmeWeight: Double
    public var includeVacancies: Bool
    public var includeCohorts: Bool
    public var weights: MatchingWeights
    public var reservation: PlaceReservation?

    public init(
        candidatesPerClient: Int = 20, gapMatches: Int = 10, programmeWeight: Double = 1, includeVacancies: Bool = true,
        includeCohorts: Bool = true, weights: MatchingWeights = .standard, reservation: PlaceReservation? = nil
    ) {
        self.candidatesPerClient = candidatesPerClient
        self.gapMatches = gapMatches
        self.programmeWeight = programmeWeight
        self.includeVacancies = includeVacancies
        self.includeCohorts = includeCohorts
        self.weights = weights
        self.reservation = reservation
    }
}

/// Clients and slots with each client's candidate options, ready to allocate. Clients are in id order
/// (`uuidString`), vacancy slots in vacancy id order, then cohort slots in (programme id, cohort id)
/// order, so the instance (and the allocation) does not depend on the order of the inputs.
public struct AllocationInstance: Sendable, Hashable {
    public var clientIDs: [UUID]
    /// Residents of a target ward; all false without a reservation.
    public var mayTakeReserved: [Bool]
    public var slots: [AllocationSlot]
    /// Client `i`'s candidates are `candidates[candidateStart[i] ..< candidateStart[i + 1]]`, best first.
    public var candidateStart: [Int]
    public var candidates: [AllocationCandidate]

    public init(clientIDs: [UUID], mayTakeReserved: [Bool], slots: [AllocationSlot], candidateStart: [Int], candidates: [AllocationCandidate]) {
        precondition(candidateStart.count == clientIDs.count + 1 && mayTakeReserved.count == clientIDs.count, "one entry per client")
        self.clientIDs = clientIDs
        self.mayTakeReserved = mayTakeReserved
        self.slots = slots
        self.candidateStart = candidateStart
        self.candidates = candidates
    }

    public func candidates(ofClient client: Int) -> ArraySlice<AllocationCandidate> {
        candidates[candidateStart[client]..<candidateStart[client + 1]]
    }

    /// The assignment problem: one unit per client, every slot's places and reserved places, an arc per
    /// candidate (in client order, then candidate order).
    public func problem() -> AssignmentProblem {
        var arcs: [AssignmentProblem.Arc] = []
        arcs.reserveCapacity(candidates.count)
        for client in clientIDs.indices {
            for candidate in candidates(ofClient: client) {
                arcs.append(AssignmentProblem.Arc(client: client, slot: candidate.slot, weight: candidate.weight))
            }
        }
        return AssignmentProblem(
            clientCount: clientIDs.count, unitsPerClient: 1,
            slots: slots.map { AssignmentProblem.Slot(capacity: $0.places, reserved: $0.reserved) }, arcs: arcs,
            mayTakeReserved: mayTakeReserved)
    }
}
