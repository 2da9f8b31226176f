import Fluent

/// Providers, their programmes and cohorts.
struct M005_CreateProgrammes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProviderModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("postcode", .string, .required)
            .field("ward_id", .string, .required, .references(WardModel.schema, .id))
            .create()
        try await database.schema(ProgrammeModel.schema)
            .id()
            .field("provider_id", .uuid, .required, .references(ProviderModel.schema, .id))
            .field("title", .string, .required)
            .field("type", .string, .required)
            .field("skills_taught", .dictionary, .required)
            .field("entry_requirements", .dictionary, .required)
            .field("qualification_awarded", .int)
            .field("weeks", .int, .required)
            .field("hours_per_week", .int, .required)
            .field("postcode", .string, .required)
            .field("ward_id", .string, .required, .references(WardModel.schema, .id))
            .field("cost_pence", .int, .required)
            .field("barrier_support", .dictionary, .required)
            .field("co_designing_employer_ids", .dictionary, .required)
            .field("guaranteed_interview", .bool, .required)
            .create()
        try await database.schema(CohortModel.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(ProgrammeModel.schema, .id, onDelete: .cascade))
            .field("starts_on", .datetime, .required)
            .field("capacity", .int, .required)
            .field("enrolled", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [CohortModel.schema, ProgrammeModel.schema, ProviderModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
