import EscalatorCore

/// A column of an exchange format. A required column must be in the header; an optional one may be
/// left out, and then every row reads it as blank.
public struct ExchangeColumn: Sendable, Hashable {
    public var name: String
    public var isRequired: Bool

    static func required(_ name: String) -> ExchangeColumn { ExchangeColumn(name: name, isRequired: true) }
    static func optional(_ name: String) -> ExchangeColumn { ExchangeColumn(name: name, isRequired: false) }
}

extension [ExchangeColumn] {
    var names: [String] { map(\.name) }

    /// Required columns the header lacks, and header names that are not columns of the format.
    func headerProblems(_ table: CSVTable) -> [ImportProblem] {
        let known = Set(names)
        let missing = filter(\.isRequired).names.filter { !table.hasColumn($0) }.map {
            ImportProblem(line: table.headerLine, column: $0, reason: "the required column is missing from the header")
        }
        let unknown = table.header.filter { !known.contains($0) }.map {
            ImportProblem(
                line: table.headerLine, column: $0.isEmpty ? "(blank)" : $0,
                reason: "not a column of this format; the columns are \(names.joined(separator: ", "))")
        }
        return missing + unknown
    }
}
