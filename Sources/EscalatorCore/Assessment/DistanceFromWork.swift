/// How far a client is from work, 0 (ready now) to 100 (furthest), with the factors that add up to it.
/// The points table is in docs/distance-from-work.md.
public struct DistanceFromWorkScore: Sendable, Hashable, Codable {
    /// The sum of the factors' points, capped at 100.
    public var total: Int
    public var factors: [DistanceFactor]

    public init(total: Int, factors: [DistanceFactor]) {
        self.total = total
        self.factors = factors
    }

    public var band: DistanceBand { DistanceBand(total: total) }
}

public struct DistanceFactor: Sendable, Hashable, Codable {
    public var name: String
    public var points: Int
    /// A sentence an adviser can read to the client.
    public var explanation: String

    public init(name: String, points: Int, explanation: String) {
        self.name = name
        self.points = points
        self.explanation = explanation
    }
}

public enum DistanceBand: String, Sendable, Codable, CaseIterable, Comparable {
    case ready
    case nearlyReady = "nearly-ready"
    case someWay = "some-way"
    case far

    public init(total: Int) {
        self = Self.allCases.first { $0.range.contains(total) } ?? (total < 0 ? .ready : .far)
    }

    public var range: ClosedRange<Int> {
        switch self {
        case .ready: 0...14
        case .nearlyReady: 15...34
        case .someWay: 35...59
        case .far: 60...100
        }
    }

    public var label: String {
        switch self {
        case .ready: "Ready for work"
        case .nearlyReady: "Nearly ready"
        case .someWay: "Some way from work"
        case .far: "Far from work"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.range.lowerBound < rhs.range.lowerBound }
}

public enum DistanceFromWork {
    public static let maximumTotal = 100
    public static let maximumBarrierPoints = 45

    public static func score(_ assessment: Assessment, employmentStatus: EmploymentStatus, monthsOutOfWork: Int?) -> DistanceFromWorkScore {
        var factors: [DistanceFactor] = []
        factors += qualification(assessment)
        factors += gcses(assessment)
        factors += barriers(assessment.barriers)
        factors += basicSkills(assessment)
        factors += status(employmentStatus)
        factors += timeOutOfWork(monthsOutOfWork)
        factors += availability(assessment.constraints)
        factors += aspiration(assessment)
        let sum = factors.reduce(0) { $0 + $1.points }
        return DistanceFromWorkScore(total: min(maximumTotal, sum), factors: factors)
    }

    public static func points(for level: RQFLevel) -> Int {
        switch level {
        case .entry: 20
        case .level1: 14
        case .level2: 8
        default: 0
        }
    }

    public static func points(for severity: Severity) -> Int {
        switch severity {
        case .low: 3
        case .medium: 7
        case .high: 12
        }
    }

    public static func points(for status: EmploymentStatus) -> Int {
        switch status {
        case .economicallyInactive: 10
        case .unemployed: 6
        case .lowPaidWork, .employed: 0
        }
    }

    public static func points(forMonthsOutOfWork months: Int) -> Int {
        switch months {
        case 24...: 10
        case 12...: 6
        case 6...: 3
        default: 0
        }
    }

    /// One barrier per kind, at its highest recorded severity; most severe first, then in `BarrierKind` order.
    static func orderedBarriers(_ barriers: [Barrier]) -> [Barrier] {
        var worst: [BarrierKind: Severity] = [:]
        for barrier in barriers { worst[barrier.kind] = max(worst[barrier.kind] ?? .low, barrier.severity) }
        let kindOrder = Dictionary(uniqueKeysWithValues: BarrierKind.allCases.enumerated().map { ($1, $0) })
        return worst.map { Barrier(kind: $0.key, severity: $0.value) }.sorted { a, b in
            a.severity != b.severity ? a.severity > b.severity : kindOrder[a.kind]! < kindOrder[b.kind]!
        }
    }

