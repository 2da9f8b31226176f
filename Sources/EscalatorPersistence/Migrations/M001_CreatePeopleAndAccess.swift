import Fluent

/// Organisations, users and API tokens.
struct M001_CreatePeopleAndAccess: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationModel.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .create()
        try await database.schema(UserModel.schema)
            .id()
            .field("email", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("active", .bool, .required)
            .unique(on: "email")
            .create()
        try await database.schema(APITokenModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("name", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APITokenModel.schema).delete()
        try await database.schema(UserModel.schema).delete()
        try await database.schema(OrganisationModel.schema).delete()
    }
}
