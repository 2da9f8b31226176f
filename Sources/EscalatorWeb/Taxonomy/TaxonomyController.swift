import EscalatorCore
import Vapor

/// `/taxonomy`: occupations and skills, for every signed-in role. Ids in paths are percent-encoded.
struct TaxonomyController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let taxonomy = routes.grouped("taxonomy")
        taxonomy.get(use: occupations).needs(.readReferenceData)
        taxonomy.get("occupations", ":occupationID", use: occupation).needs(.readReferenceData)
        taxonomy.get("skills", use: skills).needs(.readReferenceData)
        taxonomy.get("skills", ":skillID", use: skill).needs(.readReferenceData)
    }

    func occupations(req: Request) async throws -> Response {
        let viewer = try req.viewer
        do {
            let filter = try TaxonomyFilter.read(req, allowKind: false)
            let page = try await TaxonomyQueries.occupations(filter, page: try req.pageRequest(), on: req.db)
            return .html(TaxonomyViews.occupations(page, state: FormState(values: filter.raw, csrfToken: viewer.csrfToken), viewer: viewer))
        } catch let AppError.validation(errors) {
            let state = FormState(values: TaxonomyFilter.rawValues(req), errors: errors, csrfToken: viewer.csrfToken)
            return .html(TaxonomyViews.occupations(nil, state: state, viewer: viewer), status: .unprocessableEntity)
        }
    }

    func occupation(req: Request) async throws -> Response {
        let detail = try await TaxonomyQueries.occupation(try req.taxonomyID("occupationID", "Occupation"), now: environment.now(), on: req.db)
        return .html(TaxonomyViews.occupation(detail, viewer: try req.viewer))
    }

    func skills(req: Request) async throws -> Response {
        let viewer = try req.viewer
        do {
            let filter = try TaxonomyFilter.read(req, allowKind: true)
            let page = try await TaxonomyQueries.skills(filter, page: try req.skillsPageRequest(), on: req.db)
            return .html(TaxonomyViews.skills(page, state: FormState(values: filter.raw, csrfToken: viewer.csrfToken), viewer: viewer))
        } catch let AppError.validation(errors) {
            let state = FormState(values: TaxonomyFilter.rawValues(req), errors: errors, csrfToken: viewer.csrfToken)
            return .html(TaxonomyViews.skills(nil, state: state, viewer: viewer), status: .unprocessableEntity)
        }
    }

    func skill(req: Request) async throws -> Response {
        let user = try req.user
        let detail = try await TaxonomyQueries.skill(try req.taxonomyID("skillID", "Skill"), for: user, on: req.db)
        return .html(TaxonomyViews.skill(detail, viewer: try req.viewer))
    }
}

extension Request {
    /// A taxonomy id from the path, already percent-decoded by the router; a 404 naming `what` when empty.
    func taxonomyID(_ name: String, _ what: String) throws -> String {
        guard let id = parameters.get(name), !id.isEmpty, id.count <= 500 else { throw AppError.notFound(what) }
        return id
    }

    /// The skills page lists 100 a page unless `?size=` says otherwise.
    func skillsPageRequest() throws -> PageRequest {
        let request = try pageRequest()
        return queryString("size") == nil ? PageRequest(page: request.page, size: 100) : request
    }
}
