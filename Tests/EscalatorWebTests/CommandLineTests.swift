import EscalatorCore
import Foundation
import XCTest

/// Runs the built `escalator` executable, as an administrator would, on a temporary SQLite file.
final class CommandLineTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("escalator-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    private typealias Run = EscalatorRunner.Run

    /// Runs `escalator` with `--database` set to this test's SQLite file.
    private func escalator(_ arguments: [String], environment extra: [String: String] = [:], input: String = "") throws -> Run {
        try EscalatorRunner(folder: folder, databasePath: folder.appendingPathComponent("cli.sqlite").path)
            .run(arguments, environment: extra, input: input)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private let clientsHeader = "reference,given_name,family_name,date_of_birth,email,phone,postcode,ward_id,employment_status,referral_source,organisation,consent_organisations,registered_on"

    /// A migrated database with two wards and a Jobcentre with an administrator.
    private func prepareDatabase() throws {
        let migrated = try escalator(["migrate"])
        XCTAssertEqual(migrated.status, 0, migrated.errors)
        XCTAssertTrue(migrated.output.contains("Database is up to date"), migrated.output)

        let wards = try write("wards.csv", """
            ward_id,ward_name,local_authority_id,local_authority_name,latitude,longitude,is_target_ward,working_age_population,employed,looking_for_work,with_level2,with_degree
            E05011111,Aston,E08000025,Birmingham,52.50,-1.88,true,10000,5500,900,4800,1500
            E05022222,Edgbaston,E08000025,Birmingham,52.46,-1.92,false,12000,9000,300,8400,4800
            """)
        let imported = try escalator(["import", "area-statistics", wards])
        XCTAssertEqual(imported.status, 0, imported.errors)
        XCTAssertEqual(imported.output, "Imported 2 ward statistics rows.\n")

        let created = try escalator(
            ["users", "create", "--email", "Admin@Example.test", "--name", "Ada Admin", "--role", "administrator",
             "--organisation", "Jobcentre Plus Aston", "--organisation-kind", "jobcentre"],
            environment: ["ESCALATOR_PASSWORD": "a long enough password"])
        XCTAssertEqual(created.status, 0, created.errors)
        XCTAssertTrue(created.output.contains("admin@example.test"), created.output)
        XCTAssertFalse(created.output.contains("a long enough password"))
    }

    func testImportOfABadFileExitsWithStatusOneNamingEveryBadLineAndWritesNothing() throws {
        try prepareDatabase()
        let bad = try write("bad.csv", """
            \(clientsHeader)
            ,Ann,One,1990-01-01,,,B6 4AA,E05011111,unemployed,jobcentre,Jobcentre Plus Aston,,
            ,Ben,Two,1990-01-01,,,NOT A POSTCODE,E05011111,unemployed,jobcentre,Jobcentre Plus Aston,,
            ,Cat,Three,1990-01-01,,,B6 4AA,E05099999,unemployed,jobcentre,Jobcentre Plus Aston,,
            """)
        let run = try escalator(["import", "clients", bad])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("line 3, column postcode: Enter a real postcode, like B1 1AA"), run.errors)
        XCTAssertTrue(run.errors.contains("line 4, column ward_id: 'E05099999' is not a known ward"), run.errors)
        XCTAssertFalse(run.errors.contains("line 2,"), run.errors)
        XCTAssertFalse(run.output.contains("Imported"), run.output)

        let export = try escalator(["export", "clients"])
        XCTAssertEqual(export.status, 0, export.errors)
        XCTAssertEqual(export.output, clientsHeader + "\r\n", "the good line 2 must not have been written either")
    }

    func testImportThenExportAndMatchWriteTheirFiles() throws {
        try prepareDatabase()
        let good = try write("good.csv", """
            \(clientsHeader)
            WM-CLI00001,Ann,One,1990-01-01,,,b6 4aa,E05011111,unemployed,jobcentre,Jobcentre Plus Aston,,2024-01-05
            ,Ben,Two,,,,B15 2TT,E05022222,economically-inactive,council,Jobcentre Plus Aston,,
            """)
        let imported = try escalator(["import", "clients", good])
        XCTAssertEqual(imported.status, 0, imported.errors)
        XCTAssertEqual(imported.output, "Imported 2 clients.\n")

        let exportPath = folder.appendingPathComponent("clients-out.csv").path
        let exported = try escalator(["export", "clients", "--out", exportPath])
        XCTAssertEqual(exported.status, 0, exported.errors)
        XCTAssertEqual(exported.output, "Exported 2 clients to \(exportPath).\n")
        let lines = try String(contentsOfFile: exportPath, encoding: .utf8).components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, clientsHeader)
        XCTAssertEqual(lines.count, 4)  // header, two clients, and the empty string after the last line break
        XCTAssertTrue(lines.contains("WM-CLI00001,Ann,One,1990-01-01,,,B6 4AA,E05011111,unemployed,jobcentre,Jobcentre Plus Aston,,2024-01-05"))

        let again = try escalator(["import", "clients", good])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.errors.contains("line 2, column reference: a client with reference 'WM-CLI00001' is already in the database"), again.errors)

        let matchPath = folder.appendingPathComponent("matches.csv").path
        let matched = try escalator(["match", "--top", "3", "--out", matchPath])
        XCTAssertEqual(matched.status, 0, matched.errors)
        XCTAssertTrue(matched.output.contains("for 0 assessed clients"), matched.output)
        XCTAssertEqual(try String(contentsOfFile: matchPath, encoding: .utf8), "client_id,rank,vacancy_id,score\r\n")
    }

    func testUsersCreateReadsThePasswordFromStandardInputAndRefusesADuplicateEmail() throws {
        XCTAssertEqual(try escalator(["migrate"]).status, 0)
        let arguments = ["users", "create", "--email", "lead@example.test", "--name", "Lee Lead", "--role", "analyst",
                         "--organisation", "West Midlands Combined Authority", "--organisation-kind", "combined-authority"]
        let short = try escalator(arguments, input: "too short\n")
        XCTAssertNotEqual(short.status, 0)
        XCTAssertTrue(short.errors.contains("at least 12 characters"), short.errors)
        let common = try escalator(arguments, input: "Password2024!\n")
        XCTAssertNotEqual(common.status, 0)
        XCTAssertTrue(common.errors.contains("most common"), common.errors)
        let ownName = try escalator(arguments, input: "my name is lead, ok\n")
        XCTAssertNotEqual(ownName.status, 0)
        XCTAssertTrue(ownName.errors.contains("email address"), ownName.errors)

        let created = try escalator(arguments, input: "amber kettle orbit lantern\n")
        XCTAssertEqual(created.status, 0, created.errors)
        XCTAssertTrue(created.output.contains("Analyst Lee Lead <lead@example.test> at West Midlands Combined Authority"), created.output)

        let duplicate = try escalator(arguments, input: "amber kettle orbit lantern\n")
        XCTAssertNotEqual(duplicate.status, 0)
        XCTAssertTrue(duplicate.errors.contains("already exists"), duplicate.errors)

        let unknownOrganisation = try escalator(
            ["users", "create", "--email", "x@example.test", "--name", "X", "--role", "adviser", "--organisation", "Nowhere"],
            input: "amber kettle orbit lantern\n")
        XCTAssertNotEqual(unknownOrganisation.status, 0)
        XCTAssertTrue(unknownOrganisation.errors.contains("No organisation is named Nowhere"), unknownOrganisation.errors)
    }

    func testImportedClientsAreAuditedAndTheChainIsVerifiedAndExported() throws {
        try prepareDatabase()
        let good = try write("audited.csv", """
            \(clientsHeader)
            WM-AUD00001,Ann,One,1990-01-01,ann@example.test,,B6 4AA,E05011111,unemployed,jobcentre,Jobcentre Plus Aston,,
            WM-AUD00002,Ben,Two,,,,B15 2TT,E05022222,economically-inactive,council,Jobcentre Plus Aston,,
            """)
        XCTAssertEqual(try escalator(["import", "clients", good]).status, 0)

        let verified = try escalator(["audit", "verify"])
        XCTAssertEqual(verified.status, 0, verified.errors)
        XCTAssertTrue(verified.output.hasPrefix("intact: 2 rows, head #2 "), verified.output)
        let head = try XCTUnwrap(verified.output.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(head.count, 64)
        XCTAssertEqual(try escalator(["audit", "verify", "--anchor", "2:\(head)"]).status, 0)
        let wrong = try escalator(["audit", "verify", "--anchor", "2:" + String(repeating: "0", count: 64)])
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.output.contains("broken at row 2"), wrong.output)
        let missing = try escalator(["audit", "verify", "--anchor", "3:\(head)"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.output.contains("broken at row 3"), missing.output)
        XCTAssertNotEqual(try escalator(["audit", "verify", "--anchor", "nonsense"]).status, 0)

        let out = folder.appendingPathComponent("audit.csv").path
        let exported = try escalator(["audit", "export", "--out", out])
        XCTAssertEqual(exported.status, 0, exported.errors)
        XCTAssertEqual(exported.output, "Exported 2 audit events to \(out).\n")
        let lines = try String(contentsOfFile: out, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].hasPrefix("sequence,at,user_id,user_name,role,organisation_id,organisation_name,action,object,client_id,purpose"))
        for line in lines.dropFirst() {
            XCTAssertTrue(line.contains(",escalator import (command line),,,,import,client record,"), line)
            XCTAssertTrue(line.contains(",data import,command-line,"), line)
            XCTAssertFalse(line.contains("Ann") || line.contains("ann@example.test") || line.contains("B6 4AA"), line)
        }
        XCTAssertTrue(lines[2].contains(head))
    }

    // MARK: allocate and commission, on the seeded small data set

    private var databasePath: String { folder.appendingPathComponent("cli.sqlite").path }

    private func seedSmall() throws {
        let seeded = try escalator(["seed"])
        XCTAssertEqual(seeded.status, 0, seeded.errors)
        XCTAssertTrue(seeded.output.contains("Seeded small scale"), seeded.output)
    }

    private func csvTable(_ path: String) throws -> CSVTable {
        try CSVTable(parsing: try String(contentsOfFile: path, encoding: .utf8))
    }

    /// Checks an allocation CSV against the database: columns, each client at most once, assessed, every
    /// vacancy's openings and cohort's free places respected, and at most the unreserved places of each
    /// slot going to clients outside `reserved.wards`. Returns the optimum recomputed from the scores and,
    /// per slot, (places, clients outside the reserved wards).
    @discardableResult
    private func checkAllocation(
        _ path: String, _ snapshot: SQLiteFileSnapshot, reserved: (share: Int, wards: Set<String>)? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> (optimum: Int, rows: Int, slots: [String: (places: Int, outside: Int)]) {
        let table = try csvTable(path)
        XCTAssertEqual(table.header, ["client_id", "kind", "target_id", "cohort_id", "score"], file: file, line: line)
        let assessed = Set(snapshot.profiles.map(\.clientID))
        var clients = Set<UUID>(), slots: [String: (places: Int, outside: Int)] = [:], optimum = 0
        let today = Calendar.utc.startOfDay(for: snapshot.now)
        for row in table.rows {
            let client = try XCTUnwrap(UUID(uuidString: row["client_id"] ?? ""), file: file, line: line)
            XCTAssertTrue(clients.insert(client).inserted, "client \(client) allocated twice", file: file, line: line)
            XCTAssertTrue(assessed.contains(client), file: file, line: line)
            let target = try XCTUnwrap(UUID(uuidString: row["target_id"] ?? ""), file: file, line: line)
            let score = try XCTUnwrap(Double(row["score"] ?? ""), file: file, line: line)
            XCTAssertTrue(score > 0 && score <= 1, "score \(score)", file: file, line: line)
            optimum += Int((score * 1_000_000).rounded())
            let key: String, places: Int
            switch row["kind"] {
            case "vacancy":
                XCTAssertEqual(row["cohort_id"], "", file: file, line: line)
                key = target.uuidString
                places = try XCTUnwrap(snapshot.vacancyOpenings[target], "unknown vacancy", file: file, line: line)
            case "cohort":
                let cohortID = try XCTUnwrap(UUID(uuidString: row["cohort_id"] ?? ""), file: file, line: line)
                let cohort = try XCTUnwrap(snapshot.cohorts[cohortID], "unknown cohort", file: file, line: line)
                XCTAssertEqual(cohort.programmeID, target, "cohort of another programme", file: file, line: line)
                XCTAssertGreaterThanOrEqual(cohort.startsOn, today, "a cohort that has started", file: file, line: line)
                key = cohortID.uuidString
                places = cohort.freePlaces
            default:
                XCTFail("kind \(row["kind"] ?? "nil")", file: file, line: line)
                continue
            }
            let outside = reserved.map { !$0.wards.contains(snapshot.clientWards[client] ?? "") } ?? true
            slots[key, default: (places, 0)].outside += outside ? 1 : 0
        }
        var perSlot: [String: Int] = [:]
        for row in table.rows { perSlot[row["kind"] == "cohort" ? row["cohort_id"]! : row["target_id"]!, default: 0] += 1 }
        for (key, count) in perSlot {
            let places = slots[key]!.places
            XCTAssertLessThanOrEqual(count, places, "slot \(key) over capacity", file: file, line: line)
            if let reserved {
                let kept = (places * reserved.share + 9_999) / 10_000  // rounded up
                XCTAssertLessThanOrEqual(slots[key]!.outside, places - kept, "slot \(key): reserved places taken", file: file, line: line)
            }
        }
        return (optimum, table.rows.count, slots)
    }

    private func columns(_ table: CSVTable, _ names: [String]) -> [[String]] {
        table.rows.map { row in names.map { row[$0] ?? "" } }
    }

    private func reportedOptimum(_ output: String) throws -> Int {
        let after = try XCTUnwrap(output.range(of: "; optimum "), output)
        return try XCTUnwrap(Int(output[after.upperBound...].prefix { $0.isNumber }), output)
    }

    func testAllocateRespectsCapacitiesAndReservationsAndItsOptimumIsTheSumOfItsRows() async throws {
        try seedSmall()
        let snapshot = try await SQLiteFileSnapshot.read(databasePath, now: Date())

        let plainPath = folder.appendingPathComponent("allocation.csv").path
        let plain = try escalator(["allocate", "--out", plainPath])
        XCTAssertEqual(plain.status, 0, plain.errors)
        let checked = try checkAllocation(plainPath, snapshot)
        XCTAssertGreaterThan(checked.rows, 100)
        XCTAssertTrue(plain.output.hasPrefix("Allocated \(checked.rows) of \(snapshot.profiles.count) assessed clients"), plain.output)
        let optimum = try reportedOptimum(plain.output)
        XCTAssertEqual(checked.optimum, optimum, "the optimum is the rows' scores in millionths")

        // Half of every slot for the target wards' residents: without the reservation some slot gives more
        // than its unreserved half to others, so the check below can fail.
        let wards = snapshot.targetWards
        XCTAssertFalse(wards.isEmpty)
        let plainAgainstHalf = try checkAllocationOutside(plainPath, snapshot, wards: wards)
        XCTAssertTrue(plainAgainstHalf.contains { $0.outside > $0.places - ($0.places * 5_000 + 9_999) / 10_000 })
        let reservedPath = folder.appendingPathComponent("reserved.csv").path
        let reserved = try escalator(["allocate", "--reserve-share", "0.5", "--out", reservedPath])
        XCTAssertEqual(reserved.status, 0, reserved.errors)
        XCTAssertTrue(reserved.output.contains("Reserved 50.00% of every slot's places"), reserved.output)
        let reservedChecked = try checkAllocation(reservedPath, snapshot, reserved: (5_000, wards))
        XCTAssertEqual(reservedChecked.optimum, try reportedOptimum(reserved.output))
        XCTAssertLessThan(reservedChecked.optimum, optimum, "a binding reservation lowers the optimum")

        let badPath = folder.appendingPathComponent("bad.csv").path
        for (arguments, message) in [
            (["--reserve-share", "1.5"], "--reserve-share must be between 0 and 1."),
            (["--candidates", "0"], "--candidates must be at least 1."),
            (["--target-wards", "E05000001"], "--target-wards and --release-unused need --reserve-share."),
            (["--reserve-share", "0.3", "--target-wards", "E05099999"], "Unknown ward ids: E05099999."),
            (["--only", "everything"], "everything"),
        ] {
            let run = try escalator(["allocate", "--out", badPath] + arguments)
            XCTAssertNotEqual(run.status, 0, arguments.joined(separator: " "))
            XCTAssertTrue(run.errors.contains(message), run.errors)
            XCTAssertFalse(FileManager.default.fileExists(atPath: badPath), "a bad request writes nothing")
        }
    }

    /// Per slot of an allocation: its places and how many of its clients live outside `wards`.
    private func checkAllocationOutside(_ path: String, _ snapshot: SQLiteFileSnapshot, wards: Set<String>) throws -> [(places: Int, outside: Int)] {
        Array(try checkAllocation(path, snapshot, reserved: (0, wards)).slots.values)
    }

    func testCommissionPrintsAndWritesTheAdviceComputedFromTheDatabase() async throws {
        try seedSmall()
        let outDir = folder.appendingPathComponent("advice").path
        let run = try escalator(["commission", "--out-dir", outDir, "--top", "3"])
        XCTAssertEqual(run.status, 0, run.errors)
        let snapshot = try await SQLiteFileSnapshot.read(databasePath, now: Date())
        let advice = CommissioningAdvice.compute(profiles: snapshot.profiles, vacancies: snapshot.liveVacancies, programmes: snapshot.programmes)
        XCTAssertGreaterThan(advice.blockers.count, 3)
        XCTAssertFalse(advice.programmes.isEmpty)
        XCTAssertGreaterThan(advice.clientsJobReady, 0)

        XCTAssertTrue(run.output.contains("\(snapshot.profiles.count) assessed clients, \(snapshot.liveVacancies.count) live vacancies"), run.output)
        XCTAssertTrue(run.output.contains("clients_job_ready: \(advice.clientsJobReady)\n"), run.output)
        XCTAssertTrue(run.output.contains("Skill blockers (\(advice.blockers.count) rows, first 3)"), run.output)
        let printed = try XCTUnwrap(run.output.components(separatedBy: "Skill blockers (").last?.components(separatedBy: "\n\n").first)
        let printedRows = printed.split(separator: "\n").filter { $0.hasPrefix("| ") }.dropFirst()  // after the header
        XCTAssertEqual(printedRows.map { $0.split(separator: "|").first?.trimmingCharacters(in: .whitespaces) }, advice.blockers.prefix(3).map(\.skillID))

        let blockers = try csvTable(outDir + "/skill-blockers.csv")
        XCTAssertEqual(blockers.header, ["skill_id", "skill_name", "level", "clients_one_skill_away", "vacancies_unlocked", "pairs_one_skill_away", "clients_missing", "programmes_teaching"])
        XCTAssertEqual(
            columns(blockers, ["skill_id", "level", "clients_one_skill_away", "vacancies_unlocked", "pairs_one_skill_away", "clients_missing", "programmes_teaching"]),
            advice.blockers.map { [$0.skillID, $0.level.label.lowercased(), "\($0.clientsOneSkillAway)", "\($0.vacanciesUnlocked)", "\($0.pairsOneSkillAway)", "\($0.clientsMissing)", "\($0.programmesTeaching)"] })

        let programmes = try csvTable(outDir + "/programme-impact.csv")
        XCTAssertEqual(programmes.header, ["programme_id", "title", "free_places", "clients_unlocked", "matches_unlocked", "matches_per_place"])
        XCTAssertEqual(
            columns(programmes, ["programme_id", "free_places", "clients_unlocked", "matches_unlocked", "matches_per_place"]),
            advice.programmes.map { [$0.programmeID.uuidString, "\($0.freePlaces)", "\($0.clientsUnlocked)", "\($0.matchesUnlocked)", String(format: "%.6f", $0.matchesPerPlace)] })

        let untaught = try csvTable(outDir + "/untaught-skills.csv")
        XCTAssertEqual(untaught.header, ["skill_id", "skill_name", "vacancies", "openings", "level_asked", "highest_level_taught"])
        XCTAssertEqual(
            columns(untaught, ["skill_id", "vacancies", "openings", "level_asked", "highest_level_taught"]),
            advice.untaught.map { skill -> [String] in
                [skill.skillID, "\(skill.vacancies)", "\(skill.openings)", skill.levelAsked.label.lowercased(), skill.highestLevelTaught?.label.lowercased() ?? ""]
            })

        let counts = try csvTable(outDir + "/counts.csv")
        XCTAssertEqual(counts.header, ["measure", "value"])
        XCTAssertEqual(counts.rows.map { [$0["measure"] ?? "", $0["value"] ?? ""] }, [
            ["clients_job_ready", "\(advice.clientsJobReady)"], ["clients_blocked_only_by_skills", "\(advice.clientsBlockedOnlyBySkills)"],
        ])

        let bad = try escalator(["commission", "--top", "0", "--out-dir", folder.appendingPathComponent("none").path])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.errors.contains("--top must be at least 1."), bad.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("none").path))
    }

    // MARK: match --spread

    func testMatchSpreadCapsEveryVacancyReachesTheCoresOptimumAndReportsConcentration() async throws {
        try seedSmall()
        let snapshot = try await SQLiteFileSnapshot.read(databasePath, now: Date())
        let plainPath = folder.appendingPathComponent("plain.csv").path, spreadPath = folder.appendingPathComponent("spread.csv").path
        let plain = try escalator(["match", "--top", "10", "--out", plainPath])
        XCTAssertEqual(plain.status, 0, plain.errors)
        XCTAssertEqual(plain.output.components(separatedBy: "\n").filter { !$0.isEmpty }.count, 1, "no spread report without --spread")
        let spread = try escalator(["match", "--top", "10", "--out", spreadPath, "--spread", "--multiple", "2"])
        XCTAssertEqual(spread.status, 0, spread.errors)

        let plainTable = try csvTable(plainPath), spreadTable = try csvTable(spreadPath)
        XCTAssertEqual(spreadTable.header, plainTable.header)
        var perClient: [String: Int] = [:], perVacancy: [UUID: Int] = [:], total = 0
        for row in spreadTable.rows {
            perClient[row["client_id"]!, default: 0] += 1
            perVacancy[try XCTUnwrap(UUID(uuidString: row["vacancy_id"] ?? "")), default: 0] += 1
            total += Int((try XCTUnwrap(Double(row["score"] ?? "")) * 1_000_000).rounded())
        }
        XCTAssertTrue(perClient.values.allSatisfy { $0 <= 10 })
        for (vacancy, count) in perVacancy { XCTAssertLessThanOrEqual(count, 2 * (snapshot.vacancyOpenings[vacancy] ?? 0), "\(vacancy)") }

        // The core's spreading of everyone's best 50 gives the same total weight.
        let deep = VacancyIndex(snapshot.liveVacancies, licenceSkillIDs: Set(StarterTaxonomy.taxonomy.licences.map(\.id)))
            .topVacancies(forAll: snapshot.profiles, k: 50)
        let openings = Dictionary(snapshot.liveVacancies.map { ($0.vacancy.id, $0.vacancy.openings) }, uniquingKeysWith: { a, _ in a })
        let expected = RecommendationSpreading(perClient: 10, multiple: 2).spread(deep, openings: openings)
        XCTAssertEqual(total, expected.reduce(0) { $0 + $1.reduce(0) { $0 + AllocationScore.weight($1.score) } })
        XCTAssertEqual(spreadTable.rows.count, expected.reduce(0) { $0 + $1.count })

        let ids = snapshot.liveVacancies.map(\.vacancy.id)
        let before = RecommendationConcentration(lists: deep.map { Array($0.prefix(10)) }, vacancyIDs: ids)
        let after = RecommendationConcentration(lists: expected, vacancyIDs: ids)
        XCTAssertLessThan(after.maximumPerVacancy, before.maximumPerVacancy, "the seeded data is congested")
        XCTAssertTrue(spread.output.contains("Top 10: \(before.recommendations) recommendations"), spread.output)
        XCTAssertTrue(spread.output.contains("at most \(before.maximumPerVacancy) per vacancy, Gini \(String(format: "%.3f", before.gini))"), spread.output)
        XCTAssertTrue(spread.output.contains("Spread: \(after.recommendations) recommendations"), spread.output)
        XCTAssertTrue(spread.output.contains("at most \(after.maximumPerVacancy) per vacancy, Gini \(String(format: "%.3f", after.gini)), 0 vacancies over 2 × openings."), spread.output)

        let bad = try escalator(["match", "--spread", "--multiple", "0"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.errors.contains("--multiple must be at least 1."), bad.errors)
        let alone = try escalator(["match", "--multiple", "3"])
        XCTAssertNotEqual(alone.status, 0)
        XCTAssertTrue(alone.errors.contains("--multiple needs --spread."), alone.errors)
    }
}
