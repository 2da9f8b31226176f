import ArgumentParser
import EscalatorCore
import EscalatorPersistence
import EscalatorWeb
import Foundation
import Vapor

extension SyntheticScale: ExpressibleByArgument {}

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed", abstract: "Fill an empty database with the deterministic synthetic West Midlands data set.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "small (a few thousand clients) or region (61,000).") var scale: SyntheticScale = .small
    @Option(help: "Seed for the generator; the same seed gives the same data.") var seed: UInt64 = 2026

    func run() async throws {
        let environment = try database.environment()
        try await withApplication(environment) { app in
            try await migrate(app)
            guard try await !Seeder.isSeeded(app.db) else {
                throw CommandFailure("The database already holds data; seed only an empty database.")
            }
            let report = try await seedSynthetic(app, scale: scale, seed: seed)
            print(report)
        }
    }
}

/// Generates the synthetic data set for today (its dates are counted from today, so it does not age) and writes
/// it; returns a one-line report.
func seedSynthetic(_ app: Application, scale: SyntheticScale, seed: UInt64) async throws -> String {
    let progress = Progress()  // on a terminal only: "generating", then "writing"
    defer { progress.finish() }
    progress.stage("generating")
    let started = Date()
    let data = SyntheticDataSet.generate(scale: scale, seed: seed, referenceDate: started)
    let generated = Date()
    progress.stage("writing \(data.clients.count) clients, \(data.vacancies.count) vacancies")
    try await Seeder.seed(data, on: app.db, cipher: app.columnCipher) { password in try app.password.hash(password) }
    let finished = Date()
    progress.finish()
    return String(
        format: "Seeded %@ scale (seed %llu, dates counted from %@): %d clients, %d employers, %d vacancies, %d programmes — generated in %.1f s, written in %.1f s.",
        scale.rawValue, seed, data.referenceDate.isoDay, data.clients.count, data.employers.count, data.vacancies.count, data.programmes.count,
        generated.timeIntervalSince(started), finished.timeIntervalSince(generated))
}
