/// One thing wrong with an import file: where, and why.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based physical line of the file.
    public var line: Int
    /// The header name of the column, when the problem is in one.
    public var column: String?
    public var reason: String

    public init(line: Int, column: String?, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `line 7, column postcode: Enter a real postcode, like B1 1AA`
    public var description: String {
        if let column { "line \(line), column \(column): \(reason)" } else { "line \(line): \(reason)" }
    }
}

/// An import that wrote nothing, with every problem found in the file.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    public var kind: ImportKind
    public var problems: [ImportProblem]

    public init(kind: ImportKind, problems: [ImportProblem]) {
        self.kind = kind
        self.problems = problems
    }

    public var description: String {
        "Nothing was imported: the \(kind.rawValue) file has \(problems.count) problem\(problems.count == 1 ? "" : "s").\n"
            + problems.map(\.description).joined(separator: "\n")
    }
}

/// What an import wrote.
public struct ImportSummary: Sendable, Hashable, CustomStringConvertible {
    public var kind: ImportKind
    public var rows: Int

    /// `Imported 3 clients.`
    public var description: String { "Imported \(kind.counted(rows))." }
}
