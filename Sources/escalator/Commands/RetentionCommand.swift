import ArgumentParser
import EscalatorCore
import EscalatorPersistence
import EscalatorWeb
import Foundation

struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "Erase clients' personal data when the retention period ends.",
        subcommands: [RetentionRunCommand.self])
}

struct RetentionRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Erase (anonymise) every client whose last activity is older than the retention period.",
        discussion: """
        A client's last activity is the latest of their registration, assessments, referral status changes, job \
        starts and sustainment checks. The retention period is ESCALATOR_RETENTION_MONTHS months (default 72, six \
        years). Erasure removes names, contact details, notes, barriers and equality monitoring and keeps the facts \
        the statistics are counted from, so published figures do not change; each erasure is added to the audit \
        trail. Run it daily, for example from cron.
        """)

    @Flag(name: .long, help: "Say how many clients would be erased, and change nothing.") var dryRun = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let environment = try database.environment()
        let report = try await withApplication(environment) { app in
            try await migrate(app)
            return try await Retention.run(app, environment: environment, dryRun: dryRun)
        }
        let clients = report.due.count == 1 ? "1 client" : "\(report.due.count) clients"
        let rule = "last activity before \(report.cutoff.isoDay); retention period \(report.months) months"
        if report.dryRun {
            print("Would erase \(clients) (\(rule)). Nothing was changed.")
        } else {
            print("Erased \(report.erased == 1 ? "1 client" : "\(report.erased) clients") (\(rule)).")
        }
    }
}
