import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import XCTest

/// The CSV formats of docs/import-formats.md, driven through `DataExchange` on the fixture database.
final class ImportExportTests: WebTestCase {
    private var db: any Database { t.app.db }

    private func importing(_ kind: ImportKind, _ text: String) async throws -> ImportSummary {
        try await DataExchange.importCSV(kind, text: text, on: db, now: WebFixture.today)
    }

    /// The problems an import reports, as (line, column); fails the test if the import succeeds.
    private func problems(_ kind: ImportKind, _ text: String, file: StaticString = #filePath, line: UInt = #line) async throws -> [ImportProblem] {
        do {
            let summary = try await importing(kind, text)
            XCTFail("expected the import to fail, but it imported \(summary.rows) rows", file: file, line: line)
            return []
        } catch let error as ImportError {
            XCTAssertEqual(error.kind, kind, file: file, line: line)
            return error.problems
        }
    }

    // Fixture records by name, so the tests do not depend on which `WebFixture` instance made the ids.
    private func organisation(_ name: String) async throws -> UUID {
        try await unwrapAsync(try await OrganisationModel.query(on: db).filter(\.$name == name).first()?.id)
    }

    private func employer(_ name: String) async throws -> UUID {
        try await unwrapAsync(try await EmployerModel.query(on: db).filter(\.$name == name).first()?.id)
    }

    private func client(_ reference: String) async throws -> ClientModel {
        try await unwrapAsync(try await ClientModel.query(on: db).filter(\.$reference == reference).first())
    }

    private func places(_ problems: [ImportProblem]) -> [String] {
        problems.map { "\($0.line):\($0.column ?? "-")" }
    }

    // MARK: Each kind imports

    func testAValidClientsFileAddsEveryClientWithConsentsAndReferences() async throws {
        let before = try await ClientModel.query(on: db).count()
        let summary = try await importing(.clients, """
            reference,given_name,family_name,date_of_birth,email,phone,postcode,ward_id,employment_status,referral_source,organisation,consent_organisations
            ,Cara,Imported,1991-04-02,Cara@Example.test,0121 496 0000,b6 4aa,\(f.wardA),unemployed,jobcentre,Jobcentre Plus Test,test college; Test Charity
            wm-import01,Dev,Imported,,,,B15 2TT,\(f.wardB),low-paid-work,self-referral,Test Charity,

            """)
        XCTAssertEqual(summary.kind, .clients)
        XCTAssertEqual(summary.rows, 2)
        XCTAssertEqual(summary.description, "Imported 2 clients.")
        let after = try await ClientModel.query(on: db).count()
        XCTAssertEqual(after, before + 2)

        let cara = try await unwrapAsync(try await ClientModel.query(on: db).filter(\.$givenName == "Cara").first())
        XCTAssertTrue(cara.reference.hasPrefix("WM-"), cara.reference)
        XCTAssertEqual(cara.reference.count, 11)
        XCTAssertEqual(cara.postcode, "B6 4AA")
        XCTAssertEqual(cara.email, "cara@example.test")
        XCTAssertEqual(cara.dateOfBirth, Date(isoDay: "1991-04-02"))
        XCTAssertEqual(cara.employmentStatus, .unemployed)
        let jobcentre = try await organisation("Jobcentre Plus Test")
        XCTAssertEqual(cara.organisationID, jobcentre)
        XCTAssertEqual(cara.registeredAt, WebFixture.today)
        let consents = try await ConsentModel.query(on: db).filter(\.$clientID == cara.id!).all()
        let partners: Set = [try await organisation("Test College"), try await organisation("Test Charity")]
        XCTAssertEqual(Set(consents.map(\.organisationID)), partners)

        let dev = try await unwrapAsync(try await ClientModel.query(on: db).filter(\.$givenName == "Dev").first())
        XCTAssertEqual(dev.reference, "WM-IMPORT01")
        XCTAssertNil(dev.dateOfBirth)
        XCTAssertEqual(dev.referralSource, .selfReferral)
        let devConsents = try await ConsentModel.query(on: db).filter(\.$clientID == dev.id!).count()
        XCTAssertEqual(devConsents, 0)
    }

