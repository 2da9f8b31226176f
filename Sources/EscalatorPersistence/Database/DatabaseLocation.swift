import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// Where the data lives: a SQLite file (the embedded default) or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case sqliteInMemory
    case postgres(url: String)

    /// `DATABASE_URL` when set, else the SQLite file given (or `escalator.sqlite`).
    public static func resolve(environment: [String: String], sqlitePath: String?) -> DatabaseLocation {
        if let url = environment["DATABASE_URL"], !url.isEmpty { return .postgres(url: url) }
        return .sqlite(path: sqlitePath ?? "escalator.sqlite")
    }

    public var description: String {
        switch self {
        case .sqlite(let path): "SQLite file \(path)"
        case .sqliteInMemory: "SQLite in memory"
        case .postgres(let url): "PostgreSQL at \(Self.redacted(url))"
        }
    }

    public var isPostgres: Bool { if case .postgres = self { true } else { false } }

    /// The URL with any password removed, for printing.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "(unparseable URL)" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "(unparseable URL)"
    }

    /// Pooled connections per event loop (one loop per core). A SQLite connection is used by one query at a time
    /// and the driver keeps one per loop; a PostgreSQL connection spends most of a query waiting on the network,
    /// so each loop keeps several, which lets a loop's requests overlap their queries.
    public var connectionsPerEventLoop: Int { isPostgres ? 4 : 1 }

    public func configuration() throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqlite(let path):
            return .sqlite(.file(path))
        case .sqliteInMemory:
            return .sqlite(.memory)
        case .postgres(let url):
            return try .postgres(url: url, maxConnectionsPerEventLoop: connectionsPerEventLoop)
        }
    }
}
