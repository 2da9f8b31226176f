import EscalatorCore
import Fluent
import Foundation

/// A person who signs in. `passwordHash` is a Bcrypt hash.
public final class UserModel: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "role") public var role: Role
    @Parent(key: "organisation_id") public var organisation: OrganisationModel
    @Field(key: "active") public var active: Bool
    /// Set when an administrator gives the user a temporary password: they must choose their own before anything else.
    @Field(key: "must_change_password") public var mustChangePassword: Bool
    @OptionalField(key: "last_signed_in_at") public var lastSignedInAt: Date?

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $email, $displayName, $passwordHash, $role, $organisation, $active, $mustChangePassword, $lastSignedInAt] }

    public init() {}

    public init(id: UUID? = nil, email: String, displayName: String, passwordHash: String, role: Role, organisationID: UUID) {
        self.id = id
        self.email = email.lowercased()
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.$organisation.id = organisationID
        self.active = true
        self.mustChangePassword = false
    }
}

/// A bearer token for the API. Only the SHA-256 of the token is stored. `scope` is a `TokenScope` raw value.
public final class APITokenModel: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "name") public var name: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @Field(key: "scope") public var scope: String
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $user, $tokenHash, $name, $createdAt, $expiresAt, $revokedAt, $scope, $lastUsedAt] }

    public init() {}

    public init(userID: UUID, tokenHash: String, name: String, scope: TokenScope = .write, createdAt: Date, expiresAt: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.name = name
        self.scope = scope.rawValue
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
