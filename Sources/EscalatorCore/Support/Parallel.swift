import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `body(0) … body(iterations − 1)` on as many threads as there are cores, returning when all are done. The
/// threads are the process's own, not libdispatch's: on Linux, Swift concurrency runs every task on libdispatch's
/// worker threads (as many as cores), so seconds of work there (`DispatchQueue.concurrentPerform`) leave no
/// thread for requests until it ends. Workers run at the calling thread's priority (`OffThePool` lowers it).
public enum Parallel {
    public static func forEach(iterations: Int, _ body: (Int) -> Void) {
        let workers = min(iterations, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else {
            for i in 0..<iterations { body(i) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = Shared(iterations: iterations, workers: workers, body: body)
            let priority = ThreadPriority.current
            for _ in 1..<workers {
                let thread = Thread {
                    ThreadPriority.set(priority)
                    shared.work()
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
            shared.work()
            shared.waitForAll()
        }
    }

    /// The next iteration to take, and how many workers are still taking them. `body` is let go once all are done,
    /// before `forEach` returns, so that no thread still holds it (`withoutActuallyEscaping` checks).
    private final class Shared: @unchecked Sendable {
        private let iterations: Int
        private var body: ((Int) -> Void)?
        private let condition = NSCondition()
        private var next = 0
        private var running: Int

        init(iterations: Int, workers: Int, body: @escaping (Int) -> Void) {
            self.iterations = iterations
            self.body = body
            running = workers
        }

        func work() {
            runIterations()
            condition.lock()
            running -= 1
            if running == 0 { condition.broadcast() }
            condition.unlock()
        }

        private func runIterations() {
            condition.lock()
            let body = self.body
            condition.unlock()
            guard let body else { return }
            while true {
                condition.lock()
                let i = next
                next += 1
                condition.unlock()
                guard i < iterations else { return }
                body(i)
            }
        }

        func waitForAll() {
            condition.lock()
            while running > 0 { condition.wait() }
            body = nil
            condition.unlock()
        }
    }
}

/// The nice value of the calling thread (Linux keeps one per thread, and `who` 0 means the calling thread), so
/// background work can yield to requests.
enum ThreadPriority {
    /// Background work: behind requests, not starved.
    static let background: Int32 = 10

    static var current: Int32 {
        #if canImport(Glibc)
        errno = 0
        let value = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        return errno == 0 ? value : 0
        #else
        return 0
        #endif
    }

    static func set(_ value: Int32) {
        #if canImport(Glibc)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, value)
        #endif
    }
}
