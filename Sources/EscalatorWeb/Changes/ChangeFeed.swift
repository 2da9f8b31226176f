import EscalatorPersistence
import Fluent
import Foundation
import Vapor

/// This process's reading of the shared record of change (`ChangeRecord`): it applies each change, in order, to
/// what the process keeps in memory — targeted updates to the matching snapshot, and the version that derived
/// figures are kept under — whichever instance or command made it.
///
/// It is read in two ways: a background poll (`follow`), so an idle instance stays current, and `catchUp`, which
/// every request that uses kept state awaits first: it reads the record's head and applies everything up to it,
/// so a request never answers from state older than the moment it started — in particular, an access decision
/// about consent or sharing is never taken from a snapshot that has not seen the latest withdrawal.
actor ChangeFeed {
    private let matching: MatchingCache
    /// Every change up to this sequence number is applied. A new process starts from 0: its first catch-up reads
    /// the whole record (a seeded database's is one `everything` row), or rebuilds everything when it is long.
    private(set) var applied: Int64 = 0
    /// The sequence number of the latest applied change that derived figures read (`ChangeKind.affectsFigures`).
    private(set) var figuresVersion: Int64 = 0
    private var reading: Task<Void, any Error>?
    /// More changes than this at once: rebuild everything rather than apply them one by one.
    static let batch = 1000

    init(matching: MatchingCache) {
        self.matching = matching
    }

    /// Applies every change committed before this call; returns the figures version then.
    @discardableResult
    func catchUp(db: any Database) async throws -> Int64 {
        let head = try await ChangeRecord.head(on: db)
        while applied < head {
            if let reading {
                try await reading.value
                continue
            }
            // The task clears `reading` itself, on this actor, as it ends: a waiter that resumes first must not find
            // the finished task still there (it would await it again without ever giving up the actor).
            let task = Task {
                defer { self.reading = nil }
                try await ServerMetrics.timeJob("change-record-catch-up") { try await self.readPending(db: db) }
            }
            reading = task
            try await task.value
        }
        return figuresVersion
    }

    private func readPending(db: any Database) async throws {
        let changes = try await ChangeRecord.changes(after: applied, limit: Self.batch, on: db)
        guard let last = changes.last else {
            // Rows pruned or collapsed underneath: nothing between is left to apply.
            applied = max(applied, try await ChangeRecord.head(on: db))
            return
        }
        if changes.count >= Self.batch || changes.contains(where: { $0.kind == .reference || $0.kind == .everything }) {
            await matching.invalidate()
            applied = try await ChangeRecord.head(on: db)
            figuresVersion = try await ChangeRecord.figuresHead(on: db)
            return
        }
        var update = MatchingCache.Pending()
        for change in changes {
            guard let id = change.entityID else { continue }
            switch change.kind {
            case .client: update.clients.insert(id)
            case .vacancy: update.vacancies.insert(id)
            case .programme: update.programmes.insert(id)
            default: break
            }
        }
        if !update.isEmpty { await matching.note(update) }
        if let figures = changes.last(where: { $0.kind.affectsFigures }) { figuresVersion = figures.sequence }
        applied = last.sequence
    }

    /// Catches up, builds the matching snapshot and everyone's recommendations (so the first search after
    /// start-up does not wait for them), then polls the record every `interval` until the app shuts down, so an
    /// instance nobody asks stays current. Also prunes old rows now and then.
    static func follow(_ app: Application, now: @escaping @Sendable () -> Date, interval: Duration = .milliseconds(250)) {
        let feed = app.changeFeed, db = app.db, logger = app.logger, matching = app.matchingCache
        let task = Task {
            _ = try? await feed.catchUp(db: db)
            _ = try? await matching.recommendationLists(db: db, now: now())
            var rounds = 0
            while !Task.isCancelled {
                do {
                    try await feed.catchUp(db: db)
                    rounds += 1
                    if rounds % 2400 == 0 { try await ChangeRecord.prune(on: db) }
                } catch {
                    logger.warning("could not read the record of change: \(String(reflecting: type(of: error)))")
                }
                try? await Task.sleep(for: interval)
            }
        }
        app.lifecycle.use(CancelOnShutdown(task: task))
    }
}

/// Stops a background task when the app shuts down.
struct CancelOnShutdown: LifecycleHandler {
    let task: Task<Void, Never>
    func shutdown(_ application: Application) { task.cancel() }
    func shutdownAsync(_ application: Application) async { task.cancel() }
}

enum ChangeFeedKey: StorageKey { typealias Value = ChangeFeed }

extension Application {
    var changeFeed: ChangeFeed { storage[ChangeFeedKey.self]! }
}

extension Request {
    /// Brings this process's kept state up to every change committed before now; returns the version derived
    /// figures are kept under.
    @discardableResult
    func catchUpWithChanges() async throws -> Int64 {
        try await application.changeFeed.catchUp(db: db)
    }
}
