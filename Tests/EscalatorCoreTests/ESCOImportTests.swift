import XCTest
@testable import EscalatorCore

/// A tiny ESCO v1.x download: three occupations, eight skills and their relations, with the published
/// headers and multi-line alternative labels as ESCO writes them. Labels are ESCO-style; the concept
/// URIs are invented for the fixture.
enum CSVFixtureESCO {
    static let occupationPrefix = "http://data.europa.eu/esco/occupation/"
    static let skillPrefix = "http://data.europa.eu/esco/skill/"
    static let warehouse = occupationPrefix + "5b1c7b3e-0000-4000-8000-000000000001"
    static let homeCare = occupationPrefix + "5b1c7b3e-0000-4000-8000-000000000002"
    static let welder = occupationPrefix + "5b1c7b3e-0000-4000-8000-000000000003"
    static func skill(_ n: Int) -> String { skillPrefix + "9a7e51d2-0000-4000-8000-00000000000\(n)" }

    static let occupations = """
    conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code
    Occupation,\(warehouse),9333,warehouse worker,"warehouse operative
    picker packer
    warehouse assistant",,released,2023-12-19T10:34:55.412Z,http://data.europa.eu/esco/regulated-professions/unregulated,,,"http://data.europa.eu/esco/concept-scheme/occupations, http://data.europa.eu/esco/concept-scheme/member-occupations","Warehouse workers receive, store, pick and dispatch goods.",9333.2
    Occupation,\(homeCare),5322,home care aide,"home carer
    domiciliary care worker",,released,2023-12-20T09:12:01.000Z,http://data.europa.eu/esco/regulated-professions/unregulated,,,http://data.europa.eu/esco/concept-scheme/occupations,"Home care aides support people who need help to live at home: personal care, meals and company.",5322.1
    Occupation,\(welder),7212,welder,welding operative,,released,2023-11-02T14:00:00.000Z,http://data.europa.eu/esco/regulated-professions/unregulated,,,http://data.europa.eu/esco/concept-scheme/occupations,"Welders join metal parts using heat, pressure and filler metal.",7212.1

    """

    static let skills = """
    conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description
    KnowledgeSkillCompetence,\(skill(1)),skill/competence,sector-specific,pack goods,"package goods
    pack products",,released,2023-10-01T00:00:00Z,,,http://data.europa.eu/esco/concept-scheme/skills,"Pack goods for dispatch, choosing suitable packaging."
    KnowledgeSkillCompetence,\(skill(2)),skill/competence,occupation-specific,operate forklift,drive forklift truck,,released,2023-10-01T00:00:00Z,,,http://data.europa.eu/esco/concept-scheme/skills,Operate a forklift to lift and move loads.
    KnowledgeSkillCompetence,\(skill(3)),knowledge,sector-specific,inventory management rules,,,released,2023-10-01T00:00:00Z,,,http://data.europa.eu/esco/concept-scheme/skills,The principles used to keep the right stock levels.
    KnowledgeSkillCompetence,\(skill(4)),skill/competence,occupation-specific,assist clients with personal care,,,released,2023-10-01T00:00:00Z,,,http://data.europa.eu/esco/concept-scheme/skills,"Help clients wash, dress and eat, respecting their dignity."
    KnowledgeSkillCompetence,\(skill(5)),knowledge,cross-sector,health and safety regulations,"H&S regulations
    occupational safety rules",,released,2023-10-01T00:00:00Z,,,http://data.europa.eu/esco/concept-scheme/skills,"The rules on health, safety and hygiene at work."
    KnowledgeSkillCompetence,\(skill(6)),skill/competence,occupation-specific,use MIG welding techniques,MIG welding,,released,2023-10-01T00:00:00Z,,,http://data.europa.eu/esco/concept-scheme/skills,Weld metal with metal inert gas welding.
    KnowledgeSkillCompetence,\(skill(7)),skill/competence,cross-sector,read standard blueprints,read drawings,,released,2023-10-01T00:00:00Z,,,http://data.europa.eu/esco/concept-scheme/skills,"Read and understand standard blueprints, machine and process drawings."
    KnowledgeSkillCompetence,\(skill(8)),skill/competence,sector-specific,communicate with social service users,,,released,2023-10-01T00:00:00Z,,,http://data.europa.eu/esco/concept-scheme/skills,Talk with service users in a way that respects their needs.

    """

