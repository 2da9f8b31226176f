import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Which vacancies a user may see and change. Advisers and administrators: all (advisers scope on an
/// employer's behalf). Employer users: their own organisation's employers' vacancies. Providers: all,
/// read-only. Analysts: none (aggregates only).
enum VacancyAccess {
    static func scope(_ query: QueryBuilder<VacancyModel>, for user: AuthenticatedUser, on db: any Database) async throws -> QueryBuilder<VacancyModel> {
        switch user.role {
        case .administrator, .adviser, .provider:
            return query
        case .employer:
            let own = try await EmployerModel.query(on: db).filter(\.$organisationID == user.organisationID).all().compactMap(\.id)
            return query.filter(\.$employerID ~~ own)
        case .analyst:
            throw AppError.forbidden("Analysts see vacancies only in aggregate, on the insight pages.")
        }
    }

    /// The vacancy, if this user may see it; a 404 otherwise.
    static func find(_ id: UUID, for user: AuthenticatedUser, on db: any Database) async throws -> VacancyModel {
        guard let vacancy = try await scope(VacancyModel.query(on: db), for: user, on: db).filter(\.$id == id).first() else {
            throw AppError.notFound("Vacancy")
        }
        return vacancy
    }

    /// Scoping vacancies is for advisers, administrators and employer users; others get a 403.
    static func requireScoper(_ user: AuthenticatedUser) throws {
        guard EmployerAccess.canAct(user) else {
            throw AppError.forbidden("Your role (\(user.role.label.lowercased())) cannot scope or change vacancies.")
        }
    }

    static func findForChange(_ id: UUID, for user: AuthenticatedUser, on db: any Database) async throws -> VacancyModel {
        try requireScoper(user)
        return try await find(id, for: user, on: db)
    }
}
