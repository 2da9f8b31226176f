import EscalatorCore
import Fluent
import Foundation
import SQLKit

/// Special-category data at rest is sealed (`ColumnCipher`): clients gain a sealed equality-monitoring
/// column, and assessments' barriers and notes move from plain columns to sealed ones. Rows written
/// before this migration are sealed here, in one transaction, and the plain columns are dropped.
/// (The database may keep copies of the old plain values in free pages until `VACUUM`: docs/security.md.)
struct M011_SealSpecialCategoryData: AsyncMigration {
    let cipher: ColumnCipher

    func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            // One column per statement: SQLite adds or drops a single column per ALTER TABLE.
            try await db.schema(ClientModel.schema).field(.string(ClientModel.equalityMonitoringColumn), .string).update()
            try await db.schema(AssessmentModel.schema).field(.string(AssessmentModel.barriersColumn), .string).update()
            try await db.schema(AssessmentModel.schema).field(.string(AssessmentModel.notesColumn), .string).update()
            try await sealPlainAssessments(on: db as! any SQLDatabase)
            try await db.schema(AssessmentModel.schema).deleteField("barriers").update()
            try await db.schema(AssessmentModel.schema).deleteField("notes").update()
        }
    }

    private func sealPlainAssessments(on sql: any SQLDatabase) async throws {
        let rows = try await sql.select().columns("id", "barriers", "notes").from(AssessmentModel.schema).all()
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let barriers = try row.decode(column: "barriers", as: JSONList<Barrier>.self).items
            let notes = try row.decode(column: "notes", as: String.self)
            try await sql.update(AssessmentModel.schema)
                .set(AssessmentModel.barriersColumn, to: try cipher.seal(json: barriers, at: AssessmentModel.location(AssessmentModel.barriersColumn, id)))
                .set(AssessmentModel.notesColumn, to: try cipher.seal(text: notes, at: AssessmentModel.location(AssessmentModel.notesColumn, id)))
                .where("id", .equal, id)
                .run()
        }
    }

    /// Back to plain columns: needs the same data key.
    func revert(on database: any Database) async throws {
        try await database.transaction { db in
            let sql = db as! any SQLDatabase
            try await db.schema(AssessmentModel.schema).field("barriers", .dictionary).update()
            try await db.schema(AssessmentModel.schema).field("notes", .string).update()
            let rows = try await sql.select()
                .columns("id", AssessmentModel.barriersColumn, AssessmentModel.notesColumn).from(AssessmentModel.schema).all()
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                let barriers = try cipher.open(
                    [Barrier].self, from: try row.decode(column: AssessmentModel.barriersColumn, as: String.self),
                    at: AssessmentModel.location(AssessmentModel.barriersColumn, id))
                let notes = try cipher.openText(
                    try row.decode(column: AssessmentModel.notesColumn, as: String.self),
                    at: AssessmentModel.location(AssessmentModel.notesColumn, id))
                try await sql.update(AssessmentModel.schema)
                    .set("barriers", to: JSONList(barriers)).set("notes", to: notes)
                    .where("id", .equal, id).run()
            }
            try await db.schema(AssessmentModel.schema).deleteField(.string(AssessmentModel.notesColumn)).update()
            try await db.schema(AssessmentModel.schema).deleteField(.string(AssessmentModel.barriersColumn)).update()
            try await db.schema(ClientModel.schema).deleteField(.string(ClientModel.equalityMonitoringColumn)).update()
        }
    }
}
