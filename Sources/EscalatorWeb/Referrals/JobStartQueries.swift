import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// The reads behind a job start's page and endpoint.
enum JobStartQueries {
    struct Milestone: Sendable {
        var milestone: SustainmentMilestone
        var dueOn: Date
        var isDue: Bool
        var check: SustainmentCheck?
    }

    struct Detail: Sendable {
        var jobStart: JobStart
        var clientReference: String
        var clientName: String?
        var milestones: [Milestone]
        var contacts: [InWorkSupportContact]
        var progressions: [Progression]
        /// The vacancy referral that led here, if any.
        var referralID: UUID?
    }

    static func detail(_ id: UUID, for user: AuthenticatedUser, today: Date, pseudonyms: Pseudonyms, on db: any Database) async throws -> Detail {
        let start = try await JobStartAccess.find(id, for: user, on: db).value
        let client = try await ClientModel.find(start.clientID, on: db)
        let checks = try await SustainmentCheckModel.query(on: db).filter(\.$jobStartID == id).all().map(\.value)
        let milestones = SustainmentMilestone.allCases.map { milestone in
            Milestone(milestone: milestone, dueOn: start.checkDue(milestone), isDue: start.checkDue(milestone) <= today,
                      check: checks.first { $0.milestone == milestone })
        }
        let contacts = try await InWorkContactModel.query(on: db).filter(\.$jobStartID == id).sort(\.$date).all().map(\.value)
        let progressions = try await ProgressionModel.query(on: db).filter(\.$jobStartID == id).sort(\.$date).all().map(\.value)
        var referralID: UUID?
        if let vacancyID = start.vacancyID {
            referralID = try await ReferralModel.query(on: db).filter(\.$clientID == start.clientID).filter(\.$vacancyID == vacancyID)
                .sort(\.$updatedAt, .descending).first()?.id
        }
        // Employers reach a start only once the client's details are released to them (`JobStartAccess`), and
        // know the client by the pseudonym of that vacancy, never by their own reference.
        var reference = client?.reference ?? ""
        if user.role == .employer {
            reference = if let vacancyID = start.vacancyID, let vacancy = try await VacancyModel.find(vacancyID, on: db) {
                pseudonyms.candidate(start.clientID, vacancy: vacancy.value)
            } else { "" }
        }
        return Detail(
            jobStart: start, clientReference: reference,
            clientName: client.map { "\($0.givenName) \($0.familyName)" },
            milestones: milestones, contacts: contacts, progressions: progressions, referralID: referralID)
    }
}
