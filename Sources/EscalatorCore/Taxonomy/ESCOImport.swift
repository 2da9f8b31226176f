import Foundation

/// Builds a taxonomy from the ESCO v1.x classification download (English CSVs):
/// `occupations_en.csv`, `skills_en.csv` and `occupationSkillRelations_en.csv`.
///
/// Columns are found by their published header names, so extra or reordered columns are fine.
/// Skills and occupations keep their ESCO concept URIs as ids. Every skill, "knowledge" and
/// "skill/competence" alike, becomes an `.occupational` skill; every relation is at `.working` level;
/// `socCode` is nil (ESCO maps to ISCO-08, whose group is noted in the occupation's description).
///
/// The import is all or nothing: it either returns a taxonomy or throws an `ESCOImportError` listing
/// every problem found (missing columns, blank or duplicate URIs, unknown relation types, relations
/// naming an occupation or skill not in the files), each with its file, line and value.
public enum ESCOImport {
    public static let occupationsFile = "occupations_en.csv"
    public static let skillsFile = "skills_en.csv"
    public static let relationsFile = "occupationSkillRelations_en.csv"

    static let occupationColumns = ["conceptUri", "preferredLabel"]
    static let skillColumns = ["conceptUri", "preferredLabel"]
    static let relationColumns = ["occupationUri", "relationType", "skillUri"]

    public static func taxonomy(occupationsCSV: String, skillsCSV: String, relationsCSV: String) throws(ESCOImportError) -> ESCOImportResult {
        var problems: [ESCOImportProblem] = []
        let occupationTable = table(occupationsCSV, file: occupationsFile, required: occupationColumns, problems: &problems)
        let skillTable = table(skillsCSV, file: skillsFile, required: skillColumns, problems: &problems)
        let relationTable = table(relationsCSV, file: relationsFile, required: relationColumns, problems: &problems)

        var skills: [Skill] = []
        var skillIDs: Set<String> = []
        if let skillTable {
            for row in skillTable.rows {
                guard let uri = concept(row, file: skillsFile, seen: skillIDs, problems: &problems) else { continue }
                skillIDs.insert(uri)
                skills.append(Skill(id: uri, name: row["preferredLabel"]!, kind: .occupational, description: describe(row)))
            }
        }

        var occupations: [Occupation] = []
        var occupationIndex: [String: Int] = [:]
        var occupationIDs: Set<String> = []
        if let occupationTable {
            for row in occupationTable.rows {
                guard let uri = concept(row, file: occupationsFile, seen: occupationIDs, problems: &problems) else { continue }
                occupationIDs.insert(uri)
                var description = describe(row)
                if let isco = row["iscoGroup"]?.escoTrimmed, !isco.isEmpty {
                    description += description.isEmpty ? "ISCO-08 group \(isco)." : " (ISCO-08 group \(isco).)"
                }
                occupationIndex[uri] = occupations.count
                occupations.append(Occupation(
                    id: uri, name: row["preferredLabel"]!, socCode: nil, sector: nil,
                    essentialSkills: [], optionalSkills: [], typicalQualification: .entry, description: description
                ))
            }
        }

        var relationCount = 0
        if let relationTable {
            var linked: Set<String> = []
            for row in relationTable.rows {
                let occupationURI = row["occupationUri"]!.escoTrimmed
                let skillURI = row["skillUri"]!.escoTrimmed
                let type = row["relationType"]!.escoTrimmed.lowercased()
                var valid = true
                if type != "essential" && type != "optional" {
                    problems.append(ESCOImportProblem(
                        file: relationsFile, line: row.line, column: "relationType", value: row["relationType"]!,
                        message: "relationType must be \"essential\" or \"optional\""))
                    valid = false
                }
                // Unknown ids are only worth reporting when the file they should be in was read.
                if occupationTable != nil, occupationIndex[occupationURI] == nil {
                    problems.append(ESCOImportProblem(
                        file: relationsFile, line: row.line, column: "occupationUri", value: occupationURI,
                        message: occupationURI.isEmpty ? "occupationUri is blank" : "no occupation with this URI in \(occupationsFile)"))
                    valid = false
                }
                if skillTable != nil, !skillIDs.contains(skillURI) {
                    problems.append(ESCOImportProblem(
                        file: relationsFile, line: row.line, column: "skillUri", value: skillURI,
                        message: skillURI.isEmpty ? "skillUri is blank" : "no skill with this URI in \(skillsFile)"))
                    valid = false
                }
                guard valid, let position = occupationIndex[occupationURI] else { continue }
                relationCount += 1
                guard linked.insert(occupationURI + "\u{1F}" + skillURI).inserted else { continue }
                if type == "essential" {
                    occupations[position].essentialSkills.append(OccupationSkill(skillURI, .working))
                } else {
                    occupations[position].optionalSkills.append(OccupationSkill(skillURI, .working))
                }
            }
        }

        guard problems.isEmpty else { throw ESCOImportError(problems: problems) }
        return ESCOImportResult(
            taxonomy: Taxonomy(skills: skills, occupations: occupations),
            occupationCount: occupations.count, skillCount: skills.count, relationCount: relationCount
        )
    }

