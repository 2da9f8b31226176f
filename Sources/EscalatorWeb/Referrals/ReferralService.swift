import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Making referrals and moving them on, shared by the pages and the API.
enum ReferralService {
    /// A programme referral needs the client's consent to share with the provider: one already standing, or
    /// the adviser's confirmation that the client agrees (`consentConfirmed`), recorded as a consent for a
    /// training referral. A vacancy referral starts as proposed: the employer sees the candidate only under a
    /// pseudonym until the client accepts.
    static func create(
        _ input: ReferralInput, by user: AuthenticatedUser, auditor: Auditor, environment: AppEnvironment, on db: any Database
    ) async throws -> Referral {
        guard user.role == .adviser || user.role == .administrator else {
            throw AppError.forbidden("Only advisers can make referrals.")
        }
        let valid = try input.validate()
        let client = try await ClientAccess.find(valid.clientID, for: user, needs: .addToClientRecord, on: db)
        let now = environment.now()
        let target = try await resolve(valid.target, on: db, now: now)

        let sameTarget = ReferralModel.query(on: db).filter(\.$clientID == client.id!)
        switch target {
        case .programme(let programmeID, _): sameTarget.filter(\.$programmeID == programmeID)
        case .vacancy(let vacancyID): sameTarget.filter(\.$vacancyID == vacancyID)
        }
        if try await sameTarget.all().contains(where: { !$0.status.isFinal }) {
            let what = target.kind == .programme ? "programme" : "vacancy"
            throw AppError.conflict("This client already has an open referral to this \(what).")
        }

        let consentNeeded = try await consentToRecord(for: target, client: client.id!, confirmed: valid.consentConfirmed, on: db)

        let initial = ReferralStatus.initial(for: target.kind)
        let referral = Referral(id: UUID(), clientID: client.id!, target: target, status: initial,
                                history: [StatusChange(status: initial, at: now, byUserID: user.id, note: valid.note)])
        var events = [auditor.event(.referral, .referral(referral.id), client: referral.clientID, purpose: .referral)]
        if let consentNeeded {
            events.append(auditor.event(.consentGiven, .consent(organisationID: consentNeeded), client: referral.clientID, purpose: .referral))
        }
        try await auditor.change(events, on: db) { db in
            try await ReferralModel(referral).create(on: db)
            try await StatusChangeModel(referralID: referral.id, sequence: 0, referral.history[0]).create(on: db)
            if let consentNeeded {
                try await ConsentCheck.record(referral.clientID, to: consentNeeded, for: .trainingReferral, at: now, on: db)
            }
        }
        return referral
    }

    /// The provider organisation a programme referral needs a new consent to, if no consent to it stands;
    /// without the adviser's confirmation that the client agrees, a 422 naming `consentConfirmed`.
    private static func consentToRecord(for target: ReferralTarget, client clientID: UUID, confirmed: Bool, on db: any Database) async throws -> UUID? {
        guard case .programme(let programmeID, _) = target else { return nil }
        let provider = try await providerOrganisation(of: programmeID, on: db)
        if try await ConsentCheck.stands(clientID, towards: provider.id, on: db) { return nil }
        guard confirmed else {
            throw AppError.validation("consentConfirmed",
                "\(provider.name) sees the client's details only with their consent. Ask the client, then confirm they agree to share with \(provider.name) for a training referral")
        }
        return provider.id
    }

    /// The organisation that runs a programme's provider.
    static func providerOrganisation(of programmeID: UUID, on db: any Database) async throws -> (id: UUID, name: String) {
        guard let programme = try await ProgrammeModel.find(programmeID, on: db),
              let provider = try await ProviderModel.find(programme.providerID, on: db) else { throw AppError.notFound("Programme") }
        return (provider.organisationID, provider.name)
    }

    /// The organisation that employs for a vacancy.
    static func employerOrganisation(of vacancyID: UUID, on db: any Database) async throws -> UUID {
        guard let vacancy = try await VacancyModel.find(vacancyID, on: db),
              let employer = try await EmployerModel.find(vacancy.employerID, on: db) else { throw AppError.notFound("Vacancy") }
        return employer.organisationID
    }

