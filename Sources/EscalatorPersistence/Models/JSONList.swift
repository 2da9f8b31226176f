/// A list stored as one JSON document (`{"items": [...]}`): JSON in SQLite, JSONB in PostgreSQL.
/// A bare Swift array would be written as a PostgreSQL array type instead, which differs by element
/// type and breaks on empty lists.
public struct JSONList<Element: Codable & Sendable>: Codable, Sendable {
    public var items: [Element]

    public init(_ items: [Element]) { self.items = items }
}
