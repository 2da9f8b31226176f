import ArgumentParser
import EscalatorPersistence
import EscalatorWeb
import Foundation

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every row of a kind as CSV, in the format `import` reads (docs/import-formats.md).",
        discussion: "Client exports hold personal data: keep the file as safe as the database.")

    @Argument(help: "What to export: \(ImportKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: ImportKind
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let export = try await withApplication(try database.environment()) { app in
            try await migrate(app)
            return try await DataExchange.export(kind, on: app.db)
        }
        guard let out else {
            FileHandle.standardOutput.write(Data(export.text.utf8))
            return
        }
        do {
            try Data(export.text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw CommandFailure("Cannot write \(out): \(error.localizedDescription)")
        }
        print("Exported \(kind.counted(export.rowCount)) to \(out).")
    }
}
