import Metrics
import Prometheus
import Vapor

/// The process's metrics, served in Prometheus's text format at `/metrics` (`MetricsController`).
///
/// Everything is recorded through swift-metrics, so Vapor's own request metrics are included:
/// `http_requests_total` and `http_request_duration_seconds` by method, route pattern (`/api/v1/clients/:id`,
/// never a path with an id in it) and status. Escalator adds its own, named `escalator_*` (`Name`).
/// No metric carries personal data: labels are route patterns, job names and figure names.
enum ServerMetrics {
    /// The registry every metric of this process is kept in. Set up once per process, on first use.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .milliseconds(2500), .seconds(5), .seconds(10),
        ]
        factory.durationHistogramBuckets[Name.backgroundJob] = [
            .milliseconds(10), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5),
            .seconds(10), .seconds(30), .seconds(60), .seconds(300),
        ]
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Makes sure the registry is the metrics back end before the first request is counted.
    static func bootstrap() { _ = registry }

    enum Name {
        static let backgroundJob = "escalator_background_job_duration_seconds"
        static let snapshotAge = "escalator_matching_snapshot_age_seconds"
        static let changeHead = "escalator_change_record_head"
        static let changeApplied = "escalator_change_record_applied"
        static let changeLag = "escalator_change_record_lag"
        static let poolConnections = "escalator_database_pool_connections"
        static let poolTimeouts = "escalator_database_pool_timeouts_total"
        static let databasePing = "escalator_database_ping_seconds"
    }

    /// Times a piece of background work (`job`: what it is, such as `matching-world-load` or `figure:insight`).
    static func timeJob<T>(_ job: String, isolation: isolated (any Actor)? = #isolation, _ work: () async throws -> T) async rethrows -> T {
        let clock = ContinuousClock(), started = clock.now
        defer { Metrics.Timer(label: Name.backgroundJob, dimensions: [("job", job)]).recordInterval(since: started, clock: clock) }
        return try await work()
    }

    /// A request waited for a database connection longer than the pool allows.
    static func poolTimedOut() {
        Counter(label: Name.poolTimeouts).increment()
    }

    static func set(_ name: String, _ value: Double) {
        Gauge(label: name).record(value)
    }
}

extension Metrics.Timer {
    func recordInterval(since start: ContinuousClock.Instant, clock: ContinuousClock) {
        let elapsed = clock.now - start
        let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        recordNanoseconds(nanoseconds)
    }
}
