import Crypto
import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Signs in the user whose API token the `Authorization: Bearer` header carries. Tokens are stored only as
/// SHA-256 hashes. A revoked or expired token is a 401; a `read` token may only look (GET and HEAD) and gets a
/// 403 for anything else. When a token was last used is recorded at most once every few minutes.
struct BearerTokenAuthenticator: AsyncMiddleware {
    let now: @Sendable () -> Date
    static let lastUsedResolution: TimeInterval = 5 * 60

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            let hash = APITokens.hash(bearer.token)
            let now = now()
            guard bearer.token.count <= 200,
                  let token = try await APITokenModel.query(on: request.db).filter(\.$tokenHash == hash).first(),
                  token.revokedAt == nil, token.expiresAt > now,
                  var user = try await AuthenticatedUser.load(id: token.$user.id, on: request.db)
            else { throw AppError.unauthorised }
            let scope = TokenScope(rawValue: token.scope) ?? .read
            user.tokenID = token.id
            user.tokenScope = scope
            request.auth.login(user)
            if scope == .read, request.method != .GET, request.method != .HEAD {
                throw AppError.forbidden("This token may only read (scope read). Use a token with scope write to make changes.")
            }
            if token.lastUsedAt.map({ now.timeIntervalSince($0) >= Self.lastUsedResolution }) ?? true {
                token.lastUsedAt = now
                try await token.save(on: request.db)
            }
        }
        return try await next.respond(to: request)
    }
}

enum APITokens {
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// 32 random bytes, URL-safe base64, with a prefix that makes leaked tokens easy to spot.
    static func generate() -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return "esc_" + base64
    }
}
