import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Issuing and revoking API tokens. A token's text is returned once, when it is issued; only its SHA-256 is kept.
enum TokenService {
    struct Issued: Sendable {
        var token: String
        var info: TokenInfo
    }

    static func issue(for userID: UUID, _ input: TokenInput.Valid, environment: AppEnvironment, on db: any Database) async throws -> Issued {
        let token = APITokens.generate()
        let now = environment.now()
        let model = APITokenModel(userID: userID, tokenHash: APITokens.hash(token), name: input.name, scope: input.scope,
                                  createdAt: now, expiresAt: now.addingTimeInterval(environment.tokenLifetime))
        try await model.create(on: db)
        return Issued(token: token, info: TokenInfo(model, now: now))
    }

    /// Revokes a token of the user's own, or anyone's for an administrator. Someone else's token is a 404 to
    /// anyone else. Revoking a revoked token changes nothing.
    static func revoke(_ tokenID: UUID, by user: AuthenticatedUser, environment: AppEnvironment, on db: any Database) async throws -> TokenInfo {
        guard let model = try await APITokenModel.find(tokenID, on: db),
              model.$user.id == user.id || user.role == .administrator
        else { throw AppError.notFound("Token") }
        let now = environment.now()
        if model.revokedAt == nil {
            model.revokedAt = now
            try await model.save(on: db)
        }
        return TokenInfo(model, now: now)
    }

    /// Revokes every live token of a user (when an administrator resets their password or deactivates them).
    static func revokeAll(of userID: UUID, at now: Date, on db: any Database) async throws {
        try await APITokenModel.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).update()
    }
}

/// What is known about a token, without the token: for the account page and `GET /api/v1/auth/tokens`.
struct TokenInfo: Content, Sendable {
    enum Status: String, Codable, Sendable, CaseIterable {
        case active, expired, revoked
    }

    var id: UUID
    var name: String
    var scope: TokenScope
    var createdAt: Date
    var expiresAt: Date
    var lastUsedAt: Date?
    var revokedAt: Date?
    var status: Status

    init(_ model: APITokenModel, now: Date) {
        id = model.id!
        name = model.name
        scope = TokenScope(rawValue: model.scope) ?? .read
        createdAt = model.createdAt
        expiresAt = model.expiresAt
        lastUsedAt = model.lastUsedAt
        revokedAt = model.revokedAt
        status = model.revokedAt != nil ? .revoked : model.expiresAt <= now ? .expired : .active
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(scope, forKey: .scope)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(lastUsedAt, forKey: .lastUsedAt)
        try container.encode(revokedAt, forKey: .revokedAt)
        try container.encode(status, forKey: .status)
    }
}
