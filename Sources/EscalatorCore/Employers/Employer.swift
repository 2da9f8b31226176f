import Foundation

/// An employer engaged by the partnership.
public struct Employer: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    /// The organisation whose employer users act for it.
    public var organisationID: UUID
    public var name: String
    public var sector: Sector
    public var size: EmployerSize
    public var postcode: String
    public var wardID: String

    public init(id: UUID, organisationID: UUID, name: String, sector: Sector, size: EmployerSize, postcode: String, wardID: String) {
        self.id = id
        self.organisationID = organisationID
        self.name = name
        self.sector = sector
        self.size = size
        self.postcode = postcode
        self.wardID = wardID
    }
}

public enum EmployerSize: String, Sendable, Codable, CaseIterable {
    case micro, small, medium, large

    public var label: String {
        switch self {
        case .micro: "Micro (0 to 9)"
        case .small: "Small (10 to 49)"
        case .medium: "Medium (50 to 249)"
        case .large: "Large (250 or more)"
        }
    }
}

/// A contact with an employer, logged by a partner.
public struct EngagementEntry: Sendable, Hashable, Codable {
    public var date: Date
    public var kind: String
    public var summary: String

    public init(date: Date, kind: String, summary: String) {
        self.date = date
        self.kind = kind
        self.summary = summary
    }
}

/// A commitment an employer makes to the region's skills effort.
public struct Pledge: Sendable, Hashable, Codable {
    public var kind: PledgeKind
    public var quantity: Int
    public var madeOn: Date

    public init(kind: PledgeKind, quantity: Int, madeOn: Date) {
        self.kind = kind
        self.quantity = quantity
        self.madeOn = madeOn
    }
}

public enum PledgeKind: String, Sendable, Codable, CaseIterable {
    case inWorkTraining = "in-work-training"
    case workPlacements = "work-placements"
    case schoolEncounters = "school-encounters"
    case guaranteedInterviews = "guaranteed-interviews"

    public var label: String {
        switch self {
        case .inWorkTraining: "In-work training"
        case .workPlacements: "Work placements"
        case .schoolEncounters: "School encounters"
        case .guaranteedInterviews: "Guaranteed interviews"
        }
    }
}
