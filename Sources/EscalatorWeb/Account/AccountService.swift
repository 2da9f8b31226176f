import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// A signed-in user changing their own password.
enum AccountService {
    enum Outcome {
        case changed(UserModel)
        /// Too many wrong current passwords: try again after this many seconds.
        case throttled(retryAfter: Int)
    }

    /// Validates the form, checks the current password (a wrong one counts against the sign-in throttle, so a
    /// borrowed session cannot be used to guess it), then stores the new hash and clears any must-change flag.
    static func changePassword(_ input: PasswordInput, for user: AuthenticatedUser, on req: Request, environment: AppEnvironment) async throws -> Outcome {
        let valid = try input.validate(email: user.email)
        switch try await Credentials.attempt(email: user.email, password: valid.currentPassword, on: req, environment: environment) {
        case .throttled(let wait):
            return .throttled(retryAfter: wait)
        case .wrong:
            throw AppError.validation("currentPassword", "Your current password is not right")
        case .verified(let model):
            model.passwordHash = try await req.password.async.hash(valid.newPassword)
            model.mustChangePassword = false
            try await model.save(on: req.db)
            req.logger.info("password changed", metadata: ["user": .string(model.id!.uuidString)])
            return .changed(model)
        }
    }
}
