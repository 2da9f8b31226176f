import ArgumentParser
import EscalatorCore
import EscalatorPersistence
import EscalatorWeb
import Foundation

struct TaxonomyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy", abstract: "Manage the skills taxonomy.", subcommands: [ImportESCOCommand.self])
}

struct ImportESCOCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-esco",
        abstract: "Add the ESCO classification's occupations and skills, all or nothing.",
        discussion: "DIR must hold \(ESCOImport.occupationsFile), \(ESCOImport.skillsFile) and \(ESCOImport.relationsFile) from the ESCO download (English, CSV). Skills and occupations with the same ids are replaced.")

    @Argument(help: "The folder with the ESCO CSV files.") var directory: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        var texts: [String] = []
        var unreadable: [String] = []
        for name in [ESCOImport.occupationsFile, ESCOImport.skillsFile, ESCOImport.relationsFile] {
            let url = folder.appendingPathComponent(name)
            if let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) {
                texts.append(text)
            } else {
                unreadable.append(url.path)
            }
        }
        guard unreadable.isEmpty else {
            throw CommandFailure("Cannot read \(unreadable.joined(separator: ", ")) (each must exist and be UTF-8).")
        }
        let result: ESCOImportResult
        do {
            result = try ESCOImport.taxonomy(occupationsCSV: texts[0], skillsCSV: texts[1], relationsCSV: texts[2])
        } catch {
            printError("Nothing was imported. " + error.description)
            throw ExitCode(1)
        }
        try await withApplication(try database.environment()) { app in
            try await migrate(app)
            try await app.db.transaction { db in try await TaxonomyWriter.replace(with: result.taxonomy, on: db) }
        }
        print("Imported the ESCO taxonomy: \(result.occupationCount) occupations, \(result.skillCount) skills, \(result.relationCount) occupation–skill relations.")
    }
}
