import Fluent

/// Engagement and assessment: clients, their consents, and dated assessments.
struct M003_CreateClientsAndAssessments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ClientModel.schema)
            .id()
            .field("reference", .string, .required)
            .field("given_name", .string, .required)
            .field("family_name", .string, .required)
            .field("date_of_birth", .datetime)
            .field("email", .string)
            .field("phone", .string)
            .field("postcode", .string, .required)
            .field("ward_id", .string, .required, .references(WardModel.schema, .id))
            .field("employment_status", .string, .required)
            .field("referral_source", .string, .required)
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("case_owner_id", .uuid, .references(UserModel.schema, .id))
            .field("registered_at", .datetime, .required)
            .unique(on: "reference")
            .create()
        try await database.schema(ConsentModel.schema)
            .id()
            .field("client_id", .uuid, .required, .references(ClientModel.schema, .id, onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("purpose", .string, .required)
            .field("given_at", .datetime, .required)
            .field("withdrawn_at", .datetime)
            .create()
        try await database.schema(AssessmentModel.schema)
            .id()
            .field("client_id", .uuid, .required, .references(ClientModel.schema, .id, onDelete: .cascade))
            .field("adviser_id", .uuid, .references(UserModel.schema, .id))
            .field("assessed_on", .datetime, .required)
            .field("skills", .dictionary, .required)
            .field("highest_qualification", .int, .required)
            .field("gcse_english", .bool, .required)
            .field("gcse_maths", .bool, .required)
            .field("barriers", .dictionary, .required)
            .field("aspirations", .dictionary, .required)
            .field("min_hours", .int, .required)
            .field("max_hours", .int, .required)
            .field("max_travel_km", .double, .required)
            .field("travel_modes", .dictionary, .required)
            .field("notes", .string, .required)
            .field("distance_from_work", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [AssessmentModel.schema, ConsentModel.schema, ClientModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
