import Dispatch
import EscalatorCore
import Foundation

/// The matching stages of the benchmark on one instance: build the indexes, rank every client's top k,
/// time single queries both ways, then the baselines, with a check that every baseline agrees.
struct MatchingBenchmark {
    let instance: BenchInstance
    let options: BenchMatchingOptions
    var profiles: [MatchProfile] { instance.matching.profiles }
    var vacancies: [VacancyTarget] { instance.matching.vacancies }
    var licences: Set<String> { instance.matching.licenceSkillIDs }

    init(_ instance: BenchInstance, _ options: BenchMatchingOptions) {
        self.instance = instance
        self.options = options
    }

    func run() throws {
        let top = options.top
        print("\(BenchFormat.count(profiles.count)) assessed clients, \(BenchFormat.count(vacancies.count)) open vacancies, top \(top).")
        var rows: [[String]] = []
        var cpu = BenchClock.cpuSeconds()
        func stage(_ name: String, _ time: String, _ notes: String = "") {
            let now = BenchClock.cpuSeconds()
            rows.append([name, time, BenchFormat.time(now - cpu), BenchFormat.megabytes(BenchClock.peakMemoryMB()), notes])
            cpu = now
        }

        let (index, building) = BenchClock.timed { VacancyIndex(vacancies, licenceSkillIDs: licences) }
        stage("Vacancy index build", BenchFormat.time(building), "\(index.layout)")
        let (ranked, bulk) = BenchClock.timed { index.topVacancies(forAll: profiles, k: top) }
        stage("Bulk top \(top), every client", BenchFormat.time(bulk), "\(BenchFormat.time(bulk / Double(max(1, profiles.count)))) a client (wall clock)")

        let clientSample = Self.spread(profiles.count, options.queries)
        let single = clientSample.map { i in BenchClock.timed { index.topVacancies(for: profiles[i], k: top) }.1 }.sorted()
        stage("Single client p50 / p99", "\(BenchFormat.time(BenchClock.percentile(single, 0.5))) / \(BenchFormat.time(BenchClock.percentile(single, 0.99)))",
              "\(BenchFormat.count(single.count)) evenly spread clients, one at a time")

        let (candidates, candidateBuilding) = BenchClock.timed { CandidateIndex(profiles, licenceSkillIDs: licences) }
        stage("Candidate index build", BenchFormat.time(candidateBuilding))
        let vacancySample = Self.spread(vacancies.count, options.queries)
        let everyone = vacancySample.map { v in BenchClock.timed { candidates.topCandidates(for: vacancies[v], k: top) }.1 }.sorted()
        stage("Candidates p50 / p99, all clients", "\(BenchFormat.time(BenchClock.percentile(everyone, 0.5))) / \(BenchFormat.time(BenchClock.percentile(everyone, 0.99)))",
              "\(BenchFormat.count(everyone.count)) evenly spread vacancies")
        var rng = SeededGenerator(seed: 17)
        let shared = candidates.subset(profiles.map(\.clientID).filter { _ in rng.chance(0.25) })
        let sharing = vacancySample.map { v in BenchClock.timed { candidates.topCandidates(for: vacancies[v], k: top, among: shared) }.1 }.sorted()
        stage("Candidates p50 / p99, a quarter shared", "\(BenchFormat.time(BenchClock.percentile(sharing, 0.5))) / \(BenchFormat.time(BenchClock.percentile(sharing, 0.99)))",
              "\(BenchFormat.count(shared.count)) clients allowed")
        print(BenchFormat.table(["Stage", "Time", "CPU", "Peak memory", "Notes"], rows))
        print("Time is wall clock; CPU is the process's user and system time in the stage, every core counted (on a busy machine, "
            + "wall time exceeds CPU time divided by the cores). Peak memory is getrusage's ru_maxrss: the whole process's peak so far, data set included.\n")

        var failures: [String] = []
        failures += try bruteForceBaseline(ranked, bulk: bulk, candidates: candidates, vacancySample: vacancySample)
        failures += numpyBaseline(ranked, bulk: bulk)
        if !failures.isEmpty { throw CommandFailure("Check FAILED:\n" + failures.joined(separator: "\n")) }
    }

    /// `count` indices spread evenly over `0 ..< total`.
    static func spread(_ total: Int, _ count: Int) -> [Int] {
        let n = min(total, count)
        return (0..<n).map { $0 * total / n }
    }

    // MARK: Brute force

