/// A barrier to work and how much it holds the client back.
public struct Barrier: Sendable, Hashable, Codable {
    public var kind: BarrierKind
    public var severity: Severity

    public init(kind: BarrierKind, severity: Severity) {
        self.kind = kind
        self.severity = severity
    }
}

public enum BarrierKind: String, Sendable, Codable, CaseIterable {
    case childcare
    case caring
    case transport
    case health
    case disability
    case language
    case basicSkills = "basic-skills"
    case digitalAccess = "digital-access"
    case convictions
    case housing
    case confidence
    case debt

    public var label: String {
        switch self {
        case .childcare: "Childcare"
        case .caring: "Caring responsibilities"
        case .transport: "Transport"
        case .health: "Health"
        case .disability: "Disability"
        case .language: "English language"
        case .basicSkills: "Basic skills"
        case .digitalAccess: "Digital access"
        case .convictions: "Convictions"
        case .housing: "Housing"
        case .confidence: "Confidence and motivation"
        case .debt: "Debt"
        }
    }

    /// Health, disability and convictions are special-category (or criminal-offence) data.
    public var isSpecialCategory: Bool {
        switch self {
        case .health, .disability, .convictions: true
        default: false
        }
    }
}

public enum Severity: Int, Sendable, Codable, CaseIterable, Comparable {
    case low = 1
    case medium = 2
    case high = 3

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var label: String {
        switch self {
        case .low: "Low"
        case .medium: "Medium"
        case .high: "High"
        }
    }
}
