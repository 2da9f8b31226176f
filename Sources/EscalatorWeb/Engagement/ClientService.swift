import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Changes to client records, shared by the pages and the API.
enum ClientService {
    static let defaultPurpose = "employment and skills support"

    static func register(_ input: ClientInput, by user: AuthenticatedUser, environment: AppEnvironment, on db: any Database) async throws -> Client {
        guard user.role == .adviser || user.role == .administrator else {
            throw AppError.forbidden("Only advisers can register clients.")
        }
        let now = environment.now()
        let valid = try await validate(input, today: now, on: db)
        let client = Client(
            id: UUID(), reference: try await newReference(on: db), givenName: valid.givenName, familyName: valid.familyName,
            dateOfBirth: valid.dateOfBirth, email: valid.email, phone: valid.phone, postcode: valid.postcode,
            wardID: valid.wardID, employmentStatus: valid.employmentStatus, referralSource: valid.referralSource,
            organisationID: user.organisationID, caseOwnerID: user.id, registeredAt: now)
        try await db.transaction { db in
            try await ClientModel(client).create(on: db)
            for organisationID in valid.consentOrganisationIDs where organisationID != user.organisationID {
                try await ConsentModel(clientID: client.id, Consent(organisationID: organisationID, purpose: defaultPurpose, givenAt: now)).create(on: db)
            }
        }
        return client
    }

    static func update(_ id: UUID, with input: ClientInput, by user: AuthenticatedUser, environment: AppEnvironment, on db: any Database) async throws -> Client {
        let model = try await ClientAccess.findForChange(id, for: user, on: db)
        let valid = try await validate(input, today: environment.now(), on: db)
        var client = model.value
        client.givenName = valid.givenName
        client.familyName = valid.familyName
        client.dateOfBirth = valid.dateOfBirth
        client.email = valid.email
        client.phone = valid.phone
        client.postcode = valid.postcode
        client.wardID = valid.wardID
        client.employmentStatus = valid.employmentStatus
        client.referralSource = valid.referralSource
        model.update(from: client)
        try await model.save(on: db)
        return client
    }

    static func recordConsent(clientID: UUID, organisationID: String?, purpose: String?, by user: AuthenticatedUser, environment: AppEnvironment, on db: any Database) async throws -> UUID {
        _ = try await ClientAccess.findForChange(clientID, for: user, on: db)
        var v = Validator()
        let partners = Set(try await Lookups.partnerOrganisations(on: db).map(\.id))
        let organisation = v.uuid(organisationID, "organisationID", missing: "Choose an organisation")
        if let organisation, !partners.contains(organisation) { v.fail("organisationID", "organisationID is not a known partner organisation") }
        let purposeText = v.optionalText(purpose, "purpose", max: 200) ?? defaultPurpose
        try v.throwIfFailed()
        let existing = try await ConsentModel.query(on: db).filter(\.$clientID == clientID)
            .filter(\.$organisationID == organisation!).filter(\.$withdrawnAt == nil).first()
        if let existing { return existing.id! }
        let consent = ConsentModel(clientID: clientID, Consent(organisationID: organisation!, purpose: purposeText, givenAt: environment.now()))
        try await consent.create(on: db)
        return consent.id!
    }

    static func withdrawConsent(clientID: UUID, consentID: UUID, by user: AuthenticatedUser, environment: AppEnvironment, on db: any Database) async throws {
        _ = try await ClientAccess.findForChange(clientID, for: user, on: db)
        guard let consent = try await ConsentModel.query(on: db).filter(\.$id == consentID).filter(\.$clientID == clientID).first() else {
            throw AppError.notFound("Consent")
        }
        guard consent.withdrawnAt == nil else { return }
        consent.withdrawnAt = environment.now()
        try await consent.save(on: db)
    }

    private static func validate(_ input: ClientInput, today: Date, on db: any Database) async throws -> ClientInput.Valid {
        let wardIDs = Set(try await WardModel.query(on: db).all().compactMap(\.id))
        let organisationIDs = Set(try await Lookups.partnerOrganisations(on: db).map(\.id))
        return try input.validate(wardIDs: wardIDs, organisationIDs: organisationIDs, today: today)
    }

    /// `WM-` and eight characters, unique.
    static func newReference(on db: any Database) async throws -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        while true {
            let reference = "WM-" + String((0..<8).map { _ in alphabet.randomElement()! })
            if try await ClientModel.query(on: db).filter(\.$reference == reference).count() == 0 { return reference }
        }
    }
}
