import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// What the matcher reads, held in memory: live vacancies, programmes with places, and every assessed
/// client's profile. Built on first use and rebuilt after any change that affects matching.
struct MatchingSnapshot: Sendable {
    var taxonomy: Taxonomy
    var wards: [String: Ward]
    var vacancies: [VacancyTarget]
    var vacanciesByID: [UUID: VacancyTarget]
    var programmes: [ProgrammeTarget]
    var profiles: [UUID: MatchProfile]
    var licenceSkillIDs: Set<String>
    var builtAt: Date

    func location(ofWard id: String) -> GeoPoint {
        wards[id]?.centre ?? GeoPoint(latitude: 52.4862, longitude: -1.8904)
    }
}

actor MatchingCache {
    private var snapshot: MatchingSnapshot?
    private var building: Task<MatchingSnapshot, any Error>?
    private var generation = 0

    func invalidate() {
        generation += 1
        snapshot = nil
        building = nil
    }

    /// The snapshot, rebuilt when invalidated or when the day has changed (closing dates and ages are
    /// by the day). A failed build is not kept, so the next request tries again.
    func current(db: any Database, now: Date) async throws -> MatchingSnapshot {
        if let snapshot, Calendar.utc.isDate(snapshot.builtAt, inSameDayAs: now) { return snapshot }
        if snapshot != nil { invalidate() }
        if let building { return try await building.value }
        let startedGeneration = generation
        let task = Task { try await Self.build(db: db, now: now) }
        building = task
        do {
            let built = try await task.value
            if startedGeneration == generation {
                snapshot = built
                building = nil
            }
            return built
        } catch {
            if startedGeneration == generation { building = nil }
            throw error
        }
    }

    static func build(db: any Database, now: Date) async throws -> MatchingSnapshot {
        let taxonomy = try await TaxonomyWriter.load(from: db)
        let wards = Dictionary(try await WardModel.query(on: db).all().map { ($0.id!, $0.value) }, uniquingKeysWith: { a, _ in a })
        func location(_ ward: String) -> GeoPoint { wards[ward]?.centre ?? GeoPoint(latitude: 52.4862, longitude: -1.8904) }

        let vacancies = try await VacancyModel.query(on: db).filter(\.$status == .open).filter(\.$closingDate >= now).all()
            .map { VacancyTarget(vacancy: $0.value, location: location($0.wardID)) }

        let cohorts = Dictionary(grouping: try await CohortModel.query(on: db).all(), by: \.programmeID)
        let programmes = try await ProgrammeModel.query(on: db).all().map { model in
            ProgrammeTarget(programme: model.value(cohorts: (cohorts[model.id!] ?? []).map(\.value).sorted { $0.startsOn < $1.startsOn }),
                            location: location(model.wardID))
        }

        var latest: [UUID: Assessment] = [:]
        for model in try await AssessmentModel.query(on: db).sort(\.$assessedOn).all() { latest[model.clientID] = model.value }
        var profiles: [UUID: MatchProfile] = [:]
        for client in try await ClientModel.query(on: db).all().map(\.value) {
            guard let assessment = latest[client.id] else { continue }
            profiles[client.id] = Matcher.profile(client: client, assessment: assessment, location: location(client.wardID), on: now)
        }
        return MatchingSnapshot(
            taxonomy: taxonomy, wards: wards, vacancies: vacancies.sorted { $0.vacancy.id.uuidString < $1.vacancy.id.uuidString },
            vacanciesByID: Dictionary(vacancies.map { ($0.vacancy.id, $0) }, uniquingKeysWith: { a, _ in a }),
            programmes: programmes, profiles: profiles,
            licenceSkillIDs: Set(taxonomy.skills.values.filter { $0.kind == .licence }.map(\.id)), builtAt: now)
    }
}

enum MatchingCacheKey: StorageKey {
    typealias Value = MatchingCache
}

extension Application {
    var matchingCache: MatchingCache { storage[MatchingCacheKey.self]! }
}

extension Request {
    /// The matcher's in-memory view of the data, as of now.
    func matchingSnapshot(now: Date) async throws -> MatchingSnapshot {
        try await application.matchingCache.current(db: db, now: now)
    }

    /// Call after a change to clients, assessments, vacancies or programmes.
    func invalidateMatching() async {
        await application.matchingCache.invalidate()
    }
}
