import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Client engagement pages: register, find, view and correct a client; record and withdraw consent.
struct ClientsController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let clients = routes.grouped("clients")
        clients.get(use: index).needs(.listClients)
        clients.get("new", use: new).needs(.registerClient)
        clients.post(use: create).needs(.registerClient)
        clients.get(":clientID", use: show).needs(.readClientRecord)
        clients.get(":clientID", "edit", use: edit).needs(.correctClientRecord)
        clients.post(":clientID", "edit", use: update).needs(.correctClientRecord)
        clients.post(":clientID", "consents", use: addConsent).needs(.recordConsent)
        clients.post(":clientID", "consents", ":consentID", "withdraw", use: withdrawConsent).needs(.recordConsent)
    }

    func index(req: Request) async throws -> Response {
        let user = try req.user
        let search = req.queryString("q")
        let page = try await ClientQueries.list(for: user, search: search, page: try req.pageRequest(), on: req.db)
        let notice: String? = req.queryString("notice") == "erased" ? "The client's personal data was erased." : nil
        return .html(ClientViews.index(page, search: search, viewer: try req.viewer, notice: notice))
    }

    func new(req: Request) async throws -> Response {
        try req.require(.adviser, .administrator)
        return try await renderForm(req, FormState(csrfToken: req.csrfToken), showEqualityMonitoring: true)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.require(.adviser, .administrator)
        let input = try req.content.decode(ClientInput.self)
        do {
            let client = try await ClientService.register(input, by: user, auditor: try req.auditor, environment: environment, cipher: req.cipher, on: req.db)
            return req.redirect(to: "/clients/\(client.id)?notice=registered")
        } catch let AppError.validation(errors) {
            return try await renderForm(req, Self.state(input, errors: errors, csrf: req.csrfToken), showEqualityMonitoring: true, status: .unprocessableEntity)
        }
    }

    func show(req: Request) async throws -> Response {
        let user = try req.user
        let detail = try await ClientQueries.detail(try req.uuid("clientID", "Client"), for: user, cipher: req.cipher, on: req.db)
        try await req.audit(.read, .clientRecord, client: detail.client.id, purpose: .caseManagement)
        let notice: String? = switch req.queryString("notice") {
        case "registered": "Client registered. Next, assess them."
        case "assessed": "Assessment saved."
        case "updated": "Details saved."
        case "consent": "Consent recorded."
        case "withdrawn": "Consent withdrawn. That organisation can no longer see this record."
        case "referred": "Referral made."
        case "job-start": "Job start recorded."
        default: nil
        }
        return .html(ClientViews.show(detail, taxonomy: try await Lookups.taxonomy(on: req.db),
                                      partners: try await Lookups.partnerOrganisations(on: req.db),
                                      viewer: try req.viewer, notice: notice))
    }

    func edit(req: Request) async throws -> Response {
        let user = try req.user
        let model = try await ClientAccess.find(try req.uuid("clientID", "Client"), for: user, needs: .correctClientRecord, on: req.db)
        let view = try await SpecialCategoryAccess.view(of: model.value, for: user, on: req.db)
        let client = try view.equalityMonitoring ? model.value(req.cipher) : model.value
        try await req.audit(.read, .clientRecord, client: client.id, purpose: .rectification)
        return try await renderForm(req, Self.state(client, csrf: req.csrfToken, withEqualityMonitoring: view.equalityMonitoring),
                                    editing: client, showEqualityMonitoring: view.equalityMonitoring)
    }

    func update(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("clientID", "Client")
        let input = try req.content.decode(ClientInput.self)
        do {
            _ = try await ClientService.update(id, with: input, by: user, auditor: try req.auditor, environment: environment, cipher: req.cipher, on: req.db)
            return req.redirect(to: "/clients/\(id)?notice=updated")
        } catch let AppError.validation(errors) {
            let client = try await ClientAccess.find(id, for: user, on: req.db).value
            let view = try await SpecialCategoryAccess.view(of: client, for: user, on: req.db)
            return try await renderForm(req, Self.state(input, errors: errors, csrf: req.csrfToken), editing: client,
                                        showEqualityMonitoring: view.equalityMonitoring, status: .unprocessableEntity)
        }
    }

    struct ConsentForm: Content {
        var organisationID: String?
        var purpose: String?
    }

    func addConsent(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("clientID", "Client")
        let form = try req.content.decode(ConsentForm.self)
        _ = try await ClientService.recordConsent(clientID: id, organisationID: form.organisationID, purpose: form.purpose, by: user, auditor: try req.auditor,
                                                  environment: environment, on: req.db)
        return req.redirect(to: "/clients/\(id)?notice=consent")
    }

    func withdrawConsent(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("clientID", "Client")
        try await ClientService.withdrawConsent(clientID: id, consentID: try req.uuid("consentID", "Consent"), by: user, auditor: try req.auditor,
                                            environment: environment, on: req.db)
        return req.redirect(to: "/clients/\(id)?notice=withdrawn")
    }

    private func renderForm(
        _ req: Request, _ state: FormState, editing client: Client? = nil, showEqualityMonitoring: Bool, status: HTTPStatus = .ok
    ) async throws -> Response {
        .html(ClientViews.form(state, wards: try await Lookups.wards(on: req.db),
                               partners: try await Lookups.partnerOrganisations(on: req.db),
                               viewer: try req.viewer, editing: client, showEqualityMonitoring: showEqualityMonitoring), status: status)
    }

    static func state(_ input: ClientInput, errors: [FieldError], csrf: String) -> FormState {
        FormState(
            values: [
                "givenName": input.givenName ?? "", "familyName": input.familyName ?? "", "dateOfBirth": input.dateOfBirth ?? "",
                "email": input.email ?? "", "phone": input.phone ?? "", "postcode": input.postcode ?? "",
                "wardID": input.wardID ?? "", "employmentStatus": input.employmentStatus ?? "", "referralSource": input.referralSource ?? "",
            ].merging(EqualityMonitoringViews.formValues(input.equalityMonitoring)) { a, _ in a },
            lists: ["consentOrganisationIDs": input.consentOrganisationIDs ?? []], errors: EqualityMonitoringViews.formErrors(errors), csrfToken: csrf)
    }

    static func state(_ client: Client, csrf: String, withEqualityMonitoring: Bool) -> FormState {
        FormState(values: [
            "givenName": client.givenName, "familyName": client.familyName, "dateOfBirth": client.dateOfBirth?.isoDay ?? "",
            "email": client.email ?? "", "phone": client.phone ?? "", "postcode": client.postcode, "wardID": client.wardID,
            "employmentStatus": client.employmentStatus.rawValue, "referralSource": client.referralSource.rawValue,
        ].merging(withEqualityMonitoring ? EqualityMonitoringViews.formValues(client.equalityMonitoring) : [:]) { a, _ in a }, csrfToken: csrf)
    }
}
