import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// An allocation of every assessed client to at most one vacancy opening or cohort place
/// (docs/matching.md, "Allocation"), from the matching snapshot, with what the page, CSV and API show.
struct AllocationPlan: Sendable {
    struct Assignment: Sendable {
        var clientID: UUID
        var reference: String
        var slot: Int
        var score: Double
        /// 1, or 2 for a client allocated when unused reserved places were released.
        var stage: Int
    }

    struct SlotRow: Sendable {
        var slot: AllocationSlot
        var title: String
        var startsOn: Date?
        var allocated: Int
    }

    var parameters: AllocationParameters
    var instance: AllocationInstance
    var allocation: Allocation
    var targetWards: Set<String>
    var assignments: [Assignment]
    var titles: [String]
    var startDates: [Date?]

    static let roles: [Role] = [.administrator]

    static func requireAdministrator(_ user: AuthenticatedUser) throws {
        guard roles.contains(user.role) else {
            throw AppError.forbidden("Only administrators can see allocation plans: they list clients.")
        }
    }

    /// Builds and solves off the event loop: seconds at region scale. From the matching snapshot as it is (the
    /// caller has caught up with the record of change).
    static func make(_ parameters: AllocationParameters, now: Date, app: Application) async throws -> AllocationPlan {
        let snapshot = try await app.matchingCache.current(db: app.db, now: now)
        let targetWards = Set(snapshot.wards.values.filter(\.isTargetWard).map(\.id))
        let (instance, allocation) = await OffThePool.run {
            let instance = AllocationInstance.build(
                profiles: Array(snapshot.profiles.values), vacancies: snapshot.vacancies, programmes: snapshot.programmes,
                licenceSkillIDs: snapshot.licenceSkillIDs, clientWards: snapshot.clientWards, now: now,
                options: parameters.options(targetWards: targetWards))
            return (instance, instance.allocate(releaseUnusedReserved: parameters.reserveShare != nil && parameters.releaseUnused))
        }
        let references = try await Self.references(Set(allocation.assignments.map { instance.clientIDs[$0.client] }), on: app.db)
        let assignments = allocation.assignments.map { a in
            let id = instance.clientIDs[a.client]
            return Assignment(clientID: id, reference: references[id] ?? "", slot: a.candidate.slot, score: a.candidate.score, stage: a.stage)
        }
        let programmes = Dictionary(snapshot.programmes.map { ($0.programme.id, $0.programme) }, uniquingKeysWith: { a, _ in a })
        var titles: [String] = [], startDates: [Date?] = []
        for slot in instance.slots {
            switch slot.kind {
            case .vacancy:
                titles.append(snapshot.vacanciesByID[slot.targetID]?.vacancy.title ?? slot.targetID.uuidString)
                startDates.append(nil)
            case .cohort:
                let programme = programmes[slot.targetID]
                titles.append(programme?.title ?? slot.targetID.uuidString)
                startDates.append(programme?.cohorts.first { $0.id == slot.cohortID }?.startsOn)
            }
        }
        return AllocationPlan(
            parameters: parameters, instance: instance, allocation: allocation, targetWards: targetWards,
            assignments: assignments, titles: titles, startDates: startDates)
    }

    /// Allocated clients' references, read in batches so the query stays within every database's limit on bound values.
    private static func references(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        var references: [UUID: String] = [:]
        let all = Array(ids)
        for start in stride(from: 0, to: all.count, by: 500) {
            let batch = Array(all[start..<min(start + 500, all.count)])
            for client in try await ClientModel.query(on: db).filter(\.$id ~~ batch).field(\.$id).field(\.$reference).all() {
                references[client.id!] = client.reference
            }
        }
        return references
    }

    // MARK: Figures

    var toVacancies: Int { assignments.filter { instance.slots[$0.slot].kind == .vacancy }.count }
    var toCohorts: Int { assignments.count - toVacancies }
    var places: Int { instance.slots.reduce(0) { $0 + $1.places } }
    var clientsWithOptions: Int { instance.clientIDs.indices.filter { !instance.candidates(ofClient: $0).isEmpty }.count }
    var reservedPlaces: Int { instance.slots.reduce(0) { $0 + $1.reserved } }
    var residentsAllocated: Int { allocation.assignments.filter { instance.mayTakeReserved[$0.client] }.count }
    var releasedAllocated: Int { assignments.filter { $0.stage == 2 }.count }
    var reserving: Bool { parameters.reserveShare != nil }
    var releasing: Bool { reserving && parameters.releaseUnused }

    /// The slots with most clients allocated, then most places.
    func busiestSlots(_ count: Int) -> [SlotRow] {
        var allocated = [Int](repeating: 0, count: instance.slots.count)
        for a in assignments { allocated[a.slot] += 1 }
        return instance.slots.indices
            .sorted { (allocated[$0], instance.slots[$0].places, -$0) > (allocated[$1], instance.slots[$1].places, -$1) }
            .prefix(count)
            .map { SlotRow(slot: instance.slots[$0], title: titles[$0], startsOn: startDates[$0], allocated: allocated[$0]) }
    }
}
