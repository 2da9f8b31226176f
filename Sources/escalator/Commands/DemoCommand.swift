import ArgumentParser
import EscalatorCore
import EscalatorPersistence
import EscalatorWeb
import Foundation
import Vapor

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create (or reuse) a database with synthetic West Midlands data, serve the app and print how to sign in.")

    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Address to listen on.") var hostname = "127.0.0.1"
    @Option(help: "SQLite database file for the demo.") var database = "escalator-demo.sqlite"
    @Option(help: "small (a few thousand clients, starts in seconds) or region (61,000 clients).") var scale: SyntheticScale = .small

    func run() async throws {
        let started = Date()
        let environment = try AppEnvironment.fromProcess(sqlitePath: database, showDemoSignIns: true)
        try await withApplication(environment, logLevel: .notice) { app in
            try await migrate(app)
            if try await Seeder.isSeeded(app.db) {
                let day = try await InstallationFacts.value(InstallationFacts.syntheticDataDay, on: app.db)
                print("Reusing the data already in \(environment.database)\(day.map { " (synthetic data generated for \($0))" } ?? "").")
            } else {
                print("Creating the synthetic data set (\(scale.rawValue) scale) in \(environment.database)…")
                print(try await seedSynthetic(app, scale: scale, seed: 2026))
            }
            print("""

            Escalator is running at http://\(hostname):\(port)/  (ready in \(String(format: "%.1f", Date().timeIntervalSince(started))) s)
            SYNTHETIC DATA — not real people.

            Sign in with any of these (password: escalator-demo):
              adviser@demo.escalator.test    an employment adviser at Jobcentre Plus
              partner@demo.escalator.test    an adviser at Birmingham City Council: others' clients only with their consent
              employer@demo.escalator.test   an employer: its vacancies and candidates
              provider@demo.escalator.test   a training provider: its programmes and referrals
              analyst@demo.escalator.test    an analyst: the insight dashboard
              admin@demo.escalator.test      an administrator: everything

            API: POST /api/v1/auth/token with {"email", "password"}; the document is at /api/v1/openapi.json.
            Press Ctrl+C to stop.
            """)
            startBackgroundWork(app, environment: environment)
            try await serve(app, hostname: hostname, port: port)
        }
    }
}
