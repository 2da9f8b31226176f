import EscalatorCore
import EscalatorPersistence
import Fluent
import FluentSQL
import Vapor

/// Which clients a user may see. Advisers see their organisation's clients and those who consented to
/// share with it (while the consent stands); providers see clients referred to their programmes while the
/// client's consent to share with the provider stands; administrators see all; employers and analysts see
/// no client records (employers see candidates through `Disclosure`).
enum ClientAccess {
    static func scope(_ query: QueryBuilder<ClientModel>, for user: AuthenticatedUser) throws -> QueryBuilder<ClientModel> {
        let query = query.notErased()
        switch user.role {
        case .administrator:
            return query
        case .adviser:
            return query.group(.or) { group in
                group.filter(\.$organisationID == user.organisationID)
                group.filter(.sql(embed: """
                    \(ident: "clients").\(ident: "id") IN (SELECT \(ident: "client_id") FROM \(ident: "consents") \
                    WHERE \(ident: "organisation_id") = \(bind: user.organisationID) AND \(ident: "withdrawn_at") IS NULL)
                    """))
            }
        case .provider:
            // Referred to one of their programmes, and consenting to share with the provider: withdrawal ends it at once.
            return query.filter(.sql(embed: """
                \(ident: "clients").\(ident: "id") IN (SELECT r.\(ident: "client_id") FROM \(ident: "referrals") r \
                JOIN \(ident: "programmes") p ON p.\(ident: "id") = r.\(ident: "programme_id") \
                JOIN \(ident: "providers") pr ON pr.\(ident: "id") = p.\(ident: "provider_id") \
                WHERE pr.\(ident: "organisation_id") = \(bind: user.organisationID))
                """)).filter(.sql(embed: """
                \(ident: "clients").\(ident: "id") IN (SELECT \(ident: "client_id") FROM \(ident: "consents") \
                WHERE \(ident: "organisation_id") = \(bind: user.organisationID) AND \(ident: "withdrawn_at") IS NULL)
                """))
        case .employer, .analyst:
            throw AppError.forbidden("Your role (\(user.role.label.lowercased())) cannot see client records.")
        }
    }

    /// The client, if this user may see it; a 404 otherwise, so that others' clients are not even confirmed to exist.
    static func find(_ id: UUID, for user: AuthenticatedUser, on db: any Database) async throws -> ClientModel {
        guard let client = try await scope(ClientModel.query(on: db), for: user).filter(\.$id == id).first() else {
            throw AppError.notFound("Client")
        }
        return client
    }

    /// Whether this user's organisation owns the client's record (or the user is an administrator): the case
    /// owner alone corrects the record, manages its consents, sees its audit trail and answers the client's rights.
    static func isCaseOwner(of client: Client, _ user: AuthenticatedUser) -> Bool {
        isCaseOwner(of: client, role: user.role, organisationID: user.organisationID)
    }

    static func isCaseOwner(of client: Client, role: Role, organisationID: UUID?) -> Bool {
        role == .administrator || (role == .adviser && client.organisationID == organisationID)
    }

    /// The client, for something only the case owner may do (`isCaseOwner`): a 404 for a client the user
    /// cannot see, a 403 saying `action` for one they see through the client's consent or a referral.
    static func findAsCaseOwner(_ id: UUID, for user: AuthenticatedUser, to action: String, on db: any Database) async throws -> ClientModel {
        guard user.role == .adviser || user.role == .administrator else {
            throw AppError.forbidden("Only the organisation that registered this client can \(action).")
        }
        let model = try await find(id, for: user, on: db)
        guard isCaseOwner(of: model.value, user) else {
            throw AppError.forbidden("Only the organisation that registered this client can \(action). Ask them to.")
        }
        return model
    }

    /// Adding to a record (assessments, referrals, job starts) is for advisers who can see it and administrators.
    static func findForChange(_ id: UUID, for user: AuthenticatedUser, on db: any Database) async throws -> ClientModel {
        guard user.role == .adviser || user.role == .administrator else {
            throw AppError.forbidden("Only advisers can change a client's record.")
        }
        return try await find(id, for: user, on: db)
    }
}
