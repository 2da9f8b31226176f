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

    static func load(from db: any Database, now: Date) async throws -> MatchInputs {
        let taxonomy = try await TaxonomyWriter.load(from: db)
        let centres = Dictionary(try await WardModel.query(on: db).all().map { ($0.id!, $0.value.centre) }, uniquingKeysWith: { a, _ in a })
        func location(_ ward: String) -> GeoPoint { centres[ward] ?? GeoPoint(latitude: 52.4862, longitude: -1.8904) }

        let vacancies = try await VacancyModel.query(on: db).filter(\.$status == .open).filter(\.$closingDate >= now).all()
            .map { VacancyTarget(vacancy: $0.value, location: location($0.wardID)) }
            .sorted { $0.vacancy.id.uuidString < $1.vacancy.id.uuidString }
        var latest: [UUID: Assessment] = [:]
        for model in try await AssessmentModel.query(on: db).sort(\.$assessedOn).all() { latest[model.clientID] = model.value }
        let profiles = try await ClientModel.query(on: db).all().map(\.value).compactMap { client in
            latest[client.id].map { Matcher.profile(client: client, assessment: $0, location: location(client.wardID), on: now) }
        }
        return MatchInputs(
            profiles: profiles.sorted { $0.clientID.uuidString < $1.clientID.uuidString }, vacancies: vacancies,
            licenceSkillIDs: Set(taxonomy.skills.values.filter { $0.kind == .licence }.map(\.id)))
    }

    /// `client_id,rank,vacancy_id,score` rows: each client's top `limit` eligible vacancies, ranked with
    /// `Matcher.rankVacancies`. Clients are split into chunks ranked in parallel, then put back in order.
    func rankedRows(limit: Int, workers: Int) async -> [[String]] {
        let chunkSize = max(1, (profiles.count + workers * 4 - 1) / (workers * 4))
        let chunks = stride(from: 0, to: profiles.count, by: chunkSize).map { profiles[$0..<min($0 + chunkSize, profiles.count)] }
        let vacancies = vacancies, licences = licenceSkillIDs
        let ranked = await withTaskGroup(of: (Int, [[String]]).self) { group in
            for (index, chunk) in chunks.enumerated() {
                group.addTask {
                    var rows: [[String]] = []
                    for profile in chunk {
                        let matches = Matcher.rankVacancies(for: profile, among: vacancies, limit: limit, licenceSkillIDs: licences)
                        for (rank, match) in matches.enumerated() {
                            rows.append([profile.clientID.uuidString, String(rank + 1), match.vacancyID.uuidString, String(format: "%.6f", match.score)])
                        }
                    }
                    return (index, rows)
                }
            }
            var results: [(Int, [[String]])] = []
            for await result in group { results.append(result) }
            return results
        }
        return ranked.sorted { $0.0 < $1.0 }.flatMap(\.1)
    }
}
