import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// The reads behind the assessment pages and endpoints. Assessments hold barriers (special-category
/// data), so only advisers and administrators read them, and only for clients they may see.
enum AssessmentQueries {
    struct Detail: Sendable {
        var client: Client
        var assessment: Assessment
        var score: DistanceFromWorkScore
        var adviserName: String?
    }

    static func requireReader(_ user: AuthenticatedUser) throws {
        guard user.role == .adviser || user.role == .administrator else {
            throw AppError.forbidden("Only advisers can see assessments.")
        }
    }

    static func latest(clientID: UUID, on db: any Database) async throws -> Assessment? {
        try await AssessmentModel.query(on: db).filter(\.$clientID == clientID)
            .sort(\.$assessedOn, .descending).sort(\.$id).first()?.value
    }

    /// A client's assessments, latest first.
    static func list(clientID: UUID, for user: AuthenticatedUser, on db: any Database) async throws -> (client: Client, items: [(Assessment, Int)]) {
        try requireReader(user)
        let client = try await ClientAccess.find(clientID, for: user, on: db).value
        let models = try await AssessmentModel.query(on: db).filter(\.$clientID == clientID)
            .sort(\.$assessedOn, .descending).sort(\.$id).all()
        return (client, models.map { ($0.value, $0.distanceFromWork) })
    }

    /// One assessment; a 404 when it does not exist, belongs to another client, or its client is not visible.
    static func detail(_ id: UUID, clientID: UUID? = nil, for user: AuthenticatedUser, on db: any Database) async throws -> Detail {
        try requireReader(user)
        guard let model = try await AssessmentModel.find(id, on: db), clientID == nil || model.clientID == clientID else {
            throw AppError.notFound("Assessment")
        }
        let client: Client
        do {
            client = try await ClientAccess.find(model.clientID, for: user, on: db).value
        } catch AppError.notFound {
            throw AppError.notFound("Assessment")
        }
        let assessment = model.value
        let adviser: String? = if let adviserID = assessment.adviserID { try await UserModel.find(adviserID, on: db)?.displayName } else { nil }
        return Detail(client: client, assessment: assessment, score: AssessmentService.score(assessment, for: client), adviserName: adviser)
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
