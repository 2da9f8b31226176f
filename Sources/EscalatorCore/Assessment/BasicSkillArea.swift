/// The three basic skills every job and programme leans on, by their taxonomy ids.
/// A client lacks one when the assessment records it below `.working`, or not at all.
public enum BasicSkillArea: String, Sendable, Codable, CaseIterable {
    case literacy = "B.LITERACY"
    case numeracy = "B.NUMERACY"
    case digital = "B.DIGITAL"

    public var skillID: String { rawValue }

    public var label: String {
        switch self {
        case .literacy: "Literacy"
        case .numeracy: "Numeracy"
        case .digital: "Digital skills"
        }
    }

    public static let workingLevel = Proficiency.working

    public func isLacking(in assessment: Assessment) -> Bool {
        guard let level = assessment.level(of: skillID) else { return true }
        return level < Self.workingLevel
    }
}
