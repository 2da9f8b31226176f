import EscalatorCore
import Foundation

/// A matching instance as plain CSV files, for an independent implementation to read (the format is in
/// docs/benchmarks.md). Numbers are written so that they read back exactly: doubles in their shortest
/// round-trip form, booleans as 0 or 1, levels as numbers.
struct BenchInstanceExport {
    var profiles: [MatchProfile]
    var vacancies: [VacancyTarget]
    var licences: Set<String>
    var weights: MatchingWeights

    func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        func save(_ name: String, _ header: [String], _ rows: [[String]]) throws {
            let text = CSVWriter.string(header: header, rows: rows, neutralisesFormulas: false)
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
        func flag(_ value: Bool) -> String { value ? "1" : "0" }
        try save("weights.csv", ["component", "weight"], [
            ["essential_skills", "\(weights.essentialSkills)"], ["desirable_skills", "\(weights.desirableSkills)"],
            ["qualification", "\(weights.qualification)"], ["aspiration", "\(weights.aspiration)"], ["travel", "\(weights.travel)"],
        ])
        try save("licences.csv", ["skill_id"], licences.sorted().map { [$0] })
        try save("vacancies.csv",
                 ["vacancy_id", "latitude", "longitude", "occupation_id", "hours_per_week", "minimum_age", "minimum_qualification",
                  "needs_gcse_english", "needs_gcse_maths"],
                 vacancies.map { t in
                     let v = t.vacancy
                     return [v.id.uuidString, "\(t.location.latitude)", "\(t.location.longitude)", v.occupationID, "\(v.hoursPerWeek)",
                             "\(v.minimumAge)", "\(v.minimumQualification.rawValue)", flag(v.needsGCSEEnglish), flag(v.needsGCSEMaths)]
                 })
        try save("vacancy_requirements.csv", ["vacancy_row", "skill_id", "importance", "level"],
                 vacancies.enumerated().flatMap { row, t in
                     t.vacancy.requirements.map { ["\(row)", $0.skillID, $0.importance.rawValue, "\($0.minimumLevel.rawValue)"] }
                 })
        try save("clients.csv",
                 ["client_id", "latitude", "longitude", "qualification", "gcse_english", "gcse_maths", "min_hours_per_week",
                  "max_hours_per_week", "max_travel_km", "age"],
                 profiles.map { p in
                     [p.clientID.uuidString, "\(p.location.latitude)", "\(p.location.longitude)", "\(p.qualification.rawValue)",
                      flag(p.gcseEnglish), flag(p.gcseMaths), "\(p.minHoursPerWeek)", "\(p.maxHoursPerWeek)", "\(p.maxTravelKm)",
                      p.age.map(String.init) ?? ""]
                 })
        try save("client_skills.csv", ["client_row", "skill_id", "level"],
                 profiles.enumerated().flatMap { row, p in p.skills.sorted { $0.key < $1.key }.map { ["\(row)", $0.key, "\($0.value.rawValue)"] } })
        try save("client_aspirations.csv", ["client_row", "occupation_id"],
                 profiles.enumerated().flatMap { row, p in p.aspirations.sorted().map { ["\(row)", $0] } })
    }

    /// `client_id,rank,vacancy_id,score` as written by scripts/bench/numpy_topk.py, one list per client in
    /// `clients` order (ranks 1, 2, … in order).
    static func readTopK(_ path: String, clients: [UUID]) throws -> [[RankedVacancy]] {
        let table = try CSVReader().table(from: Data(contentsOf: URL(fileURLWithPath: path)))
        var byClient: [UUID: [(rank: Int, RankedVacancy)]] = [:]
        for row in table.rows {
            guard let client = UUID(uuidString: row["client_id"] ?? ""), let rank = Int(row["rank"] ?? ""),
                  let vacancy = UUID(uuidString: row["vacancy_id"] ?? ""), let score = Double(row["score"] ?? "")
            else { throw CommandFailure("\(path): unreadable row \(row)") }
            byClient[client, default: []].append((rank, RankedVacancy(vacancyID: vacancy, score: score)))
        }
        return clients.map { (byClient[$0] ?? []).sorted { $0.rank < $1.rank }.map(\.1) }
    }
}

/// How two top-k lists for the same clients compare: the same vacancies in the same order, and scores
/// within 1e-9.
struct BenchTopKComparison {
    var clients = 0
    var clientsDiffering = 0
    var scores = 0
    var scoresExactlyEqual = 0
    var largestDifference = 0.0
    var firstDifference: String?

    init(ours: [[RankedVacancy]], theirs: [[RankedVacancy]]) {
        for (n, (a, b)) in zip(ours, theirs).enumerated() {
            clients += 1
            if a.map(\.vacancyID) != b.map(\.vacancyID) {
                clientsDiffering += 1
                if firstDifference == nil { firstDifference = "client \(n): engine \(a.map { "\($0.vacancyID.uuidString.prefix(8))=\($0.score)" }) vs \(b.map { "\($0.vacancyID.uuidString.prefix(8))=\($0.score)" })" }
            }
            for (x, y) in zip(a, b) {
                scores += 1
                if x.score.bitPattern == y.score.bitPattern { scoresExactlyEqual += 1 }
                largestDifference = max(largestDifference, abs(x.score - y.score))
            }
        }
    }

    var agrees: Bool { clientsDiffering == 0 && largestDifference <= 1e-9 }

    var summary: String {
        "Check: NumPy and the engine \(clientsDiffering == 0 ? "rank the same vacancies in the same order" : "DIFFER in \(clientsDiffering) clients' lists") "
            + "for \(BenchFormat.count(clients)) clients; \(BenchFormat.count(scoresExactlyEqual)) of \(BenchFormat.count(scores)) scores equal to the bit, "
            + "largest difference \(String(format: "%.3g", largestDifference)) (tolerance 1e-9)."
            + (firstDifference.map { "\nFirst difference: \($0)" } ?? "")
    }
}

/// Runs a Python script that prints one JSON object, `{"seconds": …, "load_seconds": …}`, as its last line.
enum BenchPython {
    struct Run { var seconds: Double; var loadSeconds: Double }

    static func run(_ python: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CommandFailure("\(python) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)") }
        let last = String(decoding: output, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        guard let object = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any],
              let seconds = object["seconds"] as? Double else { throw CommandFailure("unexpected output from \(arguments.first ?? python): \(last)") }
        return Run(seconds: seconds, loadSeconds: object["load_seconds"] as? Double ?? 0)
    }
}
