import Fluent

/// Referrals with their status history, job starts and what follows them.
struct M006_CreateReferralsAndOutcomes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReferralModel.schema)
            .id()
            .field("client_id", .uuid, .required, .references(ClientModel.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("programme_id", .uuid, .references(ProgrammeModel.schema, .id))
            .field("cohort_id", .uuid, .references(CohortModel.schema, .id))
            .field("vacancy_id", .uuid, .references(VacancyModel.schema, .id))
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(StatusChangeModel.schema)
            .id()
            .field("referral_id", .uuid, .required, .references(ReferralModel.schema, .id, onDelete: .cascade))
            .field("sequence", .int, .required)
            .field("status", .string, .required)
            .field("at", .datetime, .required)
            .field("by_user_id", .uuid, .references(UserModel.schema, .id))
            .field("note", .string, .required)
            .create()
        try await database.schema(JobStartModel.schema)
            .id()
            .field("client_id", .uuid, .required, .references(ClientModel.schema, .id, onDelete: .cascade))
            .field("vacancy_id", .uuid, .references(VacancyModel.schema, .id))
            .field("employer_name", .string, .required)
            .field("job_title", .string, .required)
            .field("started_on", .datetime, .required)
            .field("hours_per_week", .int, .required)
            .field("hourly_pay_pence", .int, .required)
            .create()
        try await database.schema(SustainmentCheckModel.schema)
            .id()
            .field("job_start_id", .uuid, .required, .references(JobStartModel.schema, .id, onDelete: .cascade))
            .field("milestone", .int, .required)
            .field("checked_on", .datetime, .required)
            .field("still_in_work", .bool, .required)
            .field("note", .string, .required)
            .unique(on: "job_start_id", "milestone")
            .create()
        try await database.schema(InWorkContactModel.schema)
            .id()
            .field("job_start_id", .uuid, .required, .references(JobStartModel.schema, .id, onDelete: .cascade))
            .field("date", .datetime, .required)
            .field("with_employer", .bool, .required)
            .field("summary", .string, .required)
            .create()
        try await database.schema(ProgressionModel.schema)
            .id()
            .field("job_start_id", .uuid, .required, .references(JobStartModel.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("date", .datetime, .required)
            .field("detail", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [
            ProgressionModel.schema, InWorkContactModel.schema, SustainmentCheckModel.schema, JobStartModel.schema,
            StatusChangeModel.schema, ReferralModel.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
