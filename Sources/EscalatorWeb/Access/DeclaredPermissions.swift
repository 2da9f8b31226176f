import EscalatorCore
import Vapor

extension Route {
    /// Declares the permission the route needs (`AccessPolicy`); every route must.
    @discardableResult
    func needs(_ permission: Permission) -> Route {
        userInfo[DeclaredPermissions.key] = permission
        return self
    }

    var permission: Permission? { userInfo[DeclaredPermissions.key] as? Permission }
}

enum DeclaredPermissions {
    static let key = "escalator.permission"

    /// The app does not start while any route declares no permission: nothing is allowed or denied by omission.
    static func requireDeclared(_ routes: [Route]) throws {
        let undeclared = routes.filter { $0.permission == nil }
            .map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") }
        guard undeclared.isEmpty else {
            throw RouteDeclarationError(routes: undeclared.sorted())
        }
    }
}

struct RouteDeclarationError: Error, CustomStringConvertible {
    var routes: [String]
    var description: String {
        "These routes declare no permission (add `.needs(...)` where they are registered, and the permission to AccessPolicy): "
            + routes.joined(separator: ", ")
    }
}

/// Refuses a signed-in user whose role does not hold the route's declared permission under any relationship,
/// before the handler runs. Record-level rules (which client, which vacancy) are the handler's, from the same table.
struct PermissionMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let permission = req.route?.permission else {
            throw AppError.forbidden("This address declares no permission, so nobody may use it.")
        }
        let user = try req.user
        guard AccessPolicy.mayEver(user.role, permission) else { throw AppError.refused(user.role, permission) }
        return try await next.respond(to: req)
    }
}

extension AppError {
    /// The answer to a role that holds `permission` through no relationship at all.
    static func refused(_ role: Role, _ permission: Permission) -> AppError {
        .forbidden("Your role (\(role.label.lowercased())) cannot \(permission.label).")
    }
}
