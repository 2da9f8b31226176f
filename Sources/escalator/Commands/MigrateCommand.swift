import ArgumentParser
import EscalatorWeb

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or update the database schema.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let environment = try database.environment()
        try await withApplication(environment) { app in
            try await migrate(app)
        }
        print("Database is up to date: \(environment.database)")
    }
}
