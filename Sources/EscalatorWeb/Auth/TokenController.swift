import EscalatorPersistence
import Fluent
import Vapor

/// `POST /api/v1/auth/token`: exchange an email and password for a bearer token.
struct TokenController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.post("auth", "token", use: create)
    }

    struct TokenRequest: Content {
        var email: String
        var password: String
        var name: String?
    }

    struct TokenResponse: Content {
        var token: String
        var tokenType: String
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
        var errors: [FieldError] = []
        if body.email.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(FieldError("email", "email is required.")) }
        if body.password.isEmpty { errors.append(FieldError("password", "password is required.")) }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        guard let model = try await Credentials.verify(email: body.email, password: body.password, on: req) else {
            throw AppError.unauthorised
        }
        let token = APITokens.generate()
        let now = environment.now()
        let expires = now.addingTimeInterval(environment.tokenLifetime)
        try await APITokenModel(userID: model.id!, tokenHash: APITokens.hash(token), name: body.name ?? "api", createdAt: now, expiresAt: expires)
            .create(on: req.db)
        let user = try await AuthenticatedUser.load(id: model.id!, on: req.db)!
        return try .json(TokenResponse(
            token: token, tokenType: "Bearer", expiresAt: expires,
            user: UserSummary(id: user.id, email: user.email, displayName: user.displayName, role: user.role.rawValue,
                              organisationID: user.organisationID, organisationName: user.organisationName)), status: .created)
    }
}
