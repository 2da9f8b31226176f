import Fluent
import SQLKit

/// The shared record of change (`change_log`), the sign-in failures every instance counts, and the time each
/// assessment was recorded (the tie-break of "latest assessment"), facts about the installation's data, and the
/// stored derived figures (`FigureStore`).
///
/// Triggers on every table that derived state reads append a row — kind and id — in the same transaction as the
/// write, whoever writes: the app, an import, seeding, retention, a `psql` session. Nothing in the app has to
/// remember to. On PostgreSQL the trigger first takes a transaction-scoped advisory lock, so transactions that
/// change tracked tables commit in the order of their sequence numbers: a follower that has read up to N can never
/// later see a row below N appear. It also sends `NOTIFY escalator_changes` (one per transaction).
/// A bulk load (`ChangeRecord.bulkLoad`) pauses the triggers for its own transaction only and records one
/// `everything` change instead.
struct M012_CreateChangeRecord: AsyncMigration {
    /// Table, the kind of change it records, and the column naming the changed thing.
    static let tracked: [(table: String, kind: ChangeKind, column: String)] = [
        ("clients", .client, "id"),
        ("assessments", .client, "client_id"),
        ("consents", .client, "client_id"),
        ("referrals", .client, "client_id"),
        ("vacancies", .vacancy, "id"),
        ("programmes", .programme, "id"),
        ("cohorts", .programme, "programme_id"),
        ("referral_status_changes", .outcome, "referral_id"),
        ("job_starts", .outcome, "client_id"),
        ("sustainment_checks", .outcome, "id"),
        ("in_work_contacts", .outcome, "id"),
        ("progressions", .outcome, "id"),
        ("employers", .employer, "id"),
        ("employer_engagements", .employer, "employer_id"),
        ("pledges", .employer, "employer_id"),
        ("providers", .partner, "id"),
        ("organisations", .partner, "id"),
        ("local_authorities", .reference, "id"),
        ("wards", .reference, "id"),
        ("skills", .reference, "id"),
        ("occupations", .reference, "id"),
        ("users", .account, "id"),
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema(ChangeRecord.table)
            .field("sequence", .int64, .identifier(auto: true))
            .field("kind", .string, .required)
            .field("entity", .string)
            .create()
        try await database.schema(ChangeRecord.pauseTable)
            .field("paused", .bool, .required)
            .create()
        try await database.schema(SignInFailureModel.schema)
            .id()
            .field("key", .string, .required)
            .field("at", .double, .required)
            .create()
        try await database.schema(FigureStore.table)
            .field("name", .string, .identifier(auto: false))
            .field("version", .int64, .required)
            .field("computed_at", .double)
            .field("payload", .string)
            .field("last_duration", .double, .required)
            .field("lease_holder", .string)
            .field("lease_until", .double, .required)
            .field("computing_since", .double)
            .create()
        try await database.schema(InstallationFacts.table)
            .field("name", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
        try await database.schema(AssessmentModel.schema).field("recorded_at", .double, .required, .sql(.default(0))).update()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_sign_in_failures_key").on(SignInFailureModel.schema).column("key").column("at").run()
        for statement in Self.statements(dialect: sql.dialect.name) {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for (table, _, _) in Self.tracked {
            if sql.dialect.name == "postgresql" {
                try await sql.raw(SQLQueryString("DROP TRIGGER IF EXISTS \(table)_recorded ON \(table)")).run()
            } else {
                for event in ["insert", "update", "delete"] {
                    try await sql.raw(SQLQueryString("DROP TRIGGER IF EXISTS \(table)_\(event)_recorded")).run()
                }
            }
        }
        if sql.dialect.name == "postgresql" { try await sql.raw("DROP FUNCTION IF EXISTS escalator_record_change()").run() }
        try await database.schema(SignInFailureModel.schema).delete()
        try await database.schema(ChangeRecord.table).delete()
        try await database.schema(ChangeRecord.pauseTable).delete()
        try await database.schema(AssessmentModel.schema).deleteField("recorded_at").update()
        try await database.schema(FigureStore.table)
            .field("name", .string, .identifier(auto: false))
            .field("version", .int64, .required)
            .field("computed_at", .double)
            .field("payload", .string)
            .field("last_duration", .double, .required)
            .field("lease_holder", .string)
            .field("lease_until", .double, .required)
            .field("computing_since", .double)
            .create()
        try await database.schema(InstallationFacts.table).delete()
        try await database.schema(FigureStore.table).delete()
    }

    static func statements(dialect: String) -> [String] {
        let log = ChangeRecord.table
        if dialect == "postgresql" {
            var statements = [
                """
                CREATE FUNCTION escalator_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE row_value jsonb;
                BEGIN
                    IF EXISTS (SELECT 1 FROM \(ChangeRecord.pauseTable)) THEN RETURN NULL; END IF;
                    PERFORM pg_advisory_xact_lock(\(WriteLock.Name.changes.rawValue));
                    IF TG_OP = 'DELETE' THEN row_value := to_jsonb(OLD); ELSE row_value := to_jsonb(NEW); END IF;
                    INSERT INTO \(log) (kind, entity) VALUES (TG_ARGV[0], row_value ->> TG_ARGV[1]);
                    PERFORM pg_notify('\(ChangeRecord.channel)', '');
                    RETURN NULL;
                END;
                $$
                """,
            ]
            for (table, kind, column) in tracked {
                statements.append("""
                    CREATE TRIGGER \(table)_recorded AFTER INSERT OR UPDATE OR DELETE ON \(table)
                    FOR EACH ROW EXECUTE FUNCTION escalator_record_change('\(kind.rawValue)', '\(column)')
                    """)
            }
            return statements
        }
        var statements: [String] = []
        for (table, kind, column) in tracked {
            for (event, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
                // Fluent's SQLite driver stores UUIDs as 16-byte blobs; ward and skill ids are text.
                let entity = "CASE typeof(\(row).\(column)) WHEN 'blob' THEN lower(hex(\(row).\(column))) ELSE \(row).\(column) END"
                statements.append("""
                    CREATE TRIGGER \(table)_\(event.lowercased())_recorded AFTER \(event) ON \(table)
                    WHEN NOT EXISTS (SELECT 1 FROM \(ChangeRecord.pauseTable))
                    BEGIN INSERT INTO \(log) (kind, entity) VALUES ('\(kind.rawValue)', \(entity)); END
                    """)
            }
        }
        return statements
    }
}
