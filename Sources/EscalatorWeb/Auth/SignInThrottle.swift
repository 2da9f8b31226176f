import Foundation
import Vapor

/// Counts failed sign-ins in memory, per account (lowercased email) and per client address, over a sliding
/// window. An attempt is admitted only while both counts are under their limits; an admitted attempt counts as a
/// failure until `succeeded` takes it back, so parallel guesses cannot slip past the limit while Bcrypt runs.
/// A success clears the account's failures but not the address's, or one valid account would reset an
/// attacker's budget. The counts live in this process: a restart clears them, and several processes each keep
/// their own.
actor SignInThrottle {
    enum Decision: Equatable, Sendable {
        case admitted
        /// Refused; try again after this many seconds.
        case refused(retryAfter: Int)
    }

    let limits: SignInLimits
    private var accounts: [String: [Date]] = [:]
    private var addresses: [String: [Date]] = [:]
    private var admissionsSinceSweep = 0

    init(limits: SignInLimits) {
        self.limits = limits
    }

    func admit(account: String, address: String, at now: Date) -> Decision {
        admissionsSinceSweep += 1
        if admissionsSinceSweep >= 1000 { sweep(now) }
        let byAccount = recent(accounts[account], now), byAddress = recent(addresses[address], now)
        var wait: TimeInterval = 0
        if let until = blockedUntil(byAccount, limit: limits.failuresPerAccount) { wait = max(wait, until.timeIntervalSince(now)) }
        if let until = blockedUntil(byAddress, limit: limits.failuresPerAddress) { wait = max(wait, until.timeIntervalSince(now)) }
        if wait > 0 {
            accounts[account] = byAccount
            addresses[address] = byAddress
            return .refused(retryAfter: max(1, Int(wait.rounded(.up))))
        }
        accounts[account] = Self.keepingLast(limits.failuresPerAccount, byAccount + [now])
        addresses[address] = Self.keepingLast(limits.failuresPerAddress, byAddress + [now])
        return .admitted
    }

    /// The attempt admitted at `at` was right: forget the account's failures and this attempt's mark on the address.
    func succeeded(account: String, address: String, at: Date) {
        accounts[account] = nil
        if var marks = addresses[address], let index = marks.lastIndex(of: at) {
            marks.remove(at: index)
            addresses[address] = marks.isEmpty ? nil : marks
        }
    }

    /// Failures recorded now for this account and address (for tests and logs).
    func failures(account: String, address: String, at now: Date) -> (account: Int, address: Int) {
        (recent(accounts[account], now).count, recent(addresses[address], now).count)
    }

    private func recent(_ marks: [Date]?, _ now: Date) -> [Date] {
        (marks ?? []).filter { now.timeIntervalSince($0) < limits.window }
    }

    /// When the oldest failure that keeps the count at the limit leaves the window; nil when under the limit.
    private func blockedUntil(_ marks: [Date], limit: Int) -> Date? {
        guard limit > 0, marks.count >= limit else { return nil }
        return marks[marks.count - limit].addingTimeInterval(limits.window)
    }

    /// Only the last `limit` marks can decide anything.
    private static func keepingLast(_ limit: Int, _ marks: [Date]) -> [Date] {
        limit > 0 ? Array(marks.suffix(limit)) : []
    }

    private func sweep(_ now: Date) {
        admissionsSinceSweep = 0
        accounts = accounts.compactMapValues { marks in
            let kept = marks.filter { now.timeIntervalSince($0) < limits.window }
            return kept.isEmpty ? nil : kept
        }
        addresses = addresses.compactMapValues { marks in
            let kept = marks.filter { now.timeIntervalSince($0) < limits.window }
            return kept.isEmpty ? nil : kept
        }
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
