import EscalatorCore
import EscalatorPersistence
import Foundation

/// Every assessed client's vacancy recommendations, plain and spread, with how often each vacancy is
/// recommended (docs/matching.md, "Congestion"). Built from a matching snapshot, cached beside it.
struct RecommendationLists: Sendable {
    /// Recommendations per client: the plain top `perClient`, and the spread list.
    static let perClient = 10
    /// Each client's own best vacancies the spreading chooses from (K′ in docs/matching.md).
    static let spreadCandidates = 50

    var multiple: Int
    var plain: [UUID: [RankedVacancy]]
    var spread: [UUID: [RankedVacancy]]
    /// Recommendation counts only (no referrals): those come fresh from the database on each request.
    var plainCounts: CongestionCounts
    var spreadCounts: CongestionCounts
    var concentration: ConcentrationReport

    func list(_ clientID: UUID, mode: MatchMode) -> [RankedVacancy] {
        (mode == .spread ? spread : plain)[clientID] ?? []
    }

    func counts(_ mode: MatchMode) -> CongestionCounts {
        mode == .spread ? spreadCounts : plainCounts
    }

    init(snapshot: MatchingWorld, multiple: Int) {
        self.multiple = multiple
        let profiles = snapshot.profiles.values.sorted { $0.clientID.uuidString < $1.clientID.uuidString }
        let vacancies = snapshot.vacancies.sorted { $0.vacancy.id.uuidString < $1.vacancy.id.uuidString }
        let deep = VacancyIndex(vacancies, licenceSkillIDs: snapshot.licenceSkillIDs)
            .topVacancies(forAll: profiles, k: Self.spreadCandidates)
        let plainLists = deep.map { Array($0.prefix(Self.perClient)) }
        let openings = Dictionary(vacancies.map { ($0.vacancy.id, $0.vacancy.openings) }, uniquingKeysWith: { a, _ in a })
        let spreadLists = RecommendationSpreading(perClient: Self.perClient, multiple: multiple).spread(deep, openings: openings)
        let ids = profiles.map(\.clientID)
        plain = Dictionary(zip(ids, plainLists), uniquingKeysWith: { a, _ in a })
        spread = Dictionary(zip(ids, spreadLists), uniquingKeysWith: { a, _ in a })
        plainCounts = CongestionCounts(lists: plainLists, referrals: [])
        spreadCounts = CongestionCounts(lists: spreadLists, referrals: [])
        concentration = ConcentrationReport(
            plain: plainLists, spread: spreadLists, vacancyIDs: vacancies.map(\.vacancy.id), openings: openings, multiple: multiple)
    }
}

/// How concentrated recommendations are, before and after spreading.
struct ConcentrationReport: Sendable, Hashable {
    struct Side: Sendable, Hashable {
        var figures: RecommendationConcentration
        /// Vacancies recommended to more than `multiple × openings` clients.
        var vacanciesOverCap: Int
    }

    var clients: Int
    var multiple: Int
    var perClient: Int
    var before: Side
    var after: Side
    /// Clients whose spread list is shorter than their plain one (a count of people: shown under the small-number rule).
    var clientsWithShorterLists: Int

    init(plain: [[RankedVacancy]], spread: [[RankedVacancy]], vacancyIDs: [UUID], openings: [UUID: Int], multiple: Int,
         perClient: Int = RecommendationLists.perClient) {
        func side(_ lists: [[RankedVacancy]]) -> Side {
            var shown: [UUID: Int] = [:]
            for list in lists { for entry in list { shown[entry.vacancyID, default: 0] += 1 } }
            return Side(figures: RecommendationConcentration(lists: lists, vacancyIDs: vacancyIDs),
                        vacanciesOverCap: shown.filter { $0.value > multiple * max(0, openings[$0.key] ?? 0) }.count)
        }
        clients = plain.count
        self.multiple = multiple
        self.perClient = perClient
        before = side(plain)
        after = side(spread)
        clientsWithShorterLists = zip(plain, spread).filter { $1.count < $0.count }.count
    }
}
