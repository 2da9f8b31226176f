import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Who may see and change programmes. Providers see and change only their own organisation's
/// providers' programmes; advisers, administrators and employers (who co-design programmes) see all;
/// administrators change any; analysts work with aggregates only.
enum ProgrammeAccess {
    static func requireReader(_ user: AuthenticatedUser) throws {
        if user.role == .analyst {
            throw AppError.forbidden("Your role (analyst) sees programmes only in aggregate, on the insight pages.")
        }
    }

    static func requireChanger(_ user: AuthenticatedUser) throws {
        guard user.role == .provider || user.role == .administrator else {
            throw AppError.forbidden("Only providers and administrators can add or change programmes.")
        }
    }

    /// The providers whose programmes this user may see; nil means every provider.
    static func visibleProviderIDs(for user: AuthenticatedUser, on db: any Database) async throws -> [UUID]? {
        try requireReader(user)
        guard user.role == .provider else { return nil }
        return try await ProviderModel.query(on: db).filter(\.$organisationID == user.organisationID).all().compactMap(\.id)
    }

    /// The providers this user may add programmes to.
    static func changeableProviders(for user: AuthenticatedUser, on db: any Database) async throws -> [Provider] {
        try requireChanger(user)
        var query = ProviderModel.query(on: db)
        if user.role == .provider { query = query.filter(\.$organisationID == user.organisationID) }
        return try await query.sort(\.$name).all().map(\.value)
    }

    /// The programme, if this user may see it; a 404 otherwise.
    static func find(_ id: UUID, for user: AuthenticatedUser, on db: any Database) async throws -> ProgrammeModel {
        let visible = try await visibleProviderIDs(for: user, on: db)
        guard let model = try await ProgrammeModel.find(id, on: db), visible?.contains(model.providerID) ?? true else {
            throw AppError.notFound("Programme")
        }
        return model
    }

    static func findForChange(_ id: UUID, for user: AuthenticatedUser, on db: any Database) async throws -> ProgrammeModel {
        try requireChanger(user)
        return try await find(id, for: user, on: db)
    }
}
