import EscalatorCore
import Foundation

/// Values that belong to one matrix client and appear nowhere else, and who may see each. The expectations come
/// from docs/security.md ("Who sees what", "Who may read special-category data", "Employers see candidates
/// pseudonymised"), not from the access code: every response of the matrix is searched for the canaries of
/// clients, or fields, its caller may not see.
enum Canaries {
    enum Field: String, CaseIterable, Sendable {
        case name, reference, dateOfBirth, postcode, email, phone, assessmentNote, programmeReferralNote, vacancyReferralNote
    }

    /// The canary of `field` for the client of `context` (the fixture's client A is the own, consented one).
    static func value(_ field: Field, _ context: MatrixContext) -> String? {
        let index: Int = switch context {
        case .ownConsented: 0
        case .ownWithdrawn: 1
        case .otherConsented: 2
        case .otherWithdrawn: 3
        }
        if context == .ownConsented {
            return switch field {
            case .name: "Testperson"
            case .reference: "WM-TESTAAAA"
            case .dateOfBirth: "1990-05-01"
            case .postcode: "B6 4AA"
            case .email: "ada@example.test"
            case .phone, .assessmentNote: nil
            case .programmeReferralNote: "CanaryProgrammeNote0"
            case .vacancyReferralNote: "CanaryVacancyNote0"
            }
        }
        return switch field {
        case .name: "Matrix\(index)"
        case .reference: "WM-MATRIX0\(index)"
        case .dateOfBirth: "1988-03-0\(index + 1)"
        case .postcode: "B9 9Q\(["X", "Y", "Z", "W"][index])"
        case .email: "matrix\(index).canary@example.test"
        case .phone: "0121 496 077\(index)"
        case .assessmentNote: "CanaryAssessmentNote\(index)"
        case .programmeReferralNote: "CanaryProgrammeNote\(index)"
        case .vacancyReferralNote: "CanaryVacancyNote\(index)"
        }
    }

    /// Whether `role` may ever see `field` of the client in `context`. Own clients are the Jobcentre's, referred to
    /// the college's programme and (accepted) to the fixture employer's vacancy; other clients are the charity's.
    /// Consent to the Jobcentre, the college and the employer stands or is withdrawn with the context.
    static func mayShow(_ field: Field, of context: MatrixContext, to role: Role?) -> Bool {
        switch role {
        case .administrator?:
            return true
        case .adviser?:
            switch context {
            case .ownConsented, .ownWithdrawn: return true
            // A partner by consent: not the owner's assessment notes.
            case .otherConsented: return field != .assessmentNote
            case .otherWithdrawn: return false
            }
        case .provider?:
            switch context {
            // Referred to its programme, consent standing: not assessment notes, not vacancy referrals.
            case .ownConsented: return field != .assessmentNote && field != .vacancyReferralNote
            // Consent withdrawn: the reference only, marked so.
            case .ownWithdrawn: return field == .reference
            case .otherConsented, .otherWithdrawn: return false
            }
        case .employer?:
            // Accepted its vacancy, consent standing: name and contact details, under the vacancy's pseudonym.
            return context == .ownConsented && [.name, .email, .phone].contains(field)
        case .analyst?, nil:
            return false
        }
    }

    static let all = Set(MatrixContext.allCases.flatMap { context in Field.allCases.compactMap { value($0, context) } })

    /// Each canary in `body` that `role` may not see, described.
    static func leaks(in body: String, to role: Role?) -> [String] {
        var found: [String] = []
        for context in MatrixContext.allCases {
            for field in Field.allCases where !mayShow(field, of: context, to: role) {
                guard let canary = value(field, context) else { continue }
                if renderings(canary).contains(where: body.contains) {
                    found.append("\(field.rawValue) of the \(context.label(.client)) client (\(canary))")
                }
            }
        }
        return found
    }

    /// The other ways a canary is written: a date of birth as pages show it.
    static func renderings(_ canary: String) -> [String] {
        guard let date = Date(isoDay: canary) else { return [canary, htmlEscaped(canary)] }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMMM yyyy"
        return [canary, formatter.string(from: date)]
    }

    private static func htmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
