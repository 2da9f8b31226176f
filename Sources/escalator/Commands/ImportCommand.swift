import ArgumentParser
import EscalatorCore
import EscalatorPersistence
import EscalatorWeb
import Foundation

extension ImportKind: ExpressibleByArgument {}

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file, all or nothing (formats: docs/import-formats.md).",
        discussion: "Every row is checked first; if any has a problem, each is printed as 'line N, column C: reason' and nothing is written.")

    @Argument(help: "What the file holds: \(ImportKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: ImportKind
    @Argument(help: "The CSV file, UTF-8 with a header row.") var file: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let progress = Progress()
        defer { progress.finish() }
        progress.stage("reading")
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CommandFailure("Cannot read \(file): \(error.localizedDescription)")
        }
        let environment = try database.environment()
        let summary = try await withApplication(environment) { app in
            try await migrate(app)
            do {
                progress.stage("checking and writing \(kind.rawValue)")
                let auditor = app.auditTrail.auditor(.command("import"), channel: .commandLine)
                return try await DataExchange.importCSV(kind, from: data, on: app.db, now: environment.now(), auditor: auditor)
            } catch let error as ImportError {
                progress.finish()
                printError(error.description)
                throw ExitCode(1)
            }
        }
        progress.finish()
        print(summary)
    }
}
