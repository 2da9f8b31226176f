import EscalatorCore
import Fluent

/// Loads and stores the skills taxonomy.
public enum TaxonomyWriter {
    /// Adds the taxonomy's skills and occupations, replacing any with the same id.
    public static func replace(with taxonomy: Taxonomy, on database: any Database) async throws {
        let skillIDs = Array(taxonomy.skills.keys)
        let occupationIDs = Array(taxonomy.occupations.keys)
        for chunk in skillIDs.chunked(500) {
            try await SkillModel.query(on: database).filter(\.$id ~~ chunk).delete()
        }
        for chunk in occupationIDs.chunked(500) {
            try await OccupationModel.query(on: database).filter(\.$id ~~ chunk).delete()
        }
        try await taxonomy.sortedSkills.map(SkillModel.init).createInBatches(on: database)
        try await taxonomy.sortedOccupations.map(OccupationModel.init).createInBatches(on: database)
    }

    public static func load(from database: any Database) async throws -> Taxonomy {
        let skills = try await SkillModel.query(on: database).all().map(\.value)
        let occupations = try await OccupationModel.query(on: database).all().map(\.value)
        return Taxonomy(skills: skills, occupations: occupations)
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
