import ArgumentParser
import EscalatorCore
import Foundation

/// Times allocation (minimum-cost flow) and spreading recommendations on the region, against OR-Tools'
/// `SimpleMinCostFlow` on the very same networks, and checks that the optima are identical
/// (docs/benchmarks.md, "Allocation").
struct BenchAllocationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocation",
        abstract: "Benchmark cohort and vacancy allocation and spread recommendations against OR-Tools, checking the optima agree.",
        discussion: """
            The data's bookable cohorts are topped up (deterministically) with future cohorts of 20 places to \
            --cohorts, the issue's shape. Each network is exported in DIMACS format and solved by \
            scripts/bench/ortools_allocate.py with the given Python.
            """)

    @Option(help: "small, region or region10x.") var scale: BenchScale = .region
    @OptionGroup var options: BenchAllocationOptions

    func validate() throws { try options.validate() }

    func run() throws {
        if options.onlyRandom {
            let failures = try AllocationBenchmark.randomCheck(options.settings(scale), directory: nil)
            if !failures.isEmpty { throw CommandFailure("Check FAILED:\n" + failures.joined(separator: "\n")) }
            return
        }
        let instance = BenchInstance(scale)
        print("Allocation benchmark: \(scale.rawValue) (\(SyntheticDataSet.label)), \(ProcessInfo.processInfo.activeProcessorCount) cores; "
            + "data generated in \(BenchFormat.time(instance.generating)).")
        try AllocationBenchmark(instance, options.settings(scale)).run()
    }
}

struct BenchAllocationOptions: ParsableArguments {
    @Option(help: "Bookable cohorts to reach by adding future cohorts of 20 places (default: 2,000, or none for small).") var cohorts: Int?
    @Option(help: "Options (arcs) kept for each client.") var candidates = 20
    @Option(help: "Share of every slot's places reserved for the data's target wards in the third network.") var reserveShare = 0.3
    @Option(help: "Recommendations per client when spreading.") var spreadTop = 10
    @Option(help: "A vacancy appears in at most this multiple of its openings lists.") var spreadMultiple = 5
    @Option(help: "Each client's best eligible vacancies that spread lists are chosen from.") var spreadCandidates = 50
    @Option(help: "Also solve this many small random networks with both solvers and compare the optima.") var randomNetworks = 0
    @Option(help: "Python with OR-Tools (default: .venv-bench/bin/python if present).") var python: String?
    @Option(help: "Directory for the exported networks (default: a temporary one, removed after).") var exportDirectory: String?
    @Flag(help: "Skip OR-Tools.") var noOrtools = false
    @Flag(help: "Only the random networks (a quick check that OR-Tools agrees; needs --random-networks).") var onlyRandom = false

    func validate() throws {
        guard (cohorts ?? 0) >= 0, candidates >= 1, spreadTop >= 1, spreadMultiple >= 0, randomNetworks >= 0 else {
            throw ValidationError("Counts must not be negative (and --candidates, --spread-top at least 1).")
        }
        guard spreadCandidates > spreadTop else { throw ValidationError("--spread-candidates must be more than --spread-top.") }
        guard (0...1).contains(reserveShare) else { throw ValidationError("--reserve-share must be between 0 and 1.") }
        guard !onlyRandom || (randomNetworks > 0 && !noOrtools) else {
            throw ValidationError("--only-random needs --random-networks and OR-Tools.")
        }
    }

    func settings(_ scale: BenchScale) -> AllocationBenchmark.Settings {
        AllocationBenchmark.Settings(
            cohorts: cohorts ?? (scale == .small ? 0 : 2_000), candidates: candidates, reserveShare: reserveShare, spreadTop: spreadTop, spreadMultiple: spreadMultiple,
            spreadCandidates: spreadCandidates, randomNetworks: randomNetworks, python: noOrtools ? nil : python, ortools: !noOrtools,
            exportDirectory: exportDirectory)
    }
}

struct AllocationBenchmark {
    struct Settings {
        var cohorts = 2_000
        var candidates = 20
        var reserveShare = 0.3
        var spreadTop = 10
        var spreadMultiple = 5
        var spreadCandidates = 50
        var randomNetworks = 0
        var python: String?
        var ortools = true
        var exportDirectory: String?
    }