    static let relations = """
    occupationUri,relationType,skillType,skillUri
    \(warehouse),essential,skill/competence,\(skill(1))
    \(warehouse),essential,knowledge,\(skill(3))
    \(warehouse),essential,knowledge,\(skill(5))
    \(warehouse),optional,skill/competence,\(skill(2))
    \(homeCare),essential,skill/competence,\(skill(4))
    \(homeCare),essential,skill/competence,\(skill(8))
    \(homeCare),optional,knowledge,\(skill(5))
    \(welder),essential,skill/competence,\(skill(6))
    \(welder),essential,skill/competence,\(skill(7))
    \(welder),essential,knowledge,\(skill(5))

    """
}

final class ESCOImportTests: XCTestCase {
    private typealias F = CSVFixtureESCO

    private func problems(occupations: String = F.occupations, skills: String = F.skills, relations: String = F.relations) -> [ESCOImportProblem] {
        do {
            _ = try ESCOImport.taxonomy(occupationsCSV: occupations, skillsCSV: skills, relationsCSV: relations)
            XCTFail("expected the import to fail")
            return []
        } catch {
            return error.problems
        }
    }

    func testImportsOccupationsSkillsAndRelations() throws {
        let result = try ESCOImport.taxonomy(occupationsCSV: F.occupations, skillsCSV: F.skills, relationsCSV: F.relations)
        XCTAssertEqual(result.occupationCount, 3)
        XCTAssertEqual(result.skillCount, 8)
        XCTAssertEqual(result.relationCount, 10)

        let taxonomy = result.taxonomy
        let warehouse = try XCTUnwrap(taxonomy.occupation(F.warehouse))
        XCTAssertEqual(warehouse.name, "warehouse worker")
        XCTAssertNil(warehouse.socCode)
        XCTAssertEqual(warehouse.essentialSkills.map(\.skillID), [F.skill(1), F.skill(3), F.skill(5)])
        XCTAssertEqual(warehouse.optionalSkills.map(\.skillID), [F.skill(2)])
        XCTAssertTrue((warehouse.essentialSkills + warehouse.optionalSkills).allSatisfy { $0.level == .working })
        XCTAssertTrue(warehouse.description.contains("receive, store, pick and dispatch"))
        XCTAssertTrue(warehouse.description.contains("ISCO-08 group 9333"))

        XCTAssertEqual(taxonomy.occupation(F.homeCare)?.optionalSkills.map(\.skillID), [F.skill(5)])
        XCTAssertEqual(taxonomy.skill(F.skill(5))?.name, "health and safety regulations")
        XCTAssertEqual(taxonomy.skill(F.skill(3))?.kind, .occupational, "knowledge becomes an occupational skill")
        XCTAssertEqual(taxonomy.skill(F.skill(1))?.kind, .occupational)
    }

    func testFindsColumnsByNameNotPosition() throws {
        let reordered = F.relations.split(separator: "\n").map { line -> String in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return [f[3], "label", f[0], f[1]].joined(separator: ",")
        }.joined(separator: "\n")
        let result = try ESCOImport.taxonomy(occupationsCSV: F.occupations, skillsCSV: F.skills, relationsCSV: reordered)
        XCTAssertEqual(result.taxonomy.occupation(F.welder)?.essentialSkills.map(\.skillID), [F.skill(6), F.skill(7), F.skill(5)])
    }

    func testMissingRequiredColumnsAreAllReportedWithFileAndColumn() {
        let skills = F.skills.replacingOccurrences(of: ",preferredLabel,", with: ",label,")
        let relations = F.relations.replacingOccurrences(of: "occupationUri,", with: "occupation,")
        let found = problems(skills: skills, relations: relations)
        XCTAssertEqual(found.map(\.file), [ESCOImport.skillsFile, ESCOImport.relationsFile])
        XCTAssertEqual(found.map(\.column), ["preferredLabel", "occupationUri"])
        XCTAssertEqual(found.map(\.line), [1, 1])
    }

