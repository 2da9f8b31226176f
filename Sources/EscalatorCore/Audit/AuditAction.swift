import Foundation

/// What was done to a client's record.
public enum AuditAction: String, Sendable, Codable, CaseIterable {
    case read
    case create
    case change
    case consentGiven = "consent-given"
    case consentWithdrawn = "consent-withdrawn"
    case referral
    case statusChange = "status-change"
    case `import`
    case export
    case erase

    public var label: String {
        switch self {
        case .read: "Read"
        case .create: "Created"
        case .change: "Changed"
        case .consentGiven: "Consent given"
        case .consentWithdrawn: "Consent withdrawn"
        case .referral: "Referred"
        case .statusChange: "Status changed"
        case .import: "Imported"
        case .export: "Exported"
        case .erase: "Erased"
        }
    }
}

/// Why the record was touched: the lawful reason for access each route declares.
public enum AuditPurpose: String, Sendable, Codable, CaseIterable {
    case caseManagement = "case management"
    case referral
    case jobOutcomes = "job outcomes"
    case dataImport = "data import"
    case accountability = "audit review"
    case subjectAccess = "subject access request"
    case rectification = "rectification"
    case erasureRequest = "erasure request"
    case retention = "retention period ended"

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// How the access came in.
public enum AuditChannel: String, Sendable, Codable, CaseIterable {
    case page
    case api
    case commandLine = "command-line"
    case system

    public var label: String {
        switch self {
        case .page: "Web page"
        case .api: "API"
        case .commandLine: "Command line"
        case .system: "System"
        }
    }
}
