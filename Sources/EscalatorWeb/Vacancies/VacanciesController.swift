import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Vacancy pages: the list, scoping a new vacancy in two steps, the vacancy page and changing its scoping.
struct VacanciesController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let vacancies = routes.grouped("vacancies")
        vacancies.get(use: index).needs(.readEmployersAndVacancies)
        vacancies.get("new", use: new).needs(.scopeVacancy)
        vacancies.post(use: create).needs(.scopeVacancy)
        vacancies.get(":vacancyID", use: show).needs(.readEmployersAndVacancies)
        vacancies.get(":vacancyID", "edit", use: edit).needs(.scopeVacancy)
        vacancies.post(":vacancyID", "edit", use: update).needs(.scopeVacancy)
    }

    func index(req: Request) async throws -> Response {
        let user = try req.user
        let filters = try req.vacancyFilters()
        let page = try await VacancyQueries.list(for: user, filters: filters, page: try req.pageRequest(), on: req.db)
        return .html(VacancyViews.index(page, filters: filters, employers: try await VacancyQueries.visibleEmployers(for: user, on: req.db),
                                        occupations: try await Lookups.taxonomy(on: req.db).sortedOccupations, viewer: try req.viewer))
    }

    /// Step 1 (choose the employer and occupation) until both are chosen, then step 2, the pre-filled scoping form.
    func new(req: Request) async throws -> Response {
        let user = try req.user
        try VacancyAccess.requireScoper(user)
        let employers = try await EmployerAccess.actable(for: user, on: req.db)
        let taxonomy = try await Lookups.taxonomy(on: req.db)
        let employerRaw = req.queryString("employerID"), occupationRaw = req.queryString("occupationID")
        let employer = employerRaw.flatMap(UUID.init(uuidString:)).flatMap { id in employers.first { $0.id == id } }
        let occupation = occupationRaw.flatMap { taxonomy.occupation($0) }
        if let employer, let occupation {
            return try await renderScoping(req, VacancyForm.prefilled(employer: employer, occupation: occupation, csrf: req.csrfToken),
                                           employer: employer, occupation: occupation, taxonomy: taxonomy)
        }
        var errors: [FieldError] = []
        let submitted = (try? req.query.get(String.self, at: "occupationID")) != nil
        if submitted {
            if employerRaw == nil { errors.append(FieldError("employerID", "Choose the employer")) }
            else if employer == nil { errors.append(FieldError("employerID", "employerID is not an employer you can scope vacancies for")) }
            if occupationRaw == nil { errors.append(FieldError("occupationID", "Choose the occupation")) }
            else if occupation == nil { errors.append(FieldError("occupationID", "occupationID is not an occupation in the taxonomy")) }
        }
        let chosenEmployer = employerRaw ?? (employers.count == 1 ? employers[0].id.uuidString : "")
        let state = FormState(values: ["employerID": chosenEmployer, "occupationID": occupationRaw ?? ""], errors: errors, csrfToken: req.csrfToken)
        return .html(VacancyViews.chooseStep(state, employers: employers, occupations: taxonomy.sortedOccupations, viewer: try req.viewer),
                     status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.user
        try VacancyAccess.requireScoper(user)
        let form = try req.content.decode(VacancyForm.self)
        let parsed = form.parse()
        do {
            let vacancy = try await VacancyService.create(parsed.input, parseErrors: parsed.errors, by: user, environment: environment,
                                                          on: req.db)
            return req.redirect(to: "/vacancies/\(vacancy.id)?notice=scoped")
        } catch let AppError.validation(errors) {
            return try await renderInvalid(req, form, errors: VacancyForm.formErrors(errors, rowOfRequirement: parsed.rowOfRequirement), user: user)
        }
    }

    func show(req: Request) async throws -> Response {
        let user = try req.user
        let detail = try await VacancyQueries.detail(try req.uuid("vacancyID", "Vacancy"), for: user, on: req.db)
        let notice: String? = switch req.queryString("notice") {
        case "scoped": "Vacancy saved. Open vacancies are matched to candidates straight away."
        case "updated": "Changes saved."
        default: nil
        }
        return .html(VacancyViews.show(detail, taxonomy: try await Lookups.taxonomy(on: req.db), viewer: try req.viewer,
                                       canChange: EmployerAccess.canAct(user), notice: notice))
    }

    func edit(req: Request) async throws -> Response {
        let vacancy = try await VacancyAccess.findForChange(try req.uuid("vacancyID", "Vacancy"), for: try req.user, on: req.db).value
        return try await renderEdit(req, VacancyForm.state(for: vacancy, csrf: req.csrfToken), vacancy: vacancy)
    }

    func update(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("vacancyID", "Vacancy")
        let current = try await VacancyAccess.findForChange(id, for: user, on: req.db).value
        let form = try req.content.decode(VacancyForm.self)
        let parsed = form.parse()
        do {
            _ = try await VacancyService.update(id, with: parsed.input, parseErrors: parsed.errors, by: user, environment: environment,
                                                on: req.db)
            return req.redirect(to: "/vacancies/\(id)?notice=updated")
        } catch let AppError.validation(errors) {
            let state = form.state(errors: VacancyForm.formErrors(errors, rowOfRequirement: parsed.rowOfRequirement), csrf: req.csrfToken)
            return try await renderEdit(req, state, vacancy: current, status: .unprocessableEntity)
        }
    }

    /// Shows a rejected scoping form again; if even the employer or occupation cannot be read, goes back to step 1.
    private func renderInvalid(_ req: Request, _ form: VacancyForm, errors: [FieldError], user: AuthenticatedUser) async throws -> Response {
        let employers = try await EmployerAccess.actable(for: user, on: req.db)
        let taxonomy = try await Lookups.taxonomy(on: req.db)
        let employer = form.employerID.flatMap(UUID.init(uuidString:)).flatMap { id in employers.first { $0.id == id } }
        let occupation = form.occupationID.flatMap { taxonomy.occupation($0) }
        guard let employer, let occupation else {
            let state = FormState(values: ["employerID": form.employerID ?? "", "occupationID": form.occupationID ?? ""],
                                  errors: errors.filter { $0.field == "employerID" || $0.field == "occupationID" }, csrfToken: req.csrfToken)
            return .html(VacancyViews.chooseStep(state, employers: employers, occupations: taxonomy.sortedOccupations, viewer: try req.viewer),
                         status: .unprocessableEntity)
        }
        return try await renderScoping(req, form.state(errors: errors, csrf: req.csrfToken), employer: employer, occupation: occupation,
                                       taxonomy: taxonomy, status: .unprocessableEntity)
    }

    private func renderEdit(_ req: Request, _ state: FormState, vacancy: Vacancy, status: HTTPStatus = .ok) async throws -> Response {
        guard let employer = try await EmployerModel.find(vacancy.employerID, on: req.db)?.value else { throw AppError.notFound("Employer") }
        let taxonomy = try await Lookups.taxonomy(on: req.db)
        return try await renderScoping(req, state, employer: employer, occupation: taxonomy.occupation(vacancy.occupationID),
                                       taxonomy: taxonomy, editing: vacancy, status: status)
    }

    private func renderScoping(_ req: Request, _ state: FormState, employer: Employer, occupation: Occupation?, taxonomy: Taxonomy,
                               editing vacancy: Vacancy? = nil, status: HTTPStatus = .ok) async throws -> Response {
        .html(VacancyViews.scopingForm(state, employer: employer, occupation: occupation, taxonomy: taxonomy,
                                       wards: try await Lookups.wards(on: req.db), viewer: try req.viewer, editing: vacancy), status: status)
    }
}
