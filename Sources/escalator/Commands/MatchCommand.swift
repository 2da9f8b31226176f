import ArgumentParser
import EscalatorCore
import EscalatorWeb
import Foundation

struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Rank every assessed client's best eligible live vacancies and write them as CSV.",
        discussion: """
            Columns: client_id (upper-case uuid), rank (1 is best), vacancy_id, score (rounded to 6 decimal places). \
            Rows are ordered by client id, then rank; each client's vacancies are their best eligible ones under \
            docs/matching.md, ties broken by vacancy id, so the same data always gives the same file. Clients are \
            ranked on every core with the matching engine (VacancyIndex, "Engine" in docs/matching.md). With --spread, \
            each client's list comes from spreading recommendations so that no vacancy is in more than --multiple × its \
            openings lists ("Congestion" in docs/matching.md), and the concentration before and after is reported.
            """)

    @Option(help: "How many vacancies to keep for each client.") var top = 10
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Flag(help: "Spread recommendations so that no vacancy is in more than --multiple × its openings clients' lists (same columns).")
    var spread = false
    @Option(help: "With --spread: the most lists per opening of a vacancy (default \(AppEnvironment.defaultSpreadMultiple)).") var multiple: Int?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1.") }
        guard multiple.map({ $0 >= 1 }) ?? true else { throw ValidationError("--multiple must be at least 1.") }
        guard spread || multiple == nil else { throw ValidationError("--multiple needs --spread.") }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let progress = Progress()
        defer { progress.finish() }
        progress.stage("loading")
        let environment = try database.environment()
        let inputs = try await withApplication(environment) { app in
            try await migrate(app)
            return try await MatchInputs.load(from: app.db, now: environment.now(), cipher: app.columnCipher)
        }
        let loaded = clock.now
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let multiple = self.multiple ?? AppEnvironment.defaultSpreadMultiple
        progress.stage(spread ? "matching and spreading \(inputs.profiles.count) clients" : "matching \(inputs.profiles.count) clients")
        let spreading = spread ? inputs.spreadRows(limit: top, multiple: multiple) : nil
        let rows = spreading?.rows ?? inputs.rankedRows(limit: top)
        let matched = clock.now

        progress.stage("writing")
        let csv = CSVWriter.string(header: ["client_id", "rank", "vacancy_id", "score"], rows: rows)
        if let out {
            do {
                try Data(csv.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw CommandFailure("Cannot write \(out): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(csv.utf8))
        }
        progress.finish()
        let report = "Ranked \(inputs.vacancies.count) live vacancies for \(inputs.profiles.count) assessed clients: \(rows.count) rows"
            + (out.map { " written to \($0)" } ?? "")
            + " in \(seconds(matched - started)) (loading \(seconds(loaded - started)), matching \(seconds(matched - loaded)) on \(workers) cores)."
        // With the CSV on standard output, the report goes to standard error.
        if out == nil { printError(report) } else { print(report) }
        if let spreading {
            let lines = [
                "Spreading: each vacancy in at most \(multiple) × its openings lists; \(spreading.shorter) clients got a shorter list.",
                concentration("Top \(top)", spreading.before, overCap: spreading.overCap.before),
                concentration("Spread", spreading.after, overCap: spreading.overCap.after),
            ]
            for line in lines { if out == nil { printError(line) } else { print(line) } }
        }
    }

    private func concentration(_ name: String, _ c: RecommendationConcentration, overCap: Int) -> String {
        let multiple = self.multiple ?? AppEnvironment.defaultSpreadMultiple
        return "\(name): \(c.recommendations) recommendations, top 1% of vacancies (\(c.topPercentVacancies)) get "
            + String(format: "%.1f%%", c.topPercentShare * 100) + ", at most \(c.maximumPerVacancy) per vacancy, Gini "
            + String(format: "%.3f", c.gini) + ", \(overCap) vacancies over \(multiple) × openings."
    }

    private func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        return String(format: "%.2f s", Double(whole) + Double(attoseconds) / 1e18)
    }
}