    private static func qualification(_ assessment: Assessment) -> [DistanceFactor] {
        let level = assessment.highestQualification
        let points = points(for: level)
        guard points > 0 else { return [] }
        let explanation = switch level {
        case .entry: "Your qualifications are at entry level; a level 1 or 2 qualification would open up many more jobs."
        case .level1: "Your highest qualification is at level 1; many jobs ask for level 2, such as good GCSEs."
        default: "Your highest qualification is at level 2; a level 3 qualification would open up more skilled jobs."
        }
        return [DistanceFactor(name: "Qualification", points: points, explanation: explanation)]
    }

    private static func gcses(_ assessment: Assessment) -> [DistanceFactor] {
        var factors: [DistanceFactor] = []
        if !assessment.gcseEnglish {
            factors.append(DistanceFactor(
                name: "GCSE English", points: 6,
                explanation: "You do not have GCSE English at grade 4 (C) or above, which many employers ask for."
            ))
        }
        if !assessment.gcseMaths {
            factors.append(DistanceFactor(
                name: "GCSE maths", points: 6,
                explanation: "You do not have GCSE maths at grade 4 (C) or above, which many employers ask for."
            ))
        }
        return factors
    }

    /// The name of the factor a barrier of this kind adds: "Barrier: Childcare".
    public static func barrierFactorName(_ kind: BarrierKind) -> String { "Barrier: \(kind.label)" }

    private static func barriers(_ barriers: [Barrier]) -> [DistanceFactor] {
        var remaining = maximumBarrierPoints
        return orderedBarriers(barriers).map { barrier in
            let full = points(for: barrier.severity)
            let counted = min(full, remaining)
            remaining -= counted
            var explanation = "\(barrier.kind.label) is a \(barrier.severity.label.lowercased()) barrier to work for you at the moment."
            if counted < full {
                explanation += " Barriers count for at most \(maximumBarrierPoints) points in all, so this one adds \(counted)."
            }
            return DistanceFactor(name: barrierFactorName(barrier.kind), points: counted, explanation: explanation)
        }
    }

    private static func basicSkills(_ assessment: Assessment) -> [DistanceFactor] {
        BasicSkillArea.allCases.filter { $0.isLacking(in: assessment) }.map { area in
            let subject = switch area {
            case .literacy: "Your reading and writing are"
            case .numeracy: "Your everyday maths is"
            case .digital: "Your computer and online skills are"
            }
            return DistanceFactor(name: area.label, points: 4, explanation: "\(subject) not yet at the level most jobs need.")
        }
    }

    private static func status(_ status: EmploymentStatus) -> [DistanceFactor] {
        let points = points(for: status)
        guard points > 0 else { return [] }
        let explanation = status == .economicallyInactive
            ? "You are not working or looking for work at the moment, so the first steps back take longer."
            : "You are out of work and looking for a job."
        return [DistanceFactor(name: "Employment status", points: points, explanation: explanation)]
    }

    private static func timeOutOfWork(_ months: Int?) -> [DistanceFactor] {
        guard let months else { return [] }
        let points = points(forMonthsOutOfWork: months)
        guard points > 0 else { return [] }
        let span = months >= 24 ? "two years or more" : months >= 12 ? "a year or more" : "six months or more"
        return [DistanceFactor(
            name: "Time out of work", points: points,
            explanation: "You have been out of work for \(span); recent work experience will help."
        )]
    }

    private static func availability(_ constraints: WorkConstraints) -> [DistanceFactor] {
        guard constraints.maxHoursPerWeek < 16 else { return [] }
        return [DistanceFactor(
            name: "Availability", points: 5,
            explanation: "You can work at most \(constraints.maxHoursPerWeek) hours a week, which rules out many jobs of 16 hours or more."
        )]
    }

    private static func aspiration(_ assessment: Assessment) -> [DistanceFactor] {
        guard assessment.aspirations.isEmpty else { return [] }
        return [DistanceFactor(
            name: "Job goal", points: 3,
            explanation: "We have not yet agreed a job you would like to aim for."
        )]
    }
}
