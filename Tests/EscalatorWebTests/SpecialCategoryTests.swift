import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import SQLKit
import XCTVapor
import XCTest

/// Special-category data (barriers, assessment notes, equality monitoring): sealed at rest, and each
/// role sees exactly what `SpecialCategoryAccess` allows, on pages and in the API.
final class SpecialCategoryTests: WebTestCase {
    /// Words that appear only in the special-category data `prepare()` records.
    static let note = "Probation appointments on Tuesdays, XYZZY"

    var sql: any SQLDatabase { t.app.db as! any SQLDatabase }

    private func clientJSON(_ monitoring: String? = nil) -> String {
        let extra = monitoring.map { #", "equalityMonitoring": \#($0)"# } ?? ""
        return #"{"givenName": "Ada", "familyName": "Testperson", "dateOfBirth": "1990-05-01", "email": "ada@example.test", "postcode": "B6 4AA", "wardID": "\#(f.wardA)", "employmentStatus": "unemployed", "referralSource": "jobcentre"\#(extra)}"#
    }

    static let monitoring = #"{"clientAgreed": true, "ethnicity": "white-irish", "disability": "yes", "longTermHealthCondition": "prefer-not-to-say"}"#

    /// Client A (the Jobcentre's) is assessed with transport, health and convictions barriers and a note, gives
    /// equality-monitoring answers, consents to share with the charity (the other adviser's organisation) and
    /// is referred to the college's programme, which supports transport only.
    @discardableResult
    private func prepare() async throws -> (assessmentID: UUID, referralID: UUID) {
        var res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/assessments", json: #"""
            {"highestQualification": 2, "barriers": [{"kind": "transport", "severity": 3}, {"kind": "health", "severity": 2},
             {"kind": "convictions", "severity": 1}], "notes": "\#(Self.note)",
             "constraints": {"minHoursPerWeek": 16, "maxHoursPerWeek": 37, "maxTravelKm": 15, "travelModes": ["public-transport"]}}
            """#)
        XCTAssertEqual(res.status, .created, res.body.string)
        let assessmentID = try XCTUnwrap(UUID(uuidString: (try res.jsonObject()["assessment"] as? [String: Any])?["id"] as? String ?? ""))
        res = try await t.send(.PUT, "/api/v1/clients/\(f.clientA)", json: clientJSON(Self.monitoring))
        XCTAssertEqual(res.status, .ok, res.body.string)
        res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/consents", json: #"{"organisationID": "\#(f.charity)"}"#)
        XCTAssertEqual(res.status, .created, res.body.string)
        res = try await t.send(.POST, "/api/v1/referrals", json: #"{"clientID": "\#(f.clientA)", "programmeID": "\#(f.programme)"}"#)
        XCTAssertEqual(res.status, .created, res.body.string)
        let referralID = try XCTUnwrap(UUID(uuidString: try res.jsonObject()["id"] as? String ?? ""))
        return (assessmentID, referralID)
    }

    /// Every column of the row that reads as text.
    private func textColumns(_ table: String, where column: String, is id: UUID) async throws -> [String: String] {
        let rows = try await sql.select().column("*").from(table).where(SQLIdentifier(column), .equal, SQLBind(id)).all()
        var texts: [String: String] = [:]
        for row in rows {
            for name in row.allColumns {
                if let text = try? row.decode(column: name, as: String.self) { texts[name, default: ""] += text }
            }
        }
        return texts
    }

    private func sealedMonitoring(_ client: UUID) async throws -> String? {
        try await sql.select().column(ClientModel.equalityMonitoringColumn).from(ClientModel.schema).where("id", .equal, client)
            .first()?.decode(column: ClientModel.equalityMonitoringColumn, as: String?.self)
    }

    // MARK: Sealed at rest

    func testTheDatabaseHoldsNoPlaintextAndTheAppReadsItBack() async throws {
        let (assessmentID, _) = try await prepare()

        let assessment = try await textColumns(AssessmentModel.schema, where: "id", is: assessmentID)
        XCTAssertNil(assessment["barriers"], "the plain column is gone")
        XCTAssertNil(assessment["notes"], "the plain column is gone")
        let barriers = try XCTUnwrap(assessment[AssessmentModel.barriersColumn])
        let notes = try XCTUnwrap(assessment[AssessmentModel.notesColumn])
        XCTAssertTrue(barriers.hasPrefix("v1:") && notes.hasPrefix("v1:"))
        XCTAssertFalse(barriers.contains("transport") || barriers.contains("kind"))
        for (column, text) in assessment {
            for word in ["convictions", "health", "XYZZY", "Probation"] {
                XCTAssertFalse(text.contains(word), "\(word) in plain text in assessments.\(column)")
            }
        }
        let client = try await textColumns(ClientModel.schema, where: "id", is: f.clientA)
        XCTAssertTrue(client[ClientModel.equalityMonitoringColumn]?.hasPrefix("v1:") == true)
        for (column, text) in client {
            for word in ["white-irish", "ethnicity", "prefer-not-to-say", "disability"] {
                XCTAssertFalse(text.contains(word), "\(word) in plain text in clients.\(column)")
            }
        }

        // The owner's adviser reads it all back.
        var res = try await t.send(.GET, "/api/v1/assessments/\(assessmentID)")
        XCTAssertEqual(res.status, .ok)
        let body = try res.content.decode(AssessmentsAPIController.DetailDTO.self)
        XCTAssertEqual(body.assessment.barriers.map(\.kind), [.transport, .health, .convictions])
        XCTAssertEqual(body.assessment.notes, Self.note)
        XCTAssertNil(body.withheld)
        res = try await t.send(.GET, "/api/v1/clients/\(f.clientA)")
        let detail = try res.content.decode(ClientsAPIController.ClientDetailDTO.self)
        XCTAssertEqual(detail.client.equalityMonitoring, EqualityMonitoring(
            ethnicity: .irish, disability: .yes, longTermHealthCondition: .preferNotToSay, agreedOn: WebFixture.today))
        XCTAssertNil(detail.withheld)
    }

    func testAValueSealedForOneRowDoesNotOpenInAnother() async throws {
        let (assessmentID, _) = try await prepare()
        // Copy the new assessment's sealed barriers onto the fixture's older assessment, as someone with
        // database access might to move data between records.
        let moved = try await sql.select().column(AssessmentModel.barriersColumn).from(AssessmentModel.schema)
            .where("id", .equal, assessmentID).first()!.decode(column: AssessmentModel.barriersColumn, as: String.self)
        try await sql.update(AssessmentModel.schema).set(AssessmentModel.barriersColumn, to: moved).where("id", .equal, f.assessmentA).run()

        let model = try await AssessmentModel.find(f.assessmentA, on: t.app.db)!
        XCTAssertThrowsError(try model.value(t.app.columnCipher)) { error in
            XCTAssertEqual(error as? SealedColumnError, .cannotOpen(AssessmentModel.schema, AssessmentModel.barriersColumn))
        }
        // The app says so plainly instead of showing wrong data.
        let res = try await t.send(.GET, "/api/v1/assessments/\(f.assessmentA)")
        XCTAssertEqual(res.status, .internalServerError)
        let error = try res.content.decode(ErrorBody.self).error
        XCTAssertEqual(error.code, "sealed_data_unreadable")
        XCTAssertTrue(error.message.contains("assessments.sealed_barriers"), error.message)
        // Equality monitoring is bound to its client in the same way.
        let sealed = try await sealedMonitoring(f.clientA)
        try await sql.update(ClientModel.schema).set(ClientModel.equalityMonitoringColumn, to: sealed).where("id", .equal, f.clientB).run()
        let clientB = try await ClientModel.find(f.clientB, on: t.app.db)!
        XCTAssertThrowsError(try clientB.value(t.app.columnCipher))
    }

    func testAnotherDataKeyCannotOpenTheColumns() async throws {
        let (assessmentID, _) = try await prepare()
        let other = ColumnCipher(DataKey.generate())
        let assessment = try await AssessmentModel.find(assessmentID, on: t.app.db)!
        XCTAssertThrowsError(try assessment.value(other)) { error in
            XCTAssertEqual(error as? SealedColumnError, .cannotOpen(AssessmentModel.schema, AssessmentModel.barriersColumn))
            XCTAssertTrue(String(describing: error).contains("data key"))
        }
        let client = try await ClientModel.find(f.clientA, on: t.app.db)!
        XCTAssertThrowsError(try client.value(other)) { error in
            XCTAssertEqual(error as? SealedColumnError, .cannotOpen(ClientModel.schema, ClientModel.equalityMonitoringColumn))
        }
        XCTAssertEqual(try client.value(t.app.columnCipher).equalityMonitoring?.ethnicity, .irish)
    }

    // MARK: Who sees what, through the API

    func testOwnersAdviserAndAdministratorsSeeEverything() async throws {
        let (assessmentID, _) = try await prepare()
        for role in [TestRole.adviser, .administrator] {
            let client = try await t.send(.GET, "/api/v1/clients/\(f.clientA)", as: role)
            XCTAssertEqual(client.status, .ok)
            let object = try client.jsonObject()
            let monitoring = (object["client"] as? [String: Any])?["equalityMonitoring"] as? [String: Any]
            XCTAssertEqual(monitoring?["ethnicity"] as? String, "white-irish", "\(role)")
            XCTAssertNil(object["withheld"], "\(role)")
            let factors = ((object["distanceFromWork"] as? [String: Any])?["factors"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            XCTAssertTrue(factors.contains("Barrier: Convictions"), "\(role): \(factors)")

            let assessment = try await t.send(.GET, "/api/v1/assessments/\(assessmentID)", as: role)
            let detail = try assessment.content.decode(AssessmentsAPIController.DetailDTO.self)
            XCTAssertEqual(detail.assessment.notes, Self.note, "\(role)")
            XCTAssertEqual(detail.assessment.barriers.count, 3, "\(role)")
        }
    }

    func testAPartnerAdviserSeesBarriersButNotNotesOrEqualityMonitoring() async throws {
        let (assessmentID, _) = try await prepare()
        let client = try await t.send(.GET, "/api/v1/clients/\(f.clientA)", as: .otherAdviser)
        XCTAssertEqual(client.status, .ok, client.body.string)
        let object = try client.jsonObject()
        XCTAssertNil((object["client"] as? [String: Any])?["equalityMonitoring"], "omitted, not null")
        XCTAssertFalse(client.body.string.contains("white-irish"))
        XCTAssertEqual(object["withheld"] as? [String], ["notes", "equalityMonitoring"])

        let assessment = try await t.send(.GET, "/api/v1/assessments/\(assessmentID)", as: .otherAdviser)
        XCTAssertEqual(assessment.status, .ok)
        let detail = try assessment.jsonObject()
        let fields = try XCTUnwrap(detail["assessment"] as? [String: Any])
        XCTAssertNil(fields["notes"], "omitted, not blanked")
        XCTAssertFalse(assessment.body.string.contains("XYZZY"))
        XCTAssertEqual((fields["barriers"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }, ["transport", "health", "convictions"])
        XCTAssertEqual(detail["withheld"] as? [String], ["notes", "equalityMonitoring"])

        // Nor may they record or overwrite equality monitoring.
        let before = try await sealedMonitoring(f.clientA)
        let res = try await t.send(.PUT, "/api/v1/clients/\(f.clientA)", json: clientJSON(#"{"clientAgreed": true, "ethnicity": "white-roma"}"#), as: .otherAdviser)
        XCTAssertEqual(res.status, .forbidden)
        let after = try await sealedMonitoring(f.clientA)
        XCTAssertEqual(after, before)
        // Nor correct any other detail: that is for the organisation that registered the client.
        let plain = try await t.send(.PUT, "/api/v1/clients/\(f.clientA)", json: clientJSON(), as: .otherAdviser)
        XCTAssertEqual(plain.status, .forbidden, plain.body.string)
        let kept = try await sealedMonitoring(f.clientA)
        XCTAssertEqual(kept, before)
    }

    func testAProviderSeesOnlyTheBarriersItsOpenReferralsSupport() async throws {
        let (assessmentID, referralID) = try await prepare()
        let owner = try await t.send(.GET, "/api/v1/clients/\(f.clientA)").jsonObject()
        let client = try await t.send(.GET, "/api/v1/clients/\(f.clientA)", as: .provider)
        XCTAssertEqual(client.status, .ok, client.body.string)
        let object = try client.jsonObject()
        XCTAssertNil((object["client"] as? [String: Any])?["equalityMonitoring"])
        XCTAssertEqual(object["withheld"] as? [String], ["barriers", "notes", "equalityMonitoring"])
        let score = try XCTUnwrap(object["distanceFromWork"] as? [String: Any])
        let names = (score["factors"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        XCTAssertTrue(names.contains("Barrier: Transport"), "\(names)")
        XCTAssertFalse(names.contains("Barrier: Health") || names.contains("Barrier: Convictions"), "\(names)")
        XCTAssertTrue(names.contains(SpecialCategoryView.otherBarriersFactor))
        XCTAssertEqual(score["total"] as? Int, (owner["distanceFromWork"] as? [String: Any])?["total"] as? Int, "the total is the same")
        XCTAssertFalse(client.body.string.lowercased().contains("conviction"))

        let referral = try await t.send(.GET, "/api/v1/referrals/\(referralID)", as: .provider)
        XCTAssertEqual(referral.status, .ok)
        let needs = try XCTUnwrap(try referral.jsonObject()["supportNeeds"] as? [[String: Any]])
        XCTAssertEqual(needs.compactMap { $0["kind"] as? String }, ["transport"])
        XCTAssertEqual(needs.compactMap { $0["severity"] as? Int }, [3])

        let assessment = try await t.send(.GET, "/api/v1/assessments/\(assessmentID)", as: .provider)
        XCTAssertEqual(assessment.status, .forbidden)

        // Once the referral is closed the provider no longer sees any barrier.
        let withdrawn = try await t.send(.POST, "/api/v1/referrals/\(referralID)/status", json: #"{"status": "withdrawn"}"#, as: .provider)
        XCTAssertEqual(withdrawn.status, .ok, withdrawn.body.string)
        let later = try await t.send(.GET, "/api/v1/clients/\(f.clientA)", as: .provider)
        XCTAssertEqual(later.status, .ok)
        XCTAssertFalse(later.body.string.contains("Barrier: Transport"))
        let closed = try await t.send(.GET, "/api/v1/referrals/\(referralID)", as: .provider)
        XCTAssertEqual(closed.status, .ok)
        XCTAssertNil(try closed.jsonObject()["supportNeeds"])
    }

    func testEmployersAndAnalystsSeeNoIndividualSpecialCategoryData() async throws {
        try await prepare()
        try await t.addSharingCandidates(4)
        for role in [TestRole.employer, .analyst] {
            let client = try await t.send(.GET, "/api/v1/clients/\(f.clientA)", as: role)
            XCTAssertEqual(client.status, .forbidden, "\(role)")
        }
        let candidates = try await t.send(.GET, "/api/v1/vacancies/\(f.vacancy)/candidates", as: .employer)
        XCTAssertEqual(candidates.status, .ok, candidates.body.string)
        XCTAssertFalse((try candidates.jsonObject()["candidates"] as? [Any] ?? []).isEmpty, "the assessed client is among the candidates")
        let insight = try await t.send(.GET, "/api/v1/insight", as: .analyst)
        XCTAssertEqual(insight.status, .ok)
        for body in [candidates.body.string, insight.body.string] {
            for word in ["convictions", "Convictions", "XYZZY", "white-irish", "equalityMonitoring", "barriers"] {
                XCTAssertFalse(body.contains(word), word)
            }
        }
    }

    // MARK: Who sees what, on pages

    func testPagesShowEachRoleWhatTheRuleAllows() async throws {
        let (assessmentID, referralID) = try await prepare()
        let clientPage = "/clients/\(f.clientA)"
        let assessmentPage = "/clients/\(f.clientA)/assessments/\(assessmentID)"

        let owner = try await t.pageSession(.adviser)
        var page = try await t.page(owner, clientPage).body.string
        XCTAssertTrue(page.contains("Equality monitoring"))
        XCTAssertTrue(page.contains("White: Irish"))
        XCTAssertTrue(page.contains("Barrier: Convictions"))
        XCTAssertFalse(page.contains("special-category-withheld"))
        page = try await t.page(owner, assessmentPage).body.string
        XCTAssertTrue(page.contains("XYZZY") && page.contains("Convictions"))

        let partner = try await t.pageSession(.otherAdviser)
        var res = try await t.page(partner, clientPage)
        XCTAssertEqual(res.status, .ok)
        page = res.body.string
        XCTAssertFalse(page.contains("White: Irish") || page.contains("Equality monitoring"))
        XCTAssertTrue(page.contains("Barrier: Convictions"), "partners see barriers")
        XCTAssertTrue(page.contains("special-category-withheld"))
        page = try await t.page(partner, assessmentPage).body.string
        XCTAssertTrue(page.contains("Convictions"))
        XCTAssertFalse(page.contains("XYZZY"))
        page = try await t.page(partner, "/clients/\(f.clientA)/edit").body.string
        XCTAssertFalse(page.contains("equalityMonitoring[ethnicity]"), "no equality-monitoring fields for a partner")
        page = try await t.page(partner, "/clients/\(f.clientA)/assessments/new").body.string
        XCTAssertFalse(page.contains("XYZZY"), "the new assessment is not pre-filled with notes they may not see")

        let provider = try await t.pageSession(.provider)
        res = try await t.page(provider, clientPage)
        XCTAssertEqual(res.status, .ok)
        page = res.body.string
        XCTAssertTrue(page.contains("Barrier: Transport"))
        XCTAssertFalse(page.contains("Convictions") || page.contains("Barrier: Health") || page.contains("White: Irish") || page.contains("XYZZY"))
        XCTAssertTrue(page.contains(SpecialCategoryView.otherBarriersFactor))
        res = try await t.page(provider, assessmentPage)
        XCTAssertEqual(res.status, .forbidden)
        page = try await t.page(provider, "/referrals/\(referralID)").body.string
        XCTAssertTrue(page.contains("Support the client needs from this programme"))
        XCTAssertTrue(page.contains("Travel cost support"))
        XCTAssertFalse(page.contains("Convictions"))

        let admin = try await t.pageSession(.administrator)
        page = try await t.page(admin, clientPage).body.string
        XCTAssertTrue(page.contains("White: Irish") && page.contains("Barrier: Convictions"))

        for role in [TestRole.employer, .analyst] {
            let session = try await t.pageSession(role)
            res = try await t.page(session, clientPage)
            XCTAssertEqual(res.status, .forbidden, "\(role)")
            XCTAssertFalse(res.body.string.contains("White: Irish"))
        }
    }

    // MARK: Recording equality monitoring

    private func postForm(_ session: PageSession, _ path: String, _ fields: [String: String]) async throws -> XCTHTTPResponse {
        var headers = session.headers
        headers.contentType = .urlEncodedForm
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = session.form(fields).sorted { $0.key < $1.key }
            .map { "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
        return try await t.app.sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    private var formFields: [String: String] {
        ["givenName": "Ada", "familyName": "Testperson", "postcode": "B6 4AA", "wardID": f.wardA,
         "employmentStatus": "unemployed", "referralSource": "jobcentre"]
    }

    func testTheFormRecordsShowsAndClearsEqualityMonitoring() async throws {
        let owner = try await t.pageSession(.adviser)
        var page = try await t.page(owner, "/clients/new").body.string
        XCTAssertTrue(page.contains("Equality monitoring (optional)"))
        for ethnicity in Ethnicity.allCases {
            XCTAssertTrue(page.contains(#"<option value="\#(ethnicity.rawValue)">\#(ethnicity.label)</option>"#), ethnicity.label)
        }

        var fields = formFields
        fields["equalityMonitoring[clientAgreed]"] = "true"
        fields["equalityMonitoring[ethnicity]"] = "black-caribbean"
        fields["equalityMonitoring[disability]"] = "no"
        fields["equalityMonitoring[longTermHealthCondition]"] = ""
        var res = try await postForm(owner, "/clients/\(f.clientA)/edit", fields)
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        page = try await t.page(owner, "/clients/\(f.clientA)").body.string
        XCTAssertTrue(page.contains("Black, Black British, Black Welsh, Caribbean or African: Caribbean"))
        XCTAssertTrue(page.contains("Not answered"))
        page = try await t.page(owner, "/clients/\(f.clientA)/edit").body.string
        XCTAssertTrue(page.contains(#"<option value="black-caribbean" selected>"#), "the form shows what is recorded")

        // Unticking agreement and blanking the answers removes the record.
        fields["equalityMonitoring[clientAgreed]"] = nil
        fields["equalityMonitoring[ethnicity]"] = ""
        fields["equalityMonitoring[disability]"] = ""
        res = try await postForm(owner, "/clients/\(f.clientA)/edit", fields)
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        let cleared = try await sealedMonitoring(f.clientA)
        XCTAssertNil(cleared)
        page = try await t.page(owner, "/clients/\(f.clientA)").body.string
        XCTAssertTrue(page.contains("Not recorded."))
    }

    func testBadEqualityMonitoringIsRefusedNamingTheFieldAndWritesNothing() async throws {
        let clients = try await ClientModel.query(on: t.app.db).count()
        var res = try await t.send(.POST, "/api/v1/clients", json: clientJSON(#"{"clientAgreed": true, "ethnicity": "martian", "disability": "maybe"}"#))
        XCTAssertEqual(res.status, .unprocessableEntity)
        var error = try res.content.decode(ErrorBody.self).error
        XCTAssertEqual(Set(error.fields.map(\.field)), ["equalityMonitoring.ethnicity", "equalityMonitoring.disability"])

        res = try await t.send(.POST, "/api/v1/clients", json: clientJSON(#"{"ethnicity": "white-irish"}"#))
        XCTAssertEqual(res.status, .unprocessableEntity)
        error = try res.content.decode(ErrorBody.self).error
        XCTAssertEqual(error.fields.map(\.field), ["equalityMonitoring.clientAgreed"], "answers need the client's agreement")

        res = try await t.send(.POST, "/api/v1/clients", json: clientJSON(#"{"clientAgreed": true, "ethnicity": 7}"#))
        XCTAssertEqual(res.status, .badRequest)
        error = try res.content.decode(ErrorBody.self).error
        XCTAssertEqual(error.fields.first?.field, "equalityMonitoring.ethnicity")
        let after = try await ClientModel.query(on: t.app.db).count()
        XCTAssertEqual(after, clients)

        // A bad correction leaves what is recorded as it was.
        try await prepare()
        let before = try await sealedMonitoring(f.clientA)
        res = try await t.send(.PUT, "/api/v1/clients/\(f.clientA)", json: clientJSON(#"{"clientAgreed": "perhaps", "ethnicity": "white-roma"}"#))
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try res.content.decode(ErrorBody.self).error.fields.map(\.field), ["equalityMonitoring.clientAgreed"])
        let unchanged = try await sealedMonitoring(f.clientA)
        XCTAssertEqual(unchanged, before)

        let owner = try await t.pageSession(.adviser)
        var fields = formFields
        fields["equalityMonitoring[ethnicity]"] = "martian"
        let page = try await postForm(owner, "/clients/\(f.clientA)/edit", fields)
        XCTAssertEqual(page.status, .unprocessableEntity)
        XCTAssertTrue(page.body.string.contains(##"href="#f-equalityMonitoring-ethnicity-""##), "the error summary links to the field")
        XCTAssertTrue(page.body.string.contains("Choose an ethnic group from the list"))
        let still = try await sealedMonitoring(f.clientA)
        XCTAssertEqual(still, before)
    }

    func testRegisteringWithEqualityMonitoringSealsItForTheNewClient() async throws {
        let res = try await t.send(.POST, "/api/v1/clients", json: clientJSON(#"{"clientAgreed": "yes", "longTermHealthCondition": "yes"}"#))
        XCTAssertEqual(res.status, .created, res.body.string)
        let detail = try res.content.decode(ClientsAPIController.ClientDetailDTO.self)
        XCTAssertEqual(detail.client.equalityMonitoring?.longTermHealthCondition, .yes)
        XCTAssertNil(detail.client.equalityMonitoring?.ethnicity)
        let sealed = try await sealedMonitoring(detail.client.id)
        XCTAssertTrue(sealed?.hasPrefix("v1:") == true)
        let model = try await ClientModel.find(detail.client.id, on: t.app.db)!
        XCTAssertEqual(try model.value(t.app.columnCipher).equalityMonitoring, detail.client.equalityMonitoring)
    }
}
