import ArgumentParser
import EscalatorPersistence
import EscalatorWeb
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the audit trail's hash chain, or export the trail.",
        subcommands: [VerifyAuditCommand.self, ExportAuditCommand.self])
}

struct VerifyAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the audit chain with the data key; exit 1 naming the first broken row.",
        discussion: """
        Prints 'intact: N rows, head #N HASH' or 'broken at row N: why'. Keep the head somewhere outside the \
        database and pass it later as --anchor N:HASH: rows cut from the end of the chain are found that way.
        """)

    @Option(help: "A head noted earlier, as SEQUENCE:HASH, that must still be in the chain unchanged.") var anchor: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        var head: AuditChain.Head?
        if let anchor {
            let parts = anchor.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let sequence = Int(parts[0]), sequence >= 1, parts[1].count == 64 else {
                throw CommandFailure("--anchor must be SEQUENCE:HASH, as 'escalator audit verify' prints the head.")
            }
            head = AuditChain.Head(sequence: sequence, hash: parts[1].lowercased())
        }
        let result = try await withApplication(try database.environment()) { app in
            try await migrate(app)
            return try await app.auditTrail.chain.verify(on: app.db, anchor: head)
        }
        print(result.summary)
        if !result.isIntact { throw ExitCode(1) }
    }
}

struct ExportAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole audit trail as CSV, in chain order, with every row's hashes.",
        discussion: "The trail names staff and client ids: keep the file as safe as the database.")

    @Option(help: "The CSV file to write.") var out: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let export = try await withApplication(try database.environment()) { app in
            try await migrate(app)
            return try await AuditExport.csv(on: app.db)
        }
        do {
            try Data(export.text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw CommandFailure("Cannot write \(out): \(error.localizedDescription)")
        }
        print("Exported \(export.rowCount) audit \(export.rowCount == 1 ? "event" : "events") to \(out).")
    }
}
