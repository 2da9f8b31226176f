import EscalatorCore
import Vapor

/// `GET /api/v1/auth/tokens` (the caller's own tokens, never their text) and `DELETE /api/v1/auth/tokens/:tokenID`
/// (revoke one of the caller's tokens; administrators may revoke anyone's).
struct TokensAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let tokens = routes.grouped("auth", "tokens")
        tokens.get(use: list).needs(.useOwnAccount)
        tokens.delete(":tokenID", use: revoke).needs(.useOwnAccount)
    }

    func list(req: Request) async throws -> Response {
        let user = try req.user
        let page = try await TokenQueries.list(of: user.id, page: try req.pageRequest(), now: environment.now(), on: req.db)
        return try .json(PagedResponse(page))
    }

    func revoke(req: Request) async throws -> Response {
        let user = try req.user
        return try .json(try await TokenService.revoke(try req.uuid("tokenID", "Token"), by: user, environment: environment, on: req.db))
    }
}