    /// One network solved by Escalator, to compare with OR-Tools.
    struct Solved {
        var name: String
        var file: String
        var network: FlowNetwork
        var cost: Int
        var seconds: Double
        var cpuSeconds: Double
    }

    let instance: BenchInstance
    let settings: Settings

    init(_ instance: BenchInstance, _ settings: Settings) {
        self.instance = instance
        self.settings = settings
    }

    func run() throws {
        let directory = settings.exportDirectory ?? NSTemporaryDirectory() + "escalator-allocation-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if settings.exportDirectory == nil { try? FileManager.default.removeItem(atPath: directory) } }

        var solved = try allocation(directory)
        solved.append(try spreading(directory))
        var failures = try compareWithORTools(solved)
        if settings.randomNetworks > 0 { failures += try Self.randomCheck(settings, directory: directory) }
        print("Peak memory (ru_maxrss, whole process): \(BenchFormat.megabytes(BenchClock.peakMemoryMB())).")
        if !failures.isEmpty { throw CommandFailure("Check FAILED:\n" + failures.joined(separator: "\n")) }
    }

    // MARK: Allocation

    private func allocation(_ directory: String) throws -> [Solved] {
        let data = instance.data, matching = instance.matching
        let (programmes, original, added) = Self.toppedUp(data, bookable: settings.cohorts)
        print("Cohorts: \(BenchFormat.count(original)) bookable in the data (not started, with a free place)"
            + (added > 0 ? "; \(BenchFormat.count(added)) future cohorts of 20 places added (seeded) to reach \(BenchFormat.count(original + added))." : "."))
        let centres = Dictionary(data.wards.map { ($0.id, $0.centre) }, uniquingKeysWith: { a, _ in a })
        let targets = programmes.map {
            ProgrammeTarget(programme: $0, location: centres[$0.wardID] ?? GeoPoint(latitude: 52.4862, longitude: -1.8904))
        }
        let wards = Self.clientWards(data, matching)
        let targetWards = Set(data.wards.filter(\.isTargetWard).map(\.id))
        let reservation = PlaceReservation(share: settings.reserveShare, wards: targetWards)
        let networks: [(String, String, AllocationOptions)] = [
            ("Cohorts only", "cohorts", AllocationOptions(candidatesPerClient: settings.candidates, includeVacancies: false)),
            ("Cohorts and vacancies", "cohorts-vacancies", AllocationOptions(candidatesPerClient: settings.candidates)),
            ("Both, \(Int((settings.reserveShare * 100).rounded()))% reserved for \(targetWards.count) target wards", "reserved",
             AllocationOptions(candidatesPerClient: settings.candidates, reservation: reservation)),
        ]
        var solved: [Solved] = []
        var rows: [[String]] = []
        for (name, file, options) in networks {
            let (built, building) = BenchClock.timed {
                AllocationInstance.build(
                    profiles: matching.profiles, vacancies: matching.vacancies, programmes: targets, licenceSkillIDs: matching.licenceSkillIDs,
                    clientWards: wards, now: data.referenceDate, options: options)
            }
            let problem = built.problem()
            let network = problem.network().network
            let cpu = BenchClock.cpuSeconds()
            let (flow, solving) = BenchClock.timed { MinCostFlow.solve(network) }
            let cpuSeconds = BenchClock.cpuSeconds() - cpu
            guard let flow else { throw CommandFailure("\(name): no feasible flow (impossible for an allocation network)") }
            let allocation = built.allocate()
            // Arc i of the problem is candidate i of the instance.
            let chosen = allocation.assignments.map { built.candidates(ofClient: $0.client).firstIndex(of: $0.candidate)! }
            guard allocation.totalWeight == -flow.cost, problem.isFeasible(chosen) else {
                throw CommandFailure("\(name): the allocation does not match the flow")
            }
            let path = directory + "/\(file).dimacs"
            try Data(network.dimacs(comments: ["escalator bench allocation: \(name)"]).utf8).write(to: URL(fileURLWithPath: path))
            solved.append(Solved(name: name, file: path, network: network, cost: flow.cost, seconds: solving, cpuSeconds: cpuSeconds))
            let withOptions = built.clientIDs.indices.filter { !built.candidates(ofClient: $0).isEmpty }.count
            let places = built.slots.reduce(0) { $0 + $1.places }
            rows.append([
                name, BenchFormat.count(withOptions), "\(BenchFormat.count(built.slots.count)) (\(BenchFormat.count(places)))",
                BenchFormat.count(built.candidates.count), BenchFormat.time(building), "\(BenchFormat.time(solving)) (\(BenchFormat.time(cpuSeconds)))",
                BenchFormat.count(allocation.assignments.count), BenchFormat.count(allocation.totalWeight),
                BenchFormat.megabytes(BenchClock.peakMemoryMB()),
            ])
        }
        print(BenchFormat.table(
            ["Allocation", "Clients with options", "Slots (places)", "Arcs", "Options built", "Solve (CPU)", "Allocated", "Optimum", "Peak memory"],
            rows))
        print("Options built: each client's best \(settings.candidates) options (vacancy top-k and cohorts closing their gaps) on every core. "
            + "Solve: MinCostFlow on the exported network, one core.")
        return solved
    }

