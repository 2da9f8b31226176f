import EscalatorCore
import Fluent
import Foundation

/// Writes a data set (synthetic or imported) into an empty database in one transaction.
public enum Seeder {
    /// True when the database already holds organisations, so a demo can reuse it.
    public static func isSeeded(_ database: any Database) async throws -> Bool {
        try await OrganisationModel.query(on: database).count() > 0
    }

    public static func seed(
        _ data: SyntheticDataSet, on database: any Database, cipher: ColumnCipher,
        hashPassword: @escaping @Sendable (String) throws -> String
    ) async throws {
        // Every demo user shares one password, so hash it once: Bcrypt is deliberately slow.
        var hashing: [String: String] = [:]
        for password in Set(data.users.map(\.password)) { hashing[password] = try hashPassword(password) }
        let hashes = hashing

        try await database.transaction { tx in try await ChangeRecord.bulkLoad(in: tx) { db in
            try await TaxonomyWriter.replace(with: data.taxonomy, on: db)
            try await data.organisations.map(OrganisationModel.init).createInBatches(on: db)
            try await data.users.map {
                UserModel(id: $0.id, email: $0.email, displayName: $0.displayName, passwordHash: hashes[$0.password]!,
                          role: $0.role, organisationID: $0.organisationID)
            }.createInBatches(on: db)
            try await data.localAuthorities.map(LocalAuthorityModel.init).createInBatches(on: db)
            try await data.wards.map(WardModel.init).createInBatches(on: db)

            try await data.clients.map { try ClientModel($0, cipher: cipher) }.createInBatches(on: db)
            try await data.clients.flatMap { client in
                (data.consents[client.id] ?? []).map { ConsentModel(clientID: client.id, $0) }
            }.createInBatches(on: db)
            let statusByClient = Dictionary(data.clients.map { ($0.id, $0.employmentStatus) }, uniquingKeysWith: { a, _ in a })
            try await data.assessments.map {
                try AssessmentModel($0, distanceFromWork: DistanceFromWork.score(
                    $0, employmentStatus: statusByClient[$0.clientID] ?? .unemployed, monthsOutOfWork: nil).total, cipher: cipher)
            }.createInBatches(on: db)

            try await data.employers.map(EmployerModel.init).createInBatches(on: db)
            try await data.employers.flatMap { employer in
                (data.engagements[employer.id] ?? []).map { EngagementModel(employerID: employer.id, $0) }
            }.createInBatches(on: db)
            try await data.employers.flatMap { employer in
                (data.pledges[employer.id] ?? []).map { PledgeModel(employerID: employer.id, $0) }
            }.createInBatches(on: db)
            try await data.vacancies.map(VacancyModel.init).createInBatches(on: db)

            try await data.providers.map(ProviderModel.init).createInBatches(on: db)
            try await data.programmes.map(ProgrammeModel.init).createInBatches(on: db)
            try await data.programmes.flatMap { programme in
                programme.cohorts.map { CohortModel(programmeID: programme.id, $0) }
            }.createInBatches(on: db)

            try await data.referrals.map(ReferralModel.init).createInBatches(on: db)
            try await data.referrals.flatMap { referral in
                referral.history.enumerated().map { StatusChangeModel(referralID: referral.id, sequence: $0.offset, $0.element) }
            }.createInBatches(on: db)
            try await data.jobStarts.map(JobStartModel.init).createInBatches(on: db)
            try await data.sustainmentChecks.map(SustainmentCheckModel.init).createInBatches(on: db)
            try await data.inWorkContacts.map(InWorkContactModel.init).createInBatches(on: db)
            try await data.progressions.map(ProgressionModel.init).createInBatches(on: db)
            try await InstallationFacts.set(InstallationFacts.syntheticDataDay, to: data.referenceDate.isoDay, on: db)
        } }
    }
}
