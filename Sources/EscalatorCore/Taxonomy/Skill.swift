/// A skill, licence or check from the shared taxonomy. Identified by a stable code
/// (starter codes such as `S.FORKLIFT`, or an ESCO concept URI after an import).
public struct Skill: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// An occupational skill or knowledge area.
        case occupational
        /// A basic skill every programme needs: literacy, numeracy, digital, ESOL.
        case basic
        /// A licence, card or check that a vacancy can demand (CSCS, forklift, SIA, DBS, driving).
        case licence
    }

    public let id: String
    public var name: String
    public var kind: Kind
    public var sector: Sector?
    public var description: String

    public init(id: String, name: String, kind: Kind, sector: Sector? = nil, description: String = "") {
        self.id = id
        self.name = name
        self.kind = kind
        self.sector = sector
        self.description = description
    }
}

/// How well a person has a skill, and the minimum a vacancy asks or a programme teaches to.
public enum Proficiency: Int, Sendable, Codable, CaseIterable, Comparable {
    case basic = 1
    case working = 2
    case proficient = 3
    case expert = 4

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var label: String {
        switch self {
        case .basic: "Basic"
        case .working: "Working"
        case .proficient: "Proficient"
        case .expert: "Expert"
        }
    }
}
