import EscalatorCore
import EscalatorPersistence
import Fluent
import FluentSQL
import Vapor

/// Ranked candidates for a vacancy. Advisers see the clients they may open (their organisation's and those
/// consenting to share with it), administrators everyone who shares their record. Employers see candidates for
/// their own published vacancies only, under a pseudonym for the vacancy and its terms, as a
/// `PseudonymousCandidate` (requirements met, score, distance and hours in bands), a name only once the client
/// has accepted a referral to it, and a list shorter than 5 as its length only.
enum CandidateQueries {
    static let defaultLimit = 50

    struct Row: Sendable {
        var match: VacancyMatch
        /// The client's reference; for employers, the client's pseudonym for this vacancy.
        var reference: String
        /// For advisers and administrators, set when they may open this client's record; for employers, set
        /// once the client has accepted a referral to this vacancy and while they consent to share with the employer.
        var name: String?
        var minHoursPerWeek: Int
        var maxHoursPerWeek: Int
        /// For employers: all of the match they see.
        var pseudonymous: PseudonymousCandidate?
    }

    struct Result: Sendable {
        var vacancy: Vacancy
        var employerName: String
        var isLive: Bool
        var rows: [Row]
        /// True for employers: no names, contacts or barriers.
        var pseudonymised: Bool
        var taxonomy: Taxonomy
        /// How many clients it is recommended to (plain and spread) and its open referrals.
        var congestion = CongestionFigures.VacancyTotals(recommended: 0, recommendedWhenSpread: 0, referred: 0)
        /// Candidates found; for employers, the rows are left out when there are fewer than 5.
        var total = 0
        /// For employers: the vacancy is a draft, so nobody is matched to it.
        var unpublished = false

        var countOnly: Bool { pseudonymised && rows.isEmpty && total > 0 }
    }

    static func candidates(vacancyID: UUID, for user: AuthenticatedUser, limit: Int, now: Date, on req: Request) async throws -> Result {
        guard [.adviser, .administrator, .employer].contains(user.role) else {
            throw AppError.forbidden("Your role (\(user.role.label.lowercased())) cannot see candidates.")
        }
        let db = req.db
        guard let vacancyModel = try await VacancyModel.find(vacancyID, on: db),
              let employer = try await EmployerModel.find(vacancyModel.employerID, on: db) else {
            throw AppError.notFound("Vacancy")
        }
        if user.role == .employer && employer.organisationID != user.organisationID { throw AppError.notFound("Vacancy") }

        let vacancy = vacancyModel.value
        if user.role == .employer && vacancy.status == .draft {
            return Result(vacancy: vacancy, employerName: employer.name, isLive: false, rows: [], pseudonymised: true,
                          taxonomy: try await Lookups.taxonomy(on: db), unpublished: true)
        }
        let snapshot = try await req.matchingSnapshot(now: now)
        let target = snapshot.vacanciesByID[vacancy.id] ?? VacancyTarget(vacancy: vacancy, location: snapshot.location(ofWard: vacancy.wardID))
        // An adviser ranks only clients they may open: their organisation's and those consenting to share with it
        // (read now, not from the snapshot). Employers and administrators rank everyone who shares their record.
        let pool: (UUID) -> Bool
        if user.role == .adviser {
            let consented = try await ConsentCheck.clients(consentingTo: user.organisationID, on: db)
            pool = { consented.contains($0) || snapshot.clientOrganisation[$0] == user.organisationID }
        } else {
            pool = { snapshot.sharing.contains($0) || snapshot.clientOrganisation[$0] == user.organisationID }
        }
        let profiles = snapshot.profiles.values.filter { pool($0.clientID) }
        let matches = Matcher.rankCandidates(for: target, among: profiles, limit: limit, licenceSkillIDs: snapshot.licenceSkillIDs)

        let ids = matches.map(\.clientID)
        let clients = ids.isEmpty ? [:] : Dictionary(
            try await ClientModel.query(on: db).filter(\.$id ~~ ids).notErased().all().map { ($0.id!, $0.value) }, uniquingKeysWith: { a, _ in a })
        let named: Set<UUID> = if ids.isEmpty {
            []
        } else if user.role == .employer {
            try await Disclosure.released(ids, vacancy: vacancy.id, employerOrganisation: user.organisationID, on: db)
        } else {
            Set(try await ClientAccess.scope(ClientModel.query(on: db), for: user).filter(\.$id ~~ ids).all().compactMap(\.id))
        }
        let pseudonyms = req.application.pseudonyms
        let profilesByID = Dictionary(profiles.map { ($0.clientID, $0) }, uniquingKeysWith: { a, _ in a })
        let pseudonymised = user.role == .employer
        var rows = matches.compactMap { match -> Row? in
            guard let client = clients[match.clientID], let profile = profilesByID[match.clientID],
                  pseudonymised || named.contains(client.id) else { return nil }
            return Row(
                match: match, reference: pseudonymised ? pseudonyms.candidate(client.id, vacancy: vacancy) : client.reference,
                name: named.contains(client.id) ? client.fullName : nil,
                minHoursPerWeek: profile.minHoursPerWeek, maxHoursPerWeek: profile.maxHoursPerWeek,
                pseudonymous: pseudonymised ? PseudonymousCandidate(match, vacancy: vacancy, maxHoursPerWeek: profile.maxHoursPerWeek) : nil)
        }
        let total = rows.count
        if pseudonymised {
            // Within a score band the order says nothing finer: by pseudonym, which changes with the terms.
            rows.sort { ($0.pseudonymous!.scoreStep, $1.reference) > ($1.pseudonymous!.scoreStep, $0.reference) }
            if total < PseudonymousCandidate.smallestListShown { rows = [] }
        }
        let lists = try await req.application.matchingCache.recommendationLists(db: db, now: now)
        return Result(
            vacancy: vacancy, employerName: employer.name, isLive: snapshot.vacanciesByID[vacancy.id] != nil,
            rows: rows, pseudonymised: pseudonymised, taxonomy: snapshot.taxonomy,
            congestion: try await CongestionFigures.forVacancy(vacancy.id, lists: lists, on: db), total: total)
    }
}
