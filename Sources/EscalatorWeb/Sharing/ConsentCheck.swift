import EscalatorCore
import EscalatorPersistence
import Fluent
import FluentSQL
import Vapor

/// Where a client stands with one organisation: a consent to share with it stands, or every one they
/// gave has been withdrawn. A client missing from `ConsentCheck.states` never consented to it.
enum ConsentState: Sendable, Equatable {
    case standing, withdrawn
}

/// The question behind every other organisation's view of a client: does the client's consent to share
/// with that organisation stand? Asked afresh on every request, so a withdrawal takes effect at once.
enum ConsentCheck {
    static func states(of clientIDs: some Collection<UUID>, towards organisationID: UUID, on db: any Database) async throws -> [UUID: ConsentState] {
        guard !clientIDs.isEmpty else { return [:] }
        var states: [UUID: ConsentState] = [:]
        let consents = try await ConsentModel.query(on: db).filter(\.$clientID ~~ Array(Set(clientIDs)))
            .filter(\.$organisationID == organisationID).all()
        for consent in consents {
            if consent.withdrawnAt == nil {
                states[consent.clientID] = .standing
            } else if states[consent.clientID] == nil {
                states[consent.clientID] = .withdrawn
            }
        }
        return states
    }

    /// Every client whose consent to share with `organisationID` stands.
    static func clients(consentingTo organisationID: UUID, on db: any Database) async throws -> Set<UUID> {
        let rows = try await (db as! any SQLDatabase).select().column("client_id").from(ConsentModel.schema)
            .where("organisation_id", .equal, SQLBind(organisationID)).where("withdrawn_at", .is, SQLLiteral.null).all()
        return Set(try rows.map { try $0.decode(column: "client_id", as: UUID.self) })
    }

    static func stands(_ clientID: UUID, towards organisationID: UUID, on db: any Database) async throws -> Bool {
        try await ConsentModel.query(on: db).filter(\.$clientID == clientID).filter(\.$organisationID == organisationID)
            .filter(\.$withdrawnAt == nil).count() > 0
    }

    /// Of `providerIDs`, those run by an organisation the client's consent to share with stands.
    static func providersSharedWith(_ clientID: UUID, among providerIDs: [UUID], on db: any Database) async throws -> Set<UUID> {
        guard !providerIDs.isEmpty else { return [] }
        let standing = Set(try await ConsentModel.query(on: db).filter(\.$clientID == clientID).filter(\.$withdrawnAt == nil).all()
            .map(\.organisationID))
        let providers = try await ProviderModel.query(on: db).filter(\.$id ~~ Array(Set(providerIDs))).all()
        return Set(providers.filter { standing.contains($0.organisationID) }.compactMap(\.id))
    }

    /// Records the client's consent to share with `organisationID` for `purpose`, unless one to it already stands.
    /// Returns the consent that stands.
    @discardableResult
    static func record(_ clientID: UUID, to organisationID: UUID, for purpose: ConsentPurpose, at date: Date, on db: any Database) async throws -> UUID {
        if let existing = try await ConsentModel.query(on: db).filter(\.$clientID == clientID)
            .filter(\.$organisationID == organisationID).filter(\.$withdrawnAt == nil).first() {
            return existing.id!
        }
        let consent = ConsentModel(clientID: clientID, Consent(organisationID: organisationID, purpose: purpose, givenAt: date))
        try await consent.create(on: db)
        return consent.id!
    }
}
