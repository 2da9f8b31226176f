/// Which of a client's personal fields each role sees, by its relationship to the client: the second half of the
/// access policy (the first, `AccessPolicy`, says which actions). docs/security.md prints `PersonalFields.markdown`.
/// `Disclosure` (what employers and providers see of a referred person) and referral notes are decided from it;
/// the assessment's special-category fields follow `AccessPolicy`'s `read-assessment-notes` and
/// `read-equality-monitoring`, which this table repeats for the reader.
public enum PersonalField: String, Sendable, Hashable, CaseIterable, Codable {
    case nameAndContact = "name-and-contact"
    case reference
    case dateOfBirthPostcodeAndWard = "date-of-birth-postcode-and-ward"
    case skillsHoursAndTravel = "skills-hours-and-travel"
    case barriers
    case assessmentNotes = "assessment-notes"
    case equalityMonitoring = "equality-monitoring"
    case othersReferralNotes = "others-referral-notes"
    case candidatePseudonymAndBands = "candidate-pseudonym-and-bands"

    public var label: String {
        switch self {
        case .nameAndContact: "name, email and phone"
        case .reference: "the client's own reference (`WM-…`)"
        case .dateOfBirthPostcodeAndWard: "date of birth, postcode and ward"
        case .skillsHoursAndTravel: "skills and levels, hours, distance in km"
        case .barriers: "barriers (special category)"
        case .assessmentNotes: "advisers' assessment notes"
        case .equalityMonitoring: "equality monitoring (special category)"
        case .othersReferralNotes: "notes other organisations wrote on a referral"
        case .candidatePseudonymAndBands: "a candidate's pseudonym, requirements met, score, distance and hours in bands"
        }
    }
}

public enum PersonalFields {
    public static let table: [PersonalField: [Role: Set<Relationship>]] = [
        .nameAndContact: [.adviser: [.caseOwner, .consentedPartner], .provider: [.referredWithConsent], .employer: [.acceptedCandidate], .administrator: [.any]],
        .reference: [.adviser: [.caseOwner, .consentedPartner], .provider: [.referredWithConsent, .ownOrganisation], .administrator: [.any]],
        .dateOfBirthPostcodeAndWard: [.adviser: [.caseOwner, .consentedPartner], .provider: [.referredWithConsent], .administrator: [.any]],
        .skillsHoursAndTravel: [.adviser: [.caseOwner, .consentedPartner], .administrator: [.any]],
        .barriers: [.adviser: [.caseOwner, .consentedPartner], .provider: [.referredWithConsent], .administrator: [.any]],
        .assessmentNotes: [.adviser: [.caseOwner], .administrator: [.any]],
        .equalityMonitoring: [.adviser: [.caseOwner], .administrator: [.any]],
        .othersReferralNotes: [.adviser: [.caseOwner, .consentedPartner], .provider: [.referredWithConsent], .administrator: [.any]],
        .candidatePseudonymAndBands: [.employer: [.ownOrganisation]],
    ]

    public static func shows(_ field: PersonalField, to role: Role, through relationships: Set<Relationship>) -> Bool {
        AccessPolicy.grants(table[field]?[role] ?? [], through: relationships)
    }

    public static var markdown: String {
        AccessPolicy.markdown(first: "field", rows: PersonalField.allCases.map { ($0.label, table[$0] ?? [:]) })
    }
}
