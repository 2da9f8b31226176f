import Crypto
import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import FluentSQL
import XCTest

/// Answers worked out outside this code base (Python's hmac, hashlib and `cryptography`, RFC 5869 HKDF), written
/// out here, so that a change to what the audit hash covers, to the key derivation or to where a column is sealed
/// fails a test even if the code still agrees with itself.
final class FixedAnswerTests: XCTestCase {
    /// 32 bytes 0x00 to 0x1f.
    private let dataKey = DataKey(base64: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")!

    private func hex(_ key: SymmetricKey) -> String {
        key.withUnsafeBytes { Data($0).map { String(format: "%02x", $0) }.joined() }
    }

    func testSubkeysAreHKDFSHA256WithTheSaltEscalatorAndThePurposeAsInfo() {
        XCTAssertEqual(hex(dataKey.subkey("audit-chain")), "d4d8c6eff498ad5bc20b837c28702eea27121c41d5cce41650d18b5fb454057a")
        XCTAssertEqual(hex(dataKey.subkey("sealed-columns")), "fd2fb255e9f35d9ba8d8536bdd103c791419ad8f85260d3f9a465921b12b59ab")
        XCTAssertEqual(hex(dataKey.subkey("pseudonyms")), "7c1040c9872c38eae593578fde82f30739ba0692e17221fdf76673a7681982b3")
    }

    private let entry = AuditEntry(
        sequence: 7, at: Date(timeIntervalSince1970: 1_764_806_400.123),
        userID: UUID(uuidString: "0a1b2c3d-0000-4000-8000-000000000001"), userName: "Test Adviser", role: "adviser",
        organisationID: UUID(uuidString: "0a1b2c3d-0000-4000-8000-000000000002"), organisationName: "Jobcentre Plus Test",
        action: "read", object: "client record", clientID: UUID(uuidString: "0a1b2c3d-0000-4000-8000-000000000003")!,
        purpose: "case-management", channel: "api", previousHash: String(repeating: "a", count: 64), hash: "")

    func testTheAuditRowsCanonicalTextAndHMACAreTheDocumentedOnes() {
        XCTAssertEqual(entry.canonicalText, """
            escalator-audit-v1
            sequence:1:7
            at:13:1764806400123
            user_id:36:0a1b2c3d-0000-4000-8000-000000000001
            user_name:12:Test Adviser
            role:7:adviser
            organisation_id:36:0a1b2c3d-0000-4000-8000-000000000002
            organisation_name:19:Jobcentre Plus Test
            action:4:read
            object:13:client record
            client_id:36:0a1b2c3d-0000-4000-8000-000000000003
            purpose:15:case-management
            channel:3:api
            previous_hash:64:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa

            """)
        XCTAssertEqual(AuditChain.hash(entry, key: dataKey.subkey("audit-chain")),
                       "ec1287699a823a5fa239eff134dd1638ba77ec286a8ba826647d59cab93443b5")
    }

    func testTamperingWithAnyFieldChangesTheHash() {
        let key = dataKey.subkey("audit-chain")
        let original = AuditChain.hash(entry, key: key)
        let other = UUID(uuidString: "0a1b2c3d-0000-4000-8000-0000000000ff")!
        let tamperings: [(String, (inout AuditEntry) -> Void)] = [
            ("sequence", { $0.sequence = 8 }),
            ("at", { $0.at = $0.at.addingTimeInterval(0.001) }),
            ("user", { $0.userID = other }),
            ("user removed", { $0.userID = nil }),
            ("user name", { $0.userName = "Someone Else" }),
            ("role", { $0.role = "administrator" }),
            ("organisation", { $0.organisationID = other }),
            ("organisation name", { $0.organisationName = "Another Org" }),
            ("action", { $0.action = "change" }),
            ("object", { $0.object = "assessment" }),
            ("client", { $0.clientID = other }),
            ("purpose", { $0.purpose = "referral" }),
            ("channel", { $0.channel = "web" }),
            ("previous hash", { $0.previousHash = String(repeating: "b", count: 64) }),
        ]
        for (name, tamper) in tamperings {
            var changed = entry
            tamper(&changed)
            XCTAssertNotEqual(AuditChain.hash(changed, key: key), original, "the hash does not cover the \(name)")
        }
    }

    /// Sealed by Python's `cryptography` (AES-256-GCM, the sealed-columns subkey, nonce 00…0b, associated data
    /// `escalator/assessments/sealed_barriers/<row id>`): the app opens it where an assessment's barriers live.
    func testASealedColumnVectorOpensWhereAnAssessmentsBarriersLive() throws {
        let sealed = "v1:AAECAwQFBgcICQoLYgNaE1jgPfnm7tFL7J3tNp62dUGhx0vv2ItxBAd4xQcxdjQVLDR6Q1Qn0CE53DEm"
        let row = UUID(uuidString: "0a1b2c3d-0000-4000-8000-000000000004")!
        let cipher = ColumnCipher(dataKey)
        let location = SealedLocation(table: AssessmentModel.schema, column: AssessmentModel.barriersColumn, rowID: row)
        XCTAssertEqual(try cipher.open([Barrier].self, from: sealed, at: location), [Barrier(kind: .health, severity: .high)])
        // Not in another column or row, nor under another key.
        XCTAssertThrowsError(try cipher.open(sealed, at: SealedLocation(table: AssessmentModel.schema, column: AssessmentModel.notesColumn, rowID: row)))
        XCTAssertThrowsError(try cipher.open(sealed, at: SealedLocation(table: AssessmentModel.schema, column: AssessmentModel.barriersColumn, rowID: UUID())))
        XCTAssertThrowsError(try ColumnCipher(DataKey.generate()).open(sealed, at: location))
    }
}

/// All or nothing, shown by putting a fault in the database: a trigger makes one insert fail after earlier
/// statements of the same import have succeeded. Nothing of the import may remain.
final class ImportFaultTests: WebTestCase {
    private var db: any Database { t.app.db }
    private var sql: any SQLDatabase { db as! any SQLDatabase }

