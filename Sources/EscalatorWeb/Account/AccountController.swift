import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// The signed-in user's own account: their details, changing their password, and their API tokens.
struct AccountController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let account = routes.grouped("account")
        account.get(use: show).needs(.useOwnAccount)
        account.get("password", use: passwordForm).needs(.useOwnAccount)
        account.post("password", use: changePassword).needs(.useOwnAccount)
        account.get("tokens", use: tokens).needs(.useOwnAccount)
        account.post("tokens", use: createToken).needs(.useOwnAccount)
        account.post("tokens", ":tokenID", "revoke", use: revokeToken).needs(.useOwnAccount)
    }

    func show(req: Request) async throws -> Response {
        let user = try req.user
        let model = try await UserModel.find(user.id, on: req.db)
        let notice: String? = req.queryString("notice") == "password" ? "Your password has been changed." : nil
        return .html(AccountViews.show(user, lastSignedInAt: model?.lastSignedInAt, viewer: try req.viewer, notice: notice))
    }

    func passwordForm(req: Request) async throws -> Response {
        let user = try req.user
        return .html(AccountViews.passwordForm(FormState(csrfToken: req.csrfToken), forced: user.mustChangePassword, viewer: try req.viewer))
    }

    func changePassword(req: Request) async throws -> Response {
        let user = try req.user
        let input = try req.content.decode(PasswordInput.self)
        do {
            switch try await AccountService.changePassword(input, for: user, on: req, environment: environment) {
            case .throttled(let wait):
                let state = FormState(errors: [FieldError("currentPassword", SignInController.waitMessage(wait))], csrfToken: req.csrfToken)
                let response = Response.html(AccountViews.passwordForm(state, forced: user.mustChangePassword, viewer: try req.viewer), status: .tooManyRequests)
                response.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
                return response
            case .changed(let model):
                // A fresh session under the new password; every other session of this user ends at its next request.
                try await SignInController.rotateSession(req)
                SessionUserAuthenticator.record(model, in: req.session, at: environment.now())
                return req.redirect(to: "/account?notice=password")
            }
        } catch let AppError.validation(errors) {
            let state = FormState(errors: errors, csrfToken: req.csrfToken)
            return .html(AccountViews.passwordForm(state, forced: user.mustChangePassword, viewer: try req.viewer), status: .unprocessableEntity)
        }
    }

    func tokens(req: Request) async throws -> Response {
        let user = try req.user
        let page = try await TokenQueries.list(of: user.id, page: try req.pageRequest(), now: environment.now(), on: req.db)
        let notice: String? = req.queryString("notice") == "revoked" ? "Token revoked. It no longer works." : nil
        return .html(AccountViews.tokens(page, issued: nil, state: FormState(values: ["scope": TokenScope.read.rawValue], csrfToken: req.csrfToken),
                                         viewer: try req.viewer, notice: notice))
    }

    /// Shows the new token on this page, once: it is not kept, so no later page can show it again.
    func createToken(req: Request) async throws -> Response {
        let user = try req.user
        let input = try req.content.decode(TokenInput.self)
        let now = environment.now()
        do {
            let valid = try input.validateForPage()
            let issued = try await TokenService.issue(for: user.id, valid, environment: environment, on: req.db)
            let page = try await TokenQueries.list(of: user.id, page: PageRequest(), now: now, on: req.db)
            return .html(AccountViews.tokens(page, issued: issued, state: FormState(values: ["scope": TokenScope.read.rawValue], csrfToken: req.csrfToken),
                                             viewer: try req.viewer, notice: nil), status: .created)
        } catch let AppError.validation(errors) {
            let page = try await TokenQueries.list(of: user.id, page: PageRequest(), now: now, on: req.db)
            let state = FormState(values: ["name": input.name ?? "", "scope": input.scope ?? ""], errors: errors, csrfToken: req.csrfToken)
            return .html(AccountViews.tokens(page, issued: nil, state: state, viewer: try req.viewer, notice: nil), status: .unprocessableEntity)
        }
    }

    func revokeToken(req: Request) async throws -> Response {
        let user = try req.user
        let token = try await APITokenModel.find(try req.uuid("tokenID", "Token"), on: req.db)
        guard let token, token.$user.id == user.id else { throw AppError.notFound("Token") }
        _ = try await TokenService.revoke(token.id!, by: user, environment: environment, on: req.db)
        return req.redirect(to: "/account/tokens?notice=revoked")
    }
}

extension TokenInput {
    /// On the page, the name and scope must both be given.
    func validateForPage() throws -> Valid {
        var v = Validator()
        let name = v.requiredText(name, "name", "Enter a name for the token, like the program that will use it", max: 100)
        let scope = v.enumValue(scope, "scope", TokenScope.self, missing: "Choose what the token may do")
        try v.throwIfFailed()
        return Valid(name: name!, scope: scope!)
    }
}
