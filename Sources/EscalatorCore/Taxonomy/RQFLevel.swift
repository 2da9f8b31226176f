/// Regulated Qualifications Framework level: entry, then 1 to 8.
/// Level 2 is five good GCSEs; level 4 and above is higher education; 6 is a degree.
public enum RQFLevel: Int, Sendable, Codable, CaseIterable, Comparable {
    case entry = 0
    case level1 = 1
    case level2 = 2
    case level3 = 3
    case level4 = 4
    case level5 = 5
    case level6 = 6
    case level7 = 7
    case level8 = 8

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var label: String {
        switch self {
        case .entry: "Entry level"
        case .level1: "Level 1 (GCSE grades 3 to 1)"
        case .level2: "Level 2 (GCSE grades 9 to 4)"
        case .level3: "Level 3 (A level, T level)"
        case .level4: "Level 4 (HNC, higher apprenticeship)"
        case .level5: "Level 5 (HND, foundation degree)"
        case .level6: "Level 6 (bachelor's degree)"
        case .level7: "Level 7 (master's degree)"
        case .level8: "Level 8 (doctorate)"
        }
    }

    public var shortLabel: String { self == .entry ? "Entry" : "Level \(rawValue)" }
    public var isDegree: Bool { self >= .level6 }
}
