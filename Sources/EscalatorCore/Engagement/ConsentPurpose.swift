import Foundation

/// Why a client agrees to share their record with an organisation. Every new consent names one of
/// these; consents recorded before the list existed keep their free text (see `Consent.statedPurpose`).
public enum ConsentPurpose: String, Sendable, Codable, CaseIterable {
    case employmentSupport = "employment-support"
    case trainingReferral = "training-referral"
    case jobReferral = "job-referral"
    case inWorkSupport = "in-work-support"

    public var label: String {
        switch self {
        case .employmentSupport: "Employment support"
        case .trainingReferral: "Training referral"
        case .jobReferral: "Job referral"
        case .inWorkSupport: "In-work support"
        }
    }

    /// The free text earlier versions stored for what is now `employmentSupport`.
    static let legacyEmploymentSupport = "employment and skills support"

    /// The purpose a stored text names: a raw value, or the legacy text for employment support.
    public init?(stored text: String) {
        if let purpose = ConsentPurpose(rawValue: text) {
            self = purpose
        } else if text.lowercased() == Self.legacyEmploymentSupport {
            self = .employmentSupport
        } else {
            return nil
        }
    }
}

extension Consent {
    public init(organisationID: UUID, purpose: ConsentPurpose, givenAt: Date, withdrawnAt: Date? = nil) {
        self.init(organisationID: organisationID, purpose: purpose.rawValue, givenAt: givenAt, withdrawnAt: withdrawnAt)
    }

    /// The purpose from the fixed list, or nil for free text recorded before the list existed.
    public var statedPurpose: ConsentPurpose? { ConsentPurpose(stored: purpose) }

    /// The purpose for people: the list's label, or the stored free text as it was written.
    public var purposeLabel: String { statedPurpose?.label ?? purpose }
}
