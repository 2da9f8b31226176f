import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Who may see and add to a job start. Advisers see starts of the clients they can see;
/// administrators see all; employers see starts at their organisation's vacancies (while the client's
/// details are released to them: `Disclosure.released`) and may record in-work support contacts there;
/// providers and analysts see none.
enum JobStartAccess {
    static func find(_ id: UUID, for user: AuthenticatedUser, on db: any Database) async throws -> JobStartModel {
        switch user.role {
        case .provider, .analyst:
            throw AppError.forbidden("Your role (\(user.role.label.lowercased())) cannot see job starts.")
        case .administrator, .adviser, .employer:
            break
        }
        guard let model = try await JobStartModel.find(id, on: db) else { throw AppError.notFound("Job start") }
        switch user.role {
        case .adviser:
            _ = try await ClientAccess.find(model.clientID, for: user, on: db)
        case .employer:
            guard let vacancyID = model.vacancyID, let vacancy = try await VacancyModel.find(vacancyID, on: db),
                  let employer = try await EmployerModel.find(vacancy.employerID, on: db),
                  employer.organisationID == user.organisationID else { throw AppError.notFound("Job start") }
            // Only while the client, having accepted a referral to the vacancy, consents to share with the employer.
            let released = try await Disclosure.released([model.clientID], vacancy: vacancyID, employerOrganisation: user.organisationID, on: db)
            guard released.contains(model.clientID) else { throw AppError.notFound("Job start") }
        default:
            break
        }
        return model
    }

    /// Sustainment checks and progressions are recorded by advisers and administrators.
    static func findForOutcome(_ id: UUID, for user: AuthenticatedUser, on db: any Database) async throws -> JobStartModel {
        let model = try await find(id, for: user, on: db)
        guard user.role == .adviser || user.role == .administrator else {
            throw AppError.forbidden("Only advisers record sustainment checks and progression.")
        }
        return model
    }
}

/// Recording job starts and what follows them, shared by the pages and the API.
enum JobStartService {
    static func create(clientID: UUID, _ input: JobStartInput, by user: AuthenticatedUser, auditor: Auditor, environment: AppEnvironment,
                       on db: any Database) async throws -> JobStart {
        let client = try await ClientAccess.find(clientID, for: user, needs: .addToClientRecord, on: db)
        var input = input
        var vacancyID: UUID?
        if let raw = Validator.trimmed(input.vacancyID) {
            guard let id = UUID(uuidString: raw), let vacancy = try await VacancyModel.find(id, on: db)?.value else {
                throw AppError.validation("vacancyID", "vacancyID is not a known vacancy")
            }
            let employerName = try await EmployerModel.find(vacancy.employerID, on: db)?.name ?? ""
            input = input.filled(from: vacancy, employerName: employerName)
            vacancyID = id
        }
        let valid = try input.validate(today: environment.now())
        if let vacancyID, try await JobStartModel.query(on: db).filter(\.$clientID == clientID).filter(\.$vacancyID == vacancyID).count() > 0 {
            throw AppError.conflict("A job start at this vacancy is already recorded for this client.")
        }
        let start = JobStart(id: UUID(), clientID: client.id!, vacancyID: vacancyID, employerName: valid.employerName, jobTitle: valid.jobTitle,
                             startedOn: valid.startedOn, hoursPerWeek: valid.hoursPerWeek, hourlyPayPence: valid.hourlyPayPence)
        let event = auditor.event(.create, .jobStart(start.id), client: start.clientID, purpose: .jobOutcomes)
        try await auditor.change([event], on: db) { db in try await JobStartModel(start).create(on: db) }
        return start
    }

    static func recordCheck(_ id: UUID, _ input: SustainmentCheckInput, by user: AuthenticatedUser, auditor: Auditor, environment: AppEnvironment,
                            on db: any Database) async throws -> SustainmentCheck {
        let start = try await JobStartAccess.findForOutcome(id, for: user, on: db).value
        let check = try input.validate(jobStart: start, today: environment.now())
        let existing = try await SustainmentCheckModel.query(on: db).filter(\.$jobStartID == id).filter(\.$milestone == check.milestone).count()
        guard existing == 0 else { throw AppError.conflict("The \(check.milestone.label) check is already recorded.") }
        let event = auditor.event(.create, .sustainmentCheck(check.milestone, jobStart: id), client: start.clientID, purpose: .jobOutcomes)
        try await auditor.change([event], on: db) { db in try await SustainmentCheckModel(check).create(on: db) }
        return check
    }

    static func addContact(_ id: UUID, _ input: InWorkContactInput, by user: AuthenticatedUser, auditor: Auditor, environment: AppEnvironment,
                           on db: any Database) async throws -> InWorkSupportContact {
        let start = try await JobStartAccess.find(id, for: user, on: db).value
        let contact = try input.validate(jobStart: start, today: environment.now())
        let event = auditor.event(.create, .inWorkContact(jobStart: id), client: start.clientID, purpose: .jobOutcomes)
        try await auditor.change([event], on: db) { db in try await InWorkContactModel(contact).create(on: db) }
        return contact
    }

    static func addProgression(_ id: UUID, _ input: ProgressionInput, by user: AuthenticatedUser, auditor: Auditor, environment: AppEnvironment,
                               on db: any Database) async throws -> Progression {
        let start = try await JobStartAccess.findForOutcome(id, for: user, on: db).value
        let progression = try input.validate(jobStart: start, today: environment.now())
        let event = auditor.event(.create, .progression(jobStart: id), client: start.clientID, purpose: .jobOutcomes)
        try await auditor.change([event], on: db) { db in try await ProgressionModel(progression).create(on: db) }
        return progression
    }
}
