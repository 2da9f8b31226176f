import EscalatorCore
import EscalatorPersistence
import Fluent
import Metrics
import Vapor

/// The matching world (`MatchingWorld`, loaded by the persistence layer), kept in memory between requests.
actor MatchingCache {
    /// Opens assessments' sealed barriers, which matching reads.
    let cipher: ColumnCipher
    private var snapshot: MatchingWorld?
    /// When the snapshot in use was loaded in full (changes since are applied to it one by one).
    private(set) var loadedAt: Date?
    private var building: Task<MatchingWorld, any Error>?
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

    /// True once everyone's recommendation lists have been built (some version of them).
    var hasRecommendationLists: Bool { lists != nil }

    func invalidate() {
        generation += 1
        snapshot = nil
        building = nil
        pending = Pending()
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
            // The snapshot is being replaced: the previous lists meanwhile, as after any change; with none yet,
            // lists for this one request only.
            if let lists { return lists }
            let multiple = spreadMultiple
            return await OffThePool.run { RecommendationLists(snapshot: current, multiple: multiple) }
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

    private func listsTask(from current: MatchingWorld) -> Task<RecommendationLists, Never> {
        if let listsBuilding, listsBuilding.version == listsVersion { return listsBuilding.task }
        let version = listsVersion, multiple = spreadMultiple
        let task = Task {
            let built = await ServerMetrics.timeJob("recommendation-lists") {
                await OffThePool.run { RecommendationLists(snapshot: current, multiple: multiple) }
            }
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

    /// The snapshot, rebuilt when invalidated or when the day has changed (closing dates and ages are by the
    /// day), with every change noted so far applied to it. A failed build is not kept, so the next request
    /// tries again. Changes noted while a build runs wait in `pending` and are applied once it is done, so a
    /// stream of writes never starves the build.
    func current(db: any Database, now: Date) async throws -> MatchingWorld {
        while true {
            if let snapshot, Calendar.utc.isDate(snapshot.builtAt, inSameDayAs: now) {
                if pending.isEmpty { return snapshot }
                try await applyPending(db: db)
                continue
            }
            if let building {
                _ = try await building.value
                continue
            }
            if snapshot != nil { invalidate() }
            let startedGeneration = generation
            // The task keeps what it built and clears `building` itself, on this actor, as it ends, so that every
            // waiter finds the snapshot (or no build) when it resumes, never the finished task again.
            let task = Task { [cipher] in
                defer { if startedGeneration == self.generation { self.building = nil } }
                let built = try await Self.build(db: db, now: now, cipher: cipher)
                if startedGeneration == self.generation {
                    self.snapshot = built
                    self.loadedAt = Date()
                }
                return built
            }
            building = task
            _ = try await task.value
        }
    }

    // MARK: Keeping the snapshot current without rebuilding it

    /// Clients, vacancies and programmes changed since the snapshot last read them.
    struct Pending: Sendable {
        var clients: Set<UUID> = []
        var vacancies: Set<UUID> = []
        var programmes: Set<UUID> = []
        var isEmpty: Bool { clients.isEmpty && vacancies.isEmpty && programmes.isEmpty }
        var count: Int { clients.count + vacancies.count + programmes.count }
        mutating func formUnion(_ other: Pending) {
            clients.formUnion(other.clients)
            vacancies.formUnion(other.vacancies)
            programmes.formUnion(other.programmes)
        }
    }

    private var pending = Pending()
    private var applying: Task<Void, any Error>?
    /// More pending changes than this: rebuilding is cheaper than reading them one by one.
    static let pendingLimit = 2000

    /// Notes changes (from the record of change); the next `current` reads them into the snapshot.
    func note(_ changes: Pending) {
        pending.formUnion(changes)
        dropLists()
        if pending.count > Self.pendingLimit { invalidate() }
    }

    /// Reads every pending change into the snapshot, one reader at a time.
    private func applyPending(db: any Database) async throws {
        if let applying { return try await applying.value }
        let task = Task {
            defer { self.applying = nil }  // on this actor, as it ends (see `current`)
            try await self.readPending(db: db)
        }
        applying = task
        try await task.value
    }

    private func readPending(db: any Database) async throws {
        guard var updated = snapshot else { return }
        let startedGeneration = generation
        let taken = pending
        pending = Pending()
        do {
            let clock = ContinuousClock(), started = clock.now
            defer { Metrics.Timer(label: ServerMetrics.Name.backgroundJob, dimensions: [("job", "matching-world-update")]).recordInterval(since: started, clock: clock) }
            for id in taken.clients { try await updated.refreshClient(id, on: db, cipher: cipher) }
            for id in taken.vacancies { try await updated.refreshVacancy(id, on: db) }
            for id in taken.programmes { try await updated.refreshProgramme(id, on: db) }
        } catch {
            pending.formUnion(taken)
            throw error
        }
        if generation == startedGeneration, snapshot != nil { snapshot = updated }
    }

    // MARK: Building

    static func build(db: any Database, now: Date, cipher: ColumnCipher) async throws -> MatchingWorld {
        try await ServerMetrics.timeJob("matching-world-load") { try await MatchingWorld.load(from: db, now: now, cipher: cipher) }
    }
}

enum MatchingCacheKey: StorageKey {
    typealias Value = MatchingCache
}

extension Application {
    var matchingCache: MatchingCache { storage[MatchingCacheKey.self]! }
}

extension Request {
    /// The matcher's in-memory view of the data, with every change committed before this request in it.
    func matchingSnapshot(now: Date) async throws -> MatchingWorld {
        try await catchUpWithChanges()
        return try await application.matchingCache.current(db: db, now: now)
    }

    /// Everyone's recommendation lists (see `MatchingCache.recommendationLists`), after catching up with changes.
    func recommendationLists(now: Date, fresh: Bool = false) async throws -> RecommendationLists {
        try await catchUpWithChanges()
        return try await application.matchingCache.recommendationLists(db: db, now: now, fresh: fresh)
    }

}
