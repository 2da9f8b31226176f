import EscalatorCore
import Fluent
import Foundation

/// One CSV format: its columns, an importer that is all or nothing, and an exporter whose file the
/// importer reads back into the same rows.
protocol ExchangeFormat {
    static var kind: ImportKind { get }
    static var columns: [ExchangeColumn] { get }
    /// Checks every record against the database; throws `ImportError` listing every problem, or writes
    /// all the records in one transaction and returns how many.
    static func importRecords(_ records: [CSVRecord], on db: any Database, now: Date) async throws -> Int
    /// Rows in `columns` order.
    static func exportRows(on db: any Database) async throws -> [[String]]
}

/// Imports and exports the CSV formats in docs/import-formats.md.
public enum DataExchange {
    /// Reads a whole file and imports it, or throws `ImportError` and writes nothing. With an `auditor`, each
    /// client imported is recorded in the audit trail in the same transaction.
    public static func importCSV(
        _ kind: ImportKind, from data: Data, on db: any Database, now: Date, auditor: Auditor? = nil
    ) async throws -> ImportSummary {
        let table: CSVTable
        do {
            table = try CSVReader().table(from: data)
        } catch {
            throw ImportError(kind: kind, problems: [ImportProblem(line: error.line, column: nil, reason: reason(error))])
        }
        let headerProblems = kind.columns.headerProblems(table)
        guard headerProblems.isEmpty else { throw ImportError(kind: kind, problems: headerProblems) }
        let count = if kind == .clients, let auditor {
            try await ClientsExchange.importRecords(table.rows, on: db, now: now, auditor: auditor)
        } else {
            try await kind.format.importRecords(table.rows, on: db, now: now)
        }
        return ImportSummary(kind: kind, rows: count)
    }

    public static func importCSV(
        _ kind: ImportKind, text: String, on db: any Database, now: Date, auditor: Auditor? = nil
    ) async throws -> ImportSummary {
        try await importCSV(kind, from: Data(text.utf8), on: db, now: now, auditor: auditor)
    }

    /// Every row of the kind as CSV, header first, rows sorted so the same data gives the same file.
    public static func exportCSV(_ kind: ImportKind, on db: any Database) async throws -> String {
        try await export(kind, on: db).text
    }

    public static func export(_ kind: ImportKind, on db: any Database) async throws -> CSVExport {
        let rows = try await kind.format.exportRows(on: db).sorted { $0.lexicographicallyPrecedes($1) }
        return CSVExport(text: CSVWriter.string(header: kind.columns.names, rows: rows), rowCount: rows.count)
    }

    /// The CSV error's message without its "line N: " prefix (the problem carries the line).
    private static func reason(_ error: CSVError) -> String {
        let prefix = "line \(error.line): "
        return error.description.hasPrefix(prefix) ? String(error.description.dropFirst(prefix.count)) : error.description
    }
}

extension ExchangeFormat {
    /// Throws when any record had a problem.
    static func requireNoProblems(_ problems: [ImportProblem]) throws {
        guard problems.isEmpty else { throw ImportError(kind: kind, problems: problems) }
    }
}

/// An exported file and how many rows it has after the header.
public struct CSVExport: Sendable {
    public var text: String
    public var rowCount: Int
}
