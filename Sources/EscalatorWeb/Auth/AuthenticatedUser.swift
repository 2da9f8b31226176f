import Crypto
import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// The signed-in user for this request, from a session cookie or a bearer token.
public struct AuthenticatedUser: Authenticatable, Sendable {
    public var id: UUID
    public var email: String
    public var displayName: String
    public var role: Role
    public var organisationID: UUID
    public var organisationName: String
    public var organisationKind: OrganisationKind
    /// The user must choose a new password before doing anything else.
    public var mustChangePassword: Bool
    /// Changes whenever the password does: a session signed in under an older password is ended.
    var credentialsStamp: String
    /// The API token this request came with (nil for a browser session), and what it may do.
    var tokenID: UUID?
    var tokenScope: TokenScope?

    static func load(id: UUID, on db: any Database) async throws -> AuthenticatedUser? {
        guard let user = try await UserModel.query(on: db).filter(\.$id == id).with(\.$organisation).first(),
              user.active else { return nil }
        return AuthenticatedUser(user)
    }

    init(_ user: UserModel) {
        id = user.id!
        email = user.email
        displayName = user.displayName
        role = user.role
        organisationID = user.$organisation.id
        organisationName = user.organisation.name
        organisationKind = user.organisation.kind
        mustChangePassword = user.mustChangePassword
        credentialsStamp = Self.stamp(passwordHash: user.passwordHash)
    }

    static func stamp(passwordHash: String) -> String {
        SHA256.hash(data: Data(passwordHash.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    func viewer(csrfToken: String) -> Viewer {
        Viewer(displayName: displayName, role: role, organisationName: organisationName, csrfToken: csrfToken, organisationID: organisationID)
    }
}

extension Request {
    /// The signed-in user, or `AppError.unauthorised`.
    public var user: AuthenticatedUser {
        get throws {
            guard let user = auth.get(AuthenticatedUser.self) else { throw AppError.unauthorised }
            return user
        }
    }

    /// The signed-in user if their role is one of `roles`; otherwise `AppError.forbidden`.
    @discardableResult
    public func require(_ roles: Role...) throws -> AuthenticatedUser {
        let user = try self.user
        guard roles.contains(user.role) else {
            throw AppError.forbidden("Your role (\(user.role.label.lowercased())) cannot do this.")
        }
        return user
    }

    public var viewer: Viewer {
        get throws { try user.viewer(csrfToken: csrfToken) }
    }
}
