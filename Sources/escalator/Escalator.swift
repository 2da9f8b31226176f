import ArgumentParser

@main
struct Escalator: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalator",
        abstract: "The West Midlands Integrated Employment and Skills System.",
        subcommands: [
            DemoCommand.self, ServeCommand.self, MigrateCommand.self, SeedCommand.self,
            ImportCommand.self, ExportCommand.self, TaxonomyCommand.self, MatchCommand.self, AllocateCommand.self, CommissionCommand.self, PathwayCommand.self, UsersCommand.self, BenchCommand.self,
            RetentionCommand.self,
            AuditCommand.self,
            BackupCommand.self, RestoreCommand.self,
        ])
}