    func testAValidEmployersFileCreatesTheirOrganisationsOrReusesOneByName() async throws {
        let organisationsBefore = try await OrganisationModel.query(on: db).count()
        let summary = try await importing(.employers, """
            name,sector,size,postcode,ward_id,organisation
            Brand New Bakery Ltd,hospitality,small,B7 4BB,\(f.wardA),
            Other Employer Logistics,logistics,large,b15 1ab,\(f.wardB),other employer ltd
            """)
        XCTAssertEqual(summary.rows, 2)
        let organisationsAfter = try await OrganisationModel.query(on: db).count()
        XCTAssertEqual(organisationsAfter, organisationsBefore + 1)

        let bakery = try await unwrapAsync(try await EmployerModel.query(on: db).filter(\.$name == "Brand New Bakery Ltd").first())
        XCTAssertEqual(bakery.sector, .hospitality)
        XCTAssertEqual(bakery.size, .small)
        let bakeryOrganisation = try await unwrapAsync(try await OrganisationModel.find(bakery.organisationID, on: db))
        XCTAssertEqual(bakeryOrganisation.name, "Brand New Bakery Ltd")
        XCTAssertEqual(bakeryOrganisation.kind, .employer)

        let logistics = try await unwrapAsync(try await EmployerModel.query(on: db).filter(\.$name == "Other Employer Logistics").first())
        let otherEmployerOrg = try await organisation("Other Employer Ltd")
        XCTAssertEqual(logistics.organisationID, otherEmployerOrg)
        XCTAssertEqual(logistics.postcode, "B15 1AB")
    }

    func testAValidVacanciesFilePrefillsBlankSkillsFromTheOccupation() async throws {
        let before = try await VacancyModel.query(on: db).count()
        let summary = try await importing(.vacancies, """
            employer,occupation_id,title,essential_skills,desirable_skills,minimum_qualification,needs_gcse_english,needs_gcse_maths,hours_per_week,hourly_pay,postcode,ward_id,openings,closing_date,status,minimum_age
            Test Engineering Ltd,O.WAREHOUSE_OPERATIVE,Night picker,,none,1,true,false,30,12.5,B7 5AA,\(f.wardA),2,2027-02-28,open,18
            other employer ltd,O.WAREHOUSE_OPERATIVE,Forklift lead,L.FORKLIFT:3;B.NUMERACY:basic,B.DIGITAL:2,2,no,yes,37,£14.05,B15 1AA,\(f.wardB),1,2027-03-31,draft,
            """)
        XCTAssertEqual(summary.rows, 2)
        let after = try await VacancyModel.query(on: db).count()
        XCTAssertEqual(after, before + 2)

        let warehouse = try XCTUnwrap(StarterTaxonomy.taxonomy.occupation("O.WAREHOUSE_OPERATIVE"))
        let picker = try await unwrapAsync(try await VacancyModel.query(on: db).filter(\.$title == "Night picker").first()).value
        let employerID = try await employer("Test Engineering Ltd")
        XCTAssertEqual(picker.employerID, employerID)
        XCTAssertEqual(picker.essential.map(\.skillID), warehouse.essentialSkills.map(\.skillID))
        XCTAssertEqual(picker.desirable, [])
        XCTAssertEqual(picker.hourlyPayPence, 1250)
        XCTAssertEqual(picker.minimumQualification, .level1)
        XCTAssertTrue(picker.needsGCSEEnglish)
        XCTAssertEqual(picker.minimumAge, 18)
        XCTAssertEqual(picker.closingDate, Date(isoDay: "2027-02-28"))

        let lead = try await unwrapAsync(try await VacancyModel.query(on: db).filter(\.$title == "Forklift lead").first()).value
        let otherEmployerID = try await employer("Other Employer Ltd")
        XCTAssertEqual(lead.employerID, otherEmployerID)
        XCTAssertEqual(lead.requirements, [
            SkillRequirement(skillID: "L.FORKLIFT", importance: .essential, minimumLevel: .proficient),
            SkillRequirement(skillID: "B.NUMERACY", importance: .essential, minimumLevel: .basic),
            SkillRequirement(skillID: "B.DIGITAL", importance: .desirable, minimumLevel: .working),
        ])
        XCTAssertEqual(lead.hourlyPayPence, 1405)
        XCTAssertFalse(lead.needsGCSEEnglish)
        XCTAssertTrue(lead.needsGCSEMaths)
        XCTAssertEqual(lead.status, .draft)
        XCTAssertEqual(lead.minimumAge, 16)
    }

