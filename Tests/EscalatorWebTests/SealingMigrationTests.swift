import EscalatorCore
import EscalatorPersistence
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor
import XCTest

/// A database written before special-category columns were sealed (an existing demo database) is
/// upgraded in place: M011 seals its assessments' barriers and notes and drops the plain columns.
final class SealingMigrationTests: XCTestCase {
    /// An assessment row as the app wrote it before M011, with barriers and notes in plain columns.
    final class PlainAssessment: Model, @unchecked Sendable {
        static let schema = "assessments"
        @ID(key: .id) var id: UUID?
        @Field(key: "client_id") var clientID: UUID
        @Field(key: "assessed_on") var assessedOn: Date
        @Field(key: "skills") var skills: JSONList<SkillHolding>
        @Field(key: "highest_qualification") var highestQualification: RQFLevel
        @Field(key: "gcse_english") var gcseEnglish: Bool
        @Field(key: "gcse_maths") var gcseMaths: Bool
        @Field(key: "barriers") var barriers: JSONList<Barrier>
        @Field(key: "aspirations") var aspirations: JSONList<String>
        @Field(key: "min_hours") var minHours: Int
        @Field(key: "max_hours") var maxHours: Int
        @Field(key: "max_travel_km") var maxTravelKm: Double
        @Field(key: "travel_modes") var travelModes: JSONList<TravelMode>
        @Field(key: "notes") var notes: String
        @Field(key: "distance_from_work") var distanceFromWork: Int

        init() {}

        init(id: UUID, clientID: UUID, barriers: [Barrier], notes: String) {
            self.id = id
            self.clientID = clientID
            assessedOn = Date(isoDay: "2026-06-01")!
            skills = JSONList([SkillHolding(skillID: "B.LITERACY", level: .working, evidence: .selfDeclared)])
            highestQualification = .level1
            gcseEnglish = true
            gcseMaths = false
            self.barriers = JSONList(barriers)
            aspirations = JSONList([])
            minHours = 16
            maxHours = 30
            maxTravelKm = 10
            travelModes = JSONList([.walk])
            self.notes = notes
            distanceFromWork = 40
        }
    }

    /// A client row as M003 created it, without the columns later migrations add.
    final class PlainClient: Model, @unchecked Sendable {
        static let schema = "clients"
        @ID(key: .id) var id: UUID?
        @Field(key: "reference") var reference: String
        @Field(key: "given_name") var givenName: String
        @Field(key: "family_name") var familyName: String
        @Field(key: "postcode") var postcode: String
        @Field(key: "ward_id") var wardID: String
        @Field(key: "employment_status") var employmentStatus: EmploymentStatus
        @Field(key: "referral_source") var referralSource: ReferralSource
        @Field(key: "organisation_id") var organisationID: UUID
        @Field(key: "registered_at") var registeredAt: Date

        init() {}

        init(id: UUID, organisationID: UUID, wardID: String) {
            self.id = id
            reference = "WM-OLDAAAAA"
            givenName = "Old"
            familyName = "Record"
            postcode = "B6 4AA"
            self.wardID = wardID
            employmentStatus = .unemployed
            referralSource = .jobcentre
            self.organisationID = organisationID
            registeredAt = Date(isoDay: "2026-05-01")!
        }
    }

    func testExistingPlainAssessmentsAreSealedInPlace() async throws {
        let key = DataKey.generate()
        let location: DatabaseLocation = if let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty {
            .postgres(url: url)
        } else {
            .sqliteInMemory
        }
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            app.databases.use(try location.configuration(), as: location.isPostgres ? .psql : .sqlite)
            let sql = app.db as! any SQLDatabase
            if location.isPostgres {
                try await sql.raw("DROP SCHEMA public CASCADE").run()
                try await sql.raw("CREATE SCHEMA public").run()
            }
            let migrations = EscalatorMigrations.all(dataKey: key)
            let sealing = try XCTUnwrap(migrations.firstIndex { $0.name.hasSuffix("M011_SealSpecialCategoryData") })
            app.migrations.add(Array(migrations[..<sealing]))
            try await app.autoMigrate()

            let organisation = UUID(), clientID = UUID(), withBarriers = UUID(), withNone = UUID()
            try await OrganisationModel(Organisation(id: organisation, name: "Old Jobcentre", kind: .jobcentre)).create(on: app.db)
            try await LocalAuthorityModel(LocalAuthority(id: "E08000025", name: "Birmingham", centre: GeoPoint(latitude: 52.48, longitude: -1.89))).create(on: app.db)
            try await WardModel(Ward(id: "E05011111", name: "Aston", localAuthorityID: "E08000025", centre: GeoPoint(latitude: 52.5, longitude: -1.88),
                                     isTargetWard: true, statistics: AreaStatistics(workingAgePopulation: 100, employed: 50, lookingForWork: 9,
                                                                                    withLevel2: 40, withDegree: 10))).create(on: app.db)
            try await PlainClient(id: clientID, organisationID: organisation, wardID: "E05011111").create(on: app.db)
            let barriers = [Barrier(kind: .convictions, severity: .high), Barrier(kind: .disability, severity: .low)]
            try await PlainAssessment(id: withBarriers, clientID: clientID, barriers: barriers, notes: "Written before sealing, XYZZY").create(on: app.db)
            try await PlainAssessment(id: withNone, clientID: clientID, barriers: [], notes: "").create(on: app.db)

            app.migrations.add(Array(migrations[sealing...]))
            try await app.autoMigrate()

            let rows = try await sql.select().column("*").from(AssessmentModel.schema).all()
            XCTAssertEqual(rows.count, 2)
            for row in rows {
                XCTAssertFalse(row.contains(column: "barriers") || row.contains(column: "notes"), "the plain columns are dropped")
                for column in row.allColumns {
                    guard let text = try? row.decode(column: column, as: String.self) else { continue }
                    XCTAssertFalse(text.contains("convictions") || text.contains("XYZZY"), "plain text left in \(column)")
                }
                XCTAssertTrue(try row.decode(column: AssessmentModel.barriersColumn, as: String.self).hasPrefix("v1:"))
                XCTAssertTrue(try row.decode(column: AssessmentModel.notesColumn, as: String.self).hasPrefix("v1:"))
            }
            let cipher = ColumnCipher(key)
            let sealed = try await AssessmentModel.find(withBarriers, on: app.db)!.value(cipher)
            XCTAssertEqual(sealed.barriers, barriers)
            XCTAssertEqual(sealed.notes, "Written before sealing, XYZZY")
            XCTAssertEqual(sealed.skills.map(\.skillID), ["B.LITERACY"], "the rest of the row is untouched")
            let empty = try await AssessmentModel.find(withNone, on: app.db)!.value(cipher)
            XCTAssertEqual(empty.barriers, [])
            XCTAssertEqual(empty.notes, "")
            let stored = try await AssessmentModel.find(withBarriers, on: app.db)!
            XCTAssertThrowsError(try stored.value(ColumnCipher(DataKey.generate())), "sealed under the installation's key only")
            let client = try await ClientModel.find(clientID, on: app.db)!
            XCTAssertNil(client.sealedEqualityMonitoring, "the new column starts empty")
            XCTAssertNil(try client.value(cipher).equalityMonitoring)
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
