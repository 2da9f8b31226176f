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
    /// Assessed clients' profiles, from their latest assessment.
    var profiles: [UUID: MatchProfile]
    /// Every client's registering organisation.
    var clientOrganisation: [UUID: UUID]
    /// Every client's ward id (allocation reserves places for residents of target wards).
    var clientWards: [UUID: String] = [:]
    /// Clients with at least one consent to share that still stands.
    var sharing: Set<UUID>
    var licenceSkillIDs: Set<String>
    var builtAt: Date

    /// Matching offers only cohorts that have not started: those starting on this day or later.
    static func firstBookableDay(_ now: Date) -> Date { Calendar.utc.startOfDay(for: now) }

    /// Birmingham's centre, for a ward the snapshot does not know.
    static let fallbackLocation = GeoPoint(latitude: 52.4862, longitude: -1.8904)

    func location(ofWard id: String) -> GeoPoint {
        wards[id]?.centre ?? Self.fallbackLocation
    }
}

actor MatchingCache {
    /// Opens assessments' sealed barriers, which matching reads.
    let cipher: ColumnCipher
    private var snapshot: MatchingSnapshot?
    private var building: Task<MatchingSnapshot, any Error>?
    private var generation = 0
    /// Spread mode's limit: a vacancy is in at most `spreadMultiple × openings` spread lists.
    let spreadMultiple: Int
    /// Everyone's recommendations, from the snapshot as it was at `listsVersion` = `listsBuiltVersion`; after a
    /// change they are kept, one version behind, until the rebuild that the change starts replaces them.
    private var lists: RecommendationLists?
    private var listsBuiltVersion = -1
    private var listsBuilding: (version: Int, task: Task<RecommendationLists, Never>)?
    /// Bumped by every change to the snapshot.
    private var listsVersion = 0

    init(cipher: ColumnCipher, spreadMultiple: Int = AppEnvironment.defaultSpreadMultiple) {
        self.cipher = cipher
        self.spreadMultiple = spreadMultiple
    }

    func invalidate() {
        generation += 1
        snapshot = nil
        building = nil
        dropLists()
    }

    private func dropLists() {
        listsVersion += 1
    }

    /// Every assessed client's plain and spread recommendations. Rebuilding them takes seconds at region scale
    /// (a bulk top 50 and the spreading flow), so after a change the previous lists are returned at once while
    /// the rebuild runs in the background, once for everyone: counts may trail a change by that rebuild. A
    /// request waits only when there are no lists yet, or when it needs them `fresh` (a client's own spread list
    /// must reflect their latest assessment and the vacancies still open).
    func recommendationLists(db: any Database, now: Date, fresh: Bool = false) async throws -> RecommendationLists {
        if fresh { return try await settledRecommendationLists(db: db, now: now) }
        let current = try await current(db: db, now: now)
        guard snapshot?.builtAt == current.builtAt, building == nil else {
            // The snapshot changed while it was read: lists for this one request only.
            let multiple = spreadMultiple
            return await Task.detached { RecommendationLists(snapshot: current, multiple: multiple) }.value
        }
        if let lists, listsBuiltVersion == listsVersion { return lists }
        let rebuild = listsTask(from: current)
        if let lists { return lists }
        return await rebuild.value
    }

    /// The lists once every change so far is in them.
    func settledRecommendationLists(db: any Database, now: Date) async throws -> RecommendationLists {
        while true {
            let current = try await current(db: db, now: now)
            if let lists, listsBuiltVersion == listsVersion, snapshot?.builtAt == current.builtAt { return lists }
            _ = await listsTask(from: current).value
        }
    }

    private func listsTask(from current: MatchingSnapshot) -> Task<RecommendationLists, Never> {
        if let listsBuilding, listsBuilding.version == listsVersion { return listsBuilding.task }
        let version = listsVersion, multiple = spreadMultiple
        let task = Task {
            let built = await Task.detached { RecommendationLists(snapshot: current, multiple: multiple) }.value
            keep(built, version: version)
            return built
        }
        listsBuilding = (version, task)
        return task
    }

    private func keep(_ built: RecommendationLists, version: Int) {
        if version >= listsBuiltVersion {
            lists = built
            listsBuiltVersion = version
        }
        if listsBuilding?.version == version { listsBuilding = nil }
    }

    /// The snapshot, rebuilt when invalidated or when the day has changed (closing dates and ages are
    /// by the day). A failed build is not kept, so the next request tries again.
    func current(db: any Database, now: Date) async throws -> MatchingSnapshot {
        if let snapshot, Calendar.utc.isDate(snapshot.builtAt, inSameDayAs: now) { return snapshot }
        if snapshot != nil { invalidate() }
        if let building { return try await building.value }
        let startedGeneration = generation
        let task = Task { [cipher] in try await Self.build(db: db, now: now, cipher: cipher) }
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

    // MARK: Keeping the snapshot current without rebuilding it

    /// After a client's details, assessment or consents change.
    func clientChanged(_ id: UUID, db: any Database) async throws {
        guard let builtAt = snapshot?.builtAt, let wards = snapshot?.wards else { return invalidate() }
        let fresh = try await Self.profileRow(id, now: builtAt, wards: wards, db: db, cipher: cipher)
        guard snapshot != nil, building == nil else { return invalidate() }
        dropLists()
        snapshot!.profiles[id] = fresh?.profile
        snapshot!.clientOrganisation[id] = fresh?.organisationID
        snapshot!.clientWards[id] = fresh?.wardID
        if fresh?.sharing == true { snapshot!.sharing.insert(id) } else { snapshot!.sharing.remove(id) }
    }

    /// After a vacancy is scoped, edited, opened, filled or closed.
    func vacancyChanged(_ id: UUID, db: any Database) async throws {
        guard let builtAt = snapshot?.builtAt else { return invalidate() }
        let model = try await VacancyModel.find(id, on: db)
        guard snapshot != nil, building == nil else { return invalidate() }
        dropLists()
        snapshot!.vacancies.removeAll { $0.vacancy.id == id }
        snapshot!.vacanciesByID[id] = nil
        if let model, model.status == .open, model.closingDate >= builtAt {
            let target = VacancyTarget(vacancy: model.value, location: snapshot!.location(ofWard: model.wardID))
            snapshot!.vacancies.append(target)
            snapshot!.vacanciesByID[id] = target
        }
    }

    /// After a programme or its cohorts change (including a place being taken).
    func programmeChanged(_ id: UUID, db: any Database) async throws {
        guard let builtAt = snapshot?.builtAt else { return invalidate() }
        let model = try await ProgrammeModel.find(id, on: db)
        let cohorts = try await CohortModel.query(on: db).filter(\.$programmeID == id)
            .filter(\.$startsOn >= MatchingSnapshot.firstBookableDay(builtAt)).sort(\.$startsOn).all().map(\.value)
        guard snapshot != nil, building == nil else { return invalidate() }
        snapshot!.programmes.removeAll { $0.programme.id == id }
        if let model {
            snapshot!.programmes.append(ProgrammeTarget(programme: model.value(cohorts: cohorts), location: snapshot!.location(ofWard: model.wardID)))
        }
    }

    struct ProfileRow: Sendable {
        var profile: MatchProfile?
        var organisationID: UUID
        var wardID: String
        var sharing: Bool
    }

    static func profileRow(
        _ id: UUID, now: Date, wards: [String: Ward], db: any Database, cipher: ColumnCipher
    ) async throws -> ProfileRow? {
        guard let client = try await ClientModel.query(on: db).filter(\.$id == id).notErased().first()?.value else { return nil }
        let assessment = try await AssessmentModel.query(on: db).filter(\.$clientID == id).sort(\.$assessedOn, .descending).first()?.value(cipher)
        let sharing = try await ConsentModel.query(on: db).filter(\.$clientID == id).filter(\.$withdrawnAt == nil).count() > 0
        let location = wards[client.wardID]?.centre ?? MatchingSnapshot.fallbackLocation
        return ProfileRow(
            profile: assessment.map { Matcher.profile(client: client, assessment: $0, location: location, on: now) },
            organisationID: client.organisationID, wardID: client.wardID, sharing: sharing)
    }

    // MARK: Building

    static func build(db: any Database, now: Date, cipher: ColumnCipher) async throws -> MatchingSnapshot {
        let taxonomy = try await TaxonomyWriter.load(from: db)
        let wards = Dictionary(try await WardModel.query(on: db).all().map { ($0.id!, $0.value) }, uniquingKeysWith: { a, _ in a })
        func location(_ ward: String) -> GeoPoint { wards[ward]?.centre ?? MatchingSnapshot.fallbackLocation }

        let vacancies = try await VacancyModel.query(on: db).filter(\.$status == .open).filter(\.$closingDate >= now).all()
            .map { VacancyTarget(vacancy: $0.value, location: location($0.wardID)) }

        let cohorts = Dictionary(grouping: try await CohortModel.query(on: db).filter(\.$startsOn >= MatchingSnapshot.firstBookableDay(now)).all(), by: \.programmeID)
        let programmes = try await ProgrammeModel.query(on: db).all().map { model in
            ProgrammeTarget(programme: model.value(cohorts: (cohorts[model.id!] ?? []).map(\.value).sorted { $0.startsOn < $1.startsOn }),
                            location: location(model.wardID))
        }

        var latest: [UUID: Assessment] = [:]
        for model in try await AssessmentModel.query(on: db).sort(\.$assessedOn).all() { latest[model.clientID] = try model.value(cipher) }
        var profiles: [UUID: MatchProfile] = [:]
        var organisations: [UUID: UUID] = [:]
        var clientWards: [UUID: String] = [:]
        for client in try await ClientModel.query(on: db).notErased().all().map(\.value) {
            organisations[client.id] = client.organisationID
            clientWards[client.id] = client.wardID
            guard let assessment = latest[client.id] else { continue }
            profiles[client.id] = Matcher.profile(client: client, assessment: assessment, location: location(client.wardID), on: now)
        }
        let sharing = Set(try await ConsentModel.query(on: db).filter(\.$withdrawnAt == nil).field(\.$clientID).all().map(\.clientID))
        return MatchingSnapshot(
            taxonomy: taxonomy, wards: wards, vacancies: vacancies,
            vacanciesByID: Dictionary(vacancies.map { ($0.vacancy.id, $0) }, uniquingKeysWith: { a, _ in a }),
            programmes: programmes, profiles: profiles, clientOrganisation: organisations, clientWards: clientWards, sharing: sharing,
            licenceSkillIDs: Set(taxonomy.skills.values.filter { $0.kind == .licence }.map(\.id)), builtAt: now)
    }
}

enum MatchingCacheKey: StorageKey {
    typealias Value = MatchingCache
}

extension Application {
    var matchingCache: MatchingCache { storage[MatchingCacheKey.self]! }

    /// Builds the matching snapshot and everyone's recommendations in the background, so the first search
    /// after start-up does not wait for them.
    public func prewarmMatching(now: Date) {
        let cache = matchingCache, db = self.db
        Task { _ = try? await cache.recommendationLists(db: db, now: now) }
    }
}

extension Request {
    /// The matcher's in-memory view of the data, as of now.
    func matchingSnapshot(now: Date) async throws -> MatchingSnapshot {
        try await application.matchingCache.current(db: db, now: now)
    }

    /// Call after a change to what matching reads that has no targeted update.
    func invalidateMatching() async {
        await application.matchingCache.invalidate()
    }

}