    func testAValidProgrammesFileAddsProgrammesWithTheirCohorts() async throws {
        let summary = try await importing(.programmes, """
            provider,title,type,skills_taught,minimum_qualification,qualification_awarded,weeks,hours_per_week,postcode,ward_id,cost,barrier_support,guaranteed_interview,cohorts
            Test College,Forklift licence in a week,vocational,L.FORKLIFT:2;S.TEAMWORK:1,0,,1,30,B4 7AA,\(f.wardA),350.00,transport;childcare,true,2027-01-11:8;2027-02-08:10:3
            """)
        XCTAssertEqual(summary.rows, 1)
        let model = try await unwrapAsync(try await ProgrammeModel.query(on: db).filter(\.$title == "Forklift licence in a week").first())
        let providerID = try await unwrapAsync(try await ProviderModel.query(on: db).filter(\.$name == "Test College").first()?.id)
        XCTAssertEqual(model.providerID, providerID)
        XCTAssertEqual(model.type, .vocational)
        XCTAssertEqual(model.skillsTaught.items, [SkillTaught(skillID: "L.FORKLIFT", levelReached: .working), SkillTaught(skillID: "S.TEAMWORK", levelReached: .basic)])
        XCTAssertNil(model.qualificationAwarded)
        XCTAssertEqual(model.costPence, 35000)
        XCTAssertEqual(model.barrierSupport.items, [.transport, .childcare])
        XCTAssertTrue(model.guaranteedInterview)
        let cohorts = try await CohortModel.query(on: db).filter(\.$programmeID == model.id!).sort(\.$startsOn).all()
        XCTAssertEqual(cohorts.map(\.startsOn), [Date(isoDay: "2027-01-11")!, Date(isoDay: "2027-02-08")!])
        XCTAssertEqual(cohorts.map(\.capacity), [8, 10])
        XCTAssertEqual(cohorts.map(\.enrolled), [0, 3])
    }

    func testAreaStatisticsUpdateKnownWardsAndAddNewWardsAndAuthorities() async throws {
        let summary = try await importing(.areaStatistics, """
            ward_id,ward_name,local_authority_id,local_authority_name,latitude,longitude,is_target_ward,working_age_population,employed,looking_for_work,with_level2,with_degree
            \(f.wardA),Aston,\(f.laCode),Birmingham,52.5,-1.88,false,11000,6000,800,5000,1600
            E05099999,Bloxwich East,E08000030,Walsall,52.62,'-2.01,true,9000,5000,700,4000,900
            """)
        XCTAssertEqual(summary.description, "Imported 2 ward statistics rows.")
        let aston = try await unwrapAsync(try await WardModel.find(f.wardA, on: db)).value
        XCTAssertEqual(aston.name, "Aston")
        XCTAssertFalse(aston.isTargetWard)
        XCTAssertEqual(aston.statistics, AreaStatistics(workingAgePopulation: 11000, employed: 6000, lookingForWork: 800, withLevel2: 5000, withDegree: 1600))
        let bloxwich = try await unwrapAsync(try await WardModel.find("E05099999", on: db)).value
        XCTAssertEqual(bloxwich.localAuthorityID, "E08000030")
        XCTAssertEqual(bloxwich.centre, GeoPoint(latitude: 52.62, longitude: -2.01))
        let walsall = try await unwrapAsync(try await LocalAuthorityModel.find("E08000030", on: db)).value
        XCTAssertEqual(walsall.name, "Walsall")
        XCTAssertEqual(walsall.centre, GeoPoint(latitude: 52.62, longitude: -2.01))
    }

    // MARK: Bad files write nothing

