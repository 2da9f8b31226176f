import EscalatorCore
import Vapor

/// `/api/v1/taxonomy`: the skills taxonomy for machines, for every signed-in role. Ids in paths are
/// percent-encoded (ESCO ids are URIs).
struct TaxonomyAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let taxonomy = routes.grouped("taxonomy")
        taxonomy.get("occupations", use: occupations).needs(.readReferenceData)
        taxonomy.get("occupations", ":occupationID", use: occupation).needs(.readReferenceData)
        taxonomy.get("skills", use: skills).needs(.readReferenceData)
        taxonomy.get("skills", ":skillID", use: skill).needs(.readReferenceData)
    }

    func occupations(req: Request) async throws -> Response {
        _ = try req.user
        let filter = try TaxonomyFilter.read(req, allowKind: false)
        return try .json(PagedResponse(try await TaxonomyQueries.occupations(filter, page: try req.pageRequest(), on: req.db)))
    }

    func occupation(req: Request) async throws -> Response {
        _ = try req.user
        return try .json(try await TaxonomyQueries.occupation(try req.taxonomyID("occupationID", "Occupation"), now: environment.now(), on: req.db))
    }

    func skills(req: Request) async throws -> Response {
        _ = try req.user
        let filter = try TaxonomyFilter.read(req, allowKind: true)
        return try .json(PagedResponse(try await TaxonomyQueries.skills(filter, page: try req.pageRequest(), on: req.db)))
    }

    func skill(req: Request) async throws -> Response {
        let user = try req.user
        return try .json(try await TaxonomyQueries.skill(try req.taxonomyID("skillID", "Skill"), for: user, on: req.db))
    }
}
