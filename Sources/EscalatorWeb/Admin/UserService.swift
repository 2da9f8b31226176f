import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Administrators managing the people who sign in. New users and reset users get a temporary password, shown
/// once to the administrator, and must choose their own at their next sign-in.
enum UserService {
    struct WithPassword: Sendable {
        var user: UserQueries.Row
        var temporaryPassword: String
    }

    static func create(_ input: UserInput, by admin: AuthenticatedUser, on req: Request) async throws -> WithPassword {
        guard admin.role == .administrator else { throw AppError.forbidden("Only administrators manage users.") }
        let organisations = Set(try await OrganisationModel.query(on: req.db).all().compactMap(\.id))
        var taken = false
        if let email = input.normalisedEmail { taken = try await UserModel.query(on: req.db).filter(\.$email == email).count() > 0 }
        let valid = try input.validate(organisationIDs: organisations, emailTaken: taken)
        let password = TemporaryPassword.generate(for: valid.email)
        let model = UserModel(email: valid.email, displayName: valid.displayName, passwordHash: try await req.password.async.hash(password),
                              role: valid.role, organisationID: valid.organisationID)
        model.mustChangePassword = true
        try await model.create(on: req.db)
        return WithPassword(user: UserQueries.Row(try await UserQueries.find(model.id!, on: req.db)), temporaryPassword: password)
    }

    /// A new temporary password; the user must choose their own at next sign-in, their sessions end and their API
    /// tokens are revoked (whoever knew the old password may have made some).
    static func resetPassword(_ id: UUID, by admin: AuthenticatedUser, on req: Request, environment: AppEnvironment) async throws -> WithPassword {
        guard admin.role == .administrator else { throw AppError.forbidden("Only administrators manage users.") }
        guard id != admin.id else { throw AppError.conflict("To change your own password, use Your account.") }
        let model = try await UserQueries.find(id, on: req.db)
        let password = TemporaryPassword.generate(for: model.email)
        model.passwordHash = try await req.password.async.hash(password)
        model.mustChangePassword = true
        try await req.db.transaction { db in
            try await model.save(on: db)
            try await TokenService.revokeAll(of: id, at: environment.now(), on: db)
        }
        return WithPassword(user: UserQueries.Row(model), temporaryPassword: password)
    }

    /// Deactivating ends the user's sessions and revokes their tokens. Nobody may deactivate themselves, so at
    /// least one administrator always remains.
    static func setActive(_ id: UUID, _ active: Bool, by admin: AuthenticatedUser, on db: any Database, environment: AppEnvironment) async throws -> UserQueries.Row {
        guard admin.role == .administrator else { throw AppError.forbidden("Only administrators manage users.") }
        let model = try await UserQueries.find(id, on: db)
        guard model.active != active else { return UserQueries.Row(model) }
        if !active {
            guard id != admin.id else { throw AppError.conflict("You cannot deactivate your own account.") }
        }
        model.active = active
        try await db.transaction { db in
            try await model.save(on: db)
            if !active { try await TokenService.revokeAll(of: id, at: environment.now(), on: db) }
        }
        return UserQueries.Row(model)
    }
}
