import Foundation

/// Vacancies laid out for fast top-k matching: built once, then queried for many clients. Returns exactly
/// what `Matcher.rankVacancies(for:among:limit:weights:licenceSkillIDs:)` returns (same vacancies, same
/// order, bit-identical scores), without the explanations. See "Engine" in docs/matching.md.
public struct VacancyIndex: Sendable {
    /// What a vacancy asks for, with skills and occupations as small integers.
    struct Facts {
        var hoursPerWeek: Int
        var minimumAge: Int
        var occupation: Int32
        /// Requirements `requirementStart ..< essentialEnd` are essential, `essentialEnd ..< requirementEnd`
        /// desirable, each in the vacancy's order.
        var requirementStart: Int32
        var essentialEnd: Int32
        var requirementEnd: Int32
        var minimumQualification: Int8
        var needsGCSEEnglish: Bool
        var needsGCSEMaths: Bool
    }

    struct Requirement {
        var skill: Int32
        var level: Int8
        /// An essential licence or check: not holding it at the level asked blocks the match.
        var blocksWhenShort: Bool
    }

    let weights: MatchingWeights
    /// Every weight is ≥ 0, so a score cannot exceed the same sum taken with larger component values.
    let canPrune: Bool
    let grid: LocationGrid
    /// Vacancies at grid point `p` are slots `locationStart[p] ..< locationStart[p + 1]`.
    let locationStart: [Int32]
    /// By slot (grid order, then input order).
    let facts: [Facts]
    let idOrder: [UUIDStringOrder]
    let vacancyIDs: [UUID]
    let inputIndex: [Int32]
    let requirements: [Requirement]
    let skillIndex: [String: Int32]
    let occupationIndex: [String: Int32]

    public var count: Int { facts.count }

    public init(_ targets: [VacancyTarget], weights: MatchingWeights = .standard, licenceSkillIDs: Set<String> = []) {
        self.weights = weights
        canPrune = [weights.essentialSkills, weights.desirableSkills, weights.qualification, weights.aspiration, weights.travel]
            .allSatisfy { $0 >= 0 }

        var pointIndex: [GeoPoint: Int] = [:], points: [GeoPoint] = [], pointOf: [Int] = []
        for target in targets {
            if let p = pointIndex[target.location], target.location.latitude.isFinite, target.location.longitude.isFinite {
                pointOf.append(p)
            } else {
                pointIndex[target.location] = points.count
                pointOf.append(points.count)
                points.append(target.location)
            }
        }
        let (grid, order) = LocationGrid.build(points)
        self.grid = grid
        var gridPosition = [Int](repeating: 0, count: points.count)
        for (position, point) in order.enumerated() { gridPosition[point] = position }
        let slotOrder = targets.indices.sorted { (gridPosition[pointOf[$0]], $0) < (gridPosition[pointOf[$1]], $1) }
        var start = [Int32](repeating: 0, count: points.count + 1)
        for point in pointOf { start[gridPosition[point] + 1] += 1 }
        for p in 0..<points.count { start[p + 1] += start[p] }
        locationStart = start

        var skills: [String: Int32] = [:], occupations: [String: Int32] = [:]
        var facts: [Facts] = [], requirements: [Requirement] = []
        facts.reserveCapacity(targets.count)
        for index in slotOrder {
            let vacancy = targets[index].vacancy
            func append(_ importance: Importance) {
                for r in vacancy.requirements where r.importance == importance {
                    let skill = skills[r.skillID] ?? { skills[r.skillID] = Int32(skills.count); return Int32(skills.count - 1) }()
                    requirements.append(Requirement(
                        skill: skill, level: Int8(r.minimumLevel.rawValue),
                        blocksWhenShort: importance == .essential && licenceSkillIDs.contains(r.skillID)))
                }
            }
            let first = Int32(requirements.count)
            append(.essential)
            let essentialEnd = Int32(requirements.count)
            append(.desirable)
            let occupation = occupations[vacancy.occupationID]
                ?? { occupations[vacancy.occupationID] = Int32(occupations.count); return Int32(occupations.count - 1) }()
            facts.append(Facts(
                hoursPerWeek: vacancy.hoursPerWeek, minimumAge: vacancy.minimumAge, occupation: occupation,
                requirementStart: first, essentialEnd: essentialEnd, requirementEnd: Int32(requirements.count),
                minimumQualification: Int8(vacancy.minimumQualification.rawValue),
                needsGCSEEnglish: vacancy.needsGCSEEnglish, needsGCSEMaths: vacancy.needsGCSEMaths))
        }
        self.facts = facts
        self.requirements = requirements
        idOrder = slotOrder.map { UUIDStringOrder(targets[$0].vacancy.id) }
        vacancyIDs = slotOrder.map { targets[$0].vacancy.id }
        inputIndex = slotOrder.map { Int32($0) }
        skillIndex = skills
        occupationIndex = occupations
    }
}
