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
        try v.throwIfFailed()
        return Valid(
            givenName: given!, familyName: family!, dateOfBirth: dob, email: email, phone: phone, postcode: postcode!,
            wardID: ward!, employmentStatus: status!, referralSource: source!, consentOrganisationIDs: consents)
    }
}
