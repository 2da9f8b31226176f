import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Making referrals and moving them on, shared by the pages and the API.
enum ReferralService {
    static func create(_ input: ReferralInput, by user: AuthenticatedUser, environment: AppEnvironment, on db: any Database) async throws -> Referral {
        guard user.role == .adviser || user.role == .administrator else {
            throw AppError.forbidden("Only advisers can make referrals.")
        }
        let valid = try input.validate()
        let client = try await ClientAccess.findForChange(valid.clientID, for: user, on: db)
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

        let initial = ReferralStatus.initial(for: target.kind)
        let referral = Referral(id: UUID(), clientID: client.id!, target: target, status: initial,
                                history: [StatusChange(status: initial, at: now, byUserID: user.id, note: valid.note)])
        try await db.transaction { db in
            try await ReferralModel(referral).create(on: db)
            try await StatusChangeModel(referralID: referral.id, sequence: 0, referral.history[0]).create(on: db)
        }
        return referral
    }

    /// The programme cohort or live vacancy a referral is for. Without a cohort, the earliest
    /// cohort starting today or later with a free place is chosen.
    private static func resolve(_ target: ReferralInput.Target, on db: any Database, now: Date) async throws -> ReferralTarget {
        switch target {
        case .vacancy(let id):
            guard let vacancy = try await VacancyModel.find(id, on: db)?.value else {
                throw AppError.validation("vacancyID", "vacancyID is not a known vacancy")
            }
            guard vacancy.isLive(on: Calendar.utc.startOfDay(for: now)) else {
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
    static func advance(_ id: UUID, _ input: ReferralStatusInput, by user: AuthenticatedUser, environment: AppEnvironment,
                        on db: any Database, matching: MatchingCache) async throws -> Referral {
        let model = try await ReferralAccess.find(id, for: user, on: db)
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
        let tookPlace = try await db.transaction { db -> Bool in
            var tookPlace = false
            if change.status == .started, case .programme(_, let cohortID?) = target,
               let cohort = try await CohortModel.find(cohortID, on: db) {
                guard cohort.enrolled < cohort.capacity else {
                    throw AppError.validation("status", "The cohort starting \(cohort.startsOn.ukDate) is full")
                }
                cohort.enrolled += 1
                try await cohort.save(on: db)
                tookPlace = true
            }
            model.status = change.status
            model.updatedAt = now
            try await model.save(on: db)
            try await StatusChangeModel(referralID: id, sequence: sequence, change).create(on: db)
            return tookPlace
        }
        if tookPlace, case .programme(let programmeID, _) = target { try await matching.programmeChanged(programmeID, db: db) }
        return referral
    }
}
