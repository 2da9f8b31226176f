import Dispatch

/// Runs seconds of CPU work (building everyone's recommendation lists, an allocation, commissioning advice, decoding
/// the matching world) on a dispatch queue, not on Swift concurrency's cooperative threads (one per core) nor on
/// the database's thread pool. Every request needs those: work that holds one for seconds stalls the server.
public enum OffThePool {
    static let queue = DispatchQueue(label: "escalator.off-the-pool", attributes: .concurrent)

    public static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }

    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
