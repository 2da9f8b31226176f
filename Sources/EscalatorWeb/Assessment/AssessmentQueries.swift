import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// The reads behind the assessment pages and endpoints. Assessments hold barriers and notes
/// (special-category data), so only advisers and administrators read them, only for clients they may
/// see, and cut down to what `SpecialCategoryAccess` lets them see.
enum AssessmentQueries {
    struct Detail: Sendable {
        var client: Client
        var assessment: Assessment
        var score: DistanceFromWorkScore
        var adviserName: String?
        var view: SpecialCategoryView
    }

    /// The latest assessment in full: callers cut it down (`SpecialCategoryView`) before showing it.
    static func latest(clientID: UUID, cipher: ColumnCipher, on db: any Database) async throws -> Assessment? {
        try await AssessmentModel.query(on: db).filter(\.$clientID == clientID)
            .latestFirst().first()?.value(cipher)
    }

    /// A client's assessments, latest first.
    static func list(
        clientID: UUID, for user: AuthenticatedUser, cipher: ColumnCipher, on db: any Database
    ) async throws -> (client: Client, items: [(Assessment, Int)]) {
        let client = try await ClientAccess.find(clientID, for: user, needs: .readAssessments, on: db).value
        let view = try await SpecialCategoryAccess.view(of: client, for: user, on: db)
        let models = try await AssessmentModel.query(on: db).filter(\.$clientID == clientID)
            .latestFirst().all()
        return (client, try models.map { (view.visible(try $0.value(cipher)), $0.distanceFromWork) })
    }

    /// One assessment; a 404 when it does not exist, belongs to another client, or its client is not visible.
    static func detail(_ id: UUID, clientID: UUID? = nil, for user: AuthenticatedUser, cipher: ColumnCipher, on db: any Database) async throws -> Detail {
        guard let model = try await AssessmentModel.find(id, on: db), clientID == nil || model.clientID == clientID else {
            throw AppError.notFound("Assessment")
        }
        let client: Client
        do {
            client = try await ClientAccess.find(model.clientID, for: user, needs: .readAssessments, on: db).value
        } catch AppError.notFound {
            throw AppError.notFound("Assessment")
        }
        let assessment = try model.value(cipher)
        let view = try await SpecialCategoryAccess.view(of: client, for: user, on: db)
        let adviser: String? = if let adviserID = assessment.adviserID { try await UserModel.find(adviserID, on: db)?.displayName } else { nil }
        return Detail(client: client, assessment: view.visible(assessment), score: view.visible(AssessmentService.score(assessment, for: client)),
                      adviserName: adviser, view: view)
    }

    /// The skills as the form groups them: basic skills, licences and checks, then each sector's occupational skills.
    static func skillGroups(_ taxonomy: Taxonomy) -> [(title: String, skills: [Skill])] {
        var groups: [(String, [Skill])] = [("Basic skills", taxonomy.basicSkills), ("Licences and checks", taxonomy.licences)]
        let occupational = taxonomy.sortedSkills.filter { $0.kind == .occupational }
        for sector in Sector.allCases {
            let skills = occupational.filter { $0.sector == sector }
            if !skills.isEmpty { groups.append((sector.label, skills)) }
        }
        let other = occupational.filter { $0.sector == nil }
        if !other.isEmpty { groups.append(("Other occupational skills", other)) }
        return groups.filter { !$0.1.isEmpty }
    }
}
