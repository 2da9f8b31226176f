import Fluent

/// Marks a client whose personal data has been erased (anonymised): when, and why (a reason code).
struct M008_AddClientErasure: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema(ClientModel.schema).field("erased_at", .datetime).update()
        try await database.schema(ClientModel.schema).field("erasure_reason", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ClientModel.schema).deleteField("erasure_reason").update()
        try await database.schema(ClientModel.schema).deleteField("erased_at").update()
    }
}
