import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// `/api/v1/.../assessments`: record and read assessments. Advisers and administrators only.
struct AssessmentsAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        routes.post("clients", ":clientID", "assessments", use: create).needs(.addToClientRecord)
        routes.get("clients", ":clientID", "assessments", use: list).needs(.readAssessments)
        routes.get("assessments", ":assessmentID", use: show).needs(.readAssessments)
    }

    struct SkillDTO: Content {
        var skillID: String
        var skillName: String
        var level: Int
        var evidence: Evidence
    }

    struct BarrierDTO: Content {
        var kind: BarrierKind
        var severity: Int
    }

    struct AssessmentDTO: Content {
        var id: UUID
        var clientID: UUID
        var adviserID: UUID?
        var assessedOn: String
        var skills: [SkillDTO]
        var highestQualification: Int
        var gcseEnglish: Bool
        var gcseMaths: Bool
        var barriers: [BarrierDTO]
        var aspirations: [String]
        var constraints: WorkConstraints
        /// Only for viewers allowed to see assessment notes (`SpecialCategoryAccess`).
        var notes: String?
    }

    struct ScoreDTO: Content {
        var total: Int
        var band: DistanceBand
        var bandLabel: String
        var factors: [DistanceFactor]
    }

    struct DetailDTO: Content {
        var assessment: AssessmentDTO
        var distanceFromWork: ScoreDTO
        var actionPlan: [EscalatorStep]
        /// Special-category fields left out or cut down for this viewer; absent when nothing is.
        var withheld: [String]?
    }

    struct SummaryDTO: Content {
        var id: UUID
        var assessedOn: String
        var highestQualification: Int
        var skillCount: Int
        var barrierCount: Int
        var distanceFromWork: Int
    }

    func create(req: Request) async throws -> Response {
        let user = try req.user
        let input = try req.content.decode(AssessmentInput.self)
        let recorded = try await AssessmentService.record(
            clientID: try req.uuid("clientID", "Client"), input, by: user, auditor: try req.auditor, environment: environment,
            cipher: req.cipher, on: req.db)
        let client = try await ClientAccess.find(recorded.assessment.clientID, for: user, on: req.db).value
        let view = try await SpecialCategoryAccess.view(of: client, for: user, on: req.db)
        return try .json(Self.detail(view.visible(recorded.assessment), score: view.visible(recorded.score), view: view,
                                     taxonomy: try await Lookups.taxonomy(on: req.db)), status: .created)
    }

    func list(req: Request) async throws -> Response {
        let page = try req.pageRequest()
        let listed = try await AssessmentQueries.list(clientID: try req.uuid("clientID", "Client"), for: try req.user, cipher: req.cipher, on: req.db)
        try await req.audit(.read, .assessments, client: listed.client.id, purpose: .caseManagement)
        let items = listed.items.dropFirst(page.offset).prefix(page.size).map { assessment, total in
            SummaryDTO(id: assessment.id, assessedOn: assessment.assessedOn.isoDay, highestQualification: assessment.highestQualification.rawValue,
                       skillCount: assessment.skills.count, barrierCount: assessment.barriers.count, distanceFromWork: total)
        }
        return try .json(PagedResponse(Page(items: Array(items), request: page, total: listed.items.count)))
    }

    func show(req: Request) async throws -> Response {
        let detail = try await AssessmentQueries.detail(try req.uuid("assessmentID", "Assessment"), for: try req.user, cipher: req.cipher, on: req.db)
        try await req.audit(.read, .assessment(detail.assessment.id), client: detail.client.id, purpose: .caseManagement)
        return try .json(Self.detail(detail.assessment, score: detail.score, view: detail.view, taxonomy: try await Lookups.taxonomy(on: req.db)))
    }

    /// `a` and `score` already cut down to `view`.
    static func detail(_ a: Assessment, score: DistanceFromWorkScore, view: SpecialCategoryView, taxonomy: Taxonomy) -> DetailDTO {
        DetailDTO(
            assessment: AssessmentDTO(
                id: a.id, clientID: a.clientID, adviserID: a.adviserID, assessedOn: a.assessedOn.isoDay,
                skills: a.skills.map { SkillDTO(skillID: $0.skillID, skillName: taxonomy.skillName($0.skillID), level: $0.level.rawValue, evidence: $0.evidence) },
                highestQualification: a.highestQualification.rawValue, gcseEnglish: a.gcseEnglish, gcseMaths: a.gcseMaths,
                barriers: a.barriers.map { BarrierDTO(kind: $0.kind, severity: $0.severity.rawValue) },
                aspirations: a.aspirations, constraints: a.constraints, notes: view.notes ? a.notes : nil),
            distanceFromWork: ScoreDTO(total: score.total, band: score.band, bandLabel: score.band.label, factors: score.factors),
            actionPlan: ActionPlan.make(for: a, score: score, taxonomy: taxonomy),
            withheld: view.withheld.isEmpty ? nil : view.withheld)
    }
}
