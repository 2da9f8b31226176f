import Fluent

/// Employer engagement and vacancy scoping.
struct M004_CreateEmployersAndVacancies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EmployerModel.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("name", .string, .required)
            .field("sector", .string, .required)
            .field("size", .string, .required)
            .field("postcode", .string, .required)
            .field("ward_id", .string, .required, .references(WardModel.schema, .id))
            .create()
        try await database.schema(EngagementModel.schema)
            .id()
            .field("employer_id", .uuid, .required, .references(EmployerModel.schema, .id, onDelete: .cascade))
            .field("date", .datetime, .required)
            .field("kind", .string, .required)
            .field("summary", .string, .required)
            .field("recorded_by", .uuid, .references(UserModel.schema, .id))
            .create()
        try await database.schema(PledgeModel.schema)
            .id()
            .field("employer_id", .uuid, .required, .references(EmployerModel.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("quantity", .int, .required)
            .field("made_on", .datetime, .required)
            .create()
        try await database.schema(VacancyModel.schema)
            .id()
            .field("employer_id", .uuid, .required, .references(EmployerModel.schema, .id))
            .field("occupation_id", .string, .required, .references(OccupationModel.schema, .id))
            .field("title", .string, .required)
            .field("requirements", .dictionary, .required)
            .field("minimum_qualification", .int, .required)
            .field("needs_gcse_english", .bool, .required)
            .field("needs_gcse_maths", .bool, .required)
            .field("hours_per_week", .int, .required)
            .field("hourly_pay_pence", .int, .required)
            .field("postcode", .string, .required)
            .field("ward_id", .string, .required, .references(WardModel.schema, .id))
            .field("openings", .int, .required)
            .field("closing_date", .datetime, .required)
            .field("status", .string, .required)
            .field("minimum_age", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [VacancyModel.schema, PledgeModel.schema, EngagementModel.schema, EmployerModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