    /// The data's programmes with future cohorts of 20 places added, round-robin over the programmes in
    /// id order, until `bookable` cohorts have not started and have a free place.
    static func toppedUp(_ data: SyntheticDataSet, bookable: Int) -> (programmes: [Programme], original: Int, added: Int) {
        let today = Calendar.utc.startOfDay(for: data.referenceDate)
        var programmes = data.programmes.sorted { $0.id.uuidString < $1.id.uuidString }
        let original = programmes.reduce(0) { $0 + $1.cohorts.filter { $0.startsOn >= today && $0.freePlaces > 0 }.count }
        guard !programmes.isEmpty else { return (programmes, original, 0) }
        var rng = SeededGenerator(seed: data.seed, stream: "bench-allocation-cohorts")
        var added = 0
        while original + added < bookable {
            let startsOn = today.addingTimeInterval(Double(rng.int(in: 14...180)) * 86_400)
            programmes[added % programmes.count].cohorts.append(Cohort(id: rng.uuid(), startsOn: startsOn, capacity: 20, enrolled: 0))
            added += 1
        }
        return (programmes, original, added)
    }

    /// Each profile's ward; region10x's copies follow their originals (`replicatingClients` appends the
    /// copies in the originals' order).
    static func clientWards(_ data: SyntheticDataSet, _ matching: SyntheticMatchingInputs) -> [UUID: String] {
        let wardOf = Dictionary(data.clients.map { ($0.id, $0.wardID) }, uniquingKeysWith: { a, _ in a })
        let originals = matching.profiles.prefix { wardOf[$0.clientID] != nil }.count
        var wards: [UUID: String] = [:]
        for (i, profile) in matching.profiles.enumerated() {
            wards[profile.clientID] = wardOf[profile.clientID] ?? (originals > 0 ? wardOf[matching.profiles[i % originals].clientID] : nil)
        }
        return wards
    }

    // MARK: Spreading

