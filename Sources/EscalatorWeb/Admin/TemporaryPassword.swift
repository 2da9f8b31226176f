import EscalatorCore

/// A password an administrator passes on by hand, once: four groups of four letters and digits that cannot be
/// mistaken for each other (no 0/o, 1/l/i), about 77 bits of randomness from the system's secure generator.
public enum TemporaryPassword {
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    public static func generate(for email: String) -> String {
        var generator = SystemRandomNumberGenerator()
        while true {
            let groups = (0..<4).map { _ in String((0..<4).map { _ in alphabet.randomElement(using: &generator)! }) }
            let password = groups.joined(separator: "-")
            if PasswordRules.problems(password, email: email).isEmpty { return password }
        }
    }
}
