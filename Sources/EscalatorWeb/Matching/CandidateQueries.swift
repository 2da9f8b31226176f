import EscalatorCore
import EscalatorPersistence
import Fluent
import FluentSQL
import Vapor

/// Ranked candidates for a vacancy among clients who share their record: those with an active consent,
/// and those of the viewer's own organisation. Employers see only their own vacancies, and candidates under
/// a pseudonym for the vacancy (skills met and missing, hours they can work, a distance band), with a name
/// only once the client has accepted a referral to it; advisers see names of the clients they may open.
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

        let snapshot = try await req.matchingSnapshot(now: now)
        let vacancy = vacancyModel.value
        let target = snapshot.vacanciesByID[vacancy.id] ?? VacancyTarget(vacancy: vacancy, location: snapshot.location(ofWard: vacancy.wardID))
        let profiles = snapshot.profiles.values.filter {
            snapshot.sharing.contains($0.clientID) || snapshot.clientOrganisation[$0.clientID] == user.organisationID
        }
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
        let rows = matches.compactMap { match -> Row? in
            guard let client = clients[match.clientID], let profile = profilesByID[match.clientID] else { return nil }
            return Row(
                match: match, reference: user.role == .employer ? pseudonyms.candidate(client.id, vacancy: vacancy.id) : client.reference,
                name: named.contains(client.id) ? client.fullName : nil,
                minHoursPerWeek: profile.minHoursPerWeek, maxHoursPerWeek: profile.maxHoursPerWeek)
        }
        let lists = try await req.application.matchingCache.recommendationLists(db: db, now: now)
        return Result(
            vacancy: vacancy, employerName: employer.name, isLive: snapshot.vacanciesByID[vacancy.id] != nil,
            rows: rows, pseudonymised: user.role == .employer, taxonomy: snapshot.taxonomy,
            congestion: try await CongestionFigures.forVacancy(vacancy.id, lists: lists, on: db))
    }

    /// How far a candidate lives from the job, as a band that does not give their address away.
    static func distanceBand(_ km: Double) -> String {
        switch km {
        case ..<5: "under 5 km"
        case ..<10: "5–10 km"
        case ..<20: "10–20 km"
        default: "over 20 km"
        }
    }
}
