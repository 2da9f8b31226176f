import EscalatorCore
import Vapor

/// The change-password form: the current password, and the new one twice.
struct PasswordInput: Content, Sendable {
    var currentPassword: String?
    var newPassword: String?
    var confirmPassword: String?

    struct Valid: Sendable {
        var currentPassword: String
        var newPassword: String
    }

    /// Checks everything that needs no Bcrypt; the current password itself is checked after (and throttled).
    func validate(email: String) throws -> Valid {
        var v = Validator()
        let current = currentPassword ?? ""
        if current.isEmpty { v.fail("currentPassword", "Enter your current password") }
        else if current.count > SignInController.maximumPasswordLength { v.fail("currentPassword", "Your current password is not right") }
        let new = v.newPassword(newPassword, "newPassword", email: email)
        if let new {
            if new == current { v.fail("newPassword", "Choose a password different from your current one") }
            if confirmPassword != new { v.fail("confirmPassword", "The two new passwords do not match") }
        }
        try v.throwIfFailed()
        return Valid(currentPassword: current, newPassword: new!)
    }
}

extension Validator {
    /// A password being set (not one being signed in with), held to `PasswordRules`.
    mutating func newPassword(_ value: String?, _ field: String, email: String) -> String? {
        guard let value, !value.isEmpty else { fail(field, "Enter a new password"); return nil }
        let problems = PasswordRules.problems(value, email: email)
        guard problems.isEmpty else { fail(field, problems.joined(separator: " ")); return nil }
        return value
    }
}
