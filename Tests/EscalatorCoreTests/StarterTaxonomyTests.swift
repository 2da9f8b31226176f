import XCTest
@testable import EscalatorCore

final class StarterTaxonomyTests: XCTestCase {
    private let taxonomy = StarterTaxonomy.taxonomy

    func testEveryOccupationSkillExists() {
        for occupation in taxonomy.sortedOccupations {
            for skill in occupation.essentialSkills + occupation.optionalSkills {
                XCTAssertNotNil(taxonomy.skill(skill.skillID), "\(occupation.id) names unknown skill \(skill.skillID)")
            }
        }
    }

    func testBasicSkillsAndLicencesHaveTheirExactIDsAndKinds() {
        for id in ["B.LITERACY", "B.NUMERACY", "B.DIGITAL", "B.ESOL"] {
            XCTAssertEqual(taxonomy.skill(id)?.kind, .basic, id)
        }
        for id in ["L.CSCS", "L.FORKLIFT", "L.SIA", "L.DBS", "L.DRIVING", "L.FOOD_HYGIENE", "L.FIRST_AID", "L.HGV"] {
            XCTAssertEqual(taxonomy.skill(id)?.kind, .licence, id)
        }
        XCTAssertEqual(taxonomy.basicSkills.map(\.id).sorted(), StarterTaxonomy.basicSkillIDs.sorted())
        XCTAssertEqual(taxonomy.licences.map(\.id).sorted(), StarterTaxonomy.licenceIDs.sorted())
    }

    func testIDPrefixesMatchKinds() {
        for skill in taxonomy.sortedSkills {
            let expected: Skill.Kind = skill.id.hasPrefix("B.") ? .basic : skill.id.hasPrefix("L.") ? .licence : .occupational
            XCTAssertEqual(skill.kind, expected, skill.id)
            XCTAssertTrue(skill.id.hasPrefix("S.") || skill.kind != .occupational, skill.id)
            XCTAssertFalse(skill.name.isEmpty)
            XCTAssertFalse(skill.description.isEmpty, skill.id)
        }
        XCTAssertTrue(taxonomy.occupations.keys.allSatisfy { $0.hasPrefix("O.") })
    }

    func testSizes() {
        let occupational = taxonomy.skills.values.filter { $0.kind == .occupational }.count
        XCTAssertTrue((60...90).contains(occupational), "\(occupational) occupational skills")
        XCTAssertTrue((35...45).contains(taxonomy.occupations.count), "\(taxonomy.occupations.count) occupations")
        XCTAssertEqual(StarterTaxonomy.skills.count, taxonomy.skills.count, "no id is used twice")
    }

    func testEveryOccupationIsWellFormed() {
        for occupation in taxonomy.sortedOccupations {
            XCTAssertTrue((3...7).contains(occupation.essentialSkills.count), "\(occupation.id) essentials")
            XCTAssertTrue((1...4).contains(occupation.optionalSkills.count), "\(occupation.id) optionals")
            XCTAssertNotNil(occupation.sector, occupation.id)
            XCTAssertFalse(occupation.description.isEmpty, occupation.id)
            let ids = (occupation.essentialSkills + occupation.optionalSkills).map(\.skillID)
            XCTAssertEqual(Set(ids).count, ids.count, "\(occupation.id) lists a skill twice")
            if let soc = occupation.socCode {
                XCTAssertTrue(soc.count == 4 && soc.allSatisfy(\.isNumber), "\(occupation.id) SOC \(soc)")
            }
        }
    }

    func testEveryOccupationalSkillIsUsedBySomeOccupation() {
        let used = Set(taxonomy.occupations.values.flatMap { ($0.essentialSkills + $0.optionalSkills).map(\.skillID) })
        for skill in taxonomy.sortedSkills where skill.kind == .occupational {
            XCTAssertTrue(used.contains(skill.id), "\(skill.id) is not used")
        }
    }

    func testEveryMainSectorHasEntryLevelAndHigherLevelWork() {
        let main: [Sector] = [.advancedManufacturing, .logistics, .construction, .healthAndSocialCare, .hospitality, .retail, .businessServices]
        for sector in main {
            let levels = taxonomy.occupations.values.filter { $0.sector == sector }.map(\.typicalQualification)
            XCTAssertTrue(levels.contains { $0 <= .level1 }, "\(sector) has no entry-level occupation")
            XCTAssertTrue(levels.contains { $0 >= .level2 }, "\(sector) has no higher-level occupation")
        }
        XCTAssertTrue(taxonomy.occupations.values.contains { $0.sector == .digital && $0.typicalQualification >= .level4 })
    }

    func testNamedPathwaysClimbInQualification() throws {
        let pathways = [
            ["O.CARE_ASSISTANT", "O.SENIOR_CARE_WORKER", "O.NURSING_ASSOCIATE"],
            ["O.WAREHOUSE_OPERATIVE", "O.FORKLIFT_DRIVER", "O.WAREHOUSE_TEAM_LEADER"],
            ["O.CONSTRUCTION_LABOURER", "O.BRICKLAYER"],
            ["O.CONSTRUCTION_LABOURER", "O.ELECTRICIAN"],
            ["O.KITCHEN_PORTER", "O.COMMIS_CHEF", "O.CHEF_DE_PARTIE"],
            ["O.RETAIL_ASSISTANT", "O.RETAIL_SUPERVISOR"],
            ["O.ADMIN_ASSISTANT", "O.ACCOUNTS_ASSISTANT", "O.ACCOUNTING_TECHNICIAN"],
            ["O.IT_SUPPORT_TECHNICIAN", "O.SOFTWARE_DEVELOPER"],
            ["O.CNC_OPERATOR", "O.MAINTENANCE_ENGINEER"],
        ]
        for pathway in pathways {
            let levels = try pathway.map { try XCTUnwrap(taxonomy.occupation($0), $0).typicalQualification }
            XCTAssertEqual(levels, levels.sorted(), "\(pathway)")
            XCTAssertLessThan(levels.first!, levels.last!, "\(pathway)")
        }
        XCTAssertNotNil(taxonomy.occupation("O.HGV_DRIVER"))
        XCTAssertEqual(taxonomy.occupation("O.HGV_DRIVER")?.essentialSkills.map(\.skillID).contains("L.HGV"), true)
    }

    func testKnownSOCCodes() {
        XCTAssertEqual(taxonomy.occupation("O.WAREHOUSE_OPERATIVE")?.socCode, "9252")
        XCTAssertEqual(taxonomy.occupation("O.CARE_ASSISTANT")?.socCode, "6135")
        XCTAssertEqual(taxonomy.occupation("O.COMMIS_CHEF")?.socCode, "5434")
        XCTAssertNil(taxonomy.occupation("O.WAREHOUSE_TEAM_LEADER")?.socCode)
    }

    func testVacancyScopingPrefillsFromStarterOccupations() throws {
        let welder = try XCTUnwrap(taxonomy.occupation("O.WELDER"))
        let requirements = VacancyScoping.prefilledRequirements(for: welder)
        XCTAssertEqual(requirements.filter { $0.importance == .essential }.count, welder.essentialSkills.count)
        XCTAssertEqual(requirements.filter { $0.importance == .desirable }.count, welder.optionalSkills.count)
    }
}
