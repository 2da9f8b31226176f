import EscalatorCore
import Vapor

/// The algorithmic transparency records (`TransparencyRecords`), open to everyone: `/transparency` for people,
/// `GET /api/v1/transparency` as JSON following the Algorithmic Transparency Recording Standard's tiers.
struct TransparencyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("transparency", use: page).needs(.usePublicPages)
    }

    func page(req: Request) async throws -> Response {
        .html(TransparencyViews.records(TransparencyRecords.all, viewer: req.auth.get(AuthenticatedUser.self)?.viewer(csrfToken: req.csrfToken)))
    }
}

struct TransparencyAPIController: RouteCollection {
    struct Document: Content {
        var standard: String
        var records: [TransparencyRecord]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("transparency", use: document).needs(.usePublicPages)
    }

    func document(req: Request) async throws -> Response {
        try .json(Document(standard: "UK Algorithmic Transparency Recording Standard, tiers 1 and 2", records: TransparencyRecords.all))
    }
}