    /// A trigger on `table` that fails the insert that would make its rows number more than `rows`: the earlier
    /// inserts of the import succeed, that one fails.
    private func failInsert(into table: String, beyond rows: Int) async throws {
        if sql.dialect.name == "sqlite" {
            try await sql.raw("""
                CREATE TRIGGER injected_fault BEFORE INSERT ON \(unsafeRaw: table) WHEN (SELECT COUNT(*) FROM \(unsafeRaw: table)) >= \(unsafeRaw: String(rows))
                BEGIN SELECT RAISE(ABORT, 'injected fault'); END
                """).run()
        } else {
            try await sql.raw("""
                CREATE OR REPLACE FUNCTION injected_fault() RETURNS trigger AS $$
                BEGIN IF (SELECT COUNT(*) FROM \(unsafeRaw: table)) >= \(unsafeRaw: String(rows)) THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END
                $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("CREATE TRIGGER injected_fault BEFORE INSERT ON \(unsafeRaw: table) FOR EACH ROW EXECUTE FUNCTION injected_fault()").run()
        }
    }

    override func tearDown() async throws {
        if let t, (t.app.db as? any SQLDatabase)?.dialect.name == "postgresql" {
            try await sql.raw("DROP TRIGGER IF EXISTS injected_fault ON consents").run()
            try await sql.raw("DROP TRIGGER IF EXISTS injected_fault ON cohorts").run()
            try await sql.raw("DROP TRIGGER IF EXISTS injected_fault ON vacancies").run()
        }
        try await super.tearDown()
    }

    private func counts() async throws -> [Int] {
        [try await ClientModel.query(on: db).count(), try await ConsentModel.query(on: db).count(),
         try await VacancyModel.query(on: db).count(), try await ProgrammeModel.query(on: db).count(),
         try await CohortModel.query(on: db).count(), try await AuditEventModel.query(on: db).count()]
    }

    private func importFails(_ kind: ImportKind, _ text: String, auditor: Auditor? = nil) async throws {
        do {
            let summary = try await DataExchange.importCSV(kind, from: Data(text.utf8), on: db, now: WebFixture.today, auditor: auditor)
            XCTFail("the import succeeded with a fault in the database: \(summary.description)")
        } catch {}
    }

    func testAClientsImportWhoseConsentInsertFailsLeavesNoClient() async throws {
        try await clientsImportFails(audited: true)
    }

    func testAnUnauditedClientsImportWhoseConsentInsertFailsLeavesNoClient() async throws {
        try await clientsImportFails(audited: false)
    }

    private func clientsImportFails(audited: Bool) async throws {
        // 300 clients go in (two batches), then 299 of their consents, before the last consent fails.
        let consents = try await ConsentModel.query(on: db).count()
        try await failInsert(into: ConsentModel.schema, beyond: consents + 299)
        let header = "reference,given_name,family_name,date_of_birth,email,phone,postcode,ward_id,employment_status,referral_source,organisation,consent_organisations"
        var lines = [header]
        for n in 0..<300 {
            lines.append(",Fault\(n),Imported,,,,B6 4AA,\(f.wardA),unemployed,jobcentre,Jobcentre Plus Test,Test College")
        }
        let before = try await counts()
        try await importFails(.clients, lines.joined(separator: "\n") + "\n",
                              auditor: audited ? t.app.auditTrail.auditor(.command("import"), channel: .commandLine) : nil)
        let after = try await counts()
        XCTAssertEqual(after, before, "clients, consents or audit rows of a failed import remain")
    }

    func testAProgrammesImportWhoseCohortInsertFailsLeavesNoProgramme() async throws {
        let cohorts = try await CohortModel.query(on: db).count()
        try await failInsert(into: CohortModel.schema, beyond: cohorts + 1)
        let text = """
            provider,title,type,skills_taught,minimum_qualification,qualification_awarded,weeks,hours_per_week,postcode,ward_id,cost,barrier_support,guaranteed_interview,cohorts
            Test College,Forklift licence in a week,vocational,L.FORKLIFT:2,0,,1,30,B4 7AA,\(f.wardA),350.00,transport,true,2027-01-11:8
            Test College,Forklift refresher,vocational,L.FORKLIFT:2,0,,1,30,B4 7AA,\(f.wardA),350.00,transport,true,2027-01-11:9

            """
        let before = try await counts()
        try await importFails(.programmes, text)
        let after = try await counts()
        XCTAssertEqual(after, before)
    }

    func testAVacanciesImportWhoseLastInsertFailsLeavesNoVacancy() async throws {
        // The first batch of 250 is written before the 300th row fails.
        let vacancies = try await VacancyModel.query(on: db).count()
        try await failInsert(into: VacancyModel.schema, beyond: vacancies + 299)
        var lines = ["employer,occupation_id,title,essential_skills,desirable_skills,minimum_qualification,needs_gcse_english,needs_gcse_maths,hours_per_week,hourly_pay,postcode,ward_id,openings,closing_date,status,minimum_age"]
        for n in 0..<300 {
            lines.append("Test Engineering Ltd,O.WAREHOUSE_OPERATIVE,Picker \(n),,none,1,true,false,30,12.5,B7 5AA,\(f.wardA),2,2027-02-28,open,18")
        }
        let before = try await counts()
        try await importFails(.vacancies, lines.joined(separator: "\n") + "\n")
        let after = try await counts()
        XCTAssertEqual(after, before)
    }
}
