import Fluent
import Foundation
import SQLKit

/// Facts about this installation's data, by name: today only the day a synthetic data set was generated for.
public enum InstallationFacts {
    static let table = "installation_facts"
    /// The day (ISO) the synthetic data set's dates are counted from (`SyntheticDataSet.referenceDate`).
    public static let syntheticDataDay = "synthetic-data-day"

    public static func value(_ name: String, on db: any Database) async throws -> String? {
        try await (db as! any SQLDatabase).raw("SELECT value FROM \(unsafeRaw: table) WHERE name = \(bind: name)").first()?
            .decode(column: "value", as: String.self)
    }

    public static func set(_ name: String, to value: String, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("DELETE FROM \(unsafeRaw: table) WHERE name = \(bind: name)").run()
        try await sql.raw("INSERT INTO \(unsafeRaw: table) (name, value) VALUES (\(bind: name), \(bind: value))").run()
    }
}
