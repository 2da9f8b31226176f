import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Administrators' user management: list, add, deactivate and reactivate, reset a password, revoke a user's tokens.
struct UsersController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("admin", "users")
        users.get(use: index).needs(.manageUsers)
        users.get("new", use: new).needs(.manageUsers)
        users.post(use: create).needs(.manageUsers)
        users.get(":userID", use: show).needs(.manageUsers)
        users.post(":userID", "deactivate", use: deactivate).needs(.manageUsers)
        users.post(":userID", "reactivate", use: reactivate).needs(.manageUsers)
        users.post(":userID", "reset-password", use: resetPassword).needs(.manageUsers)
        users.post(":userID", "tokens", ":tokenID", "revoke", use: revokeToken).needs(.manageUsers)
    }

    func index(req: Request) async throws -> Response {
        try req.require(.administrator)
        let search = req.queryString("q")
        let page = try await UserQueries.list(search: search, page: try req.pageRequest(), on: req.db)
        return .html(UserViews.index(page, search: search, viewer: try req.viewer))
    }

    func new(req: Request) async throws -> Response {
        try req.require(.administrator)
        return try await renderForm(req, FormState(csrfToken: req.csrfToken))
    }

    /// Shows the temporary password on this page, once: only its hash is kept.
    func create(req: Request) async throws -> Response {
        let admin = try req.require(.administrator)
        let input = try req.content.decode(UserInput.self)
        do {
            let created = try await UserService.create(input, by: admin, on: req)
            req.logger.info("user created", metadata: ["user": .string(created.user.id.uuidString)])
            return .html(UserViews.temporaryPassword(created, isNew: true, viewer: try req.viewer), status: .created)
        } catch let AppError.validation(errors) {
            let state = FormState(values: ["email": input.email ?? "", "displayName": input.displayName ?? "", "role": input.role ?? "",
                                           "organisationID": input.organisationID ?? ""], errors: errors, csrfToken: req.csrfToken)
            return try await renderForm(req, state, status: .unprocessableEntity)
        }
    }

    func show(req: Request) async throws -> Response {
        let admin = try req.require(.administrator)
        let user = UserQueries.Row(try await UserQueries.find(try req.uuid("userID", "User"), on: req.db))
        let tokens = try await TokenQueries.list(of: user.id, page: try req.pageRequest(), now: environment.now(), on: req.db)
        let notice: String? = switch req.queryString("notice") {
        case "deactivated": "\(user.displayName) can no longer sign in, and their API tokens have been revoked."
        case "reactivated": "\(user.displayName) can sign in again."
        case "revoked": "Token revoked."
        default: nil
        }
        return .html(UserViews.show(user, tokens: tokens, isSelf: admin.id == user.id, viewer: try req.viewer, notice: notice))
    }

    func deactivate(req: Request) async throws -> Response {
        try await setActive(req, false)
    }

    func reactivate(req: Request) async throws -> Response {
        try await setActive(req, true)
    }

    private func setActive(_ req: Request, _ active: Bool) async throws -> Response {
        let admin = try req.require(.administrator)
        let user = try await UserService.setActive(try req.uuid("userID", "User"), active, by: admin, on: req.db, environment: environment)
        req.logger.info(active ? "user reactivated" : "user deactivated", metadata: ["user": .string(user.id.uuidString)])
        return req.redirect(to: "/admin/users/\(user.id)?notice=\(active ? "reactivated" : "deactivated")")
    }

    func resetPassword(req: Request) async throws -> Response {
        let admin = try req.require(.administrator)
        let reset = try await UserService.resetPassword(try req.uuid("userID", "User"), by: admin, on: req, environment: environment)
        req.logger.info("password reset by an administrator", metadata: ["user": .string(reset.user.id.uuidString)])
        return .html(UserViews.temporaryPassword(reset, isNew: false, viewer: try req.viewer))
    }

    func revokeToken(req: Request) async throws -> Response {
        let admin = try req.require(.administrator)
        let userID = try req.uuid("userID", "User")
        let tokenID = try req.uuid("tokenID", "Token")
        guard let token = try await APITokenModel.find(tokenID, on: req.db), token.$user.id == userID else { throw AppError.notFound("Token") }
        _ = try await TokenService.revoke(tokenID, by: admin, environment: environment, on: req.db)
        return req.redirect(to: "/admin/users/\(userID)?notice=revoked")
    }

    private func renderForm(_ req: Request, _ state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let organisations = try await OrganisationModel.query(on: req.db).sort(\.$name).all().map(\.value)
        return .html(UserViews.form(state, organisations: organisations, viewer: try req.viewer), status: status)
    }
}
