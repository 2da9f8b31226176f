import Fluent
import SQLKit

/// Account security: a user may be made to choose a new password at next sign-in (after an administrator
/// sets a temporary one), their last sign-in is recorded, and API tokens carry a scope and when they were last used.
struct M010_AddAccountSecurity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema(UserModel.schema)
            .field("must_change_password", .bool, .required, .sql(.default(false))).update()
        try await database.schema(UserModel.schema).field("last_signed_in_at", .datetime).update()
        try await database.schema(APITokenModel.schema)
            .field("scope", .string, .required, .sql(.default("write"))).update()
        try await database.schema(APITokenModel.schema).field("last_used_at", .datetime).update()
        try await (database as! any SQLDatabase).create(index: "idx_api_tokens_user").on(APITokenModel.schema).column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "idx_api_tokens_user").run()
        try await database.schema(APITokenModel.schema).deleteField("last_used_at").update()
        try await database.schema(APITokenModel.schema).deleteField("scope").update()
        try await database.schema(UserModel.schema).deleteField("last_signed_in_at").update()
        try await database.schema(UserModel.schema).deleteField("must_change_password").update()
    }
}
