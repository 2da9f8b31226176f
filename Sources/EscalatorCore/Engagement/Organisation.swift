import Foundation

/// A partner organisation in the system.
public struct Organisation: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public var name: String
    public var kind: OrganisationKind

    public init(id: UUID, name: String, kind: OrganisationKind) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}

public enum OrganisationKind: String, Sendable, Codable, CaseIterable {
    case jobcentre
    case council
    case college = "fe-college"
    case university
    case trainingProvider = "training-provider"
    case charity
    case school
    case employer
    case combinedAuthority = "combined-authority"

    public var label: String {
        switch self {
        case .jobcentre: "Jobcentre"
        case .council: "Council"
        case .college: "FE college"
        case .university: "University"
        case .trainingProvider: "Training provider"
        case .charity: "Charity"
        case .school: "School"
        case .employer: "Employer"
        case .combinedAuthority: "Combined authority"
        }
    }
}

/// What a signed-in user may do. Access rules live in `AccessPolicy`.
public enum Role: String, Sendable, Codable, CaseIterable {
    case adviser
    case employer
    case provider
    case analyst
    case administrator

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
