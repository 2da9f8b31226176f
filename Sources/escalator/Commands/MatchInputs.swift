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
        let taxonomy = try await TaxonomyWriter.load(from: db)
        let centres = Dictionary(try await WardModel.query(on: db).all().map { ($0.id!, $0.value.centre) }, uniquingKeysWith: { a, _ in a })
        func location(_ ward: String) -> GeoPoint { centres[ward] ?? GeoPoint(latitude: 52.4862, longitude: -1.8904) }

        let vacancies = try await VacancyModel.query(on: db).filter(\.$status == .open).filter(\.$closingDate >= now).all()
            .map { VacancyTarget(vacancy: $0.value, location: location($0.wardID)) }
            .sorted { $0.vacancy.id.uuidString < $1.vacancy.id.uuidString }
        var latest: [UUID: Assessment] = [:]
        // Latest by date, then by id, so two assessments on one day always resolve the same way.
        let assessments = try await AssessmentModel.query(on: db).all().sorted {
            $0.assessedOn != $1.assessedOn ? $0.assessedOn < $1.assessedOn : ($0.id?.uuidString ?? "") < ($1.id?.uuidString ?? "")
        }
        for model in assessments { latest[model.clientID] = try model.value(cipher) }
        let profiles = try await ClientModel.query(on: db).notErased().all().map(\.value).compactMap { client in
            latest[client.id].map { Matcher.profile(client: client, assessment: $0, location: location(client.wardID), on: now) }
        }
        return MatchInputs(
            profiles: profiles.sorted { $0.clientID.uuidString < $1.clientID.uuidString }, vacancies: vacancies,
            licenceSkillIDs: Set(taxonomy.skills.values.filter { $0.kind == .licence }.map(\.id)))
    }

    /// `client_id,rank,vacancy_id,score` rows: each client's top `limit` eligible vacancies, exactly as
    /// `Matcher.rankVacancies` ranks them, found with the matching engine (`VacancyIndex`) on every core.
    func rankedRows(limit: Int) -> [[String]] {
        let index = VacancyIndex(vacancies, licenceSkillIDs: licenceSkillIDs)
        let ranked = index.topVacancies(forAll: profiles, k: limit)
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
