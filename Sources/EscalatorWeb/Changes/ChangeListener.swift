import EscalatorPersistence
import FluentPostgresDriver
import Foundation
import Vapor

/// On PostgreSQL, a connection of its own that `LISTEN`s on the record of change's channel: the trigger sends one
/// notification per transaction that changed a tracked table, and each one makes this instance catch up at once
/// rather than at its next poll (which stays, as the fallback, should the connection drop).
enum ChangeListener {
    static func start(_ app: Application, url: String) {
        let feed = app.changeFeed, db = app.db, logger = app.logger, eventLoop = app.eventLoopGroup.any()
        let task = Task {
            while !Task.isCancelled {
                do {
                    let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
                    let connection = try await PostgresConnection.connect(on: eventLoop, configuration: configuration, id: 1, logger: logger).get()
                    do {
                        try await connection.listen(on: ChangeRecord.channel) { notifications in
                            for try await _ in notifications {
                                try? await feed.catchUp(db: db)
                            }
                        }
                    } catch {
                        try? await connection.close()
                        throw error
                    }
                    try? await connection.close()
                } catch {
                    if Task.isCancelled { return }
                    logger.warning("not listening for changes (polling meanwhile): \(String(reflecting: type(of: error)))")
                }
                try? await Task.sleep(for: .seconds(2))
            }
        }
        app.lifecycle.use(CancelOnShutdown(task: task))
    }
}
