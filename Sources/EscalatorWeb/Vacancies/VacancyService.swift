import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Scoping and changing vacancies, shared by the pages and the API. Every change updates the matching snapshot.
enum VacancyService {
    static func create(_ input: VacancyInput, parseErrors: [FieldError] = [], by user: AuthenticatedUser, environment: AppEnvironment,
                       on db: any Database) async throws -> Vacancy {
        try VacancyAccess.requireScoper(user)
        let rules = try await rules(for: user, statuses: [.draft, .open], environment: environment, on: db)
        let vacancy = try input.validate(rules, parseErrors: parseErrors).vacancy(id: UUID())
        try await VacancyModel(vacancy).create(on: db)
        return vacancy
    }

    static func update(_ id: UUID, with input: VacancyInput, parseErrors: [FieldError] = [], by user: AuthenticatedUser,
                       environment: AppEnvironment, on db: any Database) async throws -> Vacancy {
        let model = try await VacancyAccess.findForChange(id, for: user, on: db)
        let rules = try await rules(for: user, statuses: VacancyStatus.allCases, environment: environment, on: db)
        let vacancy = try input.validate(rules, parseErrors: parseErrors).vacancy(id: id)
        model.update(from: vacancy)
        try await model.save(on: db)
        return vacancy
    }

    static func rules(for user: AuthenticatedUser, statuses: [VacancyStatus], environment: AppEnvironment, on db: any Database) async throws -> VacancyInput.Rules {
        VacancyInput.Rules(
            employerIDs: Set(try await EmployerAccess.actable(for: user, on: db).map(\.id)),
            taxonomy: try await Lookups.taxonomy(on: db),
            wardIDs: Set(try await WardModel.query(on: db).all().compactMap(\.id)),
            today: environment.now(), statuses: statuses)
    }
}
