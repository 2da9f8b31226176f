import Foundation

/// Runs seconds of CPU work (building everyone's recommendation lists, an allocation, commissioning advice, decoding
/// the matching world) on a thread of its own at background priority, never on the threads requests need: on
/// Linux, Swift concurrency's tasks run on libdispatch's workers (one per core), so work there — or on any
/// libdispatch queue — would leave requests waiting until it ends. Inside, use `Parallel.forEach` for more cores.
public enum OffThePool {
    public static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            start { continuation.resume(returning: work()) }
        }
    }

    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            start { continuation.resume(with: Result { try work() }) }
        }
    }

    private static func start(_ job: @escaping @Sendable () -> Void) {
        let thread = Thread {
            ThreadPriority.set(ThreadPriority.background)
            job()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
