import EscalatorCore
import EscalatorPersistence
import Fluent
import Foundation

/// What a batch match reads: every assessed client's profile (from their latest assessment) and the
/// vacancies live on the day, each placed at its ward's centre.
struct MatchInputs: Sendable {
    /// In client id order, so the output is the same from run to run.
    var profiles: [MatchProfile]
    var vacancies: [VacancyTarget]
    var licenceSkillIDs: Set<String>

    static func load(from db: any Database, now: Date, cipher: ColumnCipher) async throws -> MatchInputs {
        MatchInputs(try await MatchingWorld.load(from: db, now: now, cipher: cipher))
    }

    init(_ world: MatchingWorld) {
        profiles = world.profiles.values.map { ($0.clientID.uuidString, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        vacancies = world.vacancies.map { ($0.vacancy.id.uuidString, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        licenceSkillIDs = world.licenceSkillIDs
    }

    /// `client_id,rank,vacancy_id,score` rows: each client's top `limit` eligible vacancies, exactly as
    /// `Matcher.rankVacancies` ranks them, found with the matching engine (`VacancyIndex`) on every core.
    func rankedRows(limit: Int) -> [[String]] {
        let index = VacancyIndex(vacancies, licenceSkillIDs: licenceSkillIDs)
        return Self.rows(profiles, index.topVacancies(forAll: profiles, k: limit))
    }

    /// Spread mode (docs/matching.md, "Congestion"): each client's list from `RecommendationSpreading` over
    /// their best `max(50, 2 × limit)` eligible vacancies, with the concentration before and after.
    func spreadRows(limit: Int, multiple: Int) -> (rows: [[String]], before: RecommendationConcentration, after: RecommendationConcentration, overCap: (before: Int, after: Int), shorter: Int) {
        let deep = VacancyIndex(vacancies, licenceSkillIDs: licenceSkillIDs).topVacancies(forAll: profiles, k: max(50, 2 * limit))
        let plain = deep.map { Array($0.prefix(limit)) }
        let openings = Dictionary(vacancies.map { ($0.vacancy.id, $0.vacancy.openings) }, uniquingKeysWith: { a, _ in a })
        let spread = RecommendationSpreading(perClient: limit, multiple: multiple).spread(deep, openings: openings)
        let ids = vacancies.map(\.vacancy.id)
        func overCap(_ lists: [[RankedVacancy]]) -> Int {
            var shown: [UUID: Int] = [:]
            for list in lists { for entry in list { shown[entry.vacancyID, default: 0] += 1 } }
            return shown.filter { $0.value > multiple * max(0, openings[$0.key] ?? 0) }.count
        }
        return (Self.rows(profiles, spread), RecommendationConcentration(lists: plain, vacancyIDs: ids),
                RecommendationConcentration(lists: spread, vacancyIDs: ids), (overCap(plain), overCap(spread)),
                zip(plain, spread).filter { $1.count < $0.count }.count)
    }

    private static func rows(_ profiles: [MatchProfile], _ ranked: [[RankedVacancy]]) -> [[String]] {
        var rows: [[String]] = []
        rows.reserveCapacity(ranked.reduce(0) { $0 + $1.count })
        for (profile, matches) in zip(profiles, ranked) {
            for (rank, match) in matches.enumerated() {
                rows.append([profile.clientID.uuidString, String(rank + 1), match.vacancyID.uuidString, String(format: "%.6f", match.score)])
            }
        }
        return rows
    }
}
