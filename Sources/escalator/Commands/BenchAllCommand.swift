import ArgumentParser
import EscalatorCore
import Foundation

/// Every stage of the benchmark on one synthetic instance, one after another (`scripts/bench/run`).
struct BenchAllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all", abstract: "Run every benchmark stage on the same synthetic instance.",
        discussion: "Matching (index, bulk top-k, single queries, candidates and its baselines), then pathways. docs/benchmarks.md explains the output.")

    @Option(help: "small, region or region10x.") var scale: BenchScale = .region
    @OptionGroup var matching: BenchMatchingOptions

    func validate() throws { try matching.validate() }

    func run() throws {
        let instance = BenchInstance(scale)
        print("Benchmark: \(scale.rawValue) (\(SyntheticDataSet.label)), \(ProcessInfo.processInfo.activeProcessorCount) cores; "
            + "data generated in \(BenchFormat.time(instance.generating)).\n")
        var failures: [String] = []
        for stage in Self.stages {
            print("== \(stage.name) ==")
            do { try stage.run(instance, matching) } catch { failures.append("\(stage.name): \(error)") }
            print("")
        }
        if !failures.isEmpty { throw CommandFailure("Failed stages:\n" + failures.joined(separator: "\n")) }
    }

    /// The stages in the order they run. A stage prints its own figures and throws when a check fails.
    static var stages: [(name: String, run: (BenchInstance, BenchMatchingOptions) throws -> Void)] { [
        ("Matching", { instance, options in try MatchingBenchmark(instance, options).run() }),
        ("Pathways", { instance, _ in
            PathwaysBenchmark.measure(instance.data, matching: instance.matching, objective: .weeksToJobReady).lines.forEach { print($0) }
        }),
    ] }
}
