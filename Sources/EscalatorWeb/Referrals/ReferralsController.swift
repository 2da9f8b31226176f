import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Referral pages: the list, making a referral, one referral with its history, and moving it on.
struct ReferralsController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let referrals = routes.grouped("referrals")
        referrals.get(use: index).needs(.listReferrals)
        referrals.get("new", use: new).needs(.addToClientRecord)
        referrals.post(use: create).needs(.addToClientRecord)
        referrals.get(":referralID", use: show).needs(.readAndMoveReferral)
        referrals.post(":referralID", "status", use: advance).needs(.readAndMoveReferral)
    }

    func index(req: Request) async throws -> Response {
        let filter = try ReferralQueries.Filter(req)
        let page = try await ReferralQueries.list(for: try req.user, filter: filter, page: try req.pageRequest(),
                                                  pseudonyms: req.application.pseudonyms, on: req.db)
        return .html(ReferralViews.index(page, filter: filter, viewer: try req.viewer))
    }

    func new(req: Request) async throws -> Response {
        let user = try req.require(.adviser, .administrator)
        guard let raw = req.queryString("clientID"), let clientID = UUID(uuidString: raw) else { throw AppError.notFound("Client") }
        let client = try await ClientAccess.find(clientID, for: user, needs: .addToClientRecord, on: req.db).value
        try await req.audit(.read, .clientRecord, client: client.id, purpose: .referral)
        let blank = FormState(csrfToken: req.csrfToken)
        return try await renderNew(req, client: client, programmeState: blank, vacancyState: blank)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.require(.adviser, .administrator)
        let input = try req.content.decode(ReferralInput.self)
        do {
            let referral = try await ReferralService.create(input, by: user, auditor: try req.auditor, environment: environment, on: req.db)
            if let path = input.safeReturnPath {
                return req.redirect(to: path + (path.contains("?") ? "&" : "?") + "notice=referred")
            }
            return req.redirect(to: "/referrals/\(referral.id)?notice=created")
        } catch let error as AppError {
            let toVacancy = Validator.trimmed(input.vacancyID) != nil
            let errors: [FieldError]
            switch error {
            case .validation(let fields): errors = fields.map { $0.field == "programmeID" ? FieldError("cohortID", $0.message) : $0 }
            case .conflict(let message): errors = [FieldError(toVacancy ? "vacancyID" : "cohortID", message)]
            default: throw error
            }
            guard let clientID = Validator.trimmed(input.clientID).flatMap(UUID.init(uuidString:)) else { throw error }
            let client = try await ClientAccess.find(clientID, for: user, needs: .addToClientRecord, on: req.db).value
            let state = FormState(values: ["cohortID": input.cohortID ?? "", "vacancyID": input.vacancyID ?? "",
                                           "consentConfirmed": input.consentConfirmed.text ?? ""], errors: errors,
                                  csrfToken: req.csrfToken)
            let blank = FormState(csrfToken: req.csrfToken)
            return try await renderNew(req, client: client, programmeState: toVacancy ? blank : state, vacancyState: toVacancy ? state : blank,
                                       status: error.status)
        }
    }

    func show(req: Request) async throws -> Response {
        try await renderShow(req, id: try req.uuid("referralID", "Referral"), statusState: FormState(csrfToken: req.csrfToken))
    }

    func advance(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("referralID", "Referral")
        let input = try req.content.decode(ReferralStatusInput.self)
        do {
            _ = try await ReferralService.advance(id, input, by: user, auditor: try req.auditor, environment: environment, on: req.db)
            return req.redirect(to: "/referrals/\(id)?notice=status")
        } catch let AppError.validation(errors) {
            let state = FormState(values: ["status": input.status ?? "", "note": input.note ?? ""], errors: errors, csrfToken: req.csrfToken)
            return try await renderShow(req, id: id, statusState: state, status: .unprocessableEntity)
        }
    }

    private func renderShow(_ req: Request, id: UUID, statusState: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let user = try req.user
        let detail = try await ReferralQueries.detail(id, for: user, cipher: req.cipher, pseudonyms: req.application.pseudonyms, on: req.db)
        try await req.audit(.read, .referral(id), client: detail.referral.clientID, purpose: .referral)
        var jobStartState: FormState?
        if let vacancy = detail.vacancy, detail.referral.status == .started, detail.jobStartID == nil,
           user.role == .adviser || user.role == .administrator {
            let startedOn = detail.referral.history.last { $0.status == .started }?.at ?? environment.now()
            jobStartState = FormState(values: [
                "vacancyID": vacancy.id.uuidString, "employerName": detail.row.targetOwner, "jobTitle": vacancy.title,
                "startedOn": startedOn.isoDay, "hoursPerWeek": String(vacancy.hoursPerWeek),
                "hourlyPay": formPounds(pence: vacancy.hourlyPayPence),
            ], csrfToken: req.csrfToken)
        }
        let notice: String? = switch req.queryString("notice") {
        case "created": "Referral made."
        case "status": "Status saved."
        default: nil
        }
        return .html(ReferralViews.show(detail, viewer: try req.viewer, statusState: statusState,
                                        jobStartState: jobStartState, notice: notice), status: status)
    }

    private func renderNew(_ req: Request, client: EscalatorCore.Client, programmeState: FormState, vacancyState: FormState,
                           status: HTTPStatus = .ok) async throws -> Response {
        let search = req.queryString("q")
        let choices = try await ReferralQueries.choices(search: search, now: environment.now(), on: req.db)
        return .html(ReferralViews.new(client: client, choices: choices, search: search, programmeState: programmeState,
                                       vacancyState: vacancyState, viewer: try req.viewer), status: status)
    }
}
