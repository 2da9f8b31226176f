import EscalatorCore
import Vapor

/// `/api/v1/matching/allocation`: the plan's summary and every assignment.
enum AllocationDTO {
    struct Parameters: Content {
        var only: String
        var candidates: Int
        var programmeWeight: Double
        var reserveShare: Double?
        var releaseUnused: Bool
    }

    struct Summary: Content {
        var assessedClients: Int
        var clientsWithOptions: Int
        var allocated: Int
        var toVacancies: Int
        var toCohorts: Int
        var slots: Int
        var places: Int
        var totalScore: Double
        /// The optimum in millionths of a score point, exact.
        var totalWeight: Int
        var targetWards: [String]?
        var reservedPlaces: Int?
        var residentsAllocated: Int?
        var releasedAllocated: Int?
    }

    struct Assignment: Content {
        var clientID: UUID
        var clientReference: String
        var kind: String
        var targetID: UUID
        var cohortID: UUID?
        var score: Double
        var stage: Int
        /// Whether the client lives in a target ward (may take a reserved place).
        var targetWardResident: Bool
    }

    struct Plan: Content {
        var parameters: Parameters
        var summary: Summary
        var assignments: [Assignment]
        /// When the plan was worked out; set as it is served.
        var freshness: Freshness?
    }

    static func plan(_ plan: AllocationPlan) -> Plan {
        let p = plan.parameters, instance = plan.instance
        let resident = Dictionary(uniqueKeysWithValues: instance.clientIDs.indices.map { (instance.clientIDs[$0], instance.mayTakeReserved[$0]) })
        return Plan(
            parameters: Parameters(only: p.only.rawValue, candidates: p.candidates, programmeWeight: p.programmeWeight,
                                   reserveShare: p.reserveShare, releaseUnused: plan.releasing),
            summary: Summary(
                assessedClients: instance.clientIDs.count, clientsWithOptions: plan.clientsWithOptions,
                allocated: plan.assignments.count, toVacancies: plan.toVacancies, toCohorts: plan.toCohorts,
                slots: instance.slots.count, places: plan.places, totalScore: plan.allocation.totalScore,
                totalWeight: plan.allocation.totalWeight,
                targetWards: plan.reserving ? plan.targetWards.sorted() : nil,
                reservedPlaces: plan.reserving ? plan.reservedPlaces : nil,
                residentsAllocated: plan.reserving ? plan.residentsAllocated : nil,
                releasedAllocated: plan.releasing ? plan.releasedAllocated : nil),
            assignments: plan.assignments.map { a in
                let slot = instance.slots[a.slot]
                return Assignment(clientID: a.clientID, clientReference: a.reference, kind: slot.kind.rawValue, targetID: slot.targetID,
                                  cohortID: slot.cohortID, score: a.score, stage: a.stage, targetWardResident: resident[a.clientID] ?? false)
            },
            freshness: nil)
    }
}
