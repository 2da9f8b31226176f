import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Employer engagement pages: find and add employers, log engagement, record pledges, see their vacancies.
struct EmployersController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let employers = routes.grouped("employers")
        employers.get(use: index).needs(.readEmployersAndVacancies)
        employers.get("new", use: new).needs(.registerEmployer)
        employers.post(use: create).needs(.registerEmployer)
        employers.get(":employerID", use: show).needs(.readEmployersAndVacancies)
        employers.post(":employerID", "engagements", use: addEngagement).needs(.recordEmployerEngagement)
        employers.post(":employerID", "pledges", use: addPledge).needs(.recordEmployerEngagement)
    }

    func index(req: Request) async throws -> Response {
        let search = req.queryString("q")
        let sector = try req.sectorFilter()
        let page = try await EmployerQueries.list(for: try req.user, search: search, sector: sector, page: try req.pageRequest(), on: req.db)
        return .html(EmployerViews.index(page, search: search, sector: sector, viewer: try req.viewer))
    }

    func new(req: Request) async throws -> Response {
        try req.require(.adviser, .administrator)
        return try await renderForm(req, FormState(values: ["size": EmployerSize.small.rawValue], csrfToken: req.csrfToken))
    }

    func create(req: Request) async throws -> Response {
        let user = try req.require(.adviser, .administrator)
        let input = try req.content.decode(EmployerInput.self)
        do {
            let employer = try await EmployerService.create(input, by: user, on: req.db)
            return req.redirect(to: "/employers/\(employer.id)?notice=added")
        } catch let AppError.validation(errors) {
            let state = FormState(values: [
                "name": input.name ?? "", "sector": input.sector ?? "", "size": input.size ?? "", "postcode": input.postcode ?? "",
                "wardID": input.wardID ?? "", "organisationID": input.organisationID ?? "",
            ], errors: errors, csrfToken: req.csrfToken)
            return try await renderForm(req, state, status: .unprocessableEntity)
        }
    }

    func show(req: Request) async throws -> Response {
        let notice: String? = switch req.queryString("notice") {
        case "added": "Employer added. Log your first engagement, or scope a vacancy."
        case "engagement": "Engagement logged."
        case "pledge": "Pledge recorded."
        default: nil
        }
        return try await renderShow(req, notice: notice)
    }

    func addEngagement(req: Request) async throws -> Response {
        let id = try req.uuid("employerID", "Employer")
        let input = try req.content.decode(EngagementInput.self)
        do {
            _ = try await EmployerService.addEngagement(employerID: id, input, by: try req.user, environment: environment, on: req.db)
            return req.redirect(to: "/employers/\(id)?notice=engagement")
        } catch let AppError.validation(errors) {
            let form = FormState(values: ["date": input.date ?? "", "kind": input.kind ?? "", "summary": input.summary ?? ""],
                                 errors: errors, csrfToken: req.csrfToken)
            return try await renderShow(req, engagementForm: form, status: .unprocessableEntity)
        }
    }

    func addPledge(req: Request) async throws -> Response {
        let id = try req.uuid("employerID", "Employer")
        let input = try req.content.decode(PledgeInput.self)
        do {
            _ = try await EmployerService.addPledge(employerID: id, input, by: try req.user, environment: environment, on: req.db)
            return req.redirect(to: "/employers/\(id)?notice=pledge")
        } catch let AppError.validation(errors) {
            let form = FormState(values: ["kind": input.kind ?? "", "quantity": input.quantity ?? "", "madeOn": input.madeOn ?? ""],
                                 errors: errors, csrfToken: req.csrfToken)
            return try await renderShow(req, pledgeForm: form, status: .unprocessableEntity)
        }
    }

    private func renderShow(_ req: Request, engagementForm: FormState? = nil, pledgeForm: FormState? = nil, notice: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let user = try req.user
        let detail = try await EmployerQueries.detail(try req.uuid("employerID", "Employer"), for: user, on: req.db)
        let today = environment.now().isoDay
        let blank = FormState(values: ["date": today, "madeOn": today], csrfToken: req.csrfToken)
        return .html(EmployerViews.show(detail, engagementForm: engagementForm ?? blank, pledgeForm: pledgeForm ?? blank,
                                        viewer: try req.viewer, canAct: EmployerAccess.canAct(user), notice: notice), status: status)
    }

    private func renderForm(_ req: Request, _ state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        .html(EmployerViews.form(state, wards: try await Lookups.wards(on: req.db),
                                 organisations: try await EmployerQueries.employerOrganisations(on: req.db),
                                 viewer: try req.viewer), status: status)
    }
}
