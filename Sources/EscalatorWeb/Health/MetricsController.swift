import EscalatorPersistence
import Foundation
import SQLKit
import Vapor

/// `GET /metrics`: the process's metrics in Prometheus's text format (`ServerMetrics`), for a Prometheus server
/// on the private network to scrape. No sign-in: nothing in it is personal (see docs/deployment.md), and the
/// load balancer keeps it from the public (deploy/nginx.conf).
///
/// The gauges about shared state are read at each scrape: the record of change's head and how far behind it
/// this instance is, the age of the matching snapshot, the database's round trip, the pool's size.
struct MetricsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("metrics", use: metrics).needs(.usePublicPages)
    }

    func metrics(req: Request) async throws -> Response {
        await refreshGauges(req)
        let text = ServerMetrics.registry.emitToString()
        return Response(status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store"],
                        body: .init(string: text))
    }

    private func refreshGauges(_ req: Request) async {
        let app = req.application
        let applied = await app.changeFeed.applied
        ServerMetrics.set(ServerMetrics.Name.changeApplied, Double(applied))
        if let loaded = await app.matchingCache.loadedAt {
            ServerMetrics.set(ServerMetrics.Name.snapshotAge, Date().timeIntervalSince(loaded))
        }
        if let location = app.storage[DatabaseLocationKey.self] {
            ServerMetrics.set(ServerMetrics.Name.poolConnections, Double(location.connectionsPerEventLoop * System.coreCount))
        }
        let clock = ContinuousClock(), started = clock.now
        guard let head = try? await ChangeRecord.head(on: req.db) else { return }
        let elapsed = clock.now - started
        ServerMetrics.set(ServerMetrics.Name.databasePing, Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
        ServerMetrics.set(ServerMetrics.Name.changeHead, Double(head))
        ServerMetrics.set(ServerMetrics.Name.changeLag, Double(max(0, head - applied)))
    }
}
