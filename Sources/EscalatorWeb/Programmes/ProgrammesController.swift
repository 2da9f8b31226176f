import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Programme pages: find and view programmes and providers; providers add and change their own
/// programmes and cohorts; administrators add providers.
struct ProgrammesController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let programmes = routes.grouped("programmes")
        programmes.get(use: index).needs(.readProgrammes)
        programmes.get("new", use: new).needs(.manageProgrammes)
        programmes.post(use: create).needs(.manageProgrammes)
        programmes.get("providers", use: providers).needs(.readProgrammes)
        programmes.get("providers", "new", use: newProvider).needs(.manageProviders)
        programmes.post("providers", use: createProvider).needs(.manageProviders)
        programmes.get(":programmeID", use: show).needs(.readProgrammes)
        programmes.get(":programmeID", "edit", use: edit).needs(.manageProgrammes)
        programmes.post(":programmeID", "edit", use: update).needs(.manageProgrammes)
        programmes.post(":programmeID", "cohorts", use: addCohort).needs(.manageProgrammes)
    }

    func index(req: Request) async throws -> Response {
        let user = try req.user
        let filter = try ProgrammeQueries.Filter(req)
        let page = try await ProgrammeQueries.list(for: user, filter: filter, page: try req.pageRequest(), on: req.db)
        return .html(ProgrammeViews.index(
            page, filter: filter, providers: try await ProgrammeQueries.filterProviders(for: user, on: req.db),
            skills: try await Lookups.taxonomy(on: req.db).sortedSkills, viewer: try req.viewer,
            canAdd: user.role == .provider || user.role == .administrator))
    }

    func show(req: Request) async throws -> Response {
        try await renderShow(req, id: try req.uuid("programmeID", "Programme"), cohortState: FormState(csrfToken: req.csrfToken))
    }

    func new(req: Request) async throws -> Response {
        let user = try req.user
        try ProgrammeAccess.requireChanger(user)
        return try await renderForm(req, FormState(values: ["minimumQualification": "0"], csrfToken: req.csrfToken))
    }

    func create(req: Request) async throws -> Response {
        let user = try req.user
        try ProgrammeAccess.requireChanger(user)
        let input = try req.content.decode(ProgrammeInput.self)
        do {
            let programme = try await ProgrammeService.create(input, by: user, on: req.db)
            return req.redirect(to: "/programmes/\(programme.id)?notice=added")
        } catch let AppError.validation(errors) {
            return try await renderForm(req, Self.state(input, errors: errors, csrf: req.csrfToken), status: .unprocessableEntity)
        }
    }

    func edit(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("programmeID", "Programme")
        let programme = try await ProgrammeAccess.findForChange(id, for: user, on: req.db).value(cohorts: [])
        return try await renderForm(req, Self.state(programme, csrf: req.csrfToken), editing: programme)
    }

    func update(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("programmeID", "Programme")
        let input = try req.content.decode(ProgrammeInput.self)
        do {
            _ = try await ProgrammeService.update(id, with: input, by: user, on: req.db)
            return req.redirect(to: "/programmes/\(id)?notice=updated")
        } catch let AppError.validation(errors) {
            let programme = try await ProgrammeAccess.findForChange(id, for: user, on: req.db).value(cohorts: [])
            return try await renderForm(req, Self.state(input, errors: errors, csrf: req.csrfToken), editing: programme, status: .unprocessableEntity)
        }
    }

    func addCohort(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("programmeID", "Programme")
        let input = try req.content.decode(CohortInput.self)
        do {
            _ = try await ProgrammeService.addCohort(to: id, input, by: user, environment: environment, on: req.db)
            return req.redirect(to: "/programmes/\(id)?notice=cohort")
        } catch let AppError.validation(errors) {
            let state = FormState(values: ["startsOn": input.startsOn ?? "", "capacity": input.capacity.text ?? ""], errors: errors, csrfToken: req.csrfToken)
            return try await renderShow(req, id: id, cohortState: state, status: .unprocessableEntity)
        }
    }

    func providers(req: Request) async throws -> Response {
        let user = try req.user
        let rows = try await ProgrammeQueries.providers(for: user, on: req.db)
        let notice: String? = req.queryString("notice") == "provider" ? "Provider added." : nil
        return .html(ProgrammeViews.providers(rows, viewer: try req.viewer, canAdd: user.role == .administrator, notice: notice))
    }

    func newProvider(req: Request) async throws -> Response {
        try req.require(.administrator)
        return try await renderProviderForm(req, FormState(csrfToken: req.csrfToken))
    }

    func createProvider(req: Request) async throws -> Response {
        let user = try req.require(.administrator)
        let input = try req.content.decode(ProviderInput.self)
        do {
            let provider = try await ProgrammeService.createProvider(input, by: user, on: req.db)
            return req.redirect(to: "/programmes/providers?notice=provider#provider-\(provider.id)")
        } catch let error as AppError {
            let errors: [FieldError]
            switch error {
            case .validation(let fields): errors = fields
            case .conflict(let message): errors = [FieldError("name", message)]
            default: throw error
            }
            let state = FormState(values: [
                "organisationID": input.organisationID ?? "", "name": input.name ?? "", "kind": input.kind ?? "",
                "postcode": input.postcode ?? "", "wardID": input.wardID ?? "",
            ], errors: errors, csrfToken: req.csrfToken)
            return try await renderProviderForm(req, state, status: error.status)
        }
    }

    private func renderShow(_ req: Request, id: UUID, cohortState: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let user = try req.user
        let detail = try await ProgrammeQueries.detail(id, for: user, on: req.db)
        let canChange = user.role == .administrator || (user.role == .provider && detail.provider.organisationID == user.organisationID)
        let notice: String? = switch req.queryString("notice") {
        case "added": "Programme added. Next, add a cohort."
        case "updated": "Programme details saved."
        case "cohort": "Cohort added."
        default: nil
        }
        return .html(ProgrammeViews.show(detail, viewer: try req.viewer, canChange: canChange, cohortState: cohortState, notice: notice), status: status)
    }

    private func renderForm(_ req: Request, _ state: FormState, editing programme: Programme? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let options = try await ProgrammeQueries.formOptions(for: try req.user, on: req.db)
        return .html(ProgrammeViews.form(state, options: options, viewer: try req.viewer, editing: programme), status: status)
    }

    private func renderProviderForm(_ req: Request, _ state: FormState, status: HTTPStatus = .ok) async throws -> Response {
        .html(ProgrammeViews.providerForm(state, organisations: try await Lookups.partnerOrganisations(on: req.db),
                                          wards: try await Lookups.wards(on: req.db), viewer: try req.viewer), status: status)
    }

    static func state(_ input: ProgrammeInput, errors: [FieldError], csrf: String) -> FormState {
        FormState(
            values: [
                "providerID": input.providerID ?? "", "title": input.title ?? "", "type": input.type ?? "",
                "minimumQualification": input.minimumQualification.text ?? "", "needsGCSEEnglish": input.needsGCSEEnglish.text ?? "",
                "needsGCSEMaths": input.needsGCSEMaths.text ?? "", "qualificationAwarded": input.qualificationAwarded.text ?? "",
                "weeks": input.weeks.text ?? "", "hoursPerWeek": input.hoursPerWeek.text ?? "", "postcode": input.postcode ?? "",
                "wardID": input.wardID ?? "", "cost": input.cost.text ?? "", "guaranteedInterview": input.guaranteedInterview.text ?? "",
            ],
            lists: [
                "skillID": input.skillID ?? [], "level": (input.level ?? []).map(\.text),
                "requiredSkillID": input.requiredSkillID ?? [], "requiredLevel": (input.requiredLevel ?? []).map(\.text),
                "barrierSupport": input.barrierSupport ?? [], "coDesigningEmployerIDs": input.coDesigningEmployerIDs ?? [],
            ],
            errors: errors, csrfToken: csrf)
    }

    static func state(_ programme: Programme, csrf: String) -> FormState {
        let entry = programme.entryRequirements
        return FormState(
            values: [
                "providerID": programme.providerID.uuidString, "title": programme.title, "type": programme.type.rawValue,
                "minimumQualification": String(entry.minimumQualification.rawValue),
                "needsGCSEEnglish": entry.needsGCSEEnglish ? "true" : "", "needsGCSEMaths": entry.needsGCSEMaths ? "true" : "",
                "qualificationAwarded": programme.qualificationAwarded.map { String($0.rawValue) } ?? "",
                "weeks": String(programme.weeks), "hoursPerWeek": String(programme.hoursPerWeek), "postcode": programme.postcode,
                "wardID": programme.wardID, "cost": formPounds(pence: programme.costPence),
                "guaranteedInterview": programme.guaranteedInterview ? "true" : "",
            ],
            lists: [
                "skillID": programme.skillsTaught.map(\.skillID), "level": programme.skillsTaught.map { String($0.levelReached.rawValue) },
                "requiredSkillID": entry.requiredSkills.map(\.skillID), "requiredLevel": entry.requiredSkills.map { String($0.level.rawValue) },
                "barrierSupport": programme.barrierSupport.map(\.rawValue),
                "coDesigningEmployerIDs": programme.coDesigningEmployerIDs.map(\.uuidString),
            ],
            csrfToken: csrf)
    }
}
