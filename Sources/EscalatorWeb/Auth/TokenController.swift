import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// `POST /api/v1/auth/token`: exchange an email and password for a bearer token, behind the sign-in throttle.
struct TokenController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.post("auth", "token", use: create).needs(.usePublicPages)
    }

    struct TokenRequest: Content {
        var email: String
        var password: String
        var name: String?
        var scope: String?
    }

    struct TokenResponse: Content {
        var token: String
        var tokenType: String
        var id: UUID
        var scope: TokenScope
        var expiresAt: Date
        var user: UserSummary
    }

    struct UserSummary: Content {
        var id: UUID
        var email: String
        var displayName: String
        var role: String
        var organisationID: UUID
        var organisationName: String
    }

    func create(req: Request) async throws -> Response {
        let body = try req.content.decode(TokenRequest.self)
        var v = Validator()
        _ = v.requiredText(body.email, "email", "email is required.", max: 254)
        if body.password.isEmpty { v.fail("password", "password is required.") }
        if body.password.count > SignInController.maximumPasswordLength {
            v.fail("password", "password must be \(SignInController.maximumPasswordLength) characters or fewer.")
        }
        let input = TokenInput(name: body.name, scope: body.scope).check(&v)
        try v.throwIfFailed()
        let model: UserModel
        switch try await Credentials.attempt(email: body.email, password: body.password, on: req, environment: environment) {
        case .throttled(let wait): throw AppError.tooManyRequests(retryAfter: wait)
        case .wrong: throw AppError.unauthorised
        case .verified(let user): model = user
        }
        if model.mustChangePassword {
            throw AppError.forbidden("Choose a new password (sign in on the web, at \(RequireChosenPassword.changePath)) before using the API.")
        }
        model.lastSignedInAt = environment.now()
        try await model.save(on: req.db)
        let issued = try await TokenService.issue(for: model.id!, input!, environment: environment, on: req.db)
        let user = try await AuthenticatedUser.load(id: model.id!, on: req.db)!
        return try .json(TokenResponse(
            token: issued.token, tokenType: "Bearer", id: issued.info.id, scope: issued.info.scope, expiresAt: issued.info.expiresAt,
            user: UserSummary(id: user.id, email: user.email, displayName: user.displayName, role: user.role.rawValue,
                              organisationID: user.organisationID, organisationName: user.organisationName)), status: .created)
    }
}
