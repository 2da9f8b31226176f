import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Changes to client records, shared by the pages and the API.
enum ClientService {
    /// The purpose of consents given at registration, and of a consent recorded without one.
    static let defaultPurpose = ConsentPurpose.employmentSupport

    static func register(
        _ input: ClientInput, by user: AuthenticatedUser, auditor: Auditor, environment: AppEnvironment, cipher: ColumnCipher,
        on db: any Database
    ) async throws -> Client {
        guard user.role == .adviser || user.role == .administrator else {
            throw AppError.forbidden("Only advisers can register clients.")
        }
        let now = environment.now()
        let valid = try await validate(input, today: now, on: db)
        var monitoring: EqualityMonitoring?
        if case .replace(let answers) = valid.equalityMonitoring { monitoring = answers }
        // The registering adviser's organisation owns the record, so may record equality monitoring.
        let client = Client(
            id: UUID(), reference: try await newReference(on: db), givenName: valid.givenName, familyName: valid.familyName,
            dateOfBirth: valid.dateOfBirth, email: valid.email, phone: valid.phone, postcode: valid.postcode,
            wardID: valid.wardID, employmentStatus: valid.employmentStatus, referralSource: valid.referralSource,
            organisationID: user.organisationID, caseOwnerID: user.id, registeredAt: now, equalityMonitoring: monitoring)
        let model = try ClientModel(client, cipher: cipher)
        let consents = valid.consentOrganisationIDs.filter { $0 != user.organisationID }.map {
            ConsentModel(clientID: client.id, Consent(organisationID: $0, purpose: defaultPurpose, givenAt: now))
        }
        for consent in consents { consent.id = UUID() }
        let events = [auditor.event(.create, .clientRecord, client: client.id, purpose: .caseManagement)] + consents.map {
            auditor.event(.consentGiven, .consent($0.id!, organisationID: $0.organisationID), client: client.id, purpose: .caseManagement)
        }
        try await auditor.change(events, on: db) { db in
            try await model.create(on: db)
            for consent in consents { try await consent.create(on: db) }
        }
        return client
    }

    static func update(
        _ id: UUID, with input: ClientInput, by user: AuthenticatedUser, auditor: Auditor, environment: AppEnvironment, cipher: ColumnCipher,
        on db: any Database
    ) async throws -> Client {
        let model = try await ClientAccess.find(id, for: user, needs: .correctClientRecord, on: db)
        if input.equalityMonitoring != nil, try await !SpecialCategoryAccess.view(of: model.value, for: user, on: db).equalityMonitoring {
            throw AppError.forbidden("Only the client's own organisation can record their equality monitoring.")
        }
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
        if case .replace(let answers) = valid.equalityMonitoring {
            let recorded = try model.value(cipher).equalityMonitoring
            // Unchanged answers keep the day the client first agreed to them.
            if !sameAnswers(recorded, answers) { try model.seal(equalityMonitoring: answers, cipher: cipher) }
        }
        try await auditor.change([auditor.event(.change, .clientRecord, client: id, purpose: .rectification)], on: db) { db in
            try await model.save(on: db)
        }
        return client
    }

    static func recordConsent(
        clientID: UUID, organisationID: String?, purpose: String?, by user: AuthenticatedUser, auditor: Auditor, environment: AppEnvironment,
        on db: any Database
    ) async throws -> UUID {
        _ = try await ClientAccess.find(clientID, for: user, needs: .recordConsent, on: db)
        var v = Validator()
        let partners = Set(try await Lookups.partnerOrganisations(on: db).map(\.id))
        let organisation = v.uuid(organisationID, "organisationID", missing: "Choose an organisation")
        if let organisation, !partners.contains(organisation) { v.fail("organisationID", "organisationID is not a known partner organisation") }
        let statedPurpose = Validator.trimmed(purpose) == nil
            ? defaultPurpose : v.enumValue(purpose, "purpose", ConsentPurpose.self, missing: "Choose the purpose")
        try v.throwIfFailed()
        // One standing consent per organisation and purpose: recording it again changes nothing.
        let standing = try await ConsentModel.query(on: db).filter(\.$clientID == clientID)
            .filter(\.$organisationID == organisation!).filter(\.$withdrawnAt == nil).all()
        if let existing = standing.first(where: { $0.value.statedPurpose == statedPurpose }) { return existing.id! }
        let consent = ConsentModel(clientID: clientID, Consent(organisationID: organisation!, purpose: statedPurpose!, givenAt: environment.now()))
        consent.id = UUID()
        let event = auditor.event(.consentGiven, .consent(consent.id!, organisationID: organisation!), client: clientID, purpose: .caseManagement)
        try await auditor.change([event], on: db) { db in try await consent.create(on: db) }
        return consent.id!
    }

    static func withdrawConsent(
        clientID: UUID, consentID: UUID, by user: AuthenticatedUser, auditor: Auditor, environment: AppEnvironment, on db: any Database
    ) async throws {
        _ = try await ClientAccess.find(clientID, for: user, needs: .recordConsent, on: db)
        guard let consent = try await ConsentModel.query(on: db).filter(\.$id == consentID).filter(\.$clientID == clientID).first() else {
            throw AppError.notFound("Consent")
        }
        guard consent.withdrawnAt == nil else { return }
        consent.withdrawnAt = environment.now()
        let event = auditor.event(.consentWithdrawn, .consent(consentID, organisationID: consent.organisationID), client: clientID, purpose: .caseManagement)
        try await auditor.change([event], on: db) { db in try await consent.save(on: db) }
    }

    private static func sameAnswers(_ a: EqualityMonitoring?, _ b: EqualityMonitoring?) -> Bool {
        a?.ethnicity == b?.ethnicity && a?.disability == b?.disability && a?.longTermHealthCondition == b?.longTermHealthCondition
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
