import Crypto
import EscalatorPersistence
import Fluent
import Vapor

/// Checks an email and password for the sign-in page, the token endpoint and the change-password page,
/// behind the sign-in throttle. Logs carry keyed pseudonyms of the email and address, never either itself.
enum Credentials {
    enum Outcome {
        case verified(UserModel)
        case wrong
        /// Too many recent failures: refused without checking the password. Try again after this many seconds.
        case throttled(retryAfter: Int)
    }

    static func attempt(email: String, password: String, on req: Request, environment: AppEnvironment) async throws -> Outcome {
        let account = email.trimmingCharacters(in: .whitespaces).lowercased()
        let address = ClientAddress.of(req, trustedProxies: environment.trustedProxies)
        let at = environment.now()
        let throttle = req.application.signInThrottle
        if case .refused(let wait) = try await throttle.admit(account: account, address: address, at: at, on: req.db) {
            req.logger.notice("sign-in refused: too many failures", metadata: logMetadata(account, address, environment))
            return .throttled(retryAfter: wait)
        }
        guard let user = try await verify(email: account, password: password, on: req) else {
            req.logger.notice("sign-in failed", metadata: logMetadata(account, address, environment))
            return .wrong
        }
        try await throttle.succeeded(account: account, address: address, at: at, on: req.db)
        return .verified(user)
    }

    /// The active user with this email and password, or nil. Always runs one Bcrypt verification so
    /// that an unknown email takes as long to refuse as a wrong password.
    static func verify(email: String, password: String, on req: Request) async throws -> UserModel? {
        guard let user = try await UserModel.query(on: req.db).filter(\.$email == email.lowercased()).first() else {
            _ = try? await req.password.async.hash(password)
            return nil
        }
        let matches = (try? await req.password.async.verify(password, created: user.passwordHash)) ?? false
        guard user.active, matches else { return nil }
        return user
    }

    static func logMetadata(_ account: String, _ address: String, _ environment: AppEnvironment) -> Logger.Metadata {
        ["account": .string(pseudonym(account, environment)), "address": .string(pseudonym(address, environment))]
    }

    /// The first 12 hex digits of an HMAC under the installation's key: the same email gives the same pseudonym,
    /// so repeated attempts can be followed in the logs, but the email cannot be recovered or guessed from it.
    static func pseudonym(_ value: String, _ environment: AppEnvironment) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: environment.dataKey.subkey("log-pseudonyms"))
        return mac.prefix(6).map { String(format: "%02x", $0) }.joined()
    }
}

/// The address a request came from, for the per-address sign-in limit. Normally the connection's peer; when
/// that peer is one of `trustedProxies` (`ESCALATOR_TRUSTED_PROXIES`), the nearest address in
/// `X-Forwarded-For` that is not itself a trusted proxy. Headers from anyone else are ignored: they are
/// trivially forged.
enum ClientAddress {
    static func of(_ req: Request, trustedProxies: Set<String>) -> String {
        resolve(peer: req.remoteAddress?.ipAddress, forwardedFor: req.headers[.xForwardedFor], trustedProxies: trustedProxies)
    }

    static func resolve(peer: String?, forwardedFor: [String], trustedProxies: Set<String>) -> String {
        guard let peer else { return "unknown" }
        guard trustedProxies.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return hops.reversed().first { !trustedProxies.contains($0) } ?? peer
    }
}