    func testUnknownOccupationsAndSkillsInRelationsAreAllReported() {
        let relations = F.relations
            + "\(F.occupationPrefix)not-in-the-file,essential,knowledge,\(F.skill(5))\n"
            + "\(F.welder),optional,skill/competence,\(F.skillPrefix)missing-skill\n"
        let found = problems(relations: relations)
        XCTAssertEqual(found.count, 2)
        XCTAssertEqual(found[0], ESCOImportProblem(
            file: ESCOImport.relationsFile, line: 12, column: "occupationUri", value: "\(F.occupationPrefix)not-in-the-file",
            message: "no occupation with this URI in occupations_en.csv"))
        XCTAssertEqual(found[1].line, 13)
        XCTAssertEqual(found[1].column, "skillUri")
        XCTAssertEqual(found[1].value, "\(F.skillPrefix)missing-skill")
    }

    func testUnknownRelationTypeIsReported() {
        let relations = F.relations.replacingOccurrences(of: "\(F.welder),essential,knowledge", with: "\(F.welder),required,knowledge")
        let found = problems(relations: relations)
        XCTAssertEqual(found.map(\.column), ["relationType"])
        XCTAssertEqual(found.first?.value, "required")
        XCTAssertEqual(found.first?.line, 11)
    }

    func testBlankAndRepeatedConceptURIsAreReportedWithPhysicalLines() {
        // Lines 2-4 and 5-6 hold multi-line records, so the welder is on line 7 and the additions on 8 and 9.
        let occupations = F.occupations
            + "Occupation,,1111,nameless,,,released,,,,,,,\n"
            + "Occupation,\(F.welder),7212,welder again,,,released,,,,,,,\n"
        let found = problems(occupations: occupations)
        XCTAssertEqual(found.map(\.line), [8, 9])
        XCTAssertEqual(found.map(\.message), ["conceptUri is blank", "this conceptUri appears more than once"])
        XCTAssertTrue(found.allSatisfy { $0.file == ESCOImport.occupationsFile })
    }

    func testMalformedCSVIsReportedWithItsFileAndLine() {
        let skills = F.skills + "KnowledgeSkillCompetence,\(F.skill(9)),knowledge,cross-sector,\"unclosed,,,,,,,,\n"
        let found = problems(skills: skills)
        XCTAssertEqual(found.count, 1, "relations are not checked against a skills file that could not be read")
        XCTAssertEqual(found.first?.file, ESCOImport.skillsFile)
        XCTAssertEqual(found.first?.line, 12, "skills 1 and 5 span two lines each, so the new record is on line 12")
        XCTAssertTrue(found.first?.message.contains("never closed") ?? false)
    }

    func testErrorDescriptionListsEveryProblem() {
        let relations = F.relations + "x,essential,knowledge,y\n"
        do {
            _ = try ESCOImport.taxonomy(occupationsCSV: F.occupations, skillsCSV: F.skills, relationsCSV: relations)
            XCTFail("expected the import to fail")
        } catch {
            XCTAssertEqual(error.problems.count, 2)
            XCTAssertTrue(error.description.contains("2 problems"))
            XCTAssertTrue(error.description.contains("occupationSkillRelations_en.csv:12 [occupationUri]"))
            XCTAssertTrue(error.description.contains("occupationSkillRelations_en.csv:12 [skillUri]"))
        }
    }

    func testRepeatedRelationsAreMergedNotDuplicated() throws {
        let relations = F.relations + "\(F.welder),essential,knowledge,\(F.skill(5))\n"
        let result = try ESCOImport.taxonomy(occupationsCSV: F.occupations, skillsCSV: F.skills, relationsCSV: relations)
        XCTAssertEqual(result.taxonomy.occupation(F.welder)?.essentialSkills.count, 3)
        XCTAssertEqual(result.relationCount, 11)
    }
}
