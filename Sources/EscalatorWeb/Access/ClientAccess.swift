import EscalatorCore
import EscalatorPersistence
import Fluent
import FluentSQL
import Vapor

/// Which clients a user may see and what they may do with each, as `AccessPolicy` grants it by relationship:
/// advisers see their organisation's clients (case owner) and those consenting to share with it (consented
/// partner, while the consent stands); providers see clients referred to their programmes while the client's
/// consent to share with the provider stands; administrators see all; employers and analysts see no client
/// records (employers see candidates through `Disclosure`). Every decision is read from the database in the
/// request, so a withdrawal takes effect at once.
enum ClientAccess {
    /// The clients `user` may read (`Permission.readClientRecord`), as a query.
    static func scope(_ query: QueryBuilder<ClientModel>, for user: AuthenticatedUser) throws -> QueryBuilder<ClientModel> {
        let query = query.notErased()
        let through = AccessPolicy.relationships(user.role, .readClientRecord)
        if through.contains(.any) { return query }
        guard !through.isEmpty else { throw AppError.refused(user.role, .readClientRecord) }
        return query.group(.or) { group in
            for relationship in through {
                if let condition = condition(relationship, user) { group.filter(condition) }
            }
        }
    }

    /// The SQL that says a client stands to `user` in `relationship`.
    private static func condition(_ relationship: Relationship, _ user: AuthenticatedUser) -> DatabaseQuery.Filter? {
        let consents: SQLQueryString = """
            \(ident: "clients").\(ident: "id") IN (SELECT \(ident: "client_id") FROM \(ident: "consents") \
            WHERE \(ident: "organisation_id") = \(bind: user.organisationID) AND \(ident: "withdrawn_at") IS NULL)
            """
        switch relationship {
        case .caseOwner:
            return .sql(embed: "\(ident: "clients").\(ident: "organisation_id") = \(bind: user.organisationID)")
        case .consentedPartner:
            return .sql(embed: consents)
        case .referredWithConsent:
            return .sql(embed: """
                \(ident: "clients").\(ident: "id") IN (SELECT r.\(ident: "client_id") FROM \(ident: "referrals") r \
                JOIN \(ident: "programmes") p ON p.\(ident: "id") = r.\(ident: "programme_id") \
                JOIN \(ident: "providers") pr ON pr.\(ident: "id") = p.\(ident: "provider_id") \
                WHERE pr.\(ident: "organisation_id") = \(bind: user.organisationID)) AND \(consents)
                """)
        case .any, .acceptedCandidate, .ownOrganisation:
            return nil
        }
    }

    /// Whether `user`'s organisation is `client`'s case owner or a consented partner: the relationships that grant
    /// anything beyond reading (a provider's `referredWithConsent` grants reading only, and `scope` checks it).
    static func relationships(to client: Client, for user: AuthenticatedUser, on db: any Database) async throws -> Set<Relationship> {
        var found: Set<Relationship> = []
        if client.organisationID == user.organisationID { found.insert(.caseOwner) }
        if try await ConsentCheck.stands(client.id, towards: user.organisationID, on: db) { found.insert(.consentedPartner) }
        return found
    }

    /// The client, if `user` may do `permission` with it: a 403 for a role that never may, a 404 for a client
    /// the user cannot see (not even confirmed to exist), a 403 for one they see but may not use that way.
    static func find(
        _ id: UUID, for user: AuthenticatedUser, needs permission: Permission = .readClientRecord, on db: any Database
    ) async throws -> ClientModel {
        guard AccessPolicy.mayEver(user.role, permission) else { throw AppError.refused(user.role, permission) }
        guard let client = try await scope(ClientModel.query(on: db), for: user).filter(\.$id == id).first() else {
            throw AppError.notFound("Client")
        }
        // Reading is what `scope` checked; a grant that covers every record needs no relationship looked up.
        if permission != .readClientRecord, !AccessPolicy.allows(user.role, permission, through: []) {
            let through = try await relationships(to: client.value, for: user, on: db)
            guard AccessPolicy.allows(user.role, permission, through: through) else {
                throw AppError.forbidden("Only the organisation that registered this client can \(permission.label). Ask them to.")
            }
        }
        return client
    }

    /// For pages: whether the viewer may `permission` this client as its case owner would (no database needed).
    static func mayAsCaseOwner(_ permission: Permission, _ client: Client, role: Role, organisationID: UUID?) -> Bool {
        AccessPolicy.allows(role, permission, through: client.organisationID == organisationID ? [.caseOwner] : [])
    }
}
