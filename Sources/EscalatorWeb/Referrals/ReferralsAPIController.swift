import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// `/api/v1/referrals`: referrals and their status for machines. Clients appear by id and reference only.
struct ReferralsAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let referrals = routes.grouped("referrals")
        referrals.get(use: list)
        referrals.post(use: create)
        referrals.get(":referralID", use: show)
        referrals.post(":referralID", "status", use: advance)
    }

    struct ReferralDTO: Content {
        var id: UUID
        var clientID: UUID
        var clientReference: String
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

        init(_ row: ReferralQueries.Row) {
            let referral = row.referral
            id = referral.id
            clientID = referral.clientID
            clientReference = row.clientReference
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
            allowedNext = referral.status.next(for: referral.target.kind)
            createdAt = referral.history.first?.at
            updatedAt = referral.history.last?.at
        }
    }

    func list(req: Request) async throws -> Response {
        let page = try await ReferralQueries.list(for: try req.user, filter: try ReferralQueries.Filter(req), page: try req.pageRequest(), on: req.db)
        return try .json(PagedResponse(page.map(ReferralDTO.init)))
    }

    func create(req: Request) async throws -> Response {
        let user = try req.require(.adviser, .administrator)
        let referral = try await ReferralService.create(try req.content.decode(ReferralInput.self), by: user, environment: environment, on: req.db)
        return try .json(try await detail(referral.id, req), status: .created)
    }

    func show(req: Request) async throws -> Response {
        try .json(try await detail(try req.uuid("referralID", "Referral"), req))
    }

    func advance(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("referralID", "Referral")
        _ = try await ReferralAccess.find(id, for: user, on: req.db)
        _ = try await ReferralService.advance(id, try req.content.decode(ReferralStatusInput.self), by: user, environment: environment,
                                              on: req.db, matching: req.application.matchingCache)
        return try .json(try await detail(id, req))
    }

    private func detail(_ id: UUID, _ req: Request) async throws -> ReferralDTO {
        let user = try req.user
        let detail = try await ReferralQueries.detail(id, for: user, on: req.db)
        var dto = ReferralDTO(detail.row)
        dto.history = detail.history.map { entry in
            var change = entry.change
            // Employers see notes only from their own organisation: others' notes may be about the client.
            if user.role == .employer, entry.byOrganisationID != user.organisationID { change.note = "" }
            return change
        }
        dto.jobStartID = detail.jobStartID
        return dto
    }
}
