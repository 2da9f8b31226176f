import EscalatorCore
import Foundation
import Vapor

/// What one viewer may see of the client behind a referral or job start. Advisers and administrators see
/// the client. A provider sees a referred client's name and contact details only while the client's consent
/// to share with the provider stands. An employer sees a candidate under a pseudonym for that vacancy
/// (never the client's own reference), and their name and contact details only once the client has accepted
/// the referral and while their consent to share with the employer stands.
struct ReferredPerson: Sendable {
    enum Visibility: String, Sendable, Codable, CaseIterable {
        /// Name and contact details are shown.
        case shown
        /// An employer, before the client accepts the referral: a pseudonym only.
        case notAccepted = "not-accepted"
        /// The client withdrew their consent to share with the viewer's organisation: the reference only.
        case consentWithdrawn = "consent-withdrawn"
        /// The client never consented to share with the viewer's organisation: the reference only.
        case noConsent = "no-consent"

        var label: String {
            switch self {
            case .shown: "Shared"
            case .notAccepted: "Not yet accepted by the client"
            case .consentWithdrawn: "Consent withdrawn"
            case .noConsent: "No consent to share"
            }
        }
    }

    var visibility: Visibility
    /// The client's reference; for an employer, the pseudonym for this vacancy.
    var reference: String
    /// How the viewer stands to the client (`PersonalFields` decides what else of them it sees).
    var relationships: Set<Relationship> = []
    /// Only when the viewer may see who the client is.
    var clientID: UUID?
    var name: String?
    var email: String?
    var phone: String?

    var isShown: Bool { visibility == .shown }
}

/// The JSON shape: `{"visibility", "reference", "name"?, "email"?, "phone"?}`.
struct ReferredPersonDTO: Content {
    var visibility: ReferredPerson.Visibility
    var reference: String
    var name: String?
    var email: String?
    var phone: String?

    init(_ person: ReferredPerson) {
        visibility = person.visibility
        reference = person.reference
        name = person.name
        email = person.email
        phone = person.phone
    }
}
