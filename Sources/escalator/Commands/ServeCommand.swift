import ArgumentParser
import EscalatorWeb
import Vapor

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run migrations and serve the app.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Address to listen on.") var hostname = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080

    func run() async throws {
        let environment = try database.environment()
        try await withApplication(environment, logLevel: .info) { app in
            try await migrate(app)
            startBackgroundWork(app, environment: environment)
            try await serve(app, hostname: hostname, port: port)
        }
    }
}

/// Serves until the process is interrupted (Ctrl+C or SIGTERM).
func serve(_ app: Application, hostname: String, port: Int) async throws {
    fflush(nil)
    app.environment.arguments = ["escalator", "serve", "--hostname", hostname, "--port", String(port)]
    try await app.execute()
}
