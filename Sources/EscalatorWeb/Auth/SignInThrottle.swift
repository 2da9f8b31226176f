import Crypto
import EscalatorPersistence
import Fluent
import Foundation
import SQLKit
import Vapor

/// Counts failed sign-ins per account (lowercased email) and per client address over a sliding window, in the
/// database (`sign_in_failures`), so every instance of the app counts the same attempts. Keys are keyed hashes
/// (HMAC under the data key's `sign-in-throttle` subkey): the table holds no email or address.
///
/// An attempt is admitted only while both counts are under their limits; an admitted attempt counts as a
/// failure until `succeeded` takes it back, so parallel guesses cannot slip past the limit while Bcrypt runs.
/// Admissions are decided one at a time: within this process by the actor, across processes by the
/// `WriteLock`. A success clears the
/// account's failures but not the address's, or one valid account would reset an attacker's budget.
actor SignInThrottle {
    enum Decision: Equatable, Sendable {
        case admitted
        /// Refused; try again after this many seconds.
        case refused(retryAfter: Int)
    }

    let limits: SignInLimits
    private let key: SymmetricKey
    private var admissionsSinceSweep = 0

    init(limits: SignInLimits, key: SymmetricKey) {
        self.limits = limits
        self.key = key
    }

    func admit(account: String, address: String, at now: Date, on db: any Database) async throws -> Decision {
        guard limits.failuresPerAccount > 0 || limits.failuresPerAddress > 0 else { return .admitted }
        admissionsSinceSweep += 1
        if admissionsSinceSweep >= 1000 {
            admissionsSinceSweep = 0
            try await SignInFailureModel.query(on: db).filter(\.$at <= now.timeIntervalSince1970 - limits.window).delete()
        }
        let accountKey = hashed("account", account), addressKey = hashed("address", address)
        let limits = limits
        return try await db.transaction { tx in
            try await WriteLock.take(.signInThrottle, in: tx)
            let byAccount = try await Self.recent(accountKey, now, limits, on: tx)
            let byAddress = try await Self.recent(addressKey, now, limits, on: tx)
            var wait: TimeInterval = 0
            if let until = Self.blockedUntil(byAccount, limit: limits.failuresPerAccount, window: limits.window) { wait = max(wait, until - now.timeIntervalSince1970) }
            if let until = Self.blockedUntil(byAddress, limit: limits.failuresPerAddress, window: limits.window) { wait = max(wait, until - now.timeIntervalSince1970) }
            if wait > 0 { return .refused(retryAfter: max(1, Int(wait.rounded(.up)))) }
            var marks: [SignInFailureModel] = []
            if limits.failuresPerAccount > 0 { marks.append(SignInFailureModel(key: accountKey, at: now)) }
            if limits.failuresPerAddress > 0 { marks.append(SignInFailureModel(key: addressKey, at: now)) }
            try await marks.create(on: tx)
            return .admitted
        }
    }

    /// The attempt admitted at `at` was right: forget the account's failures and this attempt's mark on the address.
    func succeeded(account: String, address: String, at: Date, on db: any Database) async throws {
        try await SignInFailureModel.query(on: db).filter(\.$key == hashed("account", account)).delete()
        if let mark = try await SignInFailureModel.query(on: db).filter(\.$key == hashed("address", address))
            .filter(\.$at == at.timeIntervalSince1970).first() {
            try await mark.delete(on: db)
        }
    }

    /// Failures recorded now for this account and address (for tests and logs).
    func failures(account: String, address: String, at now: Date, on db: any Database) async throws -> (account: Int, address: Int) {
        (try await Self.recent(hashed("account", account), now, limits, on: db).count,
         try await Self.recent(hashed("address", address), now, limits, on: db).count)
    }

    private func hashed(_ kind: String, _ value: String) -> String {
        kind + ":" + Data(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: key)).base64EncodedString()
    }

    /// The marks inside the window, oldest first.
    private static func recent(_ key: String, _ now: Date, _ limits: SignInLimits, on db: any Database) async throws -> [Double] {
        try await SignInFailureModel.query(on: db).filter(\.$key == key).filter(\.$at > now.timeIntervalSince1970 - limits.window)
            .sort(\.$at).all().map(\.at)
    }

    /// When the oldest failure that keeps the count at the limit leaves the window; nil when under the limit.
    private static func blockedUntil(_ marks: [Double], limit: Int, window: TimeInterval) -> Double? {
        guard limit > 0, marks.count >= limit else { return nil }
        return marks[marks.count - limit] + window
    }
}

struct SignInThrottleKey: StorageKey {
    typealias Value = SignInThrottle
}

extension Application {
    var signInThrottle: SignInThrottle {
        guard let throttle = storage[SignInThrottleKey.self] else { fatalError("configure() sets up the sign-in throttle") }
        return throttle
    }
}
