import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import FluentSQL
import SQLKit
import XCTVapor
import XCTest

/// Data-protection rights: subject access (JSON and printable), rectification, erasure on request and by
/// retention, and the record of processing.
final class DataRightsTests: WebTestCase {
    // Distinctive texts written into clientA's record, so that a scan of every table can look for them.
    let assessmentNote = "Mentioned a hospital appointment each Tuesday"
    let referralNote = "Referred after a talk about forklift work"
    let checkNote = "Still there and enjoying the night shift"
    let contactSummary = "Talked through the rota with the supervisor"
    let progressionDetail = "Now paid as a team leader"
    let otherClientNote = "Bo asked about evening classes"

    // MARK: - A client with one of everything

    struct Journey {
        var programmeReferral: String
        var vacancyReferral: String
        var jobStart: String
        var assessment: String
    }

    /// Gives clientA one record of every kind: an assessment with notes and a health barrier, equality
    /// monitoring, a consent to the charity, a programme referral with a note, a vacancy referral that became
    /// a job, a sustainment check, an in-work contact and a progression. ClientB gets an assessment of its own.
    @discardableResult
    func journey() async throws -> Journey {
        var res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/assessments", json: """
            {"assessedOn": "2026-10-01", "skills": [{"skillID": "B.LITERACY", "level": 3, "evidence": "certified"}],
             "highestQualification": 2, "gcseEnglish": true, "gcseMaths": true,
             "barriers": [{"kind": "health", "severity": 2}, {"kind": "childcare", "severity": 1}],
             "aspirations": ["O.FORKLIFT_DRIVER"],
             "constraints": {"minHoursPerWeek": 16, "maxHoursPerWeek": 30, "maxTravelKm": 12.5, "travelModes": ["walk"]},
             "notes": "\(assessmentNote)"}
            """)
        XCTAssertEqual(res.status, .created, res.body.string)
        let assessment = try XCTUnwrap((try res.jsonObject()["assessment"] as? [String: Any])?["id"] as? String)

        res = try await t.send(.PUT, "/api/v1/clients/\(f.clientA)", json: """
            {"givenName": "Ada", "familyName": "Testperson", "dateOfBirth": "1990-05-01", "email": "ada@example.test",
             "phone": "07700 900123", "postcode": "B6 4AA", "wardID": "\(f.wardA)", "employmentStatus": "unemployed",
             "referralSource": "jobcentre",
             "equalityMonitoring": {"clientAgreed": true, "ethnicity": "white-irish", "disability": "yes"}}
            """)
        XCTAssertEqual(res.status, .ok, res.body.string)
        res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/consents", json: #"{"organisationID": "\#(f.charity)"}"#)
        XCTAssertEqual(res.status, .created, res.body.string)

        res = try await t.send(.POST, "/api/v1/referrals", json: """
            {"clientID": "\(f.clientA)", "cohortID": "\(f.cohort)", "note": "\(referralNote)"}
            """)
        XCTAssertEqual(res.status, .created, res.body.string)
        let programmeReferral = try XCTUnwrap(try res.jsonObject()["id"] as? String)

        res = try await t.send(.POST, "/api/v1/referrals", json: #"{"clientID": "\#(f.clientA)", "vacancyID": "\#(f.vacancy)"}"#)
        XCTAssertEqual(res.status, .created, res.body.string)
        let vacancyReferral = try XCTUnwrap(try res.jsonObject()["id"] as? String)
        // The client accepts the proposed referral (their adviser records it), then the employer interviews.
        res = try await t.send(.POST, "/api/v1/referrals/\(vacancyReferral)/status", json: #"{"status": "applied"}"#)
        XCTAssertEqual(res.status, .ok, res.body.string)
        res = try await t.send(.POST, "/api/v1/referrals/\(vacancyReferral)/status", json: #"{"status": "interviewed"}"#, as: .employer)
        XCTAssertEqual(res.status, .ok, res.body.string)

        res = try await t.send(.POST, "/api/v1/job-starts", json: """
            {"clientID": "\(f.clientA)", "vacancyID": "\(f.vacancy)", "startedOn": "2026-06-01"}
            """)
        XCTAssertEqual(res.status, .created, res.body.string)
        let jobStart = try XCTUnwrap((try res.jsonObject()["jobStart"] as? [String: Any])?["id"] as? String)
        res = try await t.send(.POST, "/api/v1/job-starts/\(jobStart)/checks", json: """
            {"milestone": "13", "checkedOn": "2026-09-01", "stillInWork": "yes", "note": "\(checkNote)"}
            """)
        XCTAssertEqual(res.status, .created, res.body.string)
        res = try await t.send(.POST, "/api/v1/job-starts/\(jobStart)/contacts", json: """
            {"contactedOn": "2026-10-01", "withEmployer": true, "summary": "\(contactSummary)"}
            """)
        XCTAssertEqual(res.status, .created, res.body.string)
        res = try await t.send(.POST, "/api/v1/job-starts/\(jobStart)/progressions", json: """
            {"kind": "promotion", "progressedOn": "2026-10-15", "detail": "\(progressionDetail)"}
            """)
        XCTAssertEqual(res.status, .created, res.body.string)

        res = try await t.send(.POST, "/api/v1/clients/\(f.clientB)/assessments", json: """
            {"assessedOn": "2026-10-20", "skills": [], "highestQualification": 1,
             "constraints": {"minHoursPerWeek": 8, "maxHoursPerWeek": 20, "maxTravelKm": 5}, "notes": "\(otherClientNote)"}
            """, as: .otherAdviser)
        XCTAssertEqual(res.status, .created, res.body.string)
        return Journey(programmeReferral: programmeReferral, vacancyReferral: vacancyReferral, jobStart: jobStart, assessment: assessment)
    }

    // MARK: - Subject access

    func testSubjectAccessJSONHoldsEveryRecordOfTheClientAndNothingOfAnother() async throws {
        let made = try await journey()
        let res = try await t.send(.GET, "/api/v1/clients/\(f.clientA)/subject-access", as: .adviser)
        XCTAssertEqual(res.status, .ok, res.body.string)
        XCTAssertEqual(res.headers.first(name: .contentDisposition), "attachment; filename=\"subject-access-WM-TESTAAAA.json\"")
        XCTAssertEqual(res.headers.contentType?.subType, "json")
        let body = try res.jsonObject()

        let client = try XCTUnwrap(body["client"] as? [String: Any])
        XCTAssertEqual(client["givenName"] as? String, "Ada")
        XCTAssertEqual(client["familyName"] as? String, "Testperson")
        XCTAssertEqual(client["dateOfBirth"] as? String, "1990-05-01")
        XCTAssertEqual(client["email"] as? String, "ada@example.test")
        XCTAssertEqual(client["phone"] as? String, "07700 900123")
        XCTAssertEqual(client["postcode"] as? String, "B6 4AA")
        XCTAssertEqual(client["wardName"] as? String, "Aston (test)")
        XCTAssertEqual(client["organisationName"] as? String, "Jobcentre Plus Test")
        let monitoring = try XCTUnwrap(client["equalityMonitoring"] as? [String: Any])
        XCTAssertEqual(monitoring["ethnicity"] as? String, "white-irish")
        XCTAssertEqual(monitoring["disability"] as? String, "yes")

        let consents = try XCTUnwrap(body["consents"] as? [[String: Any]])
        // The college at registration, the charity by the adviser, the employer when the client applied for its vacancy.
        XCTAssertEqual(Set(consents.compactMap { $0["organisationName"] as? String }), ["Test College", "Test Charity", "Test Engineering Ltd"])

        let assessments = try XCTUnwrap(body["assessments"] as? [[String: Any]])
        XCTAssertEqual(Set(assessments.compactMap { $0["id"] as? String }.map { $0.lowercased() }),
                       [f.assessmentA.uuidString.lowercased(), made.assessment.lowercased()])
        let latest = try XCTUnwrap(assessments.first { ($0["id"] as? String)?.lowercased() == made.assessment.lowercased() })
        XCTAssertEqual(latest["notes"] as? String, assessmentNote)
        let barriers = try XCTUnwrap(latest["barriers"] as? [[String: Any]])
        XCTAssertEqual(barriers.first { $0["kind"] as? String == "health" }?["specialCategory"] as? Bool, true)
        XCTAssertEqual((latest["skills"] as? [[String: Any]])?.first?["skillName"] as? String,
                       StarterTaxonomy.taxonomy.skillName("B.LITERACY"))
        XCTAssertEqual((latest["aspirations"] as? [[String: Any]])?.first?["occupationID"] as? String, "O.FORKLIFT_DRIVER")

        let referrals = try XCTUnwrap(body["referrals"] as? [[String: Any]])
        XCTAssertEqual(Set(referrals.compactMap { ($0["id"] as? String)?.lowercased() }),
                       [made.programmeReferral.lowercased(), made.vacancyReferral.lowercased()])
        let programme = try XCTUnwrap(referrals.first { ($0["id"] as? String)?.lowercased() == made.programmeReferral.lowercased() })
        XCTAssertEqual((programme["history"] as? [[String: Any]])?.first?["note"] as? String, referralNote)
        let vacancy = try XCTUnwrap(referrals.first { ($0["id"] as? String)?.lowercased() == made.vacancyReferral.lowercased() })
        XCTAssertEqual((vacancy["history"] as? [[String: Any]])?.compactMap { $0["status"] as? String }, ["proposed", "applied", "interviewed"])

        let starts = try XCTUnwrap(body["jobStarts"] as? [[String: Any]])
        XCTAssertEqual(starts.count, 1)
        XCTAssertEqual((starts[0]["id"] as? String)?.lowercased(), made.jobStart.lowercased())
        XCTAssertEqual((starts[0]["sustainmentChecks"] as? [[String: Any]])?.first?["note"] as? String, checkNote)
        XCTAssertEqual((starts[0]["contacts"] as? [[String: Any]])?.first?["summary"] as? String, contactSummary)
        XCTAssertEqual((starts[0]["progressions"] as? [[String: Any]])?.first?["detail"] as? String, progressionDetail)

        let retention = try XCTUnwrap(body["retention"] as? [String: Any])
        XCTAssertEqual(retention["months"] as? Int, 72)
        XCTAssertEqual(retention["lastActivity"] as? String, "2026-11-02T00:00:00Z", "the referrals made today are the last activity")
        XCTAssertEqual(retention["erasedAfter"] as? String, "2032-11-02T00:00:00Z")

        let trail = try XCTUnwrap(body["auditTrail"] as? [[String: Any]])
        XCTAssertTrue(trail.contains { $0["action"] as? String == "create" || $0["action"] as? String == "change" }, "\(trail)")
        let export = try XCTUnwrap(trail.last)
        XCTAssertEqual(export["action"] as? String, "export")
        XCTAssertEqual(export["purpose"] as? String, "subject access request")
        XCTAssertEqual(export["organisationName"] as? String, "Jobcentre Plus Test")

        // Nothing of the other client.
        let text = res.body.string
        for other in [f.clientB.uuidString, f.clientB.uuidString.lowercased(), "WM-TESTBBBB", "Otherperson", otherClientNote, "B15 2TT"] {
            XCTAssertFalse(text.contains(other), "the export mentions \(other)")
        }
    }

    func testPrintablePageShowsTheSameRecordWithoutTheServiceChrome() async throws {
        try await journey()
        let session = try await t.pageSession(.adviser)
        let res = try await t.page(session, "/clients/\(f.clientA)/subject-access")
        XCTAssertEqual(res.status, .ok)
        let html = res.body.string
        for expected in ["Personal data held about Ada Testperson", "ada@example.test", "07700 900123", "1 May 1990", assessmentNote,
                         referralNote, checkNote, contactSummary, progressionDetail, "Warehouse skills bootcamp", "White: Irish",
                         "72 months", "2 November 2032", "Subject access request", "Test College", "Test Charity"] {
            XCTAssertTrue(html.contains(expected), "the printable page lacks \(expected)")
        }
        XCTAssertTrue(html.contains(#"<link rel="stylesheet" href="/styles.css">"#))
        XCTAssertTrue(html.contains(#"class="no-print""#))
        for chrome in [#"class="service-nav""#, #"class="header""#, #"class="footer""#, "Sign out"] {
            XCTAssertFalse(html.contains(chrome), "the printable page has \(chrome)")
        }
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains(" style="))
        XCTAssertFalse(html.contains("Otherperson"))

        let css = try await t.app.sendRequest(.GET, "/styles.css")
        XCTAssertTrue(css.body.string.contains("@media print{"))

        // The record links to it, for those who may answer the request.
        let record = try await t.page(session, "/clients/\(f.clientA)")
        XCTAssertTrue(record.body.string.contains("/clients/\(f.clientA)/subject-access"))
        XCTAssertFalse(record.body.string.contains("/clients/\(f.clientA)/erase"), "only administrators see the erase link")
    }

    func testOnlyTheControllersStaffMayAnswerASubjectAccessRequest() async throws {
        let path = "/api/v1/clients/\(f.clientA)/subject-access"
        let exportsBefore = try await auditCount(action: "export")
        // No consent to the charity yet: its adviser cannot see the client at all.
        var res = try await t.send(.GET, path, as: .otherAdviser)
        XCTAssertEqual(res.status, .notFound)
        for role: TestRole in [.provider, .employer, .analyst] {
            res = try await t.send(.GET, path, as: role)
            XCTAssertEqual(res.status, .forbidden, "\(role)")
        }
        // With consent the charity's adviser sees the record, but does not answer for the controller.
        res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/consents", json: #"{"organisationID": "\#(f.charity)"}"#)
        XCTAssertEqual(res.status, .created)
        let value1 = try await t.send(.GET, "/api/v1/clients/\(f.clientA)", as: .otherAdviser).status
        XCTAssertEqual(value1, .ok)
        res = try await t.send(.GET, path, as: .otherAdviser)
        XCTAssertEqual(res.status, .forbidden)
        XCTAssertTrue(res.body.string.contains("Only the organisation that registered this client"), res.body.string)
        let partnerPage = try await t.page(try await t.pageSession(.otherAdviser), "/clients/\(f.clientA)/subject-access")
        XCTAssertEqual(partnerPage.status, .forbidden)
        XCTAssertFalse(partnerPage.body.string.contains("ada@example.test"))
        let value2 = try await auditCount(action: "export")
        XCTAssertEqual(value2, exportsBefore, "a refused request records no export")

        let value3 = try await t.send(.GET, path, as: .adviser).status
        XCTAssertEqual(value3, .ok)
        let value4 = try await t.send(.GET, path, as: .administrator).status
        XCTAssertEqual(value4, .ok)
        let value5 = try await t.send(.GET, "/api/v1/clients/\(UUID())/subject-access", as: .administrator).status
        XCTAssertEqual(value5, .notFound)
        let value6 = try await auditCount(action: "export")
        XCTAssertEqual(value6, exportsBefore + 2)
    }

    // MARK: - Rectification

    func testTheOwningAdviserCorrectsPersonalAndContactDetailsAndTheChangeIsAudited() async throws {
        let changesBefore = try await auditCount(action: "change")
        var res = try await t.send(.PUT, "/api/v1/clients/\(f.clientA)", json: """
            {"givenName": "Adah", "familyName": "Testperson-Jones", "dateOfBirth": "1990-05-02", "email": "adah@example.test",
             "phone": "0121 496 0000", "postcode": "B15 2TT", "wardID": "\(f.wardB)", "employmentStatus": "low-paid-work",
             "referralSource": "council"}
            """)
        XCTAssertEqual(res.status, .ok, res.body.string)
        let value7 = try await auditCount(action: "change")
        XCTAssertEqual(value7, changesBefore + 1)
        res = try await t.send(.GET, "/api/v1/clients/\(f.clientA)/subject-access")
        let client = try XCTUnwrap(try res.jsonObject()["client"] as? [String: Any])
        XCTAssertEqual(client["givenName"] as? String, "Adah")
        XCTAssertEqual(client["familyName"] as? String, "Testperson-Jones")
        XCTAssertEqual(client["dateOfBirth"] as? String, "1990-05-02")
        XCTAssertEqual(client["email"] as? String, "adah@example.test")
        XCTAssertEqual(client["phone"] as? String, "0121 496 0000")
        XCTAssertEqual(client["postcode"] as? String, "B15 2TT")
        XCTAssertEqual(client["wardID"] as? String, f.wardB)

        // A partner adviser (here: one with no consent) cannot correct it, and nothing changes.
        res = try await t.send(.PUT, "/api/v1/clients/\(f.clientA)", json: """
            {"givenName": "X", "familyName": "Y", "postcode": "B6 4AA", "wardID": "\(f.wardA)", "employmentStatus": "unemployed",
             "referralSource": "jobcentre"}
            """, as: .otherAdviser)
        XCTAssertEqual(res.status, .notFound)
        let value8 = try await rawClient(f.clientA).givenName
        XCTAssertEqual(value8, "Adah")
    }

    func testTheOwningOrganisationCorrectsAnAssessmentInPlaceAndPartnersMayNot() async throws {
        let path = "/api/v1/assessments/\(f.assessmentA)"
        let corrected = """
            {"assessedOn": "2026-09-08", "skills": [{"skillID": "B.LITERACY", "level": 2, "evidence": "certified"}],
             "highestQualification": 3, "gcseEnglish": true, "gcseMaths": true, "barriers": [],
             "constraints": {"minHoursPerWeek": 20, "maxHoursPerWeek": 35, "maxTravelKm": 10}, "notes": "Corrected: holds a level 3."}
            """
        let assessments = try await AssessmentModel.query(on: t.app.db).count()
        // A partner with consent sees the record but may not correct it; nor may a provider.
        let value9 = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/consents", json: #"{"organisationID": "\#(f.charity)"}"#).status
        XCTAssertEqual(value9, .created)
        let value10 = try await t.send(.PUT, path, json: corrected, as: .otherAdviser).status
        XCTAssertEqual(value10, .forbidden)
        let value11 = try await t.send(.PUT, path, json: corrected, as: .provider).status
        XCTAssertEqual(value11, .forbidden)
        let value12 = try await t.send(.PUT, path, json: #"{"constraints": {"minHoursPerWeek": 50, "maxHoursPerWeek": 10, "maxTravelKm": 1}}"#).status
        XCTAssertEqual(value12,
                       .unprocessableEntity)
        var stored = try await storedAssessment(f.assessmentA)
        XCTAssertEqual(stored.highestQualification, .level1, "refused corrections change nothing")

        let changes = try await auditCount(action: "change")
        let res = try await t.send(.PUT, path, json: corrected, as: .adviser)
        XCTAssertEqual(res.status, .ok, res.body.string)
        stored = try await storedAssessment(f.assessmentA)
        XCTAssertEqual(stored.highestQualification, .level3)
        XCTAssertEqual(stored.barriers, [])
        XCTAssertEqual(stored.notes, "Corrected: holds a level 3.")
        XCTAssertEqual(stored.adviserID, f.adviser, "the assessment keeps who made it")
        let value13 = try await AssessmentModel.query(on: t.app.db).count()
        XCTAssertEqual(value13, assessments, "corrected in place, not added")
        let value14 = try await auditCount(action: "change")
        XCTAssertEqual(value14, changes + 1)
        let event = try await AuditEventModel.query(on: t.app.db).sort(\.$id, .descending).first()
        XCTAssertEqual(event?.purpose, "rectification")
        XCTAssertEqual(event?.object, "assessment \(f.assessmentA.uuidString.lowercased())")

        // The page: the owning adviser finds the link and the form, pre-filled, and the correction saves.
        let session = try await t.pageSession(.adviser)
        let show = try await t.page(session, "/clients/\(f.clientA)/assessments/\(f.assessmentA)")
        XCTAssertTrue(show.body.string.contains("/clients/\(f.clientA)/assessments/\(f.assessmentA)/edit"))
        let form = try await t.page(session, "/clients/\(f.clientA)/assessments/\(f.assessmentA)/edit")
        XCTAssertEqual(form.status, .ok)
        XCTAssertTrue(form.body.string.contains("Correct the assessment of Ada Testperson, 8 September 2026"))
        XCTAssertTrue(form.body.string.contains("Corrected: holds a level 3."))
        XCTAssertTrue(form.body.string.contains(#"value="2026-09-08""#))
        let partner = try await t.page(try await t.pageSession(.otherAdviser), "/clients/\(f.clientA)/assessments/\(f.assessmentA)/edit")
        XCTAssertEqual(partner.status, .forbidden)
        XCTAssertFalse(partner.body.string.contains("Corrected: holds a level 3."))
    }

    func testDataProtectionOperationsConformToTheDocument() async throws {
        let api = try APIConformance(t)
        try await api.check(.GET, "/api/v1/clients/:clientID/subject-access", "/api/v1/clients/\(f.clientA)/subject-access", as: .adviser, expect: .ok)
        try await journey()
        try await api.check(.GET, "/api/v1/clients/:clientID/subject-access", "/api/v1/clients/\(f.clientA)/subject-access", as: .administrator, expect: .ok)
        try await api.check(.GET, "/api/v1/clients/:clientID/subject-access", "/api/v1/clients/\(f.clientA)/subject-access", as: .provider, expect: .forbidden)
        try await api.check(.GET, "/api/v1/clients/:clientID/subject-access", "/api/v1/clients/\(f.clientB)/subject-access", as: .adviser, expect: .notFound)
        try await api.check(.PUT, "/api/v1/assessments/:assessmentID", "/api/v1/assessments/\(f.assessmentA)", as: .adviser,
                            body: #"{"highestQualification": 2, "constraints": {"minHoursPerWeek": 10, "maxHoursPerWeek": 20, "maxTravelKm": 5}}"#, expect: .ok)
        try await api.check(.PUT, "/api/v1/assessments/:assessmentID", "/api/v1/assessments/\(f.assessmentA)", as: .adviser, body: "{}", expect: .unprocessableEntity)
        try await api.check(.PUT, "/api/v1/assessments/:assessmentID", "/api/v1/assessments/\(UUID())", as: .adviser,
                            body: #"{"highestQualification": 2, "constraints": {"minHoursPerWeek": 10, "maxHoursPerWeek": 20, "maxTravelKm": 5}}"#, expect: .notFound)
        try await api.check(.POST, "/api/v1/clients/:clientID/erasure", "/api/v1/clients/\(f.clientA)/erasure", as: .adviser,
                            body: #"{"reason": "objection"}"#, expect: .forbidden)
        try await api.check(.POST, "/api/v1/clients/:clientID/erasure", "/api/v1/clients/\(f.clientA)/erasure", as: .administrator,
                            body: #"{"reason": "later"}"#, expect: .unprocessableEntity)
        try await api.check(.POST, "/api/v1/clients/:clientID/erasure", "/api/v1/clients/\(f.clientA)/erasure", as: .administrator,
                            body: #"{"reason": "objection"}"#, expect: .ok)
        try await api.check(.POST, "/api/v1/clients/:clientID/erasure", "/api/v1/clients/\(f.clientA)/erasure", as: .administrator,
                            body: #"{"reason": "objection"}"#, expect: .conflict)
        api.assertCovered("Data protection")
    }

    // MARK: - Erasure on request

    func testErasureRemovesIdentifiersEverywhereKeepsEveryInsightFigureAndLeavesMatching() async throws {
        let made = try await journey()
        let before = try await insightFigures()
        XCTAssertEqual(((try JSONSerialization.jsonObject(with: Data(before.direct.utf8)) as? [String: Any])?["jobStarts"] as? [String: Any])?["total"] as? Int, 1,
                       "the figures count clientA's job start, so the comparison below means something")
        let rowsBefore = try await recordedValues(made)
        let auditBefore = try await auditCount()

        let res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/erasure", json: #"{"reason": "subject-request"}"#, as: .administrator)
        XCTAssertEqual(res.status, .ok, res.body.string)
        XCTAssertEqual(try res.jsonObject()["reason"] as? String, "subject-request")

        // The figures are exactly the same.
        let after = try await insightFigures()
        XCTAssertEqual(after.direct, before.direct)
        XCTAssertEqual(after.adviser, before.adviser)
        XCTAssertEqual(after.analyst, before.analyst)

        // The raw row: identifiers gone, statistics' facts kept, marked erased.
        let row = try await rawClient(f.clientA)
        XCTAssertEqual(row.givenName, "Erased")
        XCTAssertEqual(row.familyName, "client")
        XCTAssertTrue(row.reference.hasPrefix("ERASED-") && row.reference.count == 19, row.reference)
        XCTAssertNil(row.dateOfBirth)
        XCTAssertNil(row.email)
        XCTAssertNil(row.phone)
        XCTAssertEqual(row.postcode, "")
        XCTAssertNil(row.sealedEqualityMonitoring)
        XCTAssertEqual(row.wardID, f.wardA)
        XCTAssertEqual(row.employmentStatus, "unemployed")
        XCTAssertEqual(row.erasureReason, "subject-request")
        XCTAssertEqual(row.erasedAt, WebFixture.today)

        // Every column does what the record of processing says, and the special-category columns open to nothing.
        let rowsAfter = try await recordedValues(made)
        try checkRules(before: rowsBefore, after: rowsAfter)
        let cipher = t.app.columnCipher
        for model in try await AssessmentModel.query(on: t.app.db).filter(\.$clientID == f.clientA).all() {
            let value = try model.value(cipher)
            XCTAssertEqual(value.barriers, [])
            XCTAssertEqual(value.notes, "")
            XCTAssertEqual(value.aspirations, [])
            XCTAssertFalse(value.skills.isEmpty, "skills feed the skills-supply figures and stay")
        }
        try await assertNoTableHolds(["Testperson", "ada@example.test", "07700 900123", "B6 4AA", "WM-TESTAAAA", assessmentNote,
                                      referralNote, checkNote, contactSummary, progressionDetail])
        // The other client is untouched.
        let value15 = try await rawClient(f.clientB).familyName
        XCTAssertEqual(value15, "Otherperson")

        // Gone from lists, records and matching.
        for role: TestRole in [.adviser, .administrator] {
            let list = try await t.send(.GET, "/api/v1/clients", as: role)
            XCTAssertFalse(list.body.string.contains(f.clientA.uuidString), "\(role) still lists the erased client")
            let value16 = try await t.send(.GET, "/api/v1/clients/\(f.clientA)", as: role).status
            XCTAssertEqual(value16, .notFound)
            let value17 = try await t.send(.GET, "/api/v1/clients/\(f.clientA)/subject-access", as: role).status
            XCTAssertEqual(value17, .notFound)
        }
        let snapshot = try await t.app.caughtUpSnapshot(now: WebFixture.today)
        XCTAssertNil(snapshot.profiles[f.clientA])
        XCTAssertNil(snapshot.clientOrganisation[f.clientA])

        // The audit trail keeps its rows and gains one "erase" event.
        let value18 = try await auditCount()
        XCTAssertEqual(value18, auditBefore + 1)
        let erase = try await AuditEventModel.query(on: t.app.db).filter(\.$clientID == f.clientA).sort(\.$id, .descending).first()
        XCTAssertEqual(erase?.action, "erase")
        XCTAssertEqual(erase?.purpose, "erasure request")
        XCTAssertEqual(erase?.userID, f.admin)
    }

    func testAnErasedClientLeavesMatchingAndCandidateLists() async throws {
        var candidates = try await t.send(.GET, "/api/v1/vacancies/\(f.vacancy)/candidates", as: .adviser)
        XCTAssertEqual(candidates.status, .ok)
        XCTAssertTrue(candidates.body.string.contains("WM-TESTAAAA"), "clientA is a candidate before erasure: \(candidates.body.string)")
        var snapshot = try await t.app.caughtUpSnapshot(now: WebFixture.today)
        XCTAssertNotNil(snapshot.profiles[f.clientA])

        let res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/erasure", json: #"{"reason": "subject-request"}"#, as: .administrator)
        XCTAssertEqual(res.status, .ok, res.body.string)
        candidates = try await t.send(.GET, "/api/v1/vacancies/\(f.vacancy)/candidates", as: .adviser)
        XCTAssertEqual(candidates.status, .ok)
        XCTAssertFalse(candidates.body.string.contains(f.clientA.uuidString), candidates.body.string)
        XCTAssertFalse(candidates.body.string.contains("ERASED-"), candidates.body.string)
        XCTAssertFalse(candidates.body.string.contains("WM-TESTAAAA"), candidates.body.string)
        snapshot = try await t.app.caughtUpSnapshot(now: WebFixture.today)
        XCTAssertNil(snapshot.profiles[f.clientA])
        let matches = try await t.send(.GET, "/api/v1/clients/\(f.clientA)/matches", as: .adviser)
        XCTAssertEqual(matches.status, .notFound)
    }

    func testErasingTwiceIsAConflictThatChangesNothing() async throws {
        var res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/erasure", json: #"{"reason": "objection"}"#, as: .administrator)
        XCTAssertEqual(res.status, .ok, res.body.string)
        let row = try await rawClient(f.clientA)
        let audit = try await auditCount()
        res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/erasure", json: #"{"reason": "subject-request"}"#, as: .administrator)
        XCTAssertEqual(res.status, .conflict)
        XCTAssertTrue(res.body.string.contains("already erased on 2 November 2026"), res.body.string)
        let again = try await rawClient(f.clientA)
        XCTAssertEqual(again.reference, row.reference)
        XCTAssertEqual(again.erasureReason, "objection")
        let value19 = try await auditCount()
        XCTAssertEqual(value19, audit)
        let page = try await t.page(try await t.pageSession(.administrator), "/clients/\(f.clientA)/erase")
        XCTAssertEqual(page.status, .conflict)
        XCTAssertTrue(page.body.string.contains("already erased"))
    }

    func testOnlyAdministratorsMayEraseAndARefusalChangesNothing() async throws {
        let row = try await rawClient(f.clientA)
        let audit = try await auditCount()
        for role: TestRole in [.adviser, .otherAdviser, .provider, .employer, .analyst] {
            let res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/erasure", json: #"{"reason": "subject-request"}"#, as: role)
            XCTAssertEqual(res.status, .forbidden, "\(role): \(res.body.string)")
        }
        var res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/erasure", json: #"{"reason": "retention-period-ended"}"#, as: .administrator)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains("reason must be one of: subject-request, objection, no-longer-needed"), res.body.string)
        res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/erasure", json: "{}", as: .administrator)
        XCTAssertEqual(res.status, .unprocessableEntity)
        res = try await t.send(.POST, "/api/v1/clients/\(UUID())/erasure", json: #"{"reason": "objection"}"#, as: .administrator)
        XCTAssertEqual(res.status, .notFound)
        let after = try await rawClient(f.clientA)
        XCTAssertEqual(after.givenName, row.givenName)
        XCTAssertEqual(after.reference, row.reference)
        XCTAssertNil(after.erasedAt)
        let value20 = try await auditCount()
        XCTAssertEqual(value20, audit)

        let session = try await t.pageSession(.adviser)
        let value21 = try await t.page(session, "/clients/\(f.clientA)/erase").status
        XCTAssertEqual(value21, .forbidden)
    }

    func testTheErasePageExplainsAsksForAReasonAndNeedsTheCSRFToken() async throws {
        var session = try await t.pageSession(.administrator)
        let record = try await t.page(session, "/clients/\(f.clientA)")
        XCTAssertTrue(record.body.string.contains("/clients/\(f.clientA)/erase"), "administrators see the erase link")
        let page = try await t.page(session, "/clients/\(f.clientA)/erase")
        XCTAssertEqual(page.status, .ok)
        session.absorb(page)
        let html = page.body.string
        for expected in ["Erase Ada Testperson", "This cannot be undone", "What will be removed", "Email address (removed)", "First name (replaced with “Erased”)",
                         "What will stay", "The client asked for their personal data to be erased", #"name="reason""#] {
            XCTAssertTrue(html.contains(expected), "the erase page lacks \(expected)")
        }

        var res = try await t.app.sendRequest(.POST, "/clients/\(f.clientA)/erase", headers: session.headers) { req async throws in
            try req.content.encode(["reason": "subject-request"], as: .urlEncodedForm)
        }
        XCTAssertEqual(res.status, .forbidden, "no CSRF token")
        let value22 = try await rawClient(f.clientA).erasedAt
        XCTAssertNil(value22)

        res = try await t.app.sendRequest(.POST, "/clients/\(f.clientA)/erase", headers: session.headers) { req async throws in
            try req.content.encode(session.form([:]), as: .urlEncodedForm)
        }
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains("There is a problem"))
        XCTAssertTrue(res.body.string.contains("Choose why the client"))
        let value23 = try await rawClient(f.clientA).erasedAt
        XCTAssertNil(value23)

        res = try await t.app.sendRequest(.POST, "/clients/\(f.clientA)/erase", headers: session.headers) { req async throws in
            try req.content.encode(session.form(["reason": "no-longer-needed"]), as: .urlEncodedForm)
        }
        XCTAssertEqual(res.status, .seeOther)
        XCTAssertEqual(res.headers.first(name: .location), "/clients?notice=erased")
        let value24 = try await rawClient(f.clientA).erasureReason
        XCTAssertEqual(value24, "no-longer-needed")
        let list = try await t.page(session, "/clients?notice=erased")
        XCTAssertTrue(list.body.string.contains("personal data was erased"))
        XCTAssertFalse(list.body.string.contains("Testperson"))
    }

    // MARK: - Erasure by retention

    func testRetentionErasesOnlyClientsPastThePeriodAndADryRunChangesNothing() async throws {
        // ClientA's last activity is its assessment on 8 September 2026, clientB's its registration on 1 October 2026.
        let audit = try await auditCount()
        var report = try await Retention.run(t.app, environment: at("2032-09-07"), dryRun: false)
        XCTAssertEqual(report.due, [], "nothing is six years old on 7 September 2032")
        XCTAssertEqual(report.cutoff, Date(isoDay: "2026-09-07"))

        report = try await Retention.run(t.app, environment: at("2032-09-20"), dryRun: true)
        XCTAssertEqual(report.due, [f.clientA])
        XCTAssertEqual(report.erased, 0)
        let value25 = try await rawClient(f.clientA).erasedAt
        XCTAssertNil(value25, "a dry run changes nothing")
        let value26 = try await rawClient(f.clientA).givenName
        XCTAssertEqual(value26, "Ada")
        let value27 = try await auditCount()
        XCTAssertEqual(value27, audit)

        report = try await Retention.run(t.app, environment: at("2032-09-20"), dryRun: false)
        XCTAssertEqual(report.due, [f.clientA])
        XCTAssertEqual(report.erased, 1)
        let erased = try await rawClient(f.clientA)
        XCTAssertEqual(erased.givenName, "Erased")
        XCTAssertEqual(erased.erasureReason, "retention-period-ended")
        XCTAssertEqual(erased.erasedAt, Date(isoDay: "2032-09-20"))
        let value28 = try await rawClient(f.clientB).givenName
        XCTAssertEqual(value28, "Bo")
        let event = try await AuditEventModel.query(on: t.app.db).sort(\.$id, .descending).first()
        XCTAssertEqual(event?.action, "erase")
        XCTAssertEqual(event?.purpose, "retention period ended")
        XCTAssertEqual(event?.channel, "command-line")
        XCTAssertNil(event?.userID)
        let value29 = try await auditCount()
        XCTAssertEqual(value29, audit + 1)

        // Erased clients are not due again; clientB is, once its own six years have passed.
        report = try await Retention.run(t.app, environment: at("2032-10-02"), dryRun: false)
        XCTAssertEqual(report.due, [f.clientB])
    }

    func testLaterActivityPostponesRetentionAndThePeriodIsConfigurable() async throws {
        // A referral made today (2 November 2026) is clientA's latest activity.
        let res = try await t.send(.POST, "/api/v1/referrals", json: #"{"clientID": "\#(f.clientA)", "cohortID": "\#(f.cohort)"}"#)
        XCTAssertEqual(res.status, .created, res.body.string)
        var report = try await Retention.run(t.app, environment: at("2032-10-20"), dryRun: true)
        XCTAssertEqual(report.due, [f.clientB])
        report = try await Retention.run(t.app, environment: at("2032-11-03"), dryRun: true)
        XCTAssertEqual(Set(report.due), [f.clientA, f.clientB])

        report = try await Retention.run(t.app, environment: at("2026-11-03", months: 1), dryRun: true)
        XCTAssertEqual(report.due, [f.clientB], "one month after 1 October 2026")
        XCTAssertEqual(report.months, 1)

        XCTAssertEqual(try AppEnvironment.retentionMonths(from: nil), 72)
        XCTAssertEqual(try AppEnvironment.retentionMonths(from: " 18 "), 18)
        for bad in ["0", "-3", "six", "1201", "12.5"] {
            XCTAssertThrowsError(try AppEnvironment.retentionMonths(from: bad), bad)
        }
    }

    // MARK: - Record of processing

    /// Every stored field of the client's records is in the record of processing, and nothing it lists is missing.
    func testTheRecordOfProcessingListsEveryFieldOfTheClientModels() {
        let models: [(String, [FieldKey])] = [
            (ClientModel.schema, ClientModel.keys), (ConsentModel.schema, ConsentModel.keys), (AssessmentModel.schema, AssessmentModel.keys),
            (ReferralModel.schema, ReferralModel.keys), (StatusChangeModel.schema, StatusChangeModel.keys),
            (JobStartModel.schema, JobStartModel.keys), (SustainmentCheckModel.schema, SustainmentCheckModel.keys),
            (InWorkContactModel.schema, InWorkContactModel.keys), (ProgressionModel.schema, ProgressionModel.keys),
            (AuditEventModel.schema, AuditEventModel.keys),
        ]
        for (schema, keys) in models {
            let stored = Set(keys.map(\.description))
            let listed = Set(ProcessingRecord.fields.filter { $0.table == schema }.map(\.column))
            XCTAssertEqual(stored.subtracting(listed).sorted(), [], "\(schema): fields missing from the record of processing")
            XCTAssertEqual(listed.subtracting(stored).sorted(), [], "\(schema): the record lists fields the model does not have")
        }
        let all = ProcessingRecord.fields.map { "\($0.table).\($0.column)" }
        XCTAssertEqual(all.count, Set(all).count, "a field is listed twice")
        for category in ProcessingRecord.categories {
            XCTAssertFalse(category.purpose.isEmpty || category.lawfulBasis.isEmpty || category.recipients.isEmpty, category.name)
            if category.fields.contains(where: \.sealed) {
                XCTAssertTrue(category.specialCategory, "\(category.name) holds sealed columns, so is special-category data")
            }
        }
        let sealed = Set(ProcessingRecord.fields.filter(\.sealed).map(\.column))
        XCTAssertEqual(sealed, [AssessmentModel.barriersColumn, AssessmentModel.notesColumn, ClientModel.equalityMonitoringColumn])
    }

    func testEveryoneSignedInSeesTheRecordOfProcessingWithTheRetentionPeriod() async throws {
        for role in TestRole.allCases {
            let session = try await t.pageSession(role)
            let res = try await t.page(session, "/privacy/processing")
            XCTAssertEqual(res.status, .ok, "\(role)")
            let html = res.body.string
            for expected in ["Record of processing", "72 months (6 years)", "Special category", "Public task", "Article 9(2)(a)",
                             "Sealed", "Who receives it", "(subject access)", "Equality monitoring", "Information Commissioner"] {
                XCTAssertTrue(html.contains(expected), "\(role): the page lacks \(expected)")
            }
            for field in ProcessingRecord.fields {
                XCTAssertTrue(html.contains("\(field.table).\(field.column)"), "\(field.table).\(field.column) is not on the page")
            }
            if role == .adviser {
                let value30 = try await t.page(session, "/").body.string.contains(#"href="/privacy/processing""#)
                XCTAssertTrue(value30, "the footer links to it")
            }
        }
        let signedOut = try await t.app.sendRequest(.GET, "/privacy/processing")
        XCTAssertNotEqual(signedOut.status, .ok)
        let viewer = Viewer(displayName: "A", role: .analyst, organisationName: "B", csrfToken: "c")
        XCTAssertTrue(PrivacyViews.processing(retentionMonths: 18, viewer: viewer).contains("18 months (about 2 years)"))
    }

    // MARK: - Helpers

    /// The environment with its clock at `day`, and the retention period.
    func at(_ day: String, months: Int = 72) -> AppEnvironment {
        var environment = t.environment
        let now = Date(isoDay: day)!
        environment.now = { now }
        environment.retentionMonths = months
        return environment
    }

    /// The dashboard as the core computes it, and as advisers and analysts get it from the API.
    func insightFigures() async throws -> (direct: String, adviser: String, analyst: String) {
        let dashboard = try await InsightQueries.figures(area: try await InsightArea.resolve(nil, on: t.app.db), now: WebFixture.today, on: t.app.db)
        let direct = String(decoding: try JSONEncoder.api.encode(dashboard), as: UTF8.self)
        let adviser = try await t.send(.GET, "/api/v1/insight?la=\(f.laCode)", as: .adviser)
        let analyst = try await t.send(.GET, "/api/v1/insight", as: .analyst)
        XCTAssertEqual(adviser.status, .ok)
        XCTAssertEqual(analyst.status, .ok)
        return (direct, adviser.body.string, analyst.body.string)
    }

    func storedAssessment(_ id: UUID) async throws -> Assessment {
        let model = try await AssessmentModel.find(id, on: t.app.db)
        return try XCTUnwrap(model).value(t.app.columnCipher)
    }

    func auditCount(action: String? = nil) async throws -> Int {
        var query = AuditEventModel.query(on: t.app.db)
        if let action { query = query.filter(\.$action == action) }
        return try await query.count()
    }

    struct RawClient {
        var reference: String
        var givenName: String
        var familyName: String
        var dateOfBirth: Date?
        var email: String?
        var phone: String?
        var postcode: String
        var wardID: String
        var employmentStatus: String
        var sealedEqualityMonitoring: String?
        var erasedAt: Date?
        var erasureReason: String?
    }

    /// The client's row as stored, read with SQL rather than through the model.
    func rawClient(_ id: UUID) async throws -> RawClient {
        let sql = t.app.db as! any SQLDatabase
        let found = try await sql.raw("SELECT * FROM \(ident: ClientModel.schema) WHERE \(ident: "id") = \(bind: id)").first()
        let row = try XCTUnwrap(found)
        return RawClient(
            reference: try row.decode(column: "reference", as: String.self), givenName: try row.decode(column: "given_name", as: String.self),
            familyName: try row.decode(column: "family_name", as: String.self), dateOfBirth: try row.decode(column: "date_of_birth", as: Date?.self),
            email: try row.decode(column: "email", as: String?.self), phone: try row.decode(column: "phone", as: String?.self),
            postcode: try row.decode(column: "postcode", as: String.self), wardID: try row.decode(column: "ward_id", as: String.self),
            employmentStatus: try row.decode(column: "employment_status", as: String.self),
            sealedEqualityMonitoring: try row.decode(column: ClientModel.equalityMonitoringColumn, as: String?.self),
            erasedAt: try row.decode(column: "erased_at", as: Date?.self), erasureReason: try row.decode(column: "erasure_reason", as: String?.self))
    }

    /// Every listed column of clientA's rows, as text, keyed `table.column#row`.
    func recordedValues(_ made: Journey) async throws -> [String: String?] {
        let sql = t.app.db as! any SQLDatabase
        let starts = [UUID(uuidString: made.jobStart)!]
        let referrals = [UUID(uuidString: made.programmeReferral)!, UUID(uuidString: made.vacancyReferral)!]
        let rowsOf: [String: SQLQueryString] = [
            ClientModel.schema: "\(ident: "id") = \(bind: f.clientA)",
            ConsentModel.schema: "\(ident: "client_id") = \(bind: f.clientA)",
            AssessmentModel.schema: "\(ident: "client_id") = \(bind: f.clientA)",
            ReferralModel.schema: "\(ident: "client_id") = \(bind: f.clientA)",
            StatusChangeModel.schema: "\(ident: "referral_id") IN (\(binds: referrals))",
            JobStartModel.schema: "\(ident: "client_id") = \(bind: f.clientA)",
            SustainmentCheckModel.schema: "\(ident: "job_start_id") IN (\(binds: starts))",
            InWorkContactModel.schema: "\(ident: "job_start_id") IN (\(binds: starts))",
            ProgressionModel.schema: "\(ident: "job_start_id") IN (\(binds: starts))",
        ]
        var values: [String: String?] = [:]
        for (table, condition) in rowsOf {
            let columns = ProcessingRecord.fields.filter { $0.table == table }.map(\.column)
            let rows = try await sql.raw("""
                SELECT \(SQLList(columns.map { textOf($0) })) FROM \(ident: table) WHERE \(condition) ORDER BY \(ident: "id")
                """).all()
            XCTAssertFalse(rows.isEmpty, "clientA has no \(table) rows to check")
            for (index, row) in rows.enumerated() {
                for column in columns { values["\(table).\(column)#\(index)"] = try row.decode(column: column, as: String?.self) }
            }
        }
        return values
    }

    /// The column as text, the same way on SQLite and PostgreSQL.
    func textOf(_ column: String) -> any SQLExpression {
        TestApp.usingPostgres
            ? SQLRaw("CAST(\"\(column)\" AS TEXT) AS \"\(column)\"")
            : SQLRaw("CASE WHEN \"\(column)\" IS NULL THEN NULL ELSE quote(\"\(column)\") END AS \"\(column)\"")
    }

    /// Kept columns are unchanged; removed ones are empty (sealed ones are checked by opening them); replaced ones changed.
    func checkRules(before: [String: String?], after: [String: String?]) throws {
        XCTAssertEqual(Set(before.keys), Set(after.keys))
        for field in ProcessingRecord.fields where field.table != AuditEventModel.schema {
            let keys = before.keys.filter { $0.hasPrefix("\(field.table).\(field.column)#") }
            XCTAssertFalse(keys.isEmpty, "no values for \(field.table).\(field.column)")
            for key in keys {
                let old = before[key]!, new = after[key]!
                switch field.afterErasure {
                case .kept:
                    XCTAssertEqual(new, old, "\(key) should be kept")
                case .removed where !field.sealed:
                    XCTAssertTrue(isEmpty(new), "\(key) should be removed, is \(new ?? "NULL")")
                case .removed:
                    break
                case .replaced:
                    XCTAssertNotEqual(new, old, "\(key) should be replaced")
                }
            }
        }
    }

    func isEmpty(_ text: String?) -> Bool {
        guard let text else { return true }
        let compact = text.replacingOccurrences(of: " ", with: "")
        return ["", "''", "NULL", "0", "0.0", #"{"items":[]}"#, #"'{"items":[]}'"#].contains(compact)
    }

    /// No text column of any table holds any of `needles`.
    func assertNoTableHolds(_ needles: [String]) async throws {
        let sql = t.app.db as! any SQLDatabase
        let tables = [ClientModel.schema, ConsentModel.schema, AssessmentModel.schema, ReferralModel.schema, StatusChangeModel.schema,
                      JobStartModel.schema, SustainmentCheckModel.schema, InWorkContactModel.schema, ProgressionModel.schema,
                      AuditEventModel.schema]
        for table in tables {
            for row in try await sql.raw("SELECT * FROM \(ident: table)").all() {
                for column in row.allColumns {
                    guard let value = try? row.decode(column: column, as: String.self) else { continue }
                    for needle in needles where value.contains(needle) {
                        XCTFail("\(table).\(column) still holds \(needle)")
                    }
                }
            }
        }
    }
}
