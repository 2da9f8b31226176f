import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Who may see the audit trail. Administrators see all of it. Advisers of the organisation that owns a
/// client's record (the case owner's) see that client's trail; other advisers may not (403 for a client they
/// can otherwise see, 404 for one they cannot). Providers, employers and analysts see none of it.
enum AuditAccess {
    static func requireAdministrator(_ user: AuthenticatedUser) throws {
        guard user.role == .administrator else {
            throw AppError.forbidden("Only administrators can see the whole audit trail.")
        }
    }

    static func requireReader(_ user: AuthenticatedUser) throws {
        guard user.role == .administrator || user.role == .adviser else {
            throw AppError.forbidden("Your role (\(user.role.label.lowercased())) cannot see the audit trail.")
        }
    }

    /// The client whose trail this user wants, if they may see it. Administrators may name any client id,
    /// even one no longer held (erased): the trail outlives the record.
    static func clientTrail(_ clientID: UUID, for user: AuthenticatedUser, on db: any Database) async throws -> Client? {
        try requireReader(user)
        if user.role == .administrator { return try await ClientModel.find(clientID, on: db)?.value }
        return try await ClientAccess.find(clientID, for: user, needs: .readClientAuditTrail, on: db).value
    }
}