    private func bruteForceBaseline(_ ranked: [[RankedVacancy]], bulk: Double, candidates: CandidateIndex, vacancySample: [Int]) throws -> [String] {
        let top = options.top
        let sampleSize = min(profiles.count, options.baselineClients ?? (instance.scale == .small ? profiles.count : 2_000))
        let sample = Self.spread(profiles.count, sampleSize)
        let profiles = profiles, vacancies = vacancies, licences = licences
        let (baseline, brute) = BenchClock.timed { () -> [[RankedVacancy]] in
            var results = [[RankedVacancy]](repeating: [], count: sample.count)
            results.withUnsafeMutableBufferPointer { buffer in
                // Each iteration writes only its own element, and the buffer outlives concurrentPerform.
                nonisolated(unsafe) let output = buffer
                DispatchQueue.concurrentPerform(iterations: sample.count) { i in
                    output[i] = Matcher.rankVacancies(for: profiles[sample[i]], among: vacancies, limit: top, licenceSkillIDs: licences)
                        .map { RankedVacancy(vacancyID: $0.vacancyID, score: $0.score) }
                }
            }
            return results
        }
        let bruteForAll = brute * Double(profiles.count) / Double(sampleSize)
        let mismatches = zip(sample, baseline).filter { i, expected in
            ranked[i].map(\.vacancyID) != expected.map(\.vacancyID) || ranked[i].map(\.score.bitPattern) != expected.map(\.score.bitPattern)
        }.count

        let candidateSample = Array(vacancySample.prefix(50))
        let (expectedCandidates, bruteCandidates) = BenchClock.timed {
            candidateSample.map { Matcher.rankCandidates(for: vacancies[$0], among: profiles, limit: top, licenceSkillIDs: licences) }
        }
        let candidateMismatches = zip(candidateSample, expectedCandidates).filter { v, expected in
            let got = candidates.topCandidates(for: vacancies[v], k: top)
            return got.map(\.clientID) != expected.map(\.clientID) || got.map(\.score.bitPattern) != expected.map(\.score.bitPattern)
        }.count

        let extrapolated = sampleSize < profiles.count ? " (\(BenchFormat.count(sampleSize)) clients on every core, extrapolated)" : " (every core)"
        print("Brute force (Matcher.rankVacancies over every vacancy): \(BenchFormat.time(bruteForAll))\(extrapolated); "
            + String(format: "the engine is %.0f× faster.", bruteForAll / bulk))
        print("Brute force candidates (Matcher.rankCandidates over every client): \(BenchFormat.time(bruteCandidates / Double(candidateSample.count))) a vacancy.")
        print("Check: engine and brute force \(mismatches == 0 ? "identical" : "DIFFER") on \(BenchFormat.count(sampleSize)) clients "
            + "and \(candidateMismatches == 0 ? "identical" : "DIFFER") on \(candidateSample.count) vacancies' candidates (ids, order, scores bit for bit).\n")
        var failures: [String] = []
        if mismatches > 0 { failures.append("\(mismatches) of \(sampleSize) clients differ between the engine and brute force.") }
        if candidateMismatches > 0 { failures.append("\(candidateMismatches) of \(candidateSample.count) vacancies' candidates differ from brute force.") }
        return failures
    }

    // MARK: NumPy

    private func numpyBaseline(_ ranked: [[RankedVacancy]], bulk: Double) -> [String] {
        guard !options.noNumpy else { print("NumPy baseline: skipped (--no-numpy)."); return [] }
        let python: String
        switch options.pythonPath() {
        case .success(let path): python = path
        case .failure(let why):
            print("NumPy baseline: skipped: \(why).")
            return []
        }
        let script = FileManager.default.currentDirectoryPath + "/scripts/bench/numpy_topk.py"
        guard FileManager.default.fileExists(atPath: script) else {
            print("NumPy baseline: skipped: \(script) not found (run from the repository's root).")
            return []
        }
        let sampleSize = min(profiles.count, options.numpyClients ?? (instance.scale == .region10x ? 50_000 : profiles.count))
        let sample = Self.spread(profiles.count, sampleSize)
        let directory = options.exportDirectory ?? NSTemporaryDirectory() + "escalator-bench-\(ProcessInfo.processInfo.processIdentifier)"
        defer { if options.exportDirectory == nil { try? FileManager.default.removeItem(atPath: directory) } }
        do {
            let export = BenchInstanceExport(profiles: sample.map { profiles[$0] }, vacancies: vacancies, licences: licences, weights: .standard)
            try export.write(to: directory)
            let output = directory + "/topk.csv"
            let run = try BenchPython.run(python, [script, directory, output, "--top", String(options.top)])
            let theirs = try BenchInstanceExport.readTopK(output, clients: sample.map { profiles[$0].clientID })
            let comparison = BenchTopKComparison(ours: sample.map { ranked[$0] }, theirs: theirs)
            let forAll = run.seconds * Double(profiles.count) / Double(sampleSize)
            let extrapolated = sampleSize < profiles.count ? " (\(BenchFormat.count(sampleSize)) clients, extrapolated)" : ""
            print("NumPy/SciPy (scripts/bench/numpy_topk.py, written from docs/matching.md alone): \(BenchFormat.time(forAll))\(extrapolated) "
                + "computing, \(BenchFormat.time(run.loadSeconds)) reading the instance; " + String(format: "the engine is %.0f× faster.", forAll / bulk))
            print(comparison.summary)
            return comparison.agrees ? [] : ["the NumPy baseline disagrees: \(comparison.summary)"]
        } catch {
            return ["the NumPy baseline did not run: \(error)"]
        }
    }
}
