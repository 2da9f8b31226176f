import ArgumentParser
import EscalatorPersistence
import EscalatorWeb
import Foundation
import Vapor

/// `--database PATH`: the SQLite file. `DATABASE_URL`, when set, selects PostgreSQL instead.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database file (ignored when DATABASE_URL is set).")
    var database: String = "escalator.sqlite"

    func environment(showDemoSignIns: Bool = false) throws -> AppEnvironment {
        try AppEnvironment.fromProcess(sqlitePath: database, showDemoSignIns: showDemoSignIns)
    }
}

/// Starts a Vapor application configured for `environment`, runs `body`, and shuts it down.
func withApplication<T>(
    _ environment: AppEnvironment, arguments: [String] = ["escalator"], logLevel: Logger.Level = .warning,
    _ body: (Application) async throws -> T
) async throws -> T {
    var vaporEnvironment = Environment(name: "production", arguments: arguments)
    vaporEnvironment.arguments = arguments
    let app = try await Application.make(vaporEnvironment)
    app.logger.logLevel = logLevel
    do {
        try await configure(app, environment: environment)
        let result = try await body(app)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
