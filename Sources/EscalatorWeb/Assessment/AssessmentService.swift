import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Recording assessments, shared by the pages and the API. Barriers are special-category data: nothing
/// here logs them.
enum AssessmentService {
    struct Recorded: Sendable {
        var assessment: Assessment
        var score: DistanceFromWorkScore
    }

    static func record(
        clientID: UUID, _ input: AssessmentInput, by user: AuthenticatedUser, auditor: Auditor, environment: AppEnvironment,
        cipher: ColumnCipher, on db: any Database
    ) async throws -> Recorded {
        let client = try await ClientAccess.find(clientID, for: user, needs: .addToClientRecord, on: db).value
        let taxonomy = try await Lookups.taxonomy(on: db)
        let valid = try input.validate(taxonomy: taxonomy, today: environment.now())
        let assessment = Assessment(
            id: UUID(), clientID: client.id, adviserID: user.id, assessedOn: valid.assessedOn, skills: valid.skills,
            highestQualification: valid.highestQualification, gcseEnglish: valid.gcseEnglish, gcseMaths: valid.gcseMaths,
            barriers: valid.barriers, aspirations: valid.aspirations, constraints: valid.constraints, notes: valid.notes)
        let score = score(assessment, for: client)
        let model = try AssessmentModel(assessment, distanceFromWork: score.total, cipher: cipher)
        let event = auditor.event(.create, .assessment(assessment.id), client: client.id, purpose: .caseManagement)
        try await auditor.change([event], on: db) { db in try await model.create(on: db) }
        return Recorded(assessment: assessment, score: score)
    }

    /// The score stored with an assessment and shown beside it: months out of work are not recorded.
    static func score(_ assessment: Assessment, for client: Client) -> DistanceFromWorkScore {
        DistanceFromWork.score(assessment, employmentStatus: client.employmentStatus, monthsOutOfWork: nil)
    }
}
