import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Which employers a user may see and act for. Advisers and administrators: all. Employer users: those
/// of their own organisation. Providers: all, read-only (they co-design programmes). Analysts: none.
enum EmployerAccess {
    static func scope(_ query: QueryBuilder<EmployerModel>, for user: AuthenticatedUser) throws -> QueryBuilder<EmployerModel> {
        switch user.role {
        case .administrator, .adviser, .provider:
            return query
        case .employer:
            return query.filter(\.$organisationID == user.organisationID)
        case .analyst:
            throw AppError.forbidden("Analysts see employers only in aggregate, on the insight pages.")
        }
    }

    /// The employer, if this user may see it; a 404 otherwise.
    static func find(_ id: UUID, for user: AuthenticatedUser, on db: any Database) async throws -> EmployerModel {
        guard let employer = try await scope(EmployerModel.query(on: db), for: user).filter(\.$id == id).first() else {
            throw AppError.notFound("Employer")
        }
        return employer
    }

    /// Logging engagement and pledges, and scoping vacancies, is for advisers, administrators and the employer's own users.
    static func canAct(_ user: AuthenticatedUser) -> Bool {
        user.role == .adviser || user.role == .administrator || user.role == .employer
    }

    static func findForChange(_ id: UUID, for user: AuthenticatedUser, on db: any Database) async throws -> EmployerModel {
        guard canAct(user) else {
            throw AppError.forbidden("Your role (\(user.role.label.lowercased())) can see employers but not change them.")
        }
        return try await find(id, for: user, on: db)
    }

    /// The employers this user may act for, by name; empty for read-only roles.
    static func actable(for user: AuthenticatedUser, on db: any Database) async throws -> [Employer] {
        guard canAct(user) else { return [] }
        return try await scope(EmployerModel.query(on: db), for: user).sort(\.$name).all().map(\.value)
    }
}
