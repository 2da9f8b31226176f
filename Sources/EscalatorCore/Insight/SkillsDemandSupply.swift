import Foundation

/// Demand for a skill from live vacancies against the clients who hold it.
public struct SkillDemandSupply: Sendable, Hashable, Codable {
    public var skillID: String
    /// Σ over live vacancies' requirements of openings × (1 if essential, 0.5 if desirable).
    public var demand: Double
    /// Clients whose latest assessment holds the skill at `.working` or above.
    public var supply: Int

    public init(skillID: String, demand: Double, supply: Int) {
        self.skillID = skillID
        self.demand = demand
        self.supply = supply
    }

    /// Supply over demand: below 1 means fewer holders than openings asking. Nil when there is no demand.
    public var ratio: Double? { demand > 0 ? Double(supply) / demand : nil }
}

/// What the demand figure needs from one live vacancy.
public struct VacancyDemand: Sendable, Hashable {
    public var requirements: [SkillRequirement]
    public var openings: Int

    public init(requirements: [SkillRequirement], openings: Int) {
        self.requirements = requirements
        self.openings = openings
    }
}

/// What the supply figure needs from one assessment.
public struct AssessedSkills: Sendable, Hashable {
    public var assessmentID: UUID
    public var clientID: UUID
    public var assessedOn: Date
    public var skills: [SkillHolding]

    public init(assessmentID: UUID, clientID: UUID, assessedOn: Date, skills: [SkillHolding]) {
        self.assessmentID = assessmentID
        self.clientID = clientID
        self.assessedOn = assessedOn
        self.skills = skills
    }

    public init(_ assessment: Assessment) {
        self.init(assessmentID: assessment.id, clientID: assessment.clientID, assessedOn: assessment.assessedOn, skills: assessment.skills)
    }
}

public enum SkillsDemandSupply {
    public static let essentialWeight = 1.0
    public static let desirableWeight = 0.5

    /// The `limit` skills in most demand, highest first, equal demand by skill id. Assessments may include
    /// several per client: only each client's latest (by date, then id) counts.
    public static func top(_ limit: Int, vacancies: [Vacancy], assessments: [Assessment], on date: Date) -> [SkillDemandSupply] {
        top(
            limit,
            liveDemand: vacancies.filter { $0.isLive(on: date) }.map { VacancyDemand(requirements: $0.requirements, openings: $0.openings) },
            assessed: assessments.map(AssessedSkills.init))
    }

    /// The same figures from only the parts they depend on. `liveDemand` must hold live vacancies only.
    public static func top(_ limit: Int, liveDemand: [VacancyDemand], assessed: [AssessedSkills]) -> [SkillDemandSupply] {
        var demand: [String: Double] = [:]
        for vacancy in liveDemand {
            for requirement in vacancy.requirements {
                let weight = requirement.importance == .essential ? essentialWeight : desirableWeight
                demand[requirement.skillID, default: 0] += weight * Double(vacancy.openings)
            }
        }
        var supply: [String: Int] = [:]
        for assessment in latestByClient(assessed).values {
            var held = Set<String>()
            for holding in assessment.skills where holding.level >= .working && demand[holding.skillID] != nil {
                held.insert(holding.skillID)
            }
            for skillID in held { supply[skillID, default: 0] += 1 }
        }
        return demand
            .filter { $0.value > 0 }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(max(0, limit))
            .map { SkillDemandSupply(skillID: $0.key, demand: $0.value, supply: supply[$0.key] ?? 0) }
    }

    public static func latestPerClient(_ assessments: [Assessment]) -> [Assessment] {
        let byID = Dictionary(assessments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return latestPerClient(assessments.map(AssessedSkills.init)).compactMap { byID[$0.assessmentID] }
    }

    /// Each client's latest assessment (by date, then id), ordered by client id.
    public static func latestPerClient(_ assessments: [AssessedSkills]) -> [AssessedSkills] {
        latestByClient(assessments).map { (key: $0.key.uuidString, value: $0.value) }.sorted { $0.key < $1.key }.map(\.value)
    }

    private static func latestByClient(_ assessments: [AssessedSkills]) -> [UUID: AssessedSkills] {
        var latest: [UUID: AssessedSkills] = [:]
        latest.reserveCapacity(assessments.count)
        for assessment in assessments {
            if let current = latest[assessment.clientID],
               (current.assessedOn, current.assessmentID.uuidString) >= (assessment.assessedOn, assessment.assessmentID.uuidString) {
                continue
            }
            latest[assessment.clientID] = assessment
        }
        return latest
    }
}
