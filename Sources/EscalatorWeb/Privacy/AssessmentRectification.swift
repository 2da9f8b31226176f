import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Correcting an assessment that was recorded wrongly (UK GDPR Article 16): it is changed in place, rescored,
/// and the change is audited with the purpose "rectification". Only the client's own organisation (and
/// administrators) may, since the form holds notes that partners do not see.
enum AssessmentRectification {
    struct Target: Sendable {
        var client: Client
        var assessment: Assessment
    }

    /// The assessment to correct, in full; 404 when it does not exist, belongs to another client, or its client is
    /// not visible; 403 for anyone but the client's own organisation's advisers and administrators.
    static func find(_ id: UUID, clientID: UUID? = nil, for user: AuthenticatedUser, cipher: ColumnCipher, on db: any Database) async throws -> Target {
        guard let model = try await AssessmentModel.find(id, on: db), clientID == nil || model.clientID == clientID else {
            throw AppError.notFound("Assessment")
        }
        let client: Client
        do {
            client = try await ClientAccess.find(model.clientID, for: user, needs: .correctClientRecord, on: db).value
        } catch AppError.notFound {
            throw AppError.notFound("Assessment")
        }
        return Target(client: client, assessment: try model.value(cipher))
    }

    static func correct(
        _ id: UUID, clientID: UUID? = nil, with input: AssessmentInput, by user: AuthenticatedUser, auditor: Auditor,
        environment: AppEnvironment, cipher: ColumnCipher, on db: any Database
    ) async throws -> AssessmentService.Recorded {
        let target = try await find(id, clientID: clientID, for: user, cipher: cipher, on: db)
        let valid = try input.validate(taxonomy: try await Lookups.taxonomy(on: db), today: environment.now())
        let original = target.assessment
        let corrected = Assessment(
            id: original.id, clientID: original.clientID, adviserID: original.adviserID, assessedOn: valid.assessedOn, skills: valid.skills,
            highestQualification: valid.highestQualification, gcseEnglish: valid.gcseEnglish, gcseMaths: valid.gcseMaths,
            barriers: valid.barriers, aspirations: valid.aspirations, constraints: valid.constraints, notes: valid.notes)
        let score = AssessmentService.score(corrected, for: target.client)
        let fresh = try AssessmentModel(corrected, distanceFromWork: score.total, cipher: cipher)
        let event = auditor.event(.change, .assessment(id), client: original.clientID, purpose: .rectification)
        try await auditor.change([event], on: db) { db in
            guard let model = try await AssessmentModel.find(id, on: db) else { throw AppError.notFound("Assessment") }
            model.assessedOn = fresh.assessedOn
            model.skills = fresh.skills
            model.highestQualification = fresh.highestQualification
            model.gcseEnglish = fresh.gcseEnglish
            model.gcseMaths = fresh.gcseMaths
            model.sealedBarriers = fresh.sealedBarriers
            model.aspirations = fresh.aspirations
            model.minHours = fresh.minHours
            model.maxHours = fresh.maxHours
            model.maxTravelKm = fresh.maxTravelKm
            model.travelModes = fresh.travelModes
            model.sealedNotes = fresh.sealedNotes
            model.distanceFromWork = fresh.distanceFromWork
            try await model.save(on: db)
        }
        return AssessmentService.Recorded(assessment: corrected, score: score)
    }
}
