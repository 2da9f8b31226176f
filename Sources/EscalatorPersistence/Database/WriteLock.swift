import Fluent
import SQLKit

/// Makes writers that must not interleave — across processes as well as within one — take turns, until their
/// transaction ends. Call it first in the transaction, before anything is read.
/// - PostgreSQL: a transaction-scoped advisory lock, one per `Name`.
/// - SQLite: one writer at a time already; a no-op write as the first statement makes the transaction take the
///   write lock at once (waiting for it), so nothing it reads afterwards can be overtaken by another connection's
///   commit — which would otherwise fail the transaction's first real write with SQLITE_BUSY.
public enum WriteLock {
    public enum Name: Int64, Sendable {
        /// Held by every transaction that changes a tracked table (the record-of-change trigger takes it).
        case changes = 73_620_001
        case signInThrottle = 73_620_002
        case auditChain = 73_620_003
        /// Held (session-level, on PostgreSQL) by the process running migrations.
        case migrations = 73_620_004
    }

    public static func take(_ name: Name, in tx: any Database) async throws {
        guard let sql = tx as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: name.rawValue))").run()
        } else {
            try await sql.raw("DELETE FROM \(unsafeRaw: ChangeRecord.table) WHERE 1 = 0").run()
        }
    }
}
