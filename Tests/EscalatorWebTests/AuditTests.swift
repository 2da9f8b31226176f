import Crypto
import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import SQLKit
import Vapor
import XCTVapor
import XCTest

/// The audit trail: what a client journey records, that the hash chain finds edited, deleted, reordered and
/// re-hashed rows, that the database refuses UPDATE and DELETE, who may see and export it, and that no
/// personal data goes into it.
final class AuditTests: WebTestCase {
    var api: APIConformance!

    override func setUp() async throws {
        try await super.setUp()
        api = try APIConformance(t)
    }

    var sql: any SQLDatabase { t.app.db as! any SQLDatabase }
    var isPostgres: Bool { sql.dialect.name == "postgresql" }

    func entries(client: UUID? = nil) async throws -> [AuditEntry] {
        let query = AuditEventModel.query(on: t.app.db).sort(\.$id)
        if let client { query.filter(\.$clientID == client) }
        return try await query.all().map(\.value)
    }

    func verify(anchor: AuditChain.Head? = nil) async throws -> AuditVerification {
        try await t.app.auditTrail.chain.verify(on: t.app.db, anchor: anchor)
    }

    /// Registers, assesses, views, matches, refers and moves on a new client through the API; returns its ids.
    func journey() async throws -> (client: UUID, consent: String, assessment: String, referral: String) {
        let created = try await api.check(.POST, "/api/v1/clients", as: .adviser, body: #"""
            {"givenName": "Zelda", "familyName": "Journeyperson", "dateOfBirth": "1994-04-04", "email": "zelda@example.test",
             "phone": "0121 496 0000", "postcode": "B6 4AA", "wardID": "\#(f.wardA)", "employmentStatus": "unemployed",
             "referralSource": "jobcentre", "consentOrganisationIDs": ["\#(f.college)"]}
            """#, expect: .created)
        let client = try XCTUnwrap(created["client"]?["id"]?.string.flatMap(UUID.init(uuidString:)))
        let consent = try XCTUnwrap(created["consents"]?[0]?["id"]?.string)

        let warehouse = try XCTUnwrap(StarterTaxonomy.taxonomy.occupations["O.WAREHOUSE_OPERATIVE"])
        let assessed = try await api.check(.POST, "/api/v1/clients/:clientID/assessments", "/api/v1/clients/\(client)/assessments",
                                           as: .adviser, body: #"""
            {"assessedOn": "2026-11-01", "skills": [{"skillID": "\#(warehouse.essentialSkills[0].skillID)", "level": 2, "evidence": "self-declared"}],
             "highestQualification": 1, "gcseEnglish": true, "gcseMaths": false, "barriers": [{"kind": "health", "severity": 2}],
             "aspirations": ["\#(warehouse.id)"],
             "constraints": {"minHoursPerWeek": 16, "maxHoursPerWeek": 37, "maxTravelKm": 10, "travelModes": ["public-transport"]},
             "notes": "Anxious about interviews after a long illness."}
            """#, expect: .created)
        let assessment = try XCTUnwrap(assessed["assessment"]?["id"]?.string)

        try await api.check(.GET, "/api/v1/clients/:clientID", "/api/v1/clients/\(client)", as: .adviser, expect: .ok)
        try await api.check(.GET, "/api/v1/clients/:clientID/matches", "/api/v1/clients/\(client)/matches", as: .adviser, expect: .ok)

        let referred = try await api.check(.POST, "/api/v1/referrals", as: .adviser, body: #"""
            {"clientID": "\#(client)", "programmeID": "\#(f.programme)", "cohortID": "\#(f.cohort)", "note": "Keen to start."}
            """#, expect: .created)
        let referral = try XCTUnwrap(referred["id"]?.string)
        try await api.check(.POST, "/api/v1/referrals/:referralID/status", "/api/v1/referrals/\(referral)/status", as: .provider,
                            body: #"{"status": "started", "note": "Enrolled."}"#, expect: .ok)
        return (client, consent, assessment, referral)
    }

    struct Expected: Equatable, CustomStringConvertible {
        var action: String
        var object: String
        var userID: UUID?
        var organisationID: UUID?
        var purpose: String

        var description: String { "\(action) \(object) by \(userID?.uuidString ?? "-") for \(purpose)" }
    }

    // MARK: - What is recorded

    func testAClientJourneyRecordsExactlyTheExpectedEventsInOrder() async throws {
        let made = try await journey()
        let events = try await entries(client: made.client)
        let c = made.client.uuidString.lowercased(), college = f.college.uuidString.lowercased()
        let expected: [Expected] = [
            Expected(action: "create", object: "client record", userID: f.adviser, organisationID: f.jobcentre, purpose: "case management"),
            Expected(action: "consent-given", object: "consent \(made.consent.lowercased()) for organisation \(college)", userID: f.adviser,
                     organisationID: f.jobcentre, purpose: "case management"),
            Expected(action: "create", object: "assessment \(made.assessment.lowercased())", userID: f.adviser, organisationID: f.jobcentre,
                     purpose: "case management"),
            Expected(action: "read", object: "client record", userID: f.adviser, organisationID: f.jobcentre, purpose: "case management"),
            Expected(action: "read", object: "matches", userID: f.adviser, organisationID: f.jobcentre, purpose: "case management"),
            Expected(action: "referral", object: "referral \(made.referral.lowercased())", userID: f.adviser, organisationID: f.jobcentre,
                     purpose: "referral"),
            Expected(action: "status-change", object: "referral \(made.referral.lowercased()) to started", userID: f.providerUser,
                     organisationID: f.college, purpose: "referral"),
        ]
        XCTAssertEqual(events.map { Expected(action: $0.action, object: $0.object, userID: $0.userID, organisationID: $0.organisationID, purpose: $0.purpose) },
                       expected)
        XCTAssertEqual(events.map(\.userName), Array(repeating: "Test Adviser", count: 6) + ["Test Provider"])
        XCTAssertEqual(events.map(\.role), Array(repeating: "adviser", count: 6) + ["provider"])
        XCTAssertEqual(events.map(\.organisationName), Array(repeating: "Jobcentre Plus Test", count: 6) + ["Test College"])
        XCTAssertEqual(Set(events.map(\.channel)), ["api"])
        XCTAssertEqual(Set(events.map(\.at)), [WebFixture.today], "stamped with the environment's clock")
        XCTAssertEqual(events.map(\.sequence), Array(1...7), "the journey is the only thing recorded so far")
        XCTAssertFalse(c.isEmpty)

        let result = try await verify()
        XCTAssertTrue(result.isIntact, result.summary)
        XCTAssertEqual(result.rows, 7)
        XCTAssertEqual(result.head, AuditChain.Head(sequence: 7, hash: events[6].hash))
        XCTAssertEqual(events[0].previousHash, AuditEntry.genesisHash)
        for (previous, next) in zip(events, events.dropFirst()) { XCTAssertEqual(next.previousHash, previous.hash) }
    }

    func testNoPersonalDataGoesIntoTheTrail() async throws {
        let made = try await journey()
        try await api.check(.GET, "/api/v1/assessments/:assessmentID", "/api/v1/assessments/\(made.assessment)", as: .adviser, expect: .ok)
        let rows = try await sql.raw("SELECT * FROM \(ident: "audit_events")").all()
        XCTAssertEqual(rows.count, 8)
        let columns = ["user_name", "role", "organisation_name", "action", "object", "purpose", "channel", "previous_hash", "hash"]
        let personal = ["Zelda", "Journeyperson", "zelda@example.test", "0121 496 0000", "B6 4AA", "1994", "Anxious", "illness",
                        "health", "Keen to start", "Enrolled"]
        for row in rows {
            for column in columns {
                let value = try row.decodeNil(column: column) ? "" : try row.decode(column: column, as: String.self)
                for text in personal {
                    XCTAssertFalse(value.localizedCaseInsensitiveContains(text), "\(column) holds \(text): \(value)")
                }
            }
        }
    }

    func testEveryKindOfChangeAndDetailReadIsRecorded() async throws {
        let clientA = f.clientA
        let updated = try await api.check(.PUT, "/api/v1/clients/:clientID", "/api/v1/clients/\(clientA)", as: .adviser, body: #"""
            {"givenName": "Ada", "familyName": "Testperson-Smith", "postcode": "B6 4AA", "wardID": "\#(f.wardA)",
             "employmentStatus": "unemployed", "referralSource": "jobcentre"}
            """#, expect: .ok)
        XCTAssertEqual(updated["client"]?["familyName"], .string("Testperson-Smith"))
        let consented = try await api.check(.POST, "/api/v1/clients/:clientID/consents", "/api/v1/clients/\(clientA)/consents", as: .adviser,
                                            body: #"{"organisationID": "\#(f.charity)"}"#, expect: .created)
        let consent = try XCTUnwrap(consented["consents"]?.array?.first { $0["organisationID"]?.string == f.charity.uuidString }?["id"]?.string)
        try await api.check(.POST, "/api/v1/clients/:clientID/consents", "/api/v1/clients/\(clientA)/consents", as: .adviser,
                            body: #"{"organisationID": "\#(f.charity)"}"#, expect: .created)
        try await api.check(.POST, "/api/v1/clients/:clientID/consents/:consentID/withdraw",
                            "/api/v1/clients/\(clientA)/consents/\(consent)/withdraw", as: .adviser, expect: .ok)
        try await api.check(.GET, "/api/v1/clients/:clientID/assessments", "/api/v1/clients/\(clientA)/assessments", as: .adviser, expect: .ok)
        try await api.check(.GET, "/api/v1/assessments/:assessmentID", "/api/v1/assessments/\(f.assessmentA)", as: .administrator, expect: .ok)
        let started = try await api.check(.POST, "/api/v1/job-starts", as: .adviser,
                                          body: #"{"clientID": "\#(clientA)", "employerName": "Corner Shop", "jobTitle": "Shop assistant", "startedOn": "2026-06-01", "hoursPerWeek": 20, "hourlyPay": "12.50"}"#,
                                          expect: .created)
        let jobStart = try XCTUnwrap(started["jobStart"]?["id"]?.string)
        let path = "/api/v1/job-starts/\(jobStart)"
        try await api.check(.POST, "/api/v1/job-starts/:jobStartID/checks", path + "/checks", as: .adviser,
                            body: #"{"milestone": 13, "checkedOn": "2026-09-01", "stillInWork": true}"#, expect: .created)
        try await api.check(.POST, "/api/v1/job-starts/:jobStartID/progressions", path + "/progressions", as: .adviser,
                            body: #"{"kind": "more-hours", "progressedOn": "2026-10-01", "detail": "Now 30 hours."}"#, expect: .created)
        try await api.check(.GET, "/api/v1/job-starts/:jobStartID", path, as: .adviser, expect: .ok)

        let j = jobStart.lowercased()
        let recorded = try await entries(client: clientA).map { "\($0.action) \($0.object) (\($0.purpose))" }
        XCTAssertEqual(recorded, [
            "change client record (rectification)",
            "consent-given consent \(consent.lowercased()) for organisation \(f.charity.uuidString.lowercased()) (case management)",
            "consent-withdrawn consent \(consent.lowercased()) for organisation \(f.charity.uuidString.lowercased()) (case management)",
            "read assessments (case management)",
            "read assessment \(f.assessmentA.uuidString.lowercased()) (case management)",
            "create job start \(j) (job outcomes)",
            "create 13-week sustainment check of job start \(j) (job outcomes)",
            "create progression of job start \(j) (job outcomes)",
            "read job start \(j) (job outcomes)",
        ], "recording a consent that already stands changes nothing, so records nothing")
        let byAdmin = try await entries(client: clientA)[4].userID
        XCTAssertEqual(byAdmin, f.admin)
    }

    func testListsRecordNothingPerClientAndDeniedRequestsRecordNothing() async throws {
        try await api.check(.GET, "/api/v1/clients", as: .adviser, expect: .ok)
        try await api.check(.GET, "/api/v1/referrals", as: .adviser, expect: .ok)
        try await api.check(.GET, "/api/v1/clients/:clientID", "/api/v1/clients/\(f.clientB)", as: .adviser, expect: .notFound)
        try await api.check(.GET, "/api/v1/clients/:clientID", "/api/v1/clients/\(f.clientA)", as: .employer, expect: .forbidden)
        try await api.check(.PUT, "/api/v1/clients/:clientID", "/api/v1/clients/\(f.clientA)", as: .adviser, body: #"{"givenName": ""}"#,
                            expect: .unprocessableEntity)
        let count = try await AuditEventModel.query(on: t.app.db).count()
        XCTAssertEqual(count, 0)
    }

    func testPagesRecordReadsThroughThePageChannel() async throws {
        let session = try await t.pageSession(.adviser)
        let page = try await t.page(session, "/clients/\(f.clientA)")
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.string.contains("/clients/\(f.clientA)/audit"), "the owning organisation's adviser is offered the trail")
        let form = try await t.page(session, "/clients/\(f.clientA)/assessments/new")
        XCTAssertEqual(form.status, .ok)
        let recorded = try await entries()
        XCTAssertEqual(recorded.map(\.action), ["read", "read"])
        XCTAssertEqual(recorded.map(\.object), ["client record", "assessment \(f.assessmentA.uuidString.lowercased())"])
        XCTAssertEqual(Set(recorded.map(\.channel)), ["page"])
        XCTAssertEqual(Set(recorded.map(\.clientID)), [f.clientA])
    }

    /// A read whose audit record cannot be written shows nothing; a change whose record cannot be written is not made.
    func testWhenTheTrailCannotBeWrittenNothingIsShownOrChanged() async throws {
        try await sql.raw("ALTER TABLE \(ident: "audit_events") RENAME TO \(ident: "audit_events_away")").run()
        let read = try await t.send(.GET, "/api/v1/clients/\(f.clientA)")
        XCTAssertEqual(read.status, .internalServerError)
        XCTAssertFalse(read.body.string.contains("Testperson"), read.body.string)
        let session = try await t.pageSession(.adviser)
        let page = try await t.page(session, "/clients/\(f.clientA)")
        XCTAssertEqual(page.status, .internalServerError)
        XCTAssertFalse(page.body.string.contains("ada@example.test"))

        let before = try await AssessmentModel.query(on: t.app.db).count()
        let warehouse = try XCTUnwrap(StarterTaxonomy.taxonomy.occupations["O.WAREHOUSE_OPERATIVE"])
        let assessed = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/assessments", json: #"""
            {"assessedOn": "2026-11-01", "skills": [{"skillID": "\#(warehouse.essentialSkills[0].skillID)", "level": 2, "evidence": "self-declared"}],
             "highestQualification": 1, "gcseEnglish": true, "gcseMaths": false, "barriers": [], "aspirations": [],
             "constraints": {"minHoursPerWeek": 16, "maxHoursPerWeek": 37, "maxTravelKm": 10, "travelModes": ["walk"]}}
            """#)
        XCTAssertEqual(assessed.status, .internalServerError)
        let after = try await AssessmentModel.query(on: t.app.db).count()
        XCTAssertEqual(after, before, "the assessment and its audit record are written together or not at all")
    }

    // MARK: - The chain

    func testTheChainFindsAnEditedRowAtItsSequenceNumber() async throws {
        _ = try await journey()
        try await dropTriggers()
        try await sql.raw("UPDATE \(ident: "audit_events") SET \(ident: "purpose") = \(bind: "marketing") WHERE \(ident: "sequence") = 3").run()
        let result = try await verify()
        XCTAssertEqual(result.firstBreak, AuditVerification.Break(sequence: 3, problem: .altered))
        XCTAssertEqual(result.rows, 2, "rows 1 and 2 still check out")
        XCTAssertEqual(result.summary, "broken at row 3: the row's contents do not match its hash (edited)")

        let page = try await t.page(try await t.pageSession(.administrator), "/audit/verify")
        XCTAssertTrue(page.body.string.contains("The chain is broken at row 3"), page.body.string)
        let json = try await api.check(.GET, "/api/v1/audit/verify", as: .administrator, expect: .ok)
        XCTAssertEqual(json["intact"], .bool(false))
        XCTAssertEqual(json["brokenAt"], .int(3))
        XCTAssertEqual(json["problem"], .string("altered"))
    }

    func testTheChainFindsADeletedRowAsAGap() async throws {
        _ = try await journey()
        try await dropTriggers()
        try await sql.raw("DELETE FROM \(ident: "audit_events") WHERE \(ident: "sequence") = 4").run()
        let result = try await verify()
        XCTAssertEqual(result.firstBreak, AuditVerification.Break(sequence: 4, problem: .missing))
    }

    func testTheChainFindsReorderedRows() async throws {
        _ = try await journey()
        try await dropTriggers()
        // Swap rows 2 and 3.
        for (from, to) in [(2, 1000), (3, 2), (1000, 3)] {
            try await sql.raw("UPDATE \(ident: "audit_events") SET \(ident: "sequence") = \(bind: to) WHERE \(ident: "sequence") = \(bind: from)").run()
        }
        let result = try await verify()
        XCTAssertEqual(result.firstBreak, AuditVerification.Break(sequence: 2, problem: .unlinked))
    }

    /// Someone with the database but not the key rewrites a row and re-hashes the rest of the chain: the hashes
    /// link up, but without the key they are not the right ones.
    func testRehashingTheChainWithoutTheKeyIsFound() async throws {
        _ = try await journey()
        try await dropTriggers()
        let guess = SymmetricKey(size: .bits256)
        var rows = try await entries()
        rows[2].purpose = "marketing"
        for index in 2..<rows.count {
            if index > 2 { rows[index].previousHash = rows[index - 1].hash }
            rows[index].hash = AuditChain.hash(rows[index], key: guess)
            try await sql.raw("""
                UPDATE \(ident: "audit_events") SET \(ident: "purpose") = \(bind: rows[index].purpose), \
                \(ident: "previous_hash") = \(bind: rows[index].previousHash), \(ident: "hash") = \(bind: rows[index].hash) \
                WHERE \(ident: "sequence") = \(bind: rows[index].sequence)
                """).run()
        }
        let result = try await verify()
        XCTAssertEqual(result.firstBreak, AuditVerification.Break(sequence: 3, problem: .altered))
    }

    /// Cutting rows from the end leaves a chain that links up; a head noted earlier shows it.
    func testAnAnchorShowsRowsCutFromTheEnd() async throws {
        _ = try await journey()
        let before = try await verify()
        let noted = try XCTUnwrap(before.head)
        let anchored = try await verify(anchor: noted)
        XCTAssertTrue(anchored.isIntact, anchored.summary)
        try await dropTriggers()
        try await sql.raw("DELETE FROM \(ident: "audit_events") WHERE \(ident: "sequence") = \(bind: noted.sequence)").run()
        let cut = try await verify()
        XCTAssertTrue(cut.isIntact, "without an anchor a cut tail cannot be seen")
        let cutAnchored = try await verify(anchor: noted)
        XCTAssertEqual(cutAnchored.firstBreak, AuditVerification.Break(sequence: noted.sequence, problem: .anchorMissing))
    }

    func testTheDatabaseRefusesUpdateAndDelete() async throws {
        _ = try await journey()
        let before = try await entries()
        let attempts: [SQLQueryString] = [
            "UPDATE \(ident: "audit_events") SET \(ident: "purpose") = \(bind: "marketing") WHERE \(ident: "sequence") = 1",
            "UPDATE \(ident: "audit_events") SET \(ident: "user_name") = \(bind: "nobody")",
            "DELETE FROM \(ident: "audit_events") WHERE \(ident: "sequence") = 1",
            "DELETE FROM \(ident: "audit_events")",
        ] + (isPostgres ? ["TRUNCATE \(ident: "audit_events")"] : [])
        for (index, attempt) in attempts.enumerated() {
            do {
                try await sql.raw(attempt).run()
                XCTFail("the database allowed statement \(index)")
            } catch {
                XCTAssertTrue(String(reflecting: error).contains("append-only"), "statement \(index): \(String(reflecting: error))")
            }
        }
        // Nor through the model: the app has no code to do it, and the database would not let it.
        let first = try await AuditEventModel.find(1, on: t.app.db)
        first?.purpose = "marketing"
        do {
            try await first?.save(on: t.app.db)
            XCTFail("saving a changed audit row was allowed")
        } catch {}
        let after = try await entries()
        XCTAssertEqual(after, before)
        let result = try await verify()
        XCTAssertTrue(result.isIntact, result.summary)
    }

    /// Appends from one process take turns; another process's appends (a second chain on the same database)
    /// make this one's cached head stale, and the unique sequence number makes it re-read and retry.
    func testConcurrentAppendsNeverForkTheChain() async throws {
        let trail = t.app.auditTrail
        let db = t.app.db
        let auditor = trail.auditor(.command("test"), channel: .system)
        let clientA = f.clientA
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<25 {
                group.addTask { try await auditor.read(.clientRecord, client: clientA, purpose: .caseManagement, on: db) }
            }
            try await group.waitForAll()
        }
        let other = Auditor(chain: AuditChain(key: t.environment.dataKey.subkey("audit-chain")), actor: .command("other"),
                            channel: .system, now: trail.now)
        try await other.read(.clientRecord, client: f.clientB, purpose: .caseManagement, on: db)
        try await auditor.read(.clientRecord, client: f.clientA, purpose: .caseManagement, on: db)
        try await other.read(.clientRecord, client: f.clientB, purpose: .caseManagement, on: db)
        try await auditor.change([auditor.event(.change, .clientRecord, client: f.clientA, purpose: .rectification)], on: db) { _ in }
        let rows = try await entries()
        XCTAssertEqual(rows.map(\.sequence), Array(1...29))
        XCTAssertEqual(rows.suffix(4).map(\.userName), ["escalator other (command line)", "escalator test (command line)",
                                                        "escalator other (command line)", "escalator test (command line)"])
        let result = try await verify()
        XCTAssertTrue(result.isIntact, result.summary)
    }

    func testADifferentKeyCannotVerifyTheChain() async throws {
        _ = try await journey()
        let other = try await AuditVerification.verify(on: t.app.db, key: SymmetricKey(size: .bits256))
        XCTAssertEqual(other.firstBreak, AuditVerification.Break(sequence: 1, problem: .altered))
    }

    // MARK: - Who may see it

    func testOnlyAdministratorsAndTheOwningOrganisationSeeAClientsTrail() async throws {
        _ = try await journey()
        let a = f.clientA
        // Administrators: everything.
        let all = try await api.check(.GET, "/api/v1/audit", "/api/v1/audit?size=3", as: .administrator, expect: .ok)
        XCTAssertEqual(all["total"], .int(7))
        XCTAssertEqual(all["items"]?.array?.map { $0["sequence"] }, [.int(7), .int(6), .int(5)], "newest first")
        try await api.check(.GET, "/api/v1/audit/verify", as: .administrator, expect: .ok)
        // The owning organisation's adviser: their client's trail, which records that they looked.
        let own = try await api.check(.GET, "/api/v1/clients/:clientID/audit", "/api/v1/clients/\(a)/audit", as: .adviser, expect: .ok)
        XCTAssertEqual(own["total"], .int(1))
        XCTAssertEqual(own["items"]?[0]?["object"], .string("audit trail"))
        XCTAssertEqual(own["items"]?[0]?["purpose"], .string("audit review"))
        try await api.check(.GET, "/api/v1/audit", "/api/v1/audit?clientID=\(a)", as: .adviser, expect: .ok)
        try await api.check(.GET, "/api/v1/audit", "/api/v1/audit?clientID=WM-TESTAAAA", as: .adviser, expect: .ok)
        let whole = try await api.check(.GET, "/api/v1/audit", as: .adviser, expect: .unprocessableEntity)
        XCTAssertEqual(whole["error"]?["fields"]?[0]?["field"], .string("clientID"))
        try await api.check(.GET, "/api/v1/audit/verify", as: .adviser, expect: .forbidden)
        // Another organisation's adviser, and every other role: nothing.
        try await api.check(.GET, "/api/v1/clients/:clientID/audit", "/api/v1/clients/\(a)/audit", as: .otherAdviser, expect: .notFound)
        try await api.check(.GET, "/api/v1/audit", "/api/v1/audit?clientID=\(a)", as: .otherAdviser, expect: .notFound)
        try await api.check(.GET, "/api/v1/clients/:clientID/audit", "/api/v1/clients/\(f.clientB)/audit", as: .adviser, expect: .notFound)
        for role in [TestRole.provider, .employer, .analyst] {
            try await api.check(.GET, "/api/v1/clients/:clientID/audit", "/api/v1/clients/\(a)/audit", as: role, expect: .forbidden)
            try await api.check(.GET, "/api/v1/audit", "/api/v1/audit?clientID=\(a)", as: role, expect: .forbidden)
            try await api.check(.GET, "/api/v1/audit/verify", as: role, expect: .forbidden)
        }
        try await api.check(.GET, "/api/v1/audit", "/api/v1/audit?from=2026-13-01&userID=nobody", as: .administrator, expect: .unprocessableEntity)
        // Neither a bad request nor a client who was never held adds to the trail.
        let before = try await AuditEventModel.query(on: t.app.db).count()
        try await api.check(.GET, "/api/v1/clients/:clientID/audit", "/api/v1/clients/\(a)/audit?page=0", as: .adviser, expect: .unprocessableEntity)
        let nobody = try await api.check(.GET, "/api/v1/clients/:clientID/audit", "/api/v1/clients/\(UUID())/audit", as: .administrator, expect: .ok)
        XCTAssertEqual(nobody["total"], .int(0))
        let after = try await AuditEventModel.query(on: t.app.db).count()
        XCTAssertEqual(after, before)
        api.assertCovered("Audit")
    }

    /// An adviser of a partner the client shares with can open the record but not its trail.
    func testAPartnerAdviserWhoCanSeeTheClientCannotSeeTheTrail() async throws {
        let email = "college.adviser@test.escalator"
        try await UserModel(email: email, displayName: "College Adviser", passwordHash: try Bcrypt.hash(WebFixture.password, cost: 4),
                            role: .adviser, organisationID: f.college).create(on: t.app.db)
        var token = ""
        try await t.app.test(.POST, "/api/v1/auth/token", beforeRequest: { req async throws in
            try req.content.encode(["email": email, "password": WebFixture.password])
        }, afterResponse: { res async throws in
            XCTAssertEqual(res.status, .created, res.body.string)
            token = try res.content.get(String.self, at: "token")
        })
        let headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
        let record = try await t.app.sendRequest(.GET, "/api/v1/clients/\(f.clientA)", headers: headers)
        XCTAssertEqual(record.status, .ok, "the client consented to share with the college")
        let trail = try await t.app.sendRequest(.GET, "/api/v1/clients/\(f.clientA)/audit", headers: headers)
        XCTAssertEqual(trail.status, .forbidden)
        let recorded = try await entries(client: f.clientA)
        XCTAssertEqual(recorded.map(\.action), ["read"], "the partner's read is recorded, the refused trail is not")
        XCTAssertEqual(recorded.first?.organisationName, "Test College")
    }

    func testAuditPagesAndCSVExports() async throws {
        let made = try await journey()
        // A name typed by a person can start a spreadsheet formula: the CSV neutralises it.
        let found = try await UserModel.find(f.admin, on: t.app.db)
        let admin = try XCTUnwrap(found)
        admin.displayName = "=HYPERLINK(\"http://evil.example\")"
        try await admin.save(on: t.app.db)

        let adminSession = try await t.pageSession(.administrator)
        let index = try await t.page(adminSession, "/audit")
        XCTAssertEqual(index.status, .ok)
        XCTAssertTrue(index.body.string.contains("7 events"), index.body.string)
        XCTAssertTrue(index.body.string.contains("Verify the chain"))
        let filtered = try await t.page(adminSession, "/audit?clientID=\(made.client)&from=2026-11-02&to=2026-11-02&userID=\(f.providerUser)")
        XCTAssertEqual(filtered.status, .ok)
        XCTAssertTrue(filtered.body.string.contains("1 event"), filtered.body.string)
        XCTAssertTrue(filtered.body.string.contains("to started"))
        let outside = try await t.page(adminSession, "/audit?to=2026-11-01")
        XCTAssertTrue(outside.body.string.contains("0 events"))
        let bad = try await t.page(adminSession, "/audit?from=2026-11-05&to=2026-11-01")
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertTrue(bad.body.string.contains("There is a problem"))
        let verified = try await t.page(adminSession, "/audit/verify")
        XCTAssertTrue(verified.body.string.contains("The chain is intact"), verified.body.string)

        let csv = try await t.page(adminSession, "/audit/export.csv?clientID=\(made.client)")
        XCTAssertEqual(csv.status, .ok)
        XCTAssertEqual(csv.headers.contentType?.type, "text")
        XCTAssertEqual(csv.headers.contentType?.subType, "csv")
        let lines = csv.body.string.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.first, AuditQueries.csvHeader.joined(separator: ","))
        // The journey's 7, the filtered page view (a read of the trail) and this export.
        XCTAssertEqual(lines.count, 1 + 9, csv.body.string)
        XCTAssertTrue(lines.last?.contains("'=HYPERLINK") ?? false, lines.last ?? "")
        XCTAssertFalse(csv.body.string.contains(",=HYPERLINK"))

        let advisers = try await t.pageSession(.adviser)
        for path in ["/audit", "/audit/verify", "/audit/export.csv"] {
            let status = try await t.page(advisers, path).status
            XCTAssertEqual(status, .forbidden, path)
        }
        let clientPage = try await t.page(advisers, "/clients/\(made.client)/audit")
        XCTAssertEqual(clientPage.status, .ok)
        XCTAssertTrue(clientPage.body.string.contains("Audit trail: Zelda Journeyperson"))
        XCTAssertTrue(clientPage.body.string.contains("Test Provider (provider)"))
        let clientCSV = try await t.page(advisers, "/clients/\(made.client)/audit/export.csv")
        XCTAssertEqual(clientCSV.status, .ok)
        XCTAssertTrue(clientCSV.headers.first(name: .contentDisposition)?.contains("attachment") ?? false)

        for role in [TestRole.otherAdviser, .provider, .employer, .analyst] {
            let session = try await t.pageSession(role)
            let status = try await t.page(session, "/clients/\(made.client)/audit").status
            XCTAssertTrue([.forbidden, .notFound].contains(status), "\(role) got \(status)")
            let whole = try await t.page(session, "/audit").status
            XCTAssertEqual(whole, .forbidden, "\(role)")
            let page = try await t.page(session, "/clients/\(f.clientA)")
            XCTAssertFalse(page.body.string.contains("/clients/\(f.clientA)/audit"), "\(role) is offered the trail")
        }
    }

    // MARK: - Imports

    func testEachImportedClientIsRecordedInTheSameTransaction() async throws {
        let trail = t.app.auditTrail
        let auditor = trail.auditor(.command("import"), channel: .commandLine)
        let header = "reference,given_name,family_name,date_of_birth,email,phone,postcode,ward_id,employment_status,referral_source,organisation,consent_organisations,registered_on"
        let summary = try await DataExchange.importCSV(.clients, text: """
            \(header)
            WM-IMP00001,Ann,Importer,1990-01-01,,,B6 4AA,\(f.wardA),unemployed,jobcentre,Jobcentre Plus Test,,
            WM-IMP00002,Ben,Importer,,,,B15 2TT,\(f.wardB),unemployed,jobcentre,Jobcentre Plus Test,,
            """, on: t.app.db, now: WebFixture.today, auditor: auditor)
        XCTAssertEqual(summary.rows, 2)
        let imported = try await ClientModel.query(on: t.app.db).filter(\.$reference ~~ ["WM-IMP00001", "WM-IMP00002"]).all()
        let rows = try await entries()
        XCTAssertEqual(Set(rows.map(\.clientID)), Set(imported.compactMap(\.id)))
        XCTAssertEqual(rows.map(\.action), ["import", "import"])
        XCTAssertEqual(Set(rows.map(\.userName)), ["escalator import (command line)"])
        XCTAssertEqual(Set(rows.map(\.channel)), ["command-line"])
        XCTAssertEqual(Set(rows.map(\.purpose)), ["data import"])
        XCTAssertNil(rows.first?.userID)

        // A bad file writes neither clients nor audit rows.
        do {
            _ = try await DataExchange.importCSV(.clients, text: "\(header)\n,Cy,Bad,,,,NOT A POSTCODE,\(f.wardA),unemployed,jobcentre,Jobcentre Plus Test,,\n",
                                                 on: t.app.db, now: WebFixture.today, auditor: auditor)
            XCTFail("a bad file was imported")
        } catch is ImportError {}
        let afterBadFile = try await entries().count
        XCTAssertEqual(afterBadFile, 2)
    }

    // MARK: - Helpers

    /// What an attacker with database access would do first.
    func dropTriggers() async throws {
        for name in ["audit_events_no_update", "audit_events_no_delete"] {
            if isPostgres {
                try await sql.raw("DROP TRIGGER \(ident: name) ON \(ident: "audit_events")").run()
            } else {
                try await sql.raw("DROP TRIGGER \(ident: name)").run()
            }
        }
    }
}