    private static func table(_ text: String, file: String, required: [String], problems: inout [ESCOImportProblem]) -> CSVTable? {
        let table: CSVTable
        do {
            table = try CSVTable(parsing: text)
        } catch {
            problems.append(ESCOImportProblem(file: file, line: error.line, column: nil, value: nil, message: error.description))
            return nil
        }
        let missing = table.missingColumns(required)
        for column in missing {
            problems.append(ESCOImportProblem(
                file: file, line: table.headerLine, column: column, value: nil,
                message: "the required column \"\(column)\" is missing from the header"))
        }
        return missing.isEmpty ? table : nil
    }

    /// The row's concept URI, or nil (with a problem noted) when it is blank, repeated or unlabelled.
    private static func concept(_ row: CSVRecord, file: String, seen: Set<String>, problems: inout [ESCOImportProblem]) -> String? {
        let uri = row["conceptUri"]!.escoTrimmed
        if uri.isEmpty {
            problems.append(ESCOImportProblem(file: file, line: row.line, column: "conceptUri", value: "", message: "conceptUri is blank"))
            return nil
        }
        if seen.contains(uri) {
            problems.append(ESCOImportProblem(file: file, line: row.line, column: "conceptUri", value: uri, message: "this conceptUri appears more than once"))
            return nil
        }
        if row["preferredLabel"]!.escoTrimmed.isEmpty {
            problems.append(ESCOImportProblem(file: file, line: row.line, column: "preferredLabel", value: uri, message: "preferredLabel is blank"))
            return nil
        }
        return uri
    }

    private static func describe(_ row: CSVRecord) -> String {
        for column in ["description", "definition", "scopeNote"] {
            if let text = row[column]?.escoTrimmed, !text.isEmpty { return text }
        }
        return ""
    }
}

public struct ESCOImportResult: Sendable {
    public var taxonomy: Taxonomy
    public var occupationCount: Int
    public var skillCount: Int
    /// Relations read, duplicates included.
    public var relationCount: Int
}

/// Every problem an ESCO import found.
public struct ESCOImportError: Error, Sendable, Hashable, CustomStringConvertible {
    public var problems: [ESCOImportProblem]

    public var description: String {
        "ESCO import failed with \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  " + $0.description }.joined(separator: "\n")
    }
}

public struct ESCOImportProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// The 1-based physical line, when the problem is in one record or the header.
    public var line: Int?
    public var column: String?
    public var value: String?
    public var message: String

    public init(file: String, line: Int?, column: String?, value: String?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.message = message
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += " [\(column)]" }
        text += ": \(message)"
        if let value, !value.isEmpty { text += " (\"\(value)\")" }
        return text
    }
}

private extension String {
    var escoTrimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
