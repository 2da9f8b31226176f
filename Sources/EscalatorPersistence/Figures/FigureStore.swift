import Fluent
import Foundation
import SQLKit

/// Derived figures (insight dashboards, commissioning advice), stored so that every instance serves the same
/// result and only one computes each: a row per figure with the last result (JSON), the change-record version and
/// time it was computed from, and a lease held by the instance computing the next one.
public enum FigureStore {
    static let table = "derived_figures"

    /// A figure as last stored.
    public struct Stored: Sendable {
        public var name: String
        /// The record-of-change version the result was computed from; 0 when none has been stored yet.
        public var version: Int64
        public var computedAt: Date?
        public var payload: String?
        /// How long the last computation took, for estimating the progress of the next.
        public var lastDuration: Double
        public var leaseHolder: String?
        public var leaseUntil: Date
        /// When the computation under way started.
        public var computingSince: Date?

        public func isComputing(at now: Date) -> Bool { leaseHolder != nil && leaseUntil > now }

        /// The fraction of the computation under way that is probably done, from how long the last one took.
        public func progress(at now: Date) -> Double? {
            guard isComputing(at: now), let since = computingSince else { return nil }
            guard lastDuration > 0 else { return 0 }
            return min(0.99, max(0, now.timeIntervalSince(since) / lastDuration))
        }
    }

    /// The figure's row; its result (`payload`, which can be megabytes) only when `withPayload`.
    public static func read(_ name: String, withPayload: Bool = true, on db: any Database) async throws -> Stored? {
        let payloadColumn = withPayload ? "payload" : "NULL AS payload"
        guard let row = try await sql(db).raw("""
            SELECT name, version, computed_at, \(unsafeRaw: payloadColumn), last_duration, lease_holder, lease_until, computing_since
            FROM \(unsafeRaw: table) WHERE name = \(bind: name)
            """).first() else { return nil }
        return Stored(
            name: name, version: try row.decode(column: "version", as: Int64.self),
            computedAt: try row.decode(column: "computed_at", as: Double?.self).map(Date.init(timeIntervalSince1970:)),
            payload: try row.decode(column: "payload", as: String?.self),
            lastDuration: try row.decode(column: "last_duration", as: Double.self),
            leaseHolder: try row.decode(column: "lease_holder", as: String?.self),
            leaseUntil: Date(timeIntervalSince1970: try row.decode(column: "lease_until", as: Double.self)),
            computingSince: try row.decode(column: "computing_since", as: Double?.self).map(Date.init(timeIntervalSince1970:)))
    }

    /// Takes the lease on `name` for `holder` until `until`, if nobody else holds an unexpired one. True when taken.
    public static func lease(_ name: String, holder: String, now: Date, until: Date, on db: any Database) async throws -> Bool {
        try await db.transaction { tx in
            let sql = sql(tx)
            try await sql.raw("""
                INSERT INTO \(unsafeRaw: table) (name, version, last_duration, lease_until) VALUES (\(bind: name), 0, 0, 0)
                ON CONFLICT (name) DO NOTHING
                """).run()
            try await sql.raw("""
                UPDATE \(unsafeRaw: table) SET lease_holder = \(bind: holder), lease_until = \(bind: until.timeIntervalSince1970),
                    computing_since = \(bind: now.timeIntervalSince1970)
                WHERE name = \(bind: name) AND (lease_holder IS NULL OR lease_until <= \(bind: now.timeIntervalSince1970) OR lease_holder = \(bind: holder))
                """).run()
            let holderNow = try await sql.raw("SELECT lease_holder FROM \(unsafeRaw: table) WHERE name = \(bind: name)").first()?
                .decode(column: "lease_holder", as: String?.self)
            return holderNow == holder
        }
    }

    /// Stores a result computed from `version` and gives the lease back. An older result never replaces a newer one.
    public static func store(
        _ name: String, version: Int64, payload: String, computedAt: Date, duration: Double, holder: String, on db: any Database
    ) async throws {
        let sql = sql(db)
        try await sql.raw("""
            UPDATE \(unsafeRaw: table) SET version = \(bind: version), payload = \(bind: payload),
                computed_at = \(bind: computedAt.timeIntervalSince1970), last_duration = \(bind: duration)
            WHERE name = \(bind: name) AND (version <= \(bind: version) OR computed_at IS NULL OR computed_at < \(bind: computedAt.timeIntervalSince1970 - 86_400))
            """).run()
        try await release(name, holder: holder, on: db)
    }

    /// Gives the lease back (a computation failed or is done).
    public static func release(_ name: String, holder: String, on db: any Database) async throws {
        try await sql(db).raw("""
            UPDATE \(unsafeRaw: table) SET lease_holder = NULL, lease_until = 0, computing_since = NULL
            WHERE name = \(bind: name) AND lease_holder = \(bind: holder)
            """).run()
    }

    static func sql(_ db: any Database) -> any SQLDatabase { db as! any SQLDatabase }
}
