import EscalatorPersistence
import Fluent
import Foundation
import Vapor

/// When a figure was computed and whether a newer one is being computed: shown with every derived figure.
struct Freshness: Content, Sendable, Equatable {
    /// ISO 8601, UTC.
    var computedAt: String
    /// False when changes have been made since (a newer result is on its way).
    var current: Bool
    /// While a newer result is being computed: roughly how much of it is done, from 0 to 1.
    var updating: Double?
}

/// Derived figures, computed in the background, stored in the database (`FigureStore`) so that every instance
/// serves the same result, and computed by one instance at a time (a lease). A request for a figure:
/// 1. gets the stored result at once when it was computed from every change so far, on the same day;
/// 2. otherwise makes sure a computation is under way — here, unless another instance holds the lease — and
///    waits for it up to `wait` (not at all when the last computation took longer than that);
/// 3. then, rather than wait longer, serves the stored (older) result with its freshness: when it was computed
///    and how far the newer one has got. Only when nothing was ever stored does it wait for the first result.
actor StoredFigures {
    /// This process, as a lease holder.
    let holder = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    /// How long a request waits for a newer result before serving the stored one; nil: until it is there.
    let wait: Duration?
    /// A lease not given back by then (its holder died) may be taken over.
    static let leaseSeconds: Double = 600
    private var computing: [String: Task<Void, Never>] = [:]
    /// Results already read and decoded, by name, with the version and time they were computed: a result is
    /// read from the database again only when a newer one has been stored.
    private var decoded: [String: Decoded] = [:]
    private struct Decoded {
        var version: Int64
        var computedAt: Date
        var value: any Sendable
    }
    static let decodedKept = 24

    init(wait: Duration?) {
        self.wait = wait
    }

    func figure<Value: Codable & Sendable>(
        _ name: String, version: Int64, now: @escaping @Sendable () -> Date, db: any Database, logger: Logger,
        compute: @escaping @Sendable () async throws -> Value
    ) async throws -> (value: Value, freshness: Freshness) {
        let clock = ContinuousClock()
        let deadline = wait.map { clock.now.advanced(by: $0) }
        var computedHere = false
        while true {
            let stored = try await FigureStore.read(name, withPayload: false, on: db)
            var served: (value: Value, freshness: Freshness)?
            if let stored { served = try await serve(stored, as: Value.self, version: version, now: now(), db: db) }
            if let served, served.freshness.current { return served }
            if computing[name] == nil, stored?.isComputing(at: now()) != true {
                // Nobody is computing it: this request's own computation, if any, is over without a current result.
                if computedHere {
                    if let served { return served }
                    throw FigureUnavailable(name: name)
                }
                computedHere = try await start(name, version: version, now: now, db: db, logger: logger, compute: compute)
            }
            if let served, let deadline, clock.now >= deadline { return served }
            // A computation that took longer than the wait last time will again: serve the stored result at once.
            if let served, let wait, let stored, stored.lastDuration > Self.seconds(wait) { return served }
            if deadline == nil, let task = computing[name] {
                await task.value
            } else {
                try await Task.sleep(for: .milliseconds(25))
            }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Takes the lease and computes in the background; false when another instance holds it.
    private func start<Value: Codable & Sendable>(
        _ name: String, version: Int64, now: @escaping @Sendable () -> Date, db: any Database, logger: Logger,
        compute: @escaping @Sendable () async throws -> Value
    ) async throws -> Bool {
        let started = now(), holder = holder
        guard try await FigureStore.lease(name, holder: holder, now: started, until: started.addingTimeInterval(Self.leaseSeconds), on: db),
              computing[name] == nil else { return false }
        computing[name] = Task.detached {
            let clock = ContinuousClock(), began = clock.now
            do {
                let value = try await ServerMetrics.timeJob("figure:\(name)") { try await compute() }
                let payload = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
                let seconds = Self.seconds(clock.now - began)
                try await FigureStore.store(name, version: version, payload: payload, computedAt: started, duration: seconds, holder: holder, on: db)
            } catch {
                logger.warning("figure \(name) not computed: \(String(reflecting: type(of: error)))")
                try? await FigureStore.release(name, holder: holder, on: db)
            }
            await self.finished(name)
        }
        return true
    }

    private func finished(_ name: String) { computing[name] = nil }

    /// Waits for every computation this process has under way (for tests and orderly shutdown).
    func settled() async {
        while let task = computing.values.first { await task.value }
    }

    /// The stored result with its freshness, or nil when there is none (or it no longer decodes).
    private func serve<Value: Decodable & Sendable>(_ stored: FigureStore.Stored, as: Value.Type, version: Int64, now: Date, db: any Database) async throws -> (value: Value, freshness: Freshness)? {
        guard let computedAt = stored.computedAt else { return nil }
        let value: Value
        if let memo = decoded[stored.name], memo.version == stored.version, memo.computedAt == computedAt, let kept = memo.value as? Value {
            value = kept
        } else {
            guard let payload = try await FigureStore.read(stored.name, on: db)?.payload,
                  let read = try? JSONDecoder().decode(Value.self, from: Data(payload.utf8)) else { return nil }
            if decoded.count >= Self.decodedKept, decoded[stored.name] == nil { decoded.removeValue(forKey: decoded.keys.first!) }
            decoded[stored.name] = Decoded(version: stored.version, computedAt: computedAt, value: read)
            value = read
        }
        let current = stored.version >= version && Calendar.utc.isDate(computedAt, inSameDayAs: now)
        return (value, Freshness(computedAt: ISO8601DateFormatter().string(from: computedAt), current: current,
                                 updating: current ? nil : stored.progress(at: now)))
    }
}

/// The first result of a figure could not be computed (the log says why).
struct FigureUnavailable: Error {
    var name: String
}

enum StoredFiguresKey: StorageKey { typealias Value = StoredFigures }

extension Application {
    var storedFigures: StoredFigures { storage[StoredFiguresKey.self]! }
}

extension Request {
    /// A derived figure as of every change committed before this request (see `StoredFigures`).
    func storedFigure<Value: Codable & Sendable>(
        _ name: String, now: @escaping @Sendable () -> Date, compute: @escaping @Sendable () async throws -> Value
    ) async throws -> (value: Value, freshness: Freshness) {
        let version = try await catchUpWithChanges()
        return try await application.storedFigures.figure(name, version: version, now: now, db: application.db, logger: application.logger, compute: compute)
    }
}
