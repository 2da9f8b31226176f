import ArgumentParser
import EscalatorCore
import EscalatorPersistence
import EscalatorWeb
import Fluent
import Foundation

/// Prints demand-led commissioning advice for the database's data (docs/commissioning.md) and, with
/// `--out-dir`, writes each table as CSV.
struct CommissionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commission",
        abstract: "Show which missing skills block clients from live vacancies, which programmes unlock most matches per place, and which demanded skills no programme teaches.",
        discussion: """
            Computed from every assessed client's latest assessment, the vacancies live today and the programmes' \
            cohorts not yet started (docs/commissioning.md states every definition). --top limits the rows printed; \
            the CSV files written with --out-dir hold every row: skill-blockers.csv, programme-impact.csv, \
            untaught-skills.csv and counts.csv.
            """)

    @Option(help: "Write the tables as CSV files into this directory (created if missing).") var outDir: String?
    @Option(help: "Rows printed for each table.") var top = 20
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1.") }
    }

    func run() async throws {
        let environment = try database.environment()
        let now = environment.now()
        let (inputs, taxonomy) = try await withApplication(environment) { app in
            try await migrate(app)
            return (try await AllocationInputs.load(from: app.db, now: now, cipher: app.columnCipher), try await TaxonomyWriter.load(from: app.db))
        }
        let advice = CommissioningAdvice.compute(
            profiles: inputs.matching.profiles, vacancies: inputs.matching.vacancies, programmes: inputs.programmes)
        let tables = CommissioningTables(advice, taxonomy: taxonomy, programmes: inputs.programmes.map(\.programme))

        print("Commissioning advice on \(now.isoDay): \(inputs.matching.profiles.count) assessed clients, "
            + "\(inputs.matching.vacancies.count) live vacancies, \(inputs.programmes.count) programmes.")
        for (measure, value) in tables.counts { print("\(measure): \(value)") }
        for table in tables.all {
            print("\n\(table.title) (\(table.rows.count) row\(table.rows.count == 1 ? "" : "s")\(table.rows.count > top ? ", first \(top)" : ""))")
            if table.rows.isEmpty { print("  none") } else { print(BenchFormat.table(table.header, Array(table.rows.prefix(top)))) }
        }

        guard let outDir else { return }
        do {
            try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
            for table in tables.all + [tables.countsTable] {
                let path = URL(fileURLWithPath: outDir).appendingPathComponent(table.file)
                try Data(CSVWriter.string(header: table.header, rows: table.rows).utf8).write(to: path, options: .atomic)
            }
        } catch {
            throw CommandFailure("Cannot write to \(outDir): \(error.localizedDescription)")
        }
        print("\nWrote \((tables.all + [tables.countsTable]).map(\.file).joined(separator: ", ")) to \(outDir).")
    }
}

/// The advice as tables of text: the same rows are printed and written as CSV.
struct CommissioningTables {
    struct Table {
        var title: String
        var file: String
        var header: [String]
        var rows: [[String]]
    }

    var blockers: Table
    var programmes: Table
    var untaught: Table
    var counts: [(String, String)]

    var all: [Table] { [blockers, programmes, untaught] }
    var countsTable: Table { Table(title: "Counts", file: "counts.csv", header: ["measure", "value"], rows: counts.map { [$0.0, $0.1] }) }

    init(_ advice: CommissioningAdvice, taxonomy: Taxonomy, programmes: [Programme]) {
        let titles = Dictionary(programmes.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        func level(_ level: Proficiency?) -> String { level.map { $0.label.lowercased() } ?? "" }
        blockers = Table(
            title: "Skill blockers", file: "skill-blockers.csv",
            header: ["skill_id", "skill_name", "level", "clients_one_skill_away", "vacancies_unlocked", "pairs_one_skill_away", "clients_missing", "programmes_teaching"],
            rows: advice.blockers.map {
                [$0.skillID, taxonomy.skillName($0.skillID), level($0.level), String($0.clientsOneSkillAway), String($0.vacanciesUnlocked),
                 String($0.pairsOneSkillAway), String($0.clientsMissing), String($0.programmesTeaching)]
            })
        self.programmes = Table(
            title: "Programme impact", file: "programme-impact.csv",
            header: ["programme_id", "title", "free_places", "clients_unlocked", "matches_unlocked", "matches_per_place"],
            rows: advice.programmes.map {
                [$0.programmeID.uuidString, titles[$0.programmeID] ?? "", String($0.freePlaces), String($0.clientsUnlocked),
                 String($0.matchesUnlocked), String(format: "%.6f", $0.matchesPerPlace)]
            })
        untaught = Table(
            title: "Skills no programme teaches", file: "untaught-skills.csv",
            header: ["skill_id", "skill_name", "vacancies", "openings", "level_asked", "highest_level_taught"],
            rows: advice.untaught.map {
                [$0.skillID, taxonomy.skillName($0.skillID), String($0.vacancies), String($0.openings), level($0.levelAsked), level($0.highestLevelTaught)]
            })
        counts = [
            ("clients_job_ready", String(advice.clientsJobReady)),
            ("clients_blocked_only_by_skills", String(advice.clientsBlockedOnlyBySkills)),
        ]
    }
}