    func testEveryBadRowIsReportedByLineAndColumnAndNothingIsWritten() async throws {
        let before = try await VacancyModel.query(on: db).count()
        let header = "employer,occupation_id,title,essential_skills,desirable_skills,minimum_qualification,needs_gcse_english,needs_gcse_maths,hours_per_week,hourly_pay,postcode,ward_id,openings,closing_date,status,minimum_age"
        let good = "Test Engineering Ltd,O.WAREHOUSE_OPERATIVE,Picker,,,0,false,false,37,12.50,B7 5AA,\(f.wardA),1,2027-02-28,open,16"
        let found = try await problems(.vacancies, [
            header,                                                          // line 1
            good,                                                            // line 2
            good.replacingOccurrences(of: "B7 5AA", with: "NOT A POSTCODE"), // line 3
            good.replacingOccurrences(of: "Picker", with: "Packer"),         // line 4
            good.replacingOccurrences(of: f.wardA, with: "E05000000"),       // line 5
            good.replacingOccurrences(of: ",,,0,", with: ",L.FORKLIFT:5,,0,"), // line 6
        ].joined(separator: "\n"))

        XCTAssertEqual(places(found), ["3:postcode", "5:ward_id", "6:essential_skills"])
        XCTAssertEqual(found[0].description, "line 3, column postcode: Enter a real postcode, like B1 1AA")
        XCTAssertTrue(found[1].reason.contains("E05000000"), found[1].reason)
        XCTAssertTrue(found[2].reason.contains("1 to 4"), found[2].reason)
        let after = try await VacancyModel.query(on: db).count()
        XCTAssertEqual(after, before, "a file with bad rows must write nothing, not even its good rows")
    }

    func testDuplicateAndUnknownReferencesAreReportedAndNothingIsWritten() async throws {
        let before = try await ClientModel.query(on: db).count()
        let consentsBefore = try await ConsentModel.query(on: db).count()
        let found = try await problems(.clients, """
            reference,given_name,family_name,date_of_birth,postcode,ward_id,employment_status,referral_source,organisation,consent_organisations
            WM-NEW00001,Ann,One,,B1 1AA,\(f.wardA),unemployed,jobcentre,Jobcentre Plus Test,Test College
            wm-testaaaa,Ben,Two,,B1 1AA,\(f.wardA),unemployed,jobcentre,Jobcentre Plus Test,
            WM-NEW00001,Cat,Three,,B1 1AA,\(f.wardA),unemployed,jobcentre,Nowhere Council,
            ,Dan,Four,2015-01-01,B1 1AA,\(f.wardA),retired,jobcentre,Test Engineering Ltd,Nowhere Council
            """)
        XCTAssertEqual(places(found), [
            "3:reference", "4:reference", "4:organisation", "5:date_of_birth", "5:employment_status", "5:organisation",
            "5:consent_organisations",
        ])
        XCTAssertTrue(found[0].reason.contains("already in the database"), found[0].reason)
        XCTAssertTrue(found[1].reason.contains("line 2"), found[1].reason)
        XCTAssertTrue(found[5].reason.contains("employer"), found[5].reason)
        let after = try await ClientModel.query(on: db).count()
        XCTAssertEqual(after, before)
        let consentsAfter = try await ConsentModel.query(on: db).count()
        XCTAssertEqual(consentsAfter, consentsBefore)
    }

    func testAnEmployerAlreadyInTheDatabaseIsRefused() async throws {
        let organisationsBefore = try await OrganisationModel.query(on: db).count()
        let found = try await problems(.employers, """
            name,sector,size,postcode,ward_id
            Brand New Bakery Ltd,hospitality,small,B7 4BB,\(f.wardA)
            TEST ENGINEERING LTD,logistics,giant,B7 4BB,\(f.wardA)
            """)
        XCTAssertEqual(places(found), ["3:name", "3:size"])
        let organisationsAfter = try await OrganisationModel.query(on: db).count()
        XCTAssertEqual(organisationsAfter, organisationsBefore, "the new organisation of line 2 must not be created either")
    }

    func testAMissingRequiredColumnAndAnUnknownColumnAreReportedOnTheHeaderLine() async throws {
        let before = try await ClientModel.query(on: db).count()
        let found = try await problems(.clients, """
            given_name,family_name,postcode,employment_status,referral_source,organisation,date_of_brith
            Ann,One,B1 1AA,unemployed,jobcentre,Jobcentre Plus Test,1990-01-01
            """)
        XCTAssertEqual(places(found), ["1:ward_id", "1:date_of_brith"])
        XCTAssertTrue(found[0].reason.contains("missing"), found[0].reason)
        let after = try await ClientModel.query(on: db).count()
        XCTAssertEqual(after, before)
    }

