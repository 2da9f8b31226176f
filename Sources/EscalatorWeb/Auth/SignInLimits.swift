import Foundation

/// How many failed sign-ins are allowed within `window` before further attempts are refused (429) without
/// checking the password: per account (the email, whether or not it exists) and per client address.
/// A limit of 0 turns that check off (for load tests and fuzzing only).
public struct SignInLimits: Sendable, Equatable {
    public var failuresPerAccount: Int
    public var failuresPerAddress: Int
    public var window: TimeInterval

    public init(failuresPerAccount: Int = 5, failuresPerAddress: Int = 20, window: TimeInterval = 15 * 60) {
        self.failuresPerAccount = failuresPerAccount
        self.failuresPerAddress = failuresPerAddress
        self.window = window
    }

    /// `ESCALATOR_SIGNIN_ACCOUNT_LIMIT`, `ESCALATOR_SIGNIN_ADDRESS_LIMIT` (whole numbers, 0 = off) and
    /// `ESCALATOR_SIGNIN_WINDOW_SECONDS` (1 to 86400); defaults for any not set.
    init(environment env: [String: String]) throws {
        self.init()
        func whole(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let raw = env[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            guard let value = Int(raw), range.contains(value) else {
                throw ConfigurationError("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound).")
            }
            return value
        }
        failuresPerAccount = try whole("ESCALATOR_SIGNIN_ACCOUNT_LIMIT", 0...1_000_000) ?? failuresPerAccount
        failuresPerAddress = try whole("ESCALATOR_SIGNIN_ADDRESS_LIMIT", 0...1_000_000) ?? failuresPerAddress
        window = TimeInterval(try whole("ESCALATOR_SIGNIN_WINDOW_SECONDS", 1...86_400) ?? Int(window))
    }
}

extension AppEnvironment {
    public static let defaultMaxBodyBytes = 1 << 20

    /// `ESCALATOR_MAX_BODY_BYTES`: from 1 KB to 64 MB; the default when unset.
    static func maxBodyBytes(from raw: String?) throws -> Int {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return defaultMaxBodyBytes }
        guard let bytes = Int(raw), (1024...(64 << 20)).contains(bytes) else {
            throw ConfigurationError("ESCALATOR_MAX_BODY_BYTES must be a whole number of bytes from 1024 to \(64 << 20).")
        }
        return bytes
    }
}
