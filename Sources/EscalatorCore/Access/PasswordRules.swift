/// The rules a password must meet whenever one is set (a new account, a change, a reset) — not when signing in,
/// so existing passwords keep working. One place for the web pages and the command line.
public enum PasswordRules {
    public static let minimumLength = 12
    /// Bcrypt reads only the first 72 bytes.
    public static let maximumBytes = 72

    /// What is wrong with `password` for the account `email`, one sentence each; empty when it is acceptable.
    public static func problems(_ password: String, email: String) -> [String] {
        var problems: [String] = []
        if password.count < minimumLength { problems.append("Use at least \(minimumLength) characters.") }
        if password.utf8.count > maximumBytes { problems.append("Use at most \(maximumBytes) bytes (about \(maximumBytes) letters).") }
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            problems.append("Use letters, numbers, spaces and punctuation only.")
        }
        if isCommon(password) {
            problems.append("This password is one of the most common ones. Choose something harder to guess, like three random words.")
        }
        let local = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
        if local.count >= 3, password.lowercased().contains(local) {
            problems.append("Do not use your email address in your password.")
        }
        return problems
    }

    /// True for a password on the common list, one of very few different characters ("121212121212"), or a common
    /// word (or a word repeated) padded with digits and symbols ("Password2024!", "qwertyqwerty1").
    public static func isCommon(_ password: String) -> Bool {
        let lowered = password.lowercased()
        if common.contains(lowered) || Set(lowered).count < 4 { return true }
        let letters = String(lowered.filter(\.isLetter))
        guard !letters.isEmpty, lowered.allSatisfy({ $0.isLetter || $0.isNumber || $0.isPunctuation || $0.isSymbol || $0 == " " }) else {
            return false
        }
        return commonWords.contains { word in
            letters.count % word.count == 0 && String(repeating: word, count: letters.count / word.count) == letters
        }
    }

    /// Words that, padded with digits or symbols, make most of the commonly breached long passwords.
    static let commonWords: Set<String> = [
        "password", "pass", "qwerty", "qwertyuiop", "qwertyuiopasdfghjkl", "asdfghjkl", "zxcvbnm", "letmein",
        "welcome", "admin", "administrator", "iloveyou", "monkey", "dragon", "football", "baseball", "sunshine",
        "princess", "shadow", "master", "superman", "batman", "trustno", "changeme", "secret", "abc", "abcdef",
        "abcdefghijkl", "qwe", "qaz", "qazwsx", "qazwsxedc", "zaq", "login", "default", "escalator", "birmingham",
        "coventry", "wolverhampton", "westmidlands", "summer", "winter", "spring", "autumn", "january", "computer",
        "internet", "starwars", "liverpool", "chelsea", "arsenal", "villa", "astonvilla",
    ]

    /// Long passwords seen most often in breaches (shorter ones already fail the length rule).
    static let common: Set<String> = [
        "123456789012", "1234567890123", "12345678901234", "123123123123", "111111111111", "000000000000",
        "qwerty123456", "qwertyuiop123", "1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3", "q1w2e3r4t5y6",
        "password1234", "password12345", "password123456", "passwordpassword", "password123!", "iloveyou1234",
        "abc123456789", "abcdefghijkl", "aaaaaaaaaaaa", "letmein12345", "welcome12345", "changeme1234",
        "administrator", "administrator1", "correct horse battery staple", "correcthorsebatterystaple",
        "trustno1trustno1", "football1234", "baseball1234", "princess1234", "sunshine1234", "superman1234",
        "starwars1234", "qwertyqwerty", "asdfghjkl123", "zxcvbnm12345", "1234qwerasdf", "qwerasdfzxcv",
    ]
}