    func testAFileThatIsNotValidCSVNamesTheLine() async throws {
        let found = try await problems(.employers, "name,sector,size,postcode,ward_id\nA,retail,small,B1 1AA,\(f.wardA)\n\"Unclosed,retail,small,B1 1AA,\(f.wardA)\n")
        XCTAssertEqual(places(found), ["3:-"])
        XCTAssertTrue(found[0].description.hasPrefix("line 3: a quoted field"), found[0].description)
    }

    // MARK: Export

    func testExportThenImportIntoAnEmptyDatabaseGivesTheSameRows() async throws {
        // A phone starting with "+" and negative longitudes exercise the formula guard on the way back in.
        let client = try await self.client("WM-TESTAAAA")
        client.phone = "+44 7700 900123"
        try await client.save(on: db)

        var exports: [ImportKind: String] = [:]
        for kind in ImportKind.allCases { exports[kind] = try await DataExchange.exportCSV(kind, on: db) }
        XCTAssertTrue(exports[.clients]!.contains("'+44 7700 900123"))
        XCTAssertTrue(exports[.programmes]!.contains("2026-12-01:12:2"))
        XCTAssertEqual(exports[.vacancies]!.split(separator: "\r\n").count, 3)

        // Keep the reference data (wards, organisations, providers, taxonomy); empty what the files fill.
        try await ConsentModel.query(on: db).delete()
        try await AssessmentModel.query(on: db).delete()
        try await ClientModel.query(on: db).delete()
        try await CohortModel.query(on: db).delete()
        try await ProgrammeModel.query(on: db).delete()
        try await VacancyModel.query(on: db).delete()
        try await EmployerModel.query(on: db).delete()
        let ward = try await unwrapAsync(try await WardModel.find(f.wardB, on: db))
        ward.employed = 1
        try await ward.save(on: db)
        for kind in ImportKind.allCases {
            let emptied = try await DataExchange.exportCSV(kind, on: db)
            XCTAssertNotEqual(emptied, exports[kind], "\(kind) should differ once emptied")
        }

        for kind in [ImportKind.areaStatistics, .employers, .vacancies, .clients, .programmes] {
            _ = try await importing(kind, exports[kind]!)
        }
        for kind in ImportKind.allCases {
            let again = try await DataExchange.exportCSV(kind, on: db)
            XCTAssertEqual(again, exports[kind], "\(kind) changed on the round trip")
        }
        let reimported = try await ClientModel.query(on: db).filter(\.$reference == "WM-TESTAAAA").first()
        XCTAssertEqual(reimported?.phone, "+44 7700 900123")
        let programme = try await unwrapAsync(try await ProgrammeModel.query(on: db).first())
        let employer = try await unwrapAsync(try await EmployerModel.query(on: db).filter(\.$name == "Test Engineering Ltd").first())
        XCTAssertEqual(programme.coDesigningEmployerIDs.items, [employer.id!])
    }

    func testExportNeutralisesACellThatStartsWithAFormula() async throws {
        let client = try await self.client("WM-TESTBBBB")
        client.familyName = "=HYPERLINK(\"http://evil.test\",\"click\")"
        try await client.save(on: db)
        let csv = try await DataExchange.exportCSV(.clients, on: db)
        let row = try XCTUnwrap(csv.split(separator: "\r\n").first { $0.hasPrefix("WM-TESTBBBB,") })
        XCTAssertTrue(row.hasPrefix(#"WM-TESTBBBB,Bo,"'=HYPERLINK(""http://evil.test"",""click"")","#), String(row))
        XCTAssertFalse(row.contains(",=HYPERLINK"))
    }

    func testExportWritesTheDocumentedHeader() async throws {
        let csv = try await DataExchange.exportCSV(.clients, on: db)
        XCTAssertTrue(csv.hasPrefix(
            "reference,given_name,family_name,date_of_birth,email,phone,postcode,ward_id,employment_status,referral_source,organisation,consent_organisations,registered_on\r\n"))
        XCTAssertTrue(csv.contains("WM-TESTAAAA,Ada,Testperson,1990-05-01,ada@example.test,,B6 4AA,\(f.wardA),unemployed,jobcentre,Jobcentre Plus Test,Test College,2026-09-01\r\n"))
    }
}

/// `XCTUnwrap` for a value an `await` produces.
private func unwrapAsync<T>(_ expression: @autoclosure () async throws -> T?, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
    let value = try await expression()
    return try XCTUnwrap(value, file: file, line: line)
}
