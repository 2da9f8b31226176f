import Foundation

/// A resident registered with the system. Holds the minimum personal data needed to help them;
/// assessment detail lives in `Assessment`.
public struct Client: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public var reference: String
    public var givenName: String
    public var familyName: String
    public var dateOfBirth: Date?
    public var email: String?
    public var phone: String?
    public var postcode: String
    public var wardID: String
    public var employmentStatus: EmploymentStatus
    public var referralSource: ReferralSource
    public var organisationID: UUID
    public var caseOwnerID: UUID?
    public var registeredAt: Date
    /// Optional, given with the client's agreement; special-category data, sealed at rest and shown only
    /// to those allowed to see it. Nil when not recorded or not opened.
    public var equalityMonitoring: EqualityMonitoring?

    public init(
        id: UUID, reference: String, givenName: String, familyName: String, dateOfBirth: Date?,
        email: String? = nil, phone: String? = nil, postcode: String, wardID: String,
        employmentStatus: EmploymentStatus, referralSource: ReferralSource,
        organisationID: UUID, caseOwnerID: UUID?, registeredAt: Date, equalityMonitoring: EqualityMonitoring? = nil
    ) {
        self.id = id
        self.reference = reference
        self.givenName = givenName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.email = email
        self.phone = phone
        self.postcode = postcode
        self.wardID = wardID
        self.employmentStatus = employmentStatus
        self.referralSource = referralSource
        self.organisationID = organisationID
        self.caseOwnerID = caseOwnerID
        self.registeredAt = registeredAt
        self.equalityMonitoring = equalityMonitoring
    }

    public var fullName: String { "\(givenName) \(familyName)" }
}

public enum EmploymentStatus: String, Sendable, Codable, CaseIterable {
    case unemployed
    case economicallyInactive = "economically-inactive"
    case lowPaidWork = "low-paid-work"
    case employed

    public var label: String {
        switch self {
        case .unemployed: "Unemployed"
        case .economicallyInactive: "Economically inactive"
        case .lowPaidWork: "In low-paid work"
        case .employed: "In work"
        }
    }
}

public enum ReferralSource: String, Sendable, Codable, CaseIterable {
    case jobcentre
    case council
    case charity
    case college
    case selfReferral = "self-referral"

    public var label: String {
        switch self {
        case .jobcentre: "Jobcentre"
        case .council: "Council"
        case .charity: "Charity"
        case .college: "College"
        case .selfReferral: "Self-referral"
        }
    }
}

/// A client's consent to share their record with a named partner organisation for a stated purpose.
/// `purpose` holds a `ConsentPurpose` raw value (or, for older consents, the free text then recorded).
public struct Consent: Sendable, Hashable, Codable {
    public var organisationID: UUID
    public var purpose: String
    public var givenAt: Date
    public var withdrawnAt: Date?

    public init(organisationID: UUID, purpose: String, givenAt: Date, withdrawnAt: Date? = nil) {
        self.organisationID = organisationID
        self.purpose = purpose
        self.givenAt = givenAt
        self.withdrawnAt = withdrawnAt
    }

    public var isActive: Bool { withdrawnAt == nil }
}
