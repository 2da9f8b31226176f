import EscalatorCore
import Foundation
import XCTest

/// `escalator retention run`, run as an operator would, on a temporary SQLite file.
final class RetentionCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("escalator-retention-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    private struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs the built `escalator` beside the test bundle with `--database` set to this test's file.
    private func escalator(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Run {
        #if os(macOS)
        let products = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent() ?? Bundle.main.bundleURL
        #else
        let products = Bundle.main.bundleURL
        #endif
        let process = Process()
        process.executableURL = products.appendingPathComponent("escalator")
        process.arguments = arguments + ["--database", folder.appendingPathComponent("cli.sqlite").path]
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = nil
        environment["ESCALATOR_RETENTION_MONTHS"] = nil
        process.environment = environment.merging(extra) { _, new in new }
        process.currentDirectoryURL = folder
        let out = folder.appendingPathComponent("out-\(UUID().uuidString)"), err = folder.appendingPathComponent("err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        defer { try? outHandle.close(); try? errHandle.close() }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: try String(contentsOf: out, encoding: .utf8),
                   errors: try String(contentsOf: err, encoding: .utf8))
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Two clients: one registered in 2015 with nothing since, one registered today.
    private func prepare() throws {
        let wards = try write("wards.csv", """
            ward_id,ward_name,local_authority_id,local_authority_name,latitude,longitude,is_target_ward,working_age_population,employed,looking_for_work,with_level2,with_degree
            E05011111,Aston,E08000025,Birmingham,52.50,-1.88,true,10000,5500,900,4800,1500
            """)
        XCTAssertEqual(try escalator(["import", "area-statistics", wards]).status, 0)
        let created = try escalator(
            ["users", "create", "--email", "admin@example.test", "--name", "Ada Admin", "--role", "administrator",
             "--organisation", "Jobcentre Plus Aston", "--organisation-kind", "jobcentre"],
            environment: ["ESCALATOR_PASSWORD": "amber kettle orbit lantern", "ESCALATOR_BCRYPT_COST": "4"])
        XCTAssertEqual(created.status, 0, created.errors)
        let clients = try write("clients.csv", """
            reference,given_name,family_name,date_of_birth,email,phone,postcode,ward_id,employment_status,referral_source,organisation,consent_organisations,registered_on
            WM-OLD00001,Olive,Longago,1970-01-01,olive@example.test,,B6 4AA,E05011111,unemployed,jobcentre,Jobcentre Plus Aston,,2015-01-05
            WM-NEW00001,Nina,Recent,1995-01-01,,,B6 4AA,E05011111,unemployed,jobcentre,Jobcentre Plus Aston,,
            """)
        let imported = try escalator(["import", "clients", clients])
        XCTAssertEqual(imported.status, 0, imported.errors)
    }

    func testADryRunCountsWithoutChangingAndARunErasesOnlyClientsPastThePeriod() throws {
        try prepare()
        let dry = try escalator(["retention", "run", "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.errors)
        XCTAssertTrue(dry.output.hasPrefix("Would erase 1 client (last activity before "), dry.output)
        XCTAssertTrue(dry.output.contains("retention period 72 months). Nothing was changed."), dry.output)
        XCTAssertFalse(dry.output.contains("Olive") || dry.output.contains("WM-OLD00001"), "no personal data in the output")
        var export = try escalator(["export", "clients"])
        XCTAssertTrue(export.output.contains("WM-OLD00001,Olive,Longago"), "the dry run changed nothing")

        let run = try escalator(["retention", "run"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.hasPrefix("Erased 1 client ("), run.output)
        export = try escalator(["export", "clients"])
        XCTAssertEqual(export.status, 0, export.errors)
        XCTAssertFalse(export.output.contains("Olive"), export.output)
        XCTAssertFalse(export.output.contains("WM-OLD00001"), export.output)
        XCTAssertTrue(export.output.contains("WM-NEW00001,Nina,Recent"), export.output)

        let again = try escalator(["retention", "run"])
        XCTAssertEqual(again.output.prefix(16), "Erased 0 clients", again.output)

        let audit = try escalator(["audit", "verify"])
        XCTAssertEqual(audit.status, 0, "the erasure's audit event keeps the chain intact: \(audit.output) \(audit.errors)")
    }

    func testTheRetentionPeriodComesFromTheEnvironmentAndABadValueIsRefused() throws {
        try prepare()
        let long = try escalator(["retention", "run", "--dry-run"], environment: ["ESCALATOR_RETENTION_MONTHS": "1200"])
        XCTAssertEqual(long.status, 0, long.errors)
        XCTAssertTrue(long.output.hasPrefix("Would erase 0 clients"), long.output)
        XCTAssertTrue(long.output.contains("retention period 1200 months"), long.output)

        let bad = try escalator(["retention", "run"], environment: ["ESCALATOR_RETENTION_MONTHS": "six years"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.errors.contains("ESCALATOR_RETENTION_MONTHS must be a whole number of months from 1 to 1200"), bad.errors)
        XCTAssertTrue(try escalator(["export", "clients"]).output.contains("Olive"), "a refused run erases nothing")
    }
}
