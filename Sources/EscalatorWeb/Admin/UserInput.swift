import EscalatorCore
import Vapor

/// An administrator adding a person who signs in.
struct UserInput: Content, Sendable {
    var email: String?
    var displayName: String?
    var role: String?
    var organisationID: String?

    struct Valid: Sendable {
        var email: String
        var displayName: String
        var role: Role
        var organisationID: UUID
    }

    /// The email as it would be stored, to look up whether someone already has it.
    var normalisedEmail: String? { Validator.trimmed(email)?.lowercased() }

    func validate(organisationIDs: Set<UUID>, emailTaken: Bool) throws -> Valid {
        var v = Validator()
        var email: String?
        if Validator.trimmed(self.email) == nil { v.fail("email", "Enter their email address") } else { email = v.optionalEmail(self.email, "email") }
        if email != nil, emailTaken { v.fail("email", "Someone already signs in with this email address") }
        let name = v.requiredText(displayName, "displayName", "Enter their name", max: 100)
        let role = v.enumValue(role, "role", Role.self, missing: "Choose their role")
        let organisation = v.uuid(organisationID, "organisationID", missing: "Choose their organisation")
        if let organisation, !organisationIDs.contains(organisation) { v.fail("organisationID", "Choose one of the organisations listed") }
        try v.throwIfFailed()
        return Valid(email: email!, displayName: name!, role: role!, organisationID: organisation!)
    }
}
