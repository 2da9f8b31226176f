import ArgumentParser
import Dispatch
import EscalatorCore
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure how fast parts of the system run, on synthetic data.",
        subcommands: [BenchMatchingCommand.self])
}

enum BenchScale: String, CaseIterable, ExpressibleByArgument {
    case small, region, region10x
}

/// Times the matching engine (`VacancyIndex`) against brute force (`Matcher.rankVacancies` over every
/// vacancy) on a synthetic data set, and checks that both give identical rankings. Build in release mode.
struct BenchMatchingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matching",
        abstract: "Benchmark ranking every client's best vacancies: the index against brute force.",
        discussion: """
            region10x is the region's clients ten times over (fresh ids, locations moved up to about a km). \
            Brute force runs on a sample of evenly spread clients (all of them for small, or with \
            --baseline-clients) and its time for everyone is extrapolated; the results are checked on that sample.
            """)

    @Option(help: "small, region or region10x.") var scale: BenchScale = .region
    @Option(help: "Vacancies kept for each client.") var top = 10
    @Option(help: "Clients brute force ranks (default: all for small, 5,000 otherwise: all of the region takes about 15 minutes on 2 cores); the rest is extrapolated.")
    var baselineClients: Int?
    @Option(help: "Single-client queries timed.") var queries = 1_000

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1.") }
        guard (baselineClients ?? 1) >= 1, queries >= 1 else { throw ValidationError("Counts must be at least 1.") }
    }

    func run() throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let (data, generating) = timed { SyntheticDataSet.generate(scale: scale == .small ? .small : .region) }
        var inputs = SyntheticMatchingInputs(data)
        if scale == .region10x { inputs = inputs.replicatingClients(times: 10) }
        let profiles = inputs.profiles, vacancies = inputs.vacancies, licences = inputs.licenceSkillIDs
        print("Matching benchmark: \(scale.rawValue) (\(SyntheticDataSet.label)), top \(top), \(cores) cores")
        print("\(count(profiles.count)) assessed clients, \(count(vacancies.count)) open vacancies; data generated in \(seconds(generating)).")

        let (index, building) = timed { VacancyIndex(vacancies, licenceSkillIDs: licences) }
        let (ranked, bulk) = timed { index.topVacancies(forAll: profiles, k: top) }

        // Brute force on evenly spread clients, on every core.
        let sampleSize = min(profiles.count, baselineClients ?? (scale == .small ? profiles.count : 5_000))
        let sample = (0..<sampleSize).map { $0 * profiles.count / sampleSize }
        let (baseline, brute) = timed { bruteForce(sample.map { profiles[$0] }, vacancies, licences: licences) }
        let bruteForAll = brute * (Double(profiles.count) / Double(sampleSize))
        let mismatches = zip(sample, baseline).filter { i, expected in
            ranked[i].map(\.vacancyID) != expected.map(\.vacancyID)
                || ranked[i].map(\.score.bitPattern) != expected.map(\.score.bitPattern)
        }.count

        var rng = SeededGenerator(seed: 7)
        let latencies = (0..<queries).map { _ in
            let profile = profiles[rng.int(below: profiles.count)]
            return timed { index.topVacancies(for: profile, k: top) }.1
        }.sorted()

        let extrapolated = sampleSize < profiles.count
        let bruteLabel = extrapolated ? "\(seconds(bruteForAll)) (extrapolated from \(count(sampleSize)) clients)" : seconds(brute)
        let rows: [(String, String, String, String)] = [
            ("Build index", seconds(building), "-", "-"),
            ("Bulk top \(top), all \(count(profiles.count)) clients", seconds(bulk), bruteLabel, String(format: "%.0f×", bruteForAll / bulk)),
            ("Per client (bulk, wall clock)", micro(bulk / Double(profiles.count)), micro(bruteForAll / Double(profiles.count)), "-"),
            ("Single query p50 (\(count(queries)) clients)", micro(percentile(latencies, 0.50)), "-", "-"),
            ("Single query p99", micro(percentile(latencies, 0.99)), "-", "-"),
        ]
        print(table(header: ("Measure", "Index", "Brute force", "Ratio"), rows))
        print("Peak memory (VmHWM): \(peakMemory())")
        if mismatches == 0 {
            print("Check: index and brute force identical on \(count(sampleSize)) clients (ids, order, scores bit for bit).")
        } else {
            throw CommandFailure("Check FAILED: \(mismatches) of \(count(sampleSize)) clients differ between index and brute force.")
        }
    }

    private func bruteForce(_ profiles: [MatchProfile], _ vacancies: [VacancyTarget], licences: Set<String>) -> [[RankedVacancy]] {
        var results = [[RankedVacancy]](repeating: [], count: profiles.count)
        let top = top
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own element, and the buffer outlives concurrentPerform.
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: profiles.count) { i in
                output[i] = Matcher.rankVacancies(for: profiles[i], among: vacancies, limit: top, licenceSkillIDs: licences)
                    .map { RankedVacancy(vacancyID: $0.vacancyID, score: $0.score) }
            }
        }
        return results
    }
}

// MARK: Measuring and printing

private func timed<T>(_ body: () -> T) -> (T, Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = body()
    let (whole, atto) = (clock.now - start).components
    return (value, Double(whole) + Double(atto) / 1e18)
}

private func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

private func seconds(_ value: Double) -> String { value < 1 ? String(format: "%.1f ms", value * 1e3) : String(format: "%.2f s", value) }
private func micro(_ value: Double) -> String { String(format: "%.1f µs", value * 1e6) }
private func count(_ n: Int) -> String { n.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB"))) }

/// The process's peak resident memory, from /proc/self/status (Linux only).
private func peakMemory() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return "unknown (no /proc/self/status)" }
    return String(format: "%.0f MB", kb / 1024)
}

private func table(header: (String, String, String, String), _ rows: [(String, String, String, String)]) -> String {
    let all = [header] + rows
    let widths = [all.map(\.0.count).max()!, all.map(\.1.count).max()!, all.map(\.2.count).max()!, all.map(\.3.count).max()!]
    func line(_ r: (String, String, String, String)) -> String {
        "| " + [r.0, r.1, r.2, r.3].enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |"
    }
    let rule = "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"
    return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
}
