import Foundation

/// The part of a client's record an audit event is about, described with fixed words and ids only:
/// never a name, a health detail or free text, because the audit trail cannot be erased.
public struct AuditObject: Sendable, Hashable, CustomStringConvertible {
    public let description: String

    /// For callers outside this file (subject access, erasure): `text` must be fixed words and ids.
    public init(_ text: String) { description = text }

    public static let clientRecord = AuditObject("client record")
    public static let assessments = AuditObject("assessments")
    public static let matches = AuditObject("matches")
    public static let pathway = AuditObject("pathway")
    public static let auditTrail = AuditObject("audit trail")
    public static let subjectAccessExport = AuditObject("subject access export")
    public static let personalData = AuditObject("personal data")

    public static func assessment(_ id: UUID) -> AuditObject { AuditObject("assessment \(id.lowercased)") }
    public static func consent(_ id: UUID, organisationID: UUID) -> AuditObject {
        AuditObject("consent \(id.lowercased) for organisation \(organisationID.lowercased)")
    }
    /// A consent recorded as part of another step (a referral the client agreed to).
    public static func consent(organisationID: UUID) -> AuditObject { AuditObject("consent for organisation \(organisationID.lowercased)") }
    public static func referral(_ id: UUID) -> AuditObject { AuditObject("referral \(id.lowercased)") }
    public static func referral(_ id: UUID, status: ReferralStatus) -> AuditObject {
        AuditObject("referral \(id.lowercased) to \(status.rawValue)")
    }
    public static func jobStart(_ id: UUID) -> AuditObject { AuditObject("job start \(id.lowercased)") }
    public static func sustainmentCheck(_ milestone: SustainmentMilestone, jobStart id: UUID) -> AuditObject {
        AuditObject("\(milestone.rawValue)-week sustainment check of job start \(id.lowercased)")
    }
    public static func inWorkContact(jobStart id: UUID) -> AuditObject { AuditObject("in-work contact of job start \(id.lowercased)") }
    public static func progression(jobStart id: UUID) -> AuditObject { AuditObject("progression of job start \(id.lowercased)") }
}

extension UUID {
    /// The id as the audit trail writes it.
    fileprivate var lowercased: String { uuidString.lowercased() }
}
