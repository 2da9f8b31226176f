import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// `/api/v1/clients`: client engagement for machines.
struct ClientsAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let clients = routes.grouped("clients")
        clients.get(use: list).needs(.listClients)
        clients.post(use: create).needs(.registerClient)
        clients.get(":clientID", use: show).needs(.readClientRecord)
        clients.put(":clientID", use: update).needs(.correctClientRecord)
        clients.post(":clientID", "consents", use: addConsent).needs(.recordConsent)
        clients.post(":clientID", "consents", ":consentID", "withdraw", use: withdrawConsent).needs(.recordConsent)
    }

    struct ClientSummaryDTO: Content {
        var id: UUID
        var reference: String
        var givenName: String
        var familyName: String
        var wardID: String
        var wardName: String
        var employmentStatus: EmploymentStatus
        var distanceFromWork: Int?
        var registeredAt: Date
    }

    struct ConsentDTO: Content {
        var id: UUID
        var organisationID: UUID
        var organisationName: String
        /// A `ConsentPurpose` code; consents recorded before the list existed keep their free text.
        var purpose: String
        var purposeLabel: String
        var givenAt: Date
        var withdrawnAt: Date?
        var active: Bool
    }

    struct ClientDetailDTO: Content {
        /// `client.equalityMonitoring` only for viewers allowed to see it (`SpecialCategoryAccess`).
        var client: Client
        var consents: [ConsentDTO]
        var latestAssessmentID: UUID?
        var distanceFromWork: DistanceFromWorkScore?
        var referralIDs: [UUID]
        var jobStartIDs: [UUID]
        /// Special-category fields left out or cut down for this viewer; absent when nothing is.
        var withheld: [String]?
    }

    func list(req: Request) async throws -> Response {
        let page = try await ClientQueries.list(for: try req.user, search: req.queryString("q"), page: try req.pageRequest(), on: req.db)
        return try .json(PagedResponse(page.map {
            ClientSummaryDTO(id: $0.client.id, reference: $0.client.reference, givenName: $0.client.givenName,
                             familyName: $0.client.familyName, wardID: $0.client.wardID, wardName: $0.wardName,
                             employmentStatus: $0.client.employmentStatus, distanceFromWork: $0.distanceFromWork,
                             registeredAt: $0.client.registeredAt)
        }))
    }

    func create(req: Request) async throws -> Response {
        let client = try await ClientService.register(
            try req.content.decode(ClientInput.self), by: try req.user, auditor: try req.auditor, environment: environment,
            cipher: req.cipher, on: req.db)
        return try .json(try await detail(client.id, req), status: .created)
    }

    func show(req: Request) async throws -> Response {
        let id = try req.uuid("clientID", "Client")
        return try .json(try await detail(id, req, audited: true))
    }

    func update(req: Request) async throws -> Response {
        let id = try req.uuid("clientID", "Client")
        _ = try await ClientService.update(
            id, with: try req.content.decode(ClientInput.self), by: try req.user, auditor: try req.auditor, environment: environment,
            cipher: req.cipher, on: req.db)
        return try .json(try await detail(id, req))
    }

    struct ConsentInput: Content {
        var organisationID: String?
        var purpose: String?
    }

    func addConsent(req: Request) async throws -> Response {
        let id = try req.uuid("clientID", "Client")
        let input = try req.content.decode(ConsentInput.self)
        _ = try await ClientService.recordConsent(clientID: id, organisationID: input.organisationID, purpose: input.purpose, by: try req.user,
                                                  auditor: try req.auditor, environment: environment, on: req.db)
        return try .json(try await detail(id, req), status: .created)
    }

    func withdrawConsent(req: Request) async throws -> Response {
        let id = try req.uuid("clientID", "Client")
        try await ClientService.withdrawConsent(clientID: id, consentID: try req.uuid("consentID", "Consent"), by: try req.user,
                                            auditor: try req.auditor, environment: environment, on: req.db)
        return try .json(try await detail(id, req))
    }

    /// The record as the response to a read (`audited`: recorded as one) or to a change (recorded by the service).
    private func detail(_ id: UUID, _ req: Request, audited: Bool = false) async throws -> ClientDetailDTO {
        let detail = try await ClientQueries.detail(id, for: try req.user, cipher: req.cipher, on: req.db)
        if audited { try await req.audit(.read, .clientRecord, client: id, purpose: .caseManagement) }
        return ClientDetailDTO(
            client: detail.client,
            consents: detail.consents.map {
                ConsentDTO(id: $0.id, organisationID: $0.consent.organisationID, organisationName: $0.organisationName,
                           purpose: $0.consent.purpose, purposeLabel: $0.consent.purposeLabel, givenAt: $0.consent.givenAt, withdrawnAt: $0.consent.withdrawnAt,
                           active: $0.consent.isActive)
            },
            latestAssessmentID: detail.assessments.first?.id, distanceFromWork: detail.latestScore,
            referralIDs: detail.referrals.map(\.referral.id), jobStartIDs: detail.jobStarts.map(\.id),
            withheld: detail.view.withheld.isEmpty ? nil : detail.view.withheld)
    }
}

extension EscalatorCore.Client: Content {}
extension DistanceFromWorkScore: Content {}
