import Fluent
import SQLKit

/// The audit trail: one table, append-only. Triggers refuse UPDATE and DELETE (and, on PostgreSQL, TRUNCATE)
/// so that not even a bug in the app can rewrite it; the hash chain shows tampering by anyone who gets round
/// them (docs/security.md). There is deliberately no foreign key to `clients`: the trail outlives erasure.
struct M009_CreateAuditTrail: AsyncMigration {
    static let refusal = "the audit trail is append-only"

    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEventModel.schema)
            .field("sequence", .int, .identifier(auto: false))
            .field("at", .datetime, .required)
            .field("user_id", .uuid)
            .field("user_name", .string, .required)
            .field("role", .string)
            .field("organisation_id", .uuid)
            .field("organisation_name", .string, .required)
            .field("action", .string, .required)
            .field("object", .string, .required)
            .field("client_id", .uuid, .required)
            .field("purpose", .string, .required)
            .field("channel", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_audit_events_client").on(AuditEventModel.schema).column("client_id").column("sequence").run()
        try await sql.create(index: "idx_audit_events_user").on(AuditEventModel.schema).column("user_id").column("sequence").run()
        try await sql.create(index: "idx_audit_events_at").on(AuditEventModel.schema).column("at").run()
        for statement in Self.triggers(dialect: sql.dialect.name) {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema(AuditEventModel.schema).delete()
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP FUNCTION IF EXISTS audit_events_append_only()").run()
        }
    }

    static func triggers(dialect: String) -> [String] {
        let table = AuditEventModel.schema
        if dialect == "postgresql" {
            return [
                """
                CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '\(refusal)' USING ERRCODE = 'insufficient_privilege';
                END;
                $$
                """,
                "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON \(table) FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()",
                "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()",
                "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON \(table) FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()",
            ]
        }
        return [
            "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON \(table) BEGIN SELECT RAISE(ABORT, '\(refusal)'); END",
            "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON \(table) BEGIN SELECT RAISE(ABORT, '\(refusal)'); END",
        ]
    }
}
