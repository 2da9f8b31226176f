import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Erasure by anonymisation: in one transaction the client's identifiers, contact details and free text are
/// removed from every record that holds them, the reference is replaced by a random placeholder, and the row
/// is marked erased. What the statistics are counted from stays (see `Anonymisation`), so every insight figure
/// is the same before and after.
enum ErasureService {
    struct Outcome: Sendable {
        var clientID: UUID
        var erasedAt: Date
        var reason: ErasureReason
    }

    /// An administrator's erasure on request. Nobody else may erase; a client already erased is a 409.
    static func erase(
        _ id: UUID, input: ErasureInput, by user: AuthenticatedUser, environment: AppEnvironment, cipher: ColumnCipher,
        auditor: Auditor, on db: any Database
    ) async throws -> Outcome {
        guard user.role == .administrator else {
            throw AppError.forbidden("Only administrators can erase a client's personal data.")
        }
        let reason = try input.validate()
        return try await erase(id, reason: reason, at: environment.now(), cipher: cipher, auditor: auditor, on: db)
    }

    /// The client the erase page is about: any client for an administrator, refused for everyone else.
    static func findForErasure(_ id: UUID, by user: AuthenticatedUser, on db: any Database) async throws -> ClientModel {
        guard user.role == .administrator else {
            throw AppError.forbidden("Only administrators can erase a client's personal data.")
        }
        guard let model = try await ClientModel.find(id, on: db) else { throw AppError.notFound("Client") }
        if let erasedAt = model.erasedAt { throw alreadyErased(erasedAt) }
        return model
    }

    static func alreadyErased(_ date: Date) -> AppError {
        .conflict("This client's personal data was already erased on \(date.ukDate).")
    }

    /// Erases without an access check (the retention run, and `erase(_:input:by:…)` above), appending an
    /// "erase" event to the audit trail in the same transaction.
    static func erase(
        _ id: UUID, reason: ErasureReason, at now: Date, cipher: ColumnCipher, auditor: Auditor, on db: any Database
    ) async throws -> Outcome {
        let purpose: AuditPurpose = reason == .retentionPeriodEnded ? .retention : .erasureRequest
        let event = auditor.event(.erase, .personalData, client: id, purpose: purpose)
        return try await auditor.change([event], on: db) { db in
            try await anonymise(id, reason: reason, at: now, cipher: cipher, on: db)
        }
    }

    private static func anonymise(_ id: UUID, reason: ErasureReason, at now: Date, cipher: ColumnCipher, on db: any Database) async throws -> Outcome {
        guard let client = try await ClientModel.find(id, on: db) else { throw AppError.notFound("Client") }
        if let erasedAt = client.erasedAt { throw alreadyErased(erasedAt) }
        client.update(from: Anonymisation.client(client.value, placeholderReference: try await placeholder(on: db)))
        try client.seal(equalityMonitoring: nil, cipher: cipher)
        client.erasedAt = now
        client.erasureReason = reason.rawValue
        try await client.save(on: db)

        for consent in try await ConsentModel.query(on: db).filter(\.$clientID == id).all() {
            let erased = Anonymisation.consent(consent.value, at: now)
            consent.purpose = erased.purpose
            consent.withdrawnAt = erased.withdrawnAt
            try await consent.save(on: db)
        }
        for assessment in try await AssessmentModel.query(on: db).filter(\.$clientID == id).all() {
            let erased = try AssessmentModel(
                Anonymisation.assessment(try assessment.value(cipher)), distanceFromWork: assessment.distanceFromWork, cipher: cipher)
            assessment.sealedBarriers = erased.sealedBarriers
            assessment.aspirations = erased.aspirations
            assessment.minHours = erased.minHours
            assessment.maxHours = erased.maxHours
            assessment.maxTravelKm = erased.maxTravelKm
            assessment.travelModes = erased.travelModes
            assessment.sealedNotes = erased.sealedNotes
            try await assessment.save(on: db)
        }
        let referralIDs = try await ReferralModel.query(on: db).filter(\.$clientID == id).all().compactMap(\.id)
        if !referralIDs.isEmpty {
            for change in try await StatusChangeModel.query(on: db).filter(\.$referralID ~~ referralIDs).all() {
                change.note = Anonymisation.statusChange(change.value).note
                try await change.save(on: db)
            }
        }
        let starts = try await JobStartModel.query(on: db).filter(\.$clientID == id).all()
        for start in starts {
            let erased = Anonymisation.jobStart(start.value)
            start.employerName = erased.employerName
            start.jobTitle = erased.jobTitle
            try await start.save(on: db)
        }
        let startIDs = starts.compactMap(\.id)
        if !startIDs.isEmpty {
            for check in try await SustainmentCheckModel.query(on: db).filter(\.$jobStartID ~~ startIDs).all() {
                check.note = Anonymisation.check(check.value).note
                try await check.save(on: db)
            }
            for contact in try await InWorkContactModel.query(on: db).filter(\.$jobStartID ~~ startIDs).all() {
                contact.summary = Anonymisation.contact(contact.value).summary
                try await contact.save(on: db)
            }
            for progression in try await ProgressionModel.query(on: db).filter(\.$jobStartID ~~ startIDs).all() {
                progression.detail = Anonymisation.progression(progression.value).detail
                try await progression.save(on: db)
            }
        }
        return Outcome(clientID: id, erasedAt: now, reason: reason)
    }

    private static func placeholder(on db: any Database) async throws -> String {
        while true {
            let reference = Anonymisation.placeholderReference()
            if try await ClientModel.query(on: db).filter(\.$reference == reference).count() == 0 { return reference }
        }
    }
}