    private func spreading(_ directory: String) throws -> Solved {
        let matching = instance.matching
        let (deep, ranking) = BenchClock.timed {
            VacancyIndex(matching.vacancies, licenceSkillIDs: matching.licenceSkillIDs)
                .topVacancies(forAll: matching.profiles, k: settings.spreadCandidates)
        }
        let plain = deep.map { Array($0.prefix(settings.spreadTop)) }
        let openings = Dictionary(matching.vacancies.map { ($0.vacancy.id, $0.vacancy.openings) }, uniquingKeysWith: { a, _ in a })
        let spreading = RecommendationSpreading(perClient: settings.spreadTop, multiple: settings.spreadMultiple)
        let network = spreading.problem(deep, openings: openings).problem.network().network
        let cpu = BenchClock.cpuSeconds()
        let (flow, solving) = BenchClock.timed { MinCostFlow.solve(network) }
        let cpuSeconds = BenchClock.cpuSeconds() - cpu
        guard let flow else { throw CommandFailure("spreading: no feasible flow (impossible)") }
        let (spread, spreadingTime) = BenchClock.timed { spreading.spread(deep, openings: openings) }

        let total = spread.reduce(0) { $0 + $1.reduce(0) { $0 + AllocationScore.weight($1.score) } }
        var shown: [UUID: Int] = [:]
        for list in spread { for entry in list { shown[entry.vacancyID, default: 0] += 1 } }
        let overCap = shown.filter { $0.value > settings.spreadMultiple * (openings[$0.key] ?? 0) }.count
        guard total == -flow.cost, overCap == 0, spread.allSatisfy({ $0.count <= settings.spreadTop }) else {
            throw CommandFailure("spreading: lists break a limit or miss the optimum (\(overCap) vacancies over their cap)")
        }
        let ids = matching.vacancies.map(\.vacancy.id)
        let before = RecommendationConcentration(lists: plain, vacancyIDs: ids)
        let after = RecommendationConcentration(lists: spread, vacancyIDs: ids)
        let keptTop = zip(plain, spread).filter { plain, spread in plain.first.map { spread.contains($0) } ?? true }.count
        print("\nSpreading: each client's best \(settings.spreadCandidates) eligible vacancies in \(BenchFormat.time(ranking)) (index and ranking, every core); "
            + "lists of up to \(settings.spreadTop), each vacancy in at most \(settings.spreadMultiple) × its openings lists, "
            + "in \(BenchFormat.time(spreadingTime)) (network, solve and lists; the solve alone \(BenchFormat.time(solving)), CPU \(BenchFormat.time(cpuSeconds))).")
        func row(_ name: String, _ c: RecommendationConcentration, _ lists: [[RankedVacancy]]) -> [String] {
            let score = lists.reduce(0.0) { $0 + $1.reduce(0.0) { $0 + $1.score } }
            return [name, BenchFormat.count(c.recommendations), String(format: "%.1f%%", c.topPercentShare * 100), BenchFormat.count(c.maximumPerVacancy),
                    String(format: "%.3f", c.gini), BenchFormat.count(c.vacancies - lists.reduce(into: Set<UUID>()) { $0.formUnion($1.map(\.vacancyID)) }.count),
                    String(format: "%.4f", score / Double(max(1, c.recommendations)))]
        }
        print(BenchFormat.table(
            ["Recommendations", "Total", "Top 1% share", "Max per vacancy", "Gini", "Vacancies shown to nobody", "Mean score"],
            [row("Plain top \(settings.spreadTop)", before, plain), row("Spread", after, spread)]))
        print("Top 1% = the \(BenchFormat.count(before.topPercentVacancies)) vacancies (of \(BenchFormat.count(before.vacancies)) live) with the most recommendations. "
            + "\(BenchFormat.count(keptTop)) of \(BenchFormat.count(plain.count)) clients keep their best match.")
        let path = directory + "/spreading.dimacs"
        try Data(network.dimacs(comments: ["escalator bench allocation: spreading"]).utf8).write(to: URL(fileURLWithPath: path))
        return Solved(name: "Spreading (b-matching)", file: path, network: network, cost: flow.cost, seconds: solving, cpuSeconds: cpuSeconds)
    }

    // MARK: OR-Tools

    private func compareWithORTools(_ solved: [Solved]) throws -> [String] {
        guard let python = pythonForORTools() else { return [] }
        let results = try ORToolsRun.solve(python, solved.map(\.file))
        var rows: [[String]] = [], failures: [String] = []
        for (ours, theirs) in zip(solved, results) {
            let same = theirs.cost == ours.cost
            if !same { failures.append("\(ours.name): OR-Tools' optimum \(theirs.cost.map(String.init) ?? theirs.status), Escalator's \(ours.cost)") }
            rows.append([
                ours.name, BenchFormat.count(ours.network.nodeCount), BenchFormat.count(ours.network.arcCount),
                "\(BenchFormat.time(ours.seconds)) (\(BenchFormat.time(ours.cpuSeconds)))", "\(BenchFormat.time(theirs.seconds)) (\(BenchFormat.time(theirs.cpuSeconds)))",
                String(format: "%.2f (%.2f)", ours.seconds / theirs.seconds, ours.cpuSeconds / theirs.cpuSeconds), same ? "identical" : "DIFFERENT",
            ])
        }
        print("\n" + BenchFormat.table(["Network", "Nodes", "Arcs", "Escalator (CPU)", "OR-Tools (CPU)", "Ratio (CPU)", "Optimal cost"], rows))
        print("OR-Tools: SimpleMinCostFlow.solve() on the same DIMACS file (scripts/bench/ortools_allocate.py), reading excluded. "
            + "Ratio: Escalator's time over OR-Tools'; both single-threaded.")
        return failures
    }

    private func pythonForORTools() -> String? { Self.pythonForORTools(settings) }

