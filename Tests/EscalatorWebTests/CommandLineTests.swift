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

    private struct MissingExecutable: Error {
        var path: String
    }

    private struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The folder the test bundle was built into; every product of the package is built beside it.
    private var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
        #else
        return Bundle.main.bundleURL
        #endif
    }

    /// Runs `escalator` with `--database` set to this test's SQLite file.
    private func escalator(_ arguments: [String], environment extra: [String: String] = [:], input: String = "") throws -> Run {
        let executable = productsDirectory.appendingPathComponent("escalator")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw MissingExecutable(path: executable.path)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + ["--database", folder.appendingPathComponent("cli.sqlite").path]
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = nil
        environment["ESCALATOR_PASSWORD"] = nil
        environment["ESCALATOR_BCRYPT_COST"] = "4"
        process.environment = environment.merging(extra) { _, new in new }
        process.currentDirectoryURL = folder

        let outURL = folder.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errURL = folder.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            output: try String(contentsOf: outURL, encoding: .utf8),
            errors: try String(contentsOf: errURL, encoding: .utf8))
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
}
