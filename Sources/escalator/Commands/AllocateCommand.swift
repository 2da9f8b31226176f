import ArgumentParser
import EscalatorCore
import EscalatorPersistence
import EscalatorWeb
import Fluent
import Foundation

struct AllocateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Allocate every assessed client at most one vacancy opening or cohort place, maximising the total score, and write the allocation as CSV.",
        discussion: """
            An exact optimum (minimum-cost flow) over each client's best --candidates options: eligible live vacancies \
            with openings (the match score) and the cohorts not yet started with a free place of programmes that close \
            the client's gaps (the cohort score). No slot gets more than its openings or free places. With \
            --reserve-share, that share of every slot's places (rounded up) goes only to residents of the target wards. \
            Columns: client_id, kind (vacancy or cohort), target_id (the vacancy or the programme), cohort_id (empty for \
            a vacancy), score (6 decimal places); one row per allocated client, in client id order. \
            docs/matching.md, "Allocation", states the model.
            """)

    enum Only: String, ExpressibleByArgument, CaseIterable { case vacancies, cohorts }

    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Option(help: "Options (arcs) kept for each client: the optimum is over these.") var candidates = 20
    @Option(help: "Allocate only vacancies or only cohorts (default: both, competing).") var only: Only?
    @Option(help: "Multiplies cohort scores (0 to 1) before they compete with vacancy scores.") var programmeWeight = 1.0
    @Option(help: "Share of every slot's places kept for residents of the target wards, 0 to 1.") var reserveShare: Double?
    @Option(help: "Target ward ids, comma-separated (default: the wards marked as target wards).") var targetWards: String?
    @Flag(help: "Offer reserved places left empty to the clients still unallocated, in a second optimal allocation.")
    var releaseUnused = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard candidates >= 1 else { throw ValidationError("--candidates must be at least 1.") }
        guard programmeWeight >= 0 && programmeWeight.isFinite else { throw ValidationError("--programme-weight must be 0 or more.") }
        if let reserveShare, !(0...1).contains(reserveShare) { throw ValidationError("--reserve-share must be between 0 and 1.") }
        if reserveShare == nil && (targetWards != nil || releaseUnused) {
            throw ValidationError("--target-wards and --release-unused need --reserve-share.")
        }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let progress = Progress()
        defer { progress.finish() }
        progress.stage("loading")
        let environment = try database.environment()
        let now = environment.now()
        let inputs = try await withApplication(environment) { app in
            try await migrate(app)
            return try await AllocationInputs.load(from: app.db, now: now, cipher: app.columnCipher)
        }
        let loaded = clock.now

        var wards = inputs.targetWards
        if let targetWards {
            wards = Set(targetWards.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            let unknown = wards.subtracting(inputs.wardIDs)
            if !unknown.isEmpty { throw CommandFailure("Unknown ward ids: \(unknown.sorted().joined(separator: ", ")).") }
        }
        let reservation = reserveShare.map { PlaceReservation(share: $0, wards: wards, releaseUnused: releaseUnused) }
        let options = AllocationOptions(
            candidatesPerClient: candidates, programmeWeight: programmeWeight, includeVacancies: only != .cohorts,
            includeCohorts: only != .vacancies, reservation: reservation)
        progress.stage("building options for \(inputs.matching.profiles.count) clients")
        let instance = AllocationInstance.build(
            profiles: inputs.matching.profiles, vacancies: inputs.matching.vacancies, programmes: inputs.programmes,
            licenceSkillIDs: inputs.matching.licenceSkillIDs, clientWards: inputs.clientWards, now: now, options: options)
        let built = clock.now
        progress.stage("solving")
        let allocation = instance.allocate(releaseUnusedReserved: releaseUnused)
        let solved = clock.now

        progress.stage("writing")
        let rows = allocation.assignments.map { assignment -> [String] in
            let slot = instance.slots[assignment.candidate.slot]
            return [instance.clientIDs[assignment.client].uuidString, slot.kind.rawValue, slot.targetID.uuidString,
                    slot.cohortID?.uuidString ?? "", String(format: "%.6f", assignment.candidate.score)]
        }
        let csv = CSVWriter.string(header: ["client_id", "kind", "target_id", "cohort_id", "score"], rows: rows)
        if let out {
            do {
                try Data(csv.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw CommandFailure("Cannot write \(out): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(csv.utf8))
        }
        progress.finish()

        let toVacancies = allocation.assignments.filter { instance.slots[$0.candidate.slot].kind == .vacancy }.count
        let places = instance.slots.reduce(0) { $0 + $1.places }
        let withOptions = instance.clientIDs.indices.filter { !instance.candidates(ofClient: $0).isEmpty }.count
        var report = [
            "Allocated \(allocation.assignments.count) of \(instance.clientIDs.count) assessed clients (\(withOptions) with an option): "
                + "\(toVacancies) to vacancies, \(allocation.assignments.count - toVacancies) to cohorts; "
                + "\(instance.slots.count) slots with \(places) places.",
            String(format: "Total score %.6f; optimum %d (scores in millionths, exact).", allocation.totalScore, allocation.totalWeight),
        ]
        if let reservation {
            let reserved = instance.slots.reduce(0) { $0 + $1.reserved }
            let residents = allocation.assignments.filter { instance.mayTakeReserved[$0.client] }.count
            report.append(String(format: "Reserved %.2f%% of every slot's places (rounded up; %d places) for %d target wards; %d allocated clients live there.",
                                 Double(reservation.basisPoints) / 100, reserved, reservation.wards.count, residents))
            if releaseUnused {
                report.append("Released unused reserved places: \(allocation.assignments.filter { $0.stage == 2 }.count) more clients allocated (optimum \(allocation.stageWeights.last ?? 0)).")
            }
        }
        report.append("Done in \(seconds(solved - started)) (loading \(seconds(loaded - started)), options \(seconds(built - loaded)), solving \(seconds(solved - built)))"
            + (out.map { "; written to \($0)." } ?? "."))
        // With the CSV on standard output, the report goes to standard error.
        for line in report { if out == nil { printError(line) } else { print(line) } }
    }

    private func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        return String(format: "%.2f s", Double(whole) + Double(attoseconds) / 1e18)
    }
}

/// What allocation reads: the batch match's inputs, the programmes with the cohorts not yet started, and
/// every client's ward.
struct AllocationInputs: Sendable {
    var matching: MatchInputs
    var programmes: [ProgrammeTarget]
    var clientWards: [UUID: String]
    var wardIDs: Set<String>
    var targetWards: Set<String>

    static func load(from db: any Database, now: Date, cipher: ColumnCipher) async throws -> AllocationInputs {
        let world = try await MatchingWorld.load(from: db, now: now, cipher: cipher)
        return AllocationInputs(
            matching: MatchInputs(world), programmes: world.programmes, clientWards: world.clientWards, wardIDs: Set(world.wards.keys),
            targetWards: Set(world.wards.values.filter(\.isTargetWard).map(\.id)))
    }
}