    /// The programme cohort or live vacancy a referral is for. Without a cohort, the earliest
    /// cohort starting today or later with a free place is chosen.
    private static func resolve(_ target: ReferralInput.Target, on db: any Database, now: Date) async throws -> ReferralTarget {
        switch target {
        case .vacancy(let id):
            guard let vacancy = try await VacancyModel.find(id, on: db)?.value else {
                throw AppError.validation("vacancyID", "vacancyID is not a known vacancy")
            }
            guard vacancy.isLive(on: now) else {
                throw AppError.validation("vacancyID", "\(vacancy.title) is closed to referrals")
            }
            return .vacancy(vacancyID: id)
        case .programme(let programmeID, let cohortID):
            var cohort: CohortModel?
            if let cohortID {
                guard let found = try await CohortModel.find(cohortID, on: db) else {
                    throw AppError.validation("cohortID", "cohortID is not a known cohort")
                }
                if let programmeID, found.programmeID != programmeID {
                    throw AppError.validation("cohortID", "That cohort belongs to a different programme")
                }
                cohort = found
            }
            guard let programme = try await ProgrammeModel.find(programmeID ?? cohort!.programmeID, on: db) else {
                throw AppError.validation("programmeID", "programmeID is not a known programme")
            }
            if cohort == nil {
                cohort = try await CohortModel.query(on: db).filter(\.$programmeID == programme.id!)
                    .filter(\.$startsOn >= Calendar.utc.startOfDay(for: now)).sort(\.$startsOn).all()
                    .first { $0.value.freePlaces > 0 }
                guard cohort != nil else {
                    throw AppError.validation("cohortID", "No cohort of \(programme.title) starting from today has a free place")
                }
            }
            guard cohort!.value.freePlaces > 0 else {
                throw AppError.validation("cohortID", "The cohort starting \(cohort!.startsOn.ukDate) has no free places")
            }
            return .programme(programmeID: programme.id!, cohortID: cohort!.id!)
        }
    }

    /// Moves a referral on as its kind allows. A programme referral reaching `started` takes a place in its cohort.
    static func advance(_ id: UUID, _ input: ReferralStatusInput, by user: AuthenticatedUser, auditor: Auditor, environment: AppEnvironment,
                        on db: any Database) async throws -> Referral {
        let model = try await ReferralAccess.find(id, for: user, on: db)
        if model.status == .proposed, user.role != .adviser, user.role != .administrator {
            throw AppError.forbidden("Only the client's adviser records whether the client accepts a proposed referral.")
        }
        var v = Validator()
        let status = v.enumValue(input.status, "status", ReferralStatus.self, missing: "Choose the new status")
        let note = v.optionalText(input.note, "note", max: 1000) ?? ""
        try v.throwIfFailed()

        let history = try await StatusChangeModel.query(on: db).filter(\.$referralID == id).sort(\.$sequence).all()
        var referral = model.value(history: history.map(\.value))
        let now = environment.now()
        do throws(ReferralError) {
            try referral.advance(to: status!, at: now, by: user.id, note: note)
        } catch {
            switch error {
            case .transitionNotAllowed(let from, let to):
                let allowed = from.next(for: referral.target.kind).map { $0.label.lowercased() }
                throw AppError.validation("status", "A \(referral.target.kind.rawValue) referral cannot move from \(from.label.lowercased()) to \(to.label.lowercased())"
                    + (allowed.isEmpty ? "; it is closed" : "; it can move to \(allowed.joined(separator: " or "))"))
            }
        }

        let sequence = (history.map(\.sequence).max() ?? -1) + 1
        let change = referral.history.last!
        let target = referral.target
        // The client accepts: their name and contact details go to the employer, so record that consent.
        let acceptedBy: UUID? = if model.status == .proposed, change.status == .applied, case .vacancy(let vacancyID) = target {
            try await employerOrganisation(of: vacancyID, on: db)
        } else {
            nil
        }
        let clientID = referral.clientID
        var events = [auditor.event(.statusChange, .referral(id, status: change.status), client: model.clientID, purpose: .referral)]
        if let acceptedBy {
            events.append(auditor.event(.consentGiven, .consent(organisationID: acceptedBy), client: model.clientID, purpose: .referral))
        }
        try await auditor.change(events, on: db) { db in
            if let acceptedBy {
                try await ConsentCheck.record(clientID, to: acceptedBy, for: .jobReferral, at: now, on: db)
            }
            if change.status == .started, case .programme(_, let cohortID?) = target,
               let cohort = try await CohortModel.find(cohortID, on: db) {
                guard cohort.enrolled < cohort.capacity else {
                    throw AppError.validation("status", "The cohort starting \(cohort.startsOn.ukDate) is full")
                }
                cohort.enrolled += 1
                try await cohort.save(on: db)
            }
            model.status = change.status
            model.updatedAt = now
            try await model.save(on: db)
            try await StatusChangeModel(referralID: id, sequence: sequence, change).create(on: db)
        }
        return referral
    }
}
