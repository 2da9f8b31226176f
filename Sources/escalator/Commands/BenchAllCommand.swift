import ArgumentParser
import EscalatorCore
import Foundation

/// Every stage of the benchmark on one synthetic instance, one after another (`scripts/bench/run`).
struct BenchAllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all", abstract: "Run every benchmark stage on the same synthetic instance.",
        discussion: """
            Matching (index, bulk top-k, single queries, candidates and its baselines), pathways, allocation and \
            spreading (against OR-Tools, with the allocation stage's defaults and --python), then commissioning \
            advice. docs/benchmarks.md explains the output.
            """)

    @Option(help: "small, region or region10x.") var scale: BenchScale = .region
    @OptionGroup var matching: BenchMatchingOptions
    @Flag(help: "Skip OR-Tools in the allocation stage.") var noOrtools = false

    func validate() throws { try matching.validate() }

    func run() throws {
        let instance = BenchInstance(scale)
        print("Benchmark: \(scale.rawValue) (\(SyntheticDataSet.label)), \(ProcessInfo.processInfo.activeProcessorCount) cores; "
            + "data generated in \(BenchFormat.time(instance.generating)).\n")
        var failures: [String] = []
        for stage in Self.stages {
            print("== \(stage.name) ==")
            let (_, seconds) = BenchClock.timed {
                do { try stage.run(instance, self) } catch { failures.append("\(stage.name): \(error)") }
            }
            print("Stage: \(BenchFormat.time(seconds)) in all; peak memory (ru_maxrss, whole process) \(BenchFormat.megabytes(BenchClock.peakMemoryMB())).\n")
        }
        if !failures.isEmpty { throw CommandFailure("Failed stages:\n" + failures.joined(separator: "\n")) }
    }

    /// The allocation stage's settings: `bench allocation`'s defaults, with this command's Python.
    var allocationSettings: AllocationBenchmark.Settings {
        var settings = AllocationBenchmark.Settings()
        settings.cohorts = scale == .small ? 0 : 2_000
        settings.python = matching.python
        settings.ortools = !noOrtools
        return settings
    }

    /// The stages in the order they run. A stage prints its own figures and throws when a check fails.
    static var stages: [(name: String, run: (BenchInstance, BenchAllCommand) throws -> Void)] { [
        ("Matching", { instance, command in try MatchingBenchmark(instance, command.matching).run() }),
        ("Pathways", { instance, _ in
            PathwaysBenchmark.measure(instance.data, matching: instance.matching, objective: .weeksToJobReady).lines.forEach { print($0) }
        }),
        ("Allocation", { instance, command in try AllocationBenchmark(instance, command.allocationSettings).run() }),
        ("Commissioning", { instance, _ in CommissioningBenchmark(instance).run() }),
    ] }
}
