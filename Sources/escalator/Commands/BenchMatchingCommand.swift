import ArgumentParser
import EscalatorCore
import Foundation

/// Times the matching engine, stage by stage, against brute force and an independent NumPy implementation
/// of the documented model, and checks that they agree (docs/benchmarks.md).
struct BenchMatchingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matching",
        abstract: "Benchmark matching: index, bulk top-k for every client, single queries, best candidates, with baselines.",
        discussion: """
            region10x is the region's clients ten times over (fresh ids, locations moved up to about a km). \
            Brute force and NumPy run on evenly spread samples where stated, and their times for everyone are \
            extrapolated; the engine's results are checked against theirs on those samples.
            """)

    @Option(help: "small, region or region10x.") var scale: BenchScale = .region
    @OptionGroup var options: BenchMatchingOptions

    func validate() throws { try options.validate() }

    func run() throws {
        let instance = BenchInstance(scale)
        print("Matching benchmark: \(scale.rawValue) (\(SyntheticDataSet.label)), \(ProcessInfo.processInfo.activeProcessorCount) cores; "
            + "data generated in \(BenchFormat.time(instance.generating)).")
        try MatchingBenchmark(instance, options).run()
    }
}

struct BenchMatchingOptions: ParsableArguments {
    @Option(help: "Vacancies kept for each client (and candidates for each vacancy).") var top = 10
    @Option(help: "Clients brute force ranks (default: all for small, 2,000 otherwise); the rest is extrapolated.")
    var baselineClients: Int?
    @Option(help: "Single-client and single-vacancy queries timed, evenly spread.") var queries = 1_000
    @Option(help: "Python with NumPy and SciPy for the NumPy baseline (default: .venv-bench/bin/python if present).")
    var python: String?
    @Option(help: "Clients the NumPy baseline ranks (default: all, or 50,000 for region10x).") var numpyClients: Int?
    @Option(help: "Directory for the exported instance and NumPy's output (default: a temporary one, removed after).")
    var exportDirectory: String?
    @Flag(help: "Skip the NumPy baseline.") var noNumpy = false

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1.") }
        guard (baselineClients ?? 1) >= 1, queries >= 1, (numpyClients ?? 1) >= 1 else { throw ValidationError("Counts must be at least 1.") }
    }

    /// The Python to run, or why there is none.
    func pythonPath() -> Result<String, CommandFailure> {
        if let python { return .success(python) }
        let venv = FileManager.default.currentDirectoryPath + "/.venv-bench/bin/python"
        if FileManager.default.isExecutableFile(atPath: venv) { return .success(venv) }
        return .failure(CommandFailure("no .venv-bench/bin/python here and no --python (scripts/bench/setup-venv creates it)"))
    }
}
