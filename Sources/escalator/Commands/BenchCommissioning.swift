import ArgumentParser
import EscalatorCore
import Foundation

/// The commissioning stage of `bench all`: `CommissioningAdvice.compute` for every assessed client, every
/// live vacancy and every programme's cohorts not yet started, on every core.
struct CommissioningBenchmark {
    let instance: BenchInstance

    init(_ instance: BenchInstance) { self.instance = instance }

    /// The data's programmes with only their cohorts not started, each at its ward's centre.
    static func programmes(_ data: SyntheticDataSet) -> [ProgrammeTarget] {
        let today = Calendar.utc.startOfDay(for: data.referenceDate)
        let centres = Dictionary(data.wards.map { ($0.id, $0.centre) }, uniquingKeysWith: { a, _ in a })
        return data.programmes.map { programme in
            var programme = programme
            programme.cohorts = programme.cohorts.filter { $0.startsOn >= today }
            return ProgrammeTarget(programme: programme, location: centres[programme.wardID] ?? GeoPoint(latitude: 52.4862, longitude: -1.8904))
        }
    }

    func run() {
        let matching = instance.matching
        let programmes = Self.programmes(instance.data)
        let cpu = BenchClock.cpuSeconds()
        let (advice, seconds) = BenchClock.timed {
            CommissioningAdvice.compute(profiles: matching.profiles, vacancies: matching.vacancies, programmes: programmes)
        }
        let cpuSeconds = BenchClock.cpuSeconds() - cpu
        print(BenchFormat.table(["Commissioning advice", "Time (CPU)", "Peak memory"], [[
            "\(BenchFormat.count(matching.profiles.count)) clients × \(BenchFormat.count(matching.vacancies.count)) vacancies, \(BenchFormat.count(programmes.count)) programmes",
            "\(BenchFormat.time(seconds)) (\(BenchFormat.time(cpuSeconds)))", BenchFormat.megabytes(BenchClock.peakMemoryMB()),
        ]]))
        print("\(BenchFormat.count(advice.blockers.count)) skill blockers, \(BenchFormat.count(advice.programmes.count)) programmes with free places, "
            + "\(BenchFormat.count(advice.untaught.count)) skills no programme teaches; \(BenchFormat.count(advice.clientsJobReady)) clients job-ready, "
            + "\(BenchFormat.count(advice.clientsBlockedOnlyBySkills)) blocked only by skills. Time: wall clock on every core.")
    }
}

/// `escalator bench commissioning`: the commissioning stage of `bench all` alone.
struct BenchCommissioningCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commissioning", abstract: "Benchmark commissioning advice for every assessed client, live vacancy and programme.")

    @Option(help: "small, region or region10x.") var scale: BenchScale = .region

    func run() throws {
        let instance = BenchInstance(scale)
        print("Commissioning benchmark: \(scale.rawValue) (\(SyntheticDataSet.label)), \(ProcessInfo.processInfo.activeProcessorCount) cores; "
            + "data generated in \(BenchFormat.time(instance.generating)).")
        CommissioningBenchmark(instance).run()
    }
}
