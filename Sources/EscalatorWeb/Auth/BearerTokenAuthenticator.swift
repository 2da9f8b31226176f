import Crypto
import EscalatorPersistence
import Fluent
import Vapor

/// Signs in the user whose API token the `Authorization: Bearer` header carries.
/// Tokens are stored only as SHA-256 hashes.
struct BearerTokenAuthenticator: AsyncMiddleware {
    let now: @Sendable () -> Date

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            let hash = APITokens.hash(bearer.token)
            guard let token = try await APITokenModel.query(on: request.db).filter(\.$tokenHash == hash).first(),
                  token.revokedAt == nil, token.expiresAt > now(),
                  let user = try await AuthenticatedUser.load(id: token.$user.id, on: request.db)
            else { throw AppError.unauthorised }
            request.auth.login(user)
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
