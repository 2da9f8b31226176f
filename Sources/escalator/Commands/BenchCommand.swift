import ArgumentParser
import EscalatorCore
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure how fast parts of the system run, on synthetic data (build in release mode).",
        discussion: "docs/benchmarks.md describes every stage, its baselines and how to read the figures.",
        subcommands: [BenchAllCommand.self, BenchMatchingCommand.self, BenchPathwaysCommand.self, BenchAllocationCommand.self, BenchCommissioningCommand.self])
}

enum BenchScale: String, CaseIterable, ExpressibleByArgument {
    case small, region, region10x
}

/// The same synthetic instance every stage of a run uses: the data set and its matching inputs.
struct BenchInstance {
    var scale: BenchScale
    var data: SyntheticDataSet
    var matching: SyntheticMatchingInputs
    var generating: Double

    init(_ scale: BenchScale) {
        self.scale = scale
        let clock = ContinuousClock(), start = clock.now
        data = SyntheticDataSet.generate(scale: scale == .small ? .small : .region)
        matching = SyntheticMatchingInputs(data)
        if scale == .region10x { matching = matching.replicatingClients(times: 10) }
        generating = BenchClock.seconds(clock.now - start)
    }
}

// MARK: Measuring and printing

enum BenchClock {
    static func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        return (value, seconds(clock.now - start))
    }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, atto) = duration.components
        return Double(whole) + Double(atto) / 1e18
    }

    /// The process's user and system CPU time so far, in seconds (every thread counts).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// `getrusage` `ru_maxrss` in megabytes: the peak resident memory of the whole process so far.
    static func peakMemoryMB() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576  // bytes on macOS
        #endif
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * p).rounded(.up)) - 1))]
    }
}

enum BenchFormat {
    static func time(_ value: Double) -> String {
        if value < 1e-3 { return String(format: "%.1f µs", value * 1e6) }
        return value < 1 ? String(format: "%.1f ms", value * 1e3) : String(format: "%.2f s", value)
    }

    static func megabytes(_ value: Double) -> String { String(format: "%.0f MB", value) }
    static func count(_ n: Int) -> String { n.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB"))) }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max()! }
        func line(_ r: [String]) -> String {
            "| " + r.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |"
        }
        let rule = "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}
