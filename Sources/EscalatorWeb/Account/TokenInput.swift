import EscalatorCore
import Vapor

/// The name and scope of a new API token, from the account page's form or the token endpoint's JSON.
struct TokenInput: Content, Sendable {
    var name: String?
    var scope: String?

    struct Valid: Sendable {
        var name: String
        var scope: TokenScope
    }

    /// A missing name is "api"; a missing scope is `write` (what tokens could always do).
    func validate() throws -> Valid {
        var v = Validator()
        let valid = check(&v)
        try v.throwIfFailed()
        return valid!
    }

    /// Adds any problems to `v` (for an input that has other fields too); nil when there are some.
    func check(_ v: inout Validator) -> Valid? {
        let name = Validator.trimmed(name) == nil ? "api" : v.requiredText(name, "name", "Enter a name for the token", max: 100)
        let scope = Validator.trimmed(scope) == nil
            ? TokenScope.write : v.enumValue(scope, "scope", TokenScope.self, missing: "Choose what the token may do")
        guard let name, let scope else { return nil }
        return Valid(name: name, scope: scope)
    }
}
