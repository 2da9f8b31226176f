import EscalatorCore
import Foundation
import Vapor

/// An allocation plan as stored (`StoredFigures`, one per set of parameters): what the page, the CSV and the API
/// serve, so all three show the same plan, computed once in the background by one instance.
struct StoredAllocation: Codable, Sendable {
    struct SlotRow: Codable, Sendable {
        var title: String
        var startsOn: Date?
        var places: Int
        var allocated: Int
        var reserved: Int
    }

    var plan: AllocationDTO.Plan
    /// The vacancies and cohorts with most clients allocated, then most places (the page shows them).
    var busiest: [SlotRow]

    init(_ plan: AllocationPlan) {
        self.plan = AllocationDTO.plan(plan)
        busiest = plan.busiestSlots(20).map {
            SlotRow(title: $0.title, startsOn: $0.startsOn, places: $0.slot.places, allocated: $0.allocated, reserved: $0.slot.reserved)
        }
    }

    /// The name it is stored under: one per set of parameters, written out in full.
    static func figureName(_ p: AllocationParameters) -> String {
        "allocation:only=\(p.only.rawValue)&candidates=\(p.candidates)&programmeWeight=\(p.programmeWeight)"
            + "&reserveShare=\(p.reserveShare.map { "\($0)" } ?? "none")&releaseUnused=\(p.reserveShare != nil && p.releaseUnused)"
    }

    static let csvHeader = ["client_id", "kind", "target_id", "cohort_id", "score", "client_reference"]

    /// The CLI's columns plus the client's reference, one row per allocated client in client id order; formulas neutralised.
    var csv: String {
        CSVWriter.string(header: Self.csvHeader, rows: plan.assignments.map { a in
            [a.clientID.uuidString, a.kind, a.targetID.uuidString, a.cohortID?.uuidString ?? "", String(format: "%.6f", a.score), a.clientReference]
        })
    }
}

extension Request {
    /// The allocation plan for these parameters as of every change committed before this request, for administrators.
    func allocationPlan(_ parameters: AllocationParameters, now: @escaping @Sendable () -> Date) async throws -> StoredAllocation {
        try AllocationPlan.requireAdministrator(try user)
        let app = application
        var (stored, freshness) = try await storedFigure(StoredAllocation.figureName(parameters), now: now) {
            StoredAllocation(try await AllocationPlan.make(parameters, now: now(), app: app))
        }
        stored.plan.freshness = freshness
        return stored
    }
}
