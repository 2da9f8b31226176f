import Fluent
import SQLKit

/// Indexes for the lookups the pages and the API make on every request.
struct M007_CreateIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("idx_clients_org", ClientModel.schema, ["organisation_id"]),
        ("idx_clients_ward", ClientModel.schema, ["ward_id"]),
        ("idx_consents_client", ConsentModel.schema, ["client_id"]),
        ("idx_consents_org", ConsentModel.schema, ["organisation_id"]),
        ("idx_assessments_client", AssessmentModel.schema, ["client_id", "assessed_on"]),
        ("idx_vacancies_employer", VacancyModel.schema, ["employer_id"]),
        ("idx_vacancies_status", VacancyModel.schema, ["status"]),
        ("idx_programmes_provider", ProgrammeModel.schema, ["provider_id"]),
        ("idx_cohorts_programme", CohortModel.schema, ["programme_id"]),
        ("idx_referrals_client", ReferralModel.schema, ["client_id"]),
        ("idx_referrals_vacancy", ReferralModel.schema, ["vacancy_id"]),
        ("idx_referrals_programme", ReferralModel.schema, ["programme_id"]),
        ("idx_status_changes_referral", StatusChangeModel.schema, ["referral_id", "sequence"]),
        ("idx_job_starts_client", JobStartModel.schema, ["client_id"]),
        ("idx_checks_job_start", SustainmentCheckModel.schema, ["job_start_id"]),
        ("idx_employers_org", EmployerModel.schema, ["organisation_id"]),
        ("idx_providers_org", ProviderModel.schema, ["organisation_id"]),
        ("idx_users_org", UserModel.schema, ["organisation_id"]),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes {
            try await sql.drop(index: index.name).run()
        }
    }
}
