/// The shared skills taxonomy: skills, and occupations with their essential and optional skills.
public struct Taxonomy: Sendable {
    public private(set) var skills: [String: Skill]
    public private(set) var occupations: [String: Occupation]

    public init(skills: [Skill] = [], occupations: [Occupation] = []) {
        self.skills = Dictionary(skills.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.occupations = Dictionary(occupations.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    }

    public mutating func add(_ skill: Skill) { skills[skill.id] = skill }
    public mutating func add(_ occupation: Occupation) { occupations[occupation.id] = occupation }

    public func skill(_ id: String) -> Skill? { skills[id] }
    public func occupation(_ id: String) -> Occupation? { occupations[id] }
    public func skillName(_ id: String) -> String { skills[id]?.name ?? id }

    public var sortedSkills: [Skill] { skills.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) } }
    public var sortedOccupations: [Occupation] {
        occupations.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    public var licences: [Skill] { sortedSkills.filter { $0.kind == .licence } }
    public var basicSkills: [Skill] { sortedSkills.filter { $0.kind == .basic } }
}
