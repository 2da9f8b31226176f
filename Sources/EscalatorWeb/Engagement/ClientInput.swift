import EscalatorCore
import Foundation
import Vapor

/// What a person types (form) or a machine sends (JSON) to register or correct a client.
struct ClientInput: Content, Sendable {
    var givenName: String?
    var familyName: String?
    var dateOfBirth: String?
    var email: String?
    var phone: String?
    var postcode: String?
    var wardID: String?
    var employmentStatus: String?
    var referralSource: String?
    /// Organisations the client agrees to share their record with.
    var consentOrganisationIDs: [String]?
    /// Absent (or null): left as it is. Present: replaces what is recorded; with no answers, removes it.
    var equalityMonitoring: EqualityMonitoringInput?

    struct EqualityMonitoringInput: Codable, Sendable {
        /// Must be true when any answer is given: the client agreed to record them.
        var clientAgreed: ScalarText?
        var ethnicity: String?
        var disability: String?
        var longTermHealthCondition: String?
    }

    enum EqualityMonitoringChange: Sendable, Equatable {
        case unchanged
        /// Nil removes what is recorded.
        case replace(EqualityMonitoring?)
    }

    struct Valid {
        var givenName: String
        var familyName: String
        var dateOfBirth: Date?
        var email: String?
        var phone: String?
        var postcode: String
        var wardID: String
        var employmentStatus: EmploymentStatus
        var referralSource: ReferralSource
        var consentOrganisationIDs: [UUID]
        var equalityMonitoring: EqualityMonitoringChange
    }

    func validate(wardIDs: Set<String>, organisationIDs: Set<UUID>, today: Date) throws -> Valid {
        var v = Validator()
        let given = v.requiredText(givenName, "givenName", "Enter the client's first name", max: 100)
        let family = v.requiredText(familyName, "familyName", "Enter the client's last name", max: 100)
        let dob = v.optionalDate(dateOfBirth, "dateOfBirth", label: "Date of birth")
        if let dob {
            let age = Calendar.utc.dateComponents([.year], from: dob, to: today).year ?? 0
            if age < 16 || age > 100 { v.fail("dateOfBirth", "Date of birth must make the client between 16 and 100 years old") }
        }
        let email = v.optionalEmail(email, "email")
        let phone = v.optionalText(phone, "phone", max: 30)
        let postcode = v.postcode(postcode, "postcode")
        let ward = v.choice(wardID, "wardID", in: wardIDs, missing: "Choose the client's ward")
        let status = v.enumValue(employmentStatus, "employmentStatus", EmploymentStatus.self, missing: "Choose the client's employment status")
        let source = v.enumValue(referralSource, "referralSource", ReferralSource.self, missing: "Choose how the client came to us")
        let consents = v.uuidList(consentOrganisationIDs ?? [], "consentOrganisationIDs", allowed: organisationIDs, what: "organisation")
        let monitoring = equalityMonitoring.map { $0.validate(&v, today: today) }
        try v.throwIfFailed()
        return Valid(
            givenName: given!, familyName: family!, dateOfBirth: dob, email: email, phone: phone, postcode: postcode!,
            wardID: ward!, employmentStatus: status!, referralSource: source!, consentOrganisationIDs: consents,
            equalityMonitoring: monitoring.map { EqualityMonitoringChange.replace($0) } ?? .unchanged)
    }
}

extension ClientInput.EqualityMonitoringInput {
    static let field = "equalityMonitoring"

    /// The answers, nil when none are given. Errors name `equalityMonitoring.<answer>`.
    func validate(_ v: inout Validator, today: Date) -> EqualityMonitoring? {
        let f = Self.field
        let ethnicity = Self.answer(self.ethnicity, "\(f).ethnicity", Ethnicity.self, &v, "Choose an ethnic group from the list, or leave it blank")
        let disability = Self.answer(self.disability, "\(f).disability", MonitoringAnswer.self, &v, "Answer yes, no or prefer not to say, or leave it blank")
        let health = Self.answer(longTermHealthCondition, "\(f).longTermHealthCondition", MonitoringAnswer.self, &v,
                                 "Answer yes, no or prefer not to say, or leave it blank")
        let answered = [self.ethnicity, self.disability, longTermHealthCondition].contains { Validator.trimmed($0) != nil }
        let agreed: Bool? = Validator.trimmed(clientAgreed.text) == nil ? false : v.yesNo(clientAgreed.text, "\(f).clientAgreed", missing: "")
        if answered && agreed == false {
            v.fail("\(f).clientAgreed", "Confirm the client agreed to give equality-monitoring answers, or leave the answers blank")
        }
        guard answered else { return nil }
        return EqualityMonitoring(ethnicity: ethnicity, disability: disability, longTermHealthCondition: health, agreedOn: today)
    }

    private static func answer<E: RawRepresentable & CaseIterable>(
        _ value: String?, _ field: String, _ type: E.Type, _ v: inout Validator, _ message: String
    ) -> E? where E.RawValue == String {
        guard let text = Validator.trimmed(value) else { return nil }
        guard let parsed = E(rawValue: text) else {
            v.fail(field, E.allCases.count > 5 ? message : message + " (one of: \(E.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        return parsed
    }
}
