/// Why a client's personal data was erased, stored as a code on the client's row and in the audit trail.
enum ErasureReason: String, CaseIterable, Codable, Sendable {
    /// The client asked (UK GDPR Article 17).
    case subjectRequest = "subject-request"
    /// The client objected to the processing and there is no overriding reason to continue (Article 21).
    case objection
    /// The data is no longer needed for the purpose it was collected for.
    case noLongerNeeded = "no-longer-needed"
    /// The retention period after the client's last activity ended (`escalator retention run`).
    case retentionPeriodEnded = "retention-period-ended"

    var label: String {
        switch self {
        case .subjectRequest: "The client asked for their personal data to be erased"
        case .objection: "The client objected to the processing and there is no overriding reason to continue"
        case .noLongerNeeded: "The data is no longer needed for the purpose it was collected for"
        case .retentionPeriodEnded: "The retention period after the client's last activity ended"
        }
    }

    /// The reasons an administrator may give; the retention run gives its own.
    static let onRequest: [ErasureReason] = [.subjectRequest, .objection, .noLongerNeeded]
}
