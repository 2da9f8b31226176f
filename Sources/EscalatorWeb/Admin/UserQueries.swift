import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// The reads behind the user-management pages.
enum UserQueries {
    struct Row: Sendable {
        var id: UUID
        var email: String
        var displayName: String
        var role: Role
        var organisationID: UUID
        var organisationName: String
        var active: Bool
        var mustChangePassword: Bool
        var lastSignedInAt: Date?

        init(_ model: UserModel) {
            id = model.id!
            email = model.email
            displayName = model.displayName
            role = model.role
            organisationID = model.$organisation.id
            organisationName = model.organisation.name
            active = model.active
            mustChangePassword = model.mustChangePassword
            lastSignedInAt = model.lastSignedInAt
        }
    }

    /// Everyone who can sign in, by name; `search` matches the start of the email or name.
    static func list(search: String?, page request: PageRequest, on db: any Database) async throws -> Page<Row> {
        let query = UserModel.query(on: db).with(\.$organisation)
        if let search {
            query.group(.or) { group in
                group.filter(TextSearch.startsWith(UserModel.schema, "email", search))
                group.filter(TextSearch.contains(UserModel.schema, "display_name", search))
            }
        }
        let total = try await query.count()
        let models = try await query.sort(\.$displayName).sort(\.$id).range(request.offset..<(request.offset + request.size)).all()
        return Page(items: models.map(Row.init), request: request, total: total)
    }

    static func find(_ id: UUID, on db: any Database) async throws -> UserModel {
        guard let user = try await UserModel.query(on: db).filter(\.$id == id).with(\.$organisation).first() else {
            throw AppError.notFound("User")
        }
        return user
    }
}
