import Foundation

/// A CSV file read as a header and records, every record with exactly the header's field count.
public struct CSVTable: Sendable, Hashable {
    public let header: [String]
    public let rows: [CSVRecord]
    /// The line the header starts on (1 unless blank lines come first).
    public let headerLine: Int
    private let columns: CSVColumns

    /// Reads `text` with `reader` (comma-separated by default).
    public init(parsing text: String, reader: CSVReader = CSVReader()) throws(CSVError) {
        self = try reader.table(from: text)
    }

    /// Checks raw records against the first one, the header.
    public init(records: [CSVRow]) throws(CSVError) {
        guard let first = records.first else { throw CSVError(line: 1, reason: .missingHeader) }
        var positions: [String: Int] = [:]
        for (position, name) in first.fields.enumerated() {
            if positions[name] != nil, !name.isEmpty {
                throw CSVError(line: first.line, reason: .duplicateColumn(name))
            }
            if positions[name] == nil { positions[name] = position }
        }
        let columns = CSVColumns(header: first.fields, positions: positions)
        let expected = first.fields.count
        var rows: [CSVRecord] = []
        rows.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            guard record.fields.count == expected else {
                throw CSVError(line: record.line, reason: .wrongFieldCount(expected: expected, found: record.fields.count))
            }
            rows.append(CSVRecord(line: record.line, fields: record.fields, columns: columns))
        }
        header = first.fields
        headerLine = first.line
        self.rows = rows
        self.columns = columns
    }

    /// The position of a column, by its exact header name.
    public func index(of column: String) -> Int? { columns.positions[column] }

    public func hasColumn(_ column: String) -> Bool { columns.positions[column] != nil }

    /// The header names from `required` that the file lacks, in the order given.
    public func missingColumns(_ required: [String]) -> [String] { required.filter { !hasColumn($0) } }

    public static func == (lhs: CSVTable, rhs: CSVTable) -> Bool {
        lhs.header == rhs.header && lhs.headerLine == rhs.headerLine && lhs.rows == rhs.rows
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(header)
        hasher.combine(rows)
    }
}

/// One record of a `CSVTable`: its fields, looked up by column name, and the line it starts on.
public struct CSVRecord: Sendable, Hashable {
    /// The 1-based physical line the record starts on.
    public let line: Int
    public let fields: [String]
    private let columns: CSVColumns

    init(line: Int, fields: [String], columns: CSVColumns) {
        self.line = line
        self.fields = fields
        self.columns = columns
    }

    /// The field under a header name; nil when the table has no such column.
    public subscript(column: String) -> String? {
        columns.positions[column].map { fields[$0] }
    }

    public subscript(position: Int) -> String { fields[position] }

    public static func == (lhs: CSVRecord, rhs: CSVRecord) -> Bool {
        lhs.line == rhs.line && lhs.fields == rhs.fields
            && (lhs.columns === rhs.columns || lhs.columns.header == rhs.columns.header)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(fields)
    }
}

/// The header's name-to-position index, shared by every record of a table.
final class CSVColumns: Sendable {
    let header: [String]
    let positions: [String: Int]

    init(header: [String], positions: [String: Int]) {
        self.header = header
        self.positions = positions
    }
}