    static func pythonForORTools(_ settings: Settings) -> String? {
        guard settings.ortools else { print("\nOR-Tools: skipped (--no-ortools)."); return nil }
        let python = settings.python ?? FileManager.default.currentDirectoryPath + "/.venv-bench/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            print("\nOR-Tools: skipped: no \(python) (scripts/bench/setup-venv creates .venv-bench).")
            return nil
        }
        guard FileManager.default.fileExists(atPath: ORToolsRun.script) else {
            print("\nOR-Tools: skipped: \(ORToolsRun.script) not found (run from the repository's root).")
            return nil
        }
        return python
    }

    /// Small random allocation networks (reserved places, several units per client, many ties), solved by
    /// both and compared one by one.
    static func randomCheck(_ settings: Settings, directory given: String?) throws -> [String] {
        guard settings.ortools else { return [] }
        // A check that cannot run has not passed: missing OR-Tools fails it.
        guard let python = pythonForORTools(settings) else { return ["OR-Tools is not available, so the random networks' optima were not checked."] }
        let directory = given ?? NSTemporaryDirectory() + "escalator-allocation-random-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if given == nil { try? FileManager.default.removeItem(atPath: directory) } }
        var rng = SeededGenerator(seed: 2026, stream: "bench-allocation-random")
        var files: [String] = [], costs: [Int] = []
        for i in 0..<settings.randomNetworks {
            let problem = randomProblem(&rng)
            let network = problem.network().network
            guard let flow = MinCostFlow.solve(network) else { return ["random network \(i) found infeasible"] }
            let path = directory + "/random-\(i).dimacs"
            try Data(network.dimacs().utf8).write(to: URL(fileURLWithPath: path))
            files.append(path)
            costs.append(flow.cost)
        }
        let results = try ORToolsRun.solve(python, files)
        let differing = zip(costs, results).enumerated().filter { $0.element.0 != $0.element.1.cost }.map(\.offset)
        print("Random check: \(files.count) small random networks (reserved places, 1–3 units per client, tied weights): "
            + (differing.isEmpty ? "every optimum identical to OR-Tools'." : "\(differing.count) DIFFER, first random-\(differing[0]).dimacs."))
        return differing.isEmpty ? [] : ["\(differing.count) of \(files.count) random networks differ from OR-Tools"]
    }

    static func randomProblem(_ rng: inout SeededGenerator) -> AssignmentProblem {
        let clients = rng.int(in: 1...60), slotCount = rng.int(in: 1...15)
        let slots = (0..<slotCount).map { _ in
            let places = rng.int(in: 0...6)
            return AssignmentProblem.Slot(capacity: places, reserved: rng.chance(0.5) ? rng.int(in: 0...places) : 0)
        }
        let weights = rng.chance(0.5) ? 1...5 : 1...1_000_000
        var arcs: [AssignmentProblem.Arc] = []
        for client in 0..<clients {
            for slot in rng.sample(Array(0..<slotCount), count: rng.int(in: 0...6)) {
                arcs.append(AssignmentProblem.Arc(client: client, slot: slot, weight: rng.int(in: weights)))
            }
        }
        return AssignmentProblem(
            clientCount: clients, unitsPerClient: rng.int(in: 1...3), slots: slots, arcs: arcs,
            mayTakeReserved: (0..<clients).map { _ in rng.chance(0.3) })
    }
}

/// Runs scripts/bench/ortools_allocate.py on DIMACS files; it prints one JSON object per file.
enum ORToolsRun {
    struct Result {
        var status: String
        var cost: Int?
        var seconds: Double
        var cpuSeconds: Double
    }

    static var script: String { FileManager.default.currentDirectoryPath + "/scripts/bench/ortools_allocate.py" }

    static func solve(_ python: String, _ files: [String]) throws -> [Result] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
        let results = lines.compactMap { line -> Result? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return Result(
                status: object["status"] as? String ?? "?", cost: (object["optimal_cost"] as? NSNumber)?.intValue,
                seconds: object["seconds"] as? Double ?? 0, cpuSeconds: object["cpu_seconds"] as? Double ?? 0)
        }
        guard results.count == files.count else {
            throw CommandFailure("\(script) exited with \(process.terminationStatus) after \(results.count) of \(files.count) networks")
        }
        return results
    }
}
