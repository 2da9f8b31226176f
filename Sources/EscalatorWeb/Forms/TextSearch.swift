import Fluent
import FluentSQL

/// What a search box asks the database: case-insensitive "contains" or "starts with", the same on SQLite and
/// PostgreSQL, with `%`, `_` and `\` in what was typed matched literally (a search for `%` finds only a `%`).
enum TextSearch {
    static func contains(_ table: String, _ column: String, _ text: String) -> DatabaseQuery.Filter {
        like(table, column, "%" + escaped(text) + "%")
    }

    static func startsWith(_ table: String, _ column: String, _ text: String) -> DatabaseQuery.Filter {
        like(table, column, escaped(text) + "%")
    }

    /// `text` lowercased, with LIKE's wildcards and its escape character escaped.
    static func escaped(_ text: String) -> String {
        text.lowercased()
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    private static func like(_ table: String, _ column: String, _ pattern: String) -> DatabaseQuery.Filter {
        .sql(embed: "LOWER(\(ident: table).\(ident: column)) LIKE \(bind: pattern) ESCAPE '\\'")
    }
}
