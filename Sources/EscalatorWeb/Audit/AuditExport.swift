import EscalatorPersistence
import Fluent

/// The whole trail as CSV, for `escalator audit export`.
public enum AuditExport {
    public static func csv(on db: any Database) async throws -> (text: String, rowCount: Int) {
        let entries = try await AuditQueries.all(AuditFilter(), on: db)
        return (AuditQueries.csv(entries), entries.count)
    }
}
