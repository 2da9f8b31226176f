import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// `/api/v1/referrals`: referrals and their status for machines. Clients appear by id and reference only.
struct ReferralsAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let referrals = routes.grouped("referrals")
        referrals.get(use: list).needs(.listReferrals)
        referrals.post(use: create).needs(.addToClientRecord)
        referrals.get(":referralID", use: show).needs(.readAndMoveReferral)
        referrals.post(":referralID", "status", use: advance).needs(.readAndMoveReferral)
    }

    struct ReferralDTO: Content {
        var id: UUID
        /// Absent when the viewer may not know who the client is (employers; providers without consent).
        var clientID: UUID?
        /// The client's reference; for employers, a pseudonym for this vacancy.
        var clientReference: String
        /// What the viewer sees of the client: name and contact details only while shared with them.
        var client: ReferredPersonDTO
        var kind: ReferralKind
        var programmeID: UUID?
        var cohortID: UUID?
        var vacancyID: UUID?
        var targetTitle: String
        var targetOwner: String
        var status: ReferralStatus
        var allowedNext: [ReferralStatus]
        var createdAt: Date?
        var updatedAt: Date?
        /// Only on a single referral.
        var history: [StatusChange]?
        var jobStartID: UUID?
        /// Only on a single programme referral, for viewers allowed to see those barriers (`SpecialCategoryAccess`).
        var supportNeeds: [AssessmentsAPIController.BarrierDTO]?

        init(_ row: ReferralQueries.Row, for user: AuthenticatedUser) {
            let referral = row.referral
            id = referral.id
            clientID = row.person.clientID
            clientReference = row.person.reference
            client = ReferredPersonDTO(row.person)
            kind = referral.target.kind
            switch referral.target {
            case .programme(let programme, let cohort):
                programmeID = programme
                cohortID = cohort
            case .vacancy(let vacancy):
                vacancyID = vacancy
            }
            targetTitle = row.targetTitle
            targetOwner = row.targetOwner
            status = referral.status
            allowedNext = ReferralAccess.allowedNext(referral, for: user)
            createdAt = referral.history.first?.at
            updatedAt = referral.history.last?.at
        }
    }

    func list(req: Request) async throws -> Response {
        let page = try await ReferralQueries.list(for: try req.user, filter: try ReferralQueries.Filter(req), page: try req.pageRequest(),
                                                  pseudonyms: req.application.pseudonyms, on: req.db)
        let user = try req.user
        return try .json(PagedResponse(page.map { ReferralDTO($0, for: user) }))
    }

    func create(req: Request) async throws -> Response {
        let user = try req.require(.adviser, .administrator)
        let referral = try await ReferralService.create(try req.content.decode(ReferralInput.self), by: user, auditor: try req.auditor,
                                                        environment: environment, on: req.db)
        return try .json(try await detail(referral.id, req), status: .created)
    }

    func show(req: Request) async throws -> Response {
        try .json(try await detail(try req.uuid("referralID", "Referral"), req, audited: true))
    }

    func advance(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("referralID", "Referral")
        _ = try await ReferralAccess.find(id, for: user, on: req.db)
        _ = try await ReferralService.advance(id, try req.content.decode(ReferralStatusInput.self), by: user, auditor: try req.auditor,
                                              environment: environment,
                                              on: req.db)
        return try .json(try await detail(id, req))
    }

    /// The referral as the response to a read (`audited`: recorded as one) or to a change (recorded by the service).
    private func detail(_ id: UUID, _ req: Request, audited: Bool = false) async throws -> ReferralDTO {
        let user = try req.user
        let detail = try await ReferralQueries.detail(id, for: user, cipher: req.cipher, pseudonyms: req.application.pseudonyms, on: req.db)
        if audited { try await req.audit(.read, .referral(id), client: detail.referral.clientID, purpose: .referral) }
        var dto = ReferralDTO(detail.row, for: user)
        dto.history = detail.history.map(\.change)
        dto.jobStartID = detail.jobStartID
        dto.supportNeeds = detail.supportNeeds?.map { AssessmentsAPIController.BarrierDTO(kind: $0.kind, severity: $0.severity.rawValue) }
        return dto
    }
}
