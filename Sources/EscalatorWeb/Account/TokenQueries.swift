import EscalatorCore
import EscalatorPersistence
import Fluent
import Foundation

enum TokenQueries {
    /// A user's tokens, newest first.
    static func list(of userID: UUID, page request: PageRequest, now: Date, on db: any Database) async throws -> Page<TokenInfo> {
        let query = APITokenModel.query(on: db).filter(\.$user.$id == userID)
        let total = try await query.count()
        let models = try await query.sort(\.$createdAt, .descending).sort(\.$id)
            .range(request.offset..<(request.offset + request.size)).all()
        return Page(items: models.map { TokenInfo($0, now: now) }, request: request, total: total)
    }
}
