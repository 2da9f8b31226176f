import Fluent

/// Local authorities, wards with their statistics, and the skills taxonomy.
struct M002_CreateAreasAndTaxonomy: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LocalAuthorityModel.schema)
            .field(.id, .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .create()
        try await database.schema(WardModel.schema)
            .field(.id, .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("local_authority_id", .string, .required, .references(LocalAuthorityModel.schema, .id))
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .field("is_target_ward", .bool, .required)
            .field("working_age_population", .int, .required)
            .field("employed", .int, .required)
            .field("looking_for_work", .int, .required)
            .field("with_level2", .int, .required)
            .field("with_degree", .int, .required)
            .create()
        try await database.schema(SkillModel.schema)
            .field(.id, .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("sector", .string)
            .field("description", .string, .required)
            .create()
        try await database.schema(OccupationModel.schema)
            .field(.id, .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("soc_code", .string)
            .field("sector", .string)
            .field("essential_skills", .dictionary, .required)
            .field("optional_skills", .dictionary, .required)
            .field("typical_qualification", .int, .required)
            .field("description", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [OccupationModel.schema, SkillModel.schema, WardModel.schema, LocalAuthorityModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
