import ArgumentParser
import EscalatorCore
import Foundation

/// Times skills-escalator pathways for every assessed client of a synthetic data set (`escalator bench
/// pathways`; `bench all` runs the same measurement on its shared instance). Build in release mode.
struct BenchPathwaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pathways",
        abstract: "Benchmark skills-escalator pathways for every assessed client.",
        discussion: """
            Each client's target is their best aspiration (the aspired occupation with the fewest essential \
            skills missing) or, with none, the best-ranked vacancy they are not yet ready for; programmes \
            sit at their ward's centre. region10x is the region's clients ten times over.
            """)

    @Option(help: "small, region or region10x.") var scale: BenchScale = .region
    @Option(help: "weeks (job-ready soonest) or cost (least total cost).") var objective: PathwayObjective = .weeksToJobReady

    func run() throws {
        let instance = BenchInstance(scale)
        print("Pathways benchmark: \(scale.rawValue) (\(SyntheticDataSet.label)), objective \(objective.rawValue), "
            + "\(ProcessInfo.processInfo.activeProcessorCount) cores; data generated in \(BenchFormat.time(instance.generating)).")
        PathwaysBenchmark.measure(instance.data, matching: instance.matching, objective: objective).lines.forEach { print($0) }
    }
}

/// What the pathways stage measures: planning every client's pathway on every core, in wall-clock time,
/// and the process's peak memory afterwards.
struct PathwaysBenchmark {
    var requests: Int
    var programmes: Int
    var reachable: Int
    var alreadyReady: Int
    /// Choosing targets and building the planner, in seconds.
    var preparing: Double
    /// `PathwayPlanner.pathways` for every request, in seconds.
    var planning: Double
    var meanSteps: Double
    var medianWeeks: Int
    var peakMemoryMB: Double

    static func measure(_ data: SyntheticDataSet, matching: SyntheticMatchingInputs, objective: PathwayObjective) -> PathwaysBenchmark {
        let ((inputs, planner), preparing) = BenchClock.timed {
            let inputs = SyntheticPathwayInputs(data, matching: matching, objective: objective)
            return (inputs, PathwayPlanner(programmes: inputs.programmes, taxonomy: data.taxonomy))
        }
        let (results, planning) = BenchClock.timed { planner.pathways(inputs.requests) }
        let pathways = results.compactMap(\.pathway)
        let weeks = pathways.map(\.weeksToJobReady).sorted()
        return PathwaysBenchmark(
            requests: inputs.requests.count, programmes: inputs.programmes.count, reachable: pathways.count,
            alreadyReady: pathways.filter(\.steps.isEmpty).count, preparing: preparing, planning: planning,
            meanSteps: pathways.isEmpty ? 0 : Double(pathways.reduce(0) { $0 + $1.activeStepCount }) / Double(pathways.count),
            medianWeeks: weeks.isEmpty ? 0 : weeks[weeks.count / 2], peakMemoryMB: BenchClock.peakMemoryMB())
    }

    var lines: [String] {
        let count = BenchFormat.count
        return [
            BenchFormat.table(["Measure", "Time"], [
                ["Targets and planner", BenchFormat.time(preparing)],
                ["Pathways, all \(count(requests)) clients", BenchFormat.time(planning)],
                ["Per client (wall clock)", BenchFormat.time(planning / Double(max(1, requests)))],
            ]),
            "\(count(programmes)) programmes; \(count(reachable)) clients have a pathway (\(count(alreadyReady)) already job-ready), "
                + "\(count(requests - reachable)) are blocked; " + String(format: "%.2f", meanSteps)
                + " steps on average, median \(medianWeeks) weeks to job-ready.",
            "Peak memory (ru_maxrss): \(BenchFormat.megabytes(peakMemoryMB))",
        ]
    }
}
