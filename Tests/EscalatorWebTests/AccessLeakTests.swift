import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Vapor
import XCTVapor
import XCTest

/// The six ways records leaked when the app was probed from outside (each role signed in from a second
/// organisation), each pinned by a test that failed before its fix.
final class AccessLeakTests: WebTestCase {
    private var db: any Database { t.app.db }

    /// Client A (registered by the Jobcentre) also consents to share with the charity, so that the charity's
    /// adviser sees A's record by consent only.
    private func consentAToCharity() async throws {
        try await ConsentModel(clientID: f.clientA, Consent(organisationID: f.charity, purpose: .employmentSupport, givenAt: WebFixture.today))
            .create(on: db)
    }

    // 1. Candidates: only clients the adviser may open, never others' references, skills or travel.

    func testAnAdviserSeesNoCandidateTheClientNeverAgreedToShareWithThem() async throws {
        // A consents to share with the college only; the charity's adviser may not open A's record.
        let paths = ["/api/v1/vacancies/\(f.vacancy)/candidates", "/api/v1/vacancies/\(f.otherVacancy)/candidates"]
        for path in paths {
            let res = try await t.send(.GET, path, as: .otherAdviser)
            XCTAssertEqual(res.status, .ok, res.body.string)
            XCTAssertFalse(res.body.string.contains("WM-TESTAAAA"), "\(path) shows A's reference to the charity")
            XCTAssertFalse(res.body.string.lowercased().contains(f.clientA.uuidString.lowercased()), "\(path) shows A's id")
        }
        let session = try await t.pageSession(.otherAdviser)
        let page = try await t.page(session, "/vacancies/\(f.vacancy)/candidates")
        XCTAssertEqual(page.status, .ok)
        XCTAssertFalse(page.body.string.contains("WM-TESTAAAA"), "the candidates page shows A's reference to the charity")

        // The Jobcentre, which registered A, sees A; and so does the charity once A consents to it.
        let own = try await t.send(.GET, paths[0], as: .adviser)
        XCTAssertTrue(own.body.string.contains("WM-TESTAAAA"), own.body.string)
        try await consentAToCharity()
        let consented = try await t.send(.GET, paths[0], as: .otherAdviser)
        XCTAssertTrue(consented.body.string.contains("WM-TESTAAAA"), consented.body.string)
    }

    // 2. A partner who sees a record by consent cannot correct it.

    func testAPartnerWhoSeesARecordByConsentCannotCorrectIt() async throws {
        try await consentAToCharity()
        let readable = try await t.send(.GET, "/api/v1/clients/\(f.clientA)", as: .otherAdviser)
        XCTAssertEqual(readable.status, .ok)
        let body = #"{"givenName": "Changed", "familyName": "ByPartner", "postcode": "B6 4AA", "wardID": "\#(f.wardA)", "employmentStatus": "unemployed", "referralSource": "jobcentre"}"#
        let res = try await t.send(.PUT, "/api/v1/clients/\(f.clientA)", json: body, as: .otherAdviser)
        XCTAssertEqual(res.status, .forbidden, res.body.string)
        let client = try await ClientModel.find(f.clientA, on: db)
        XCTAssertEqual(client?.givenName, "Ada")
        XCTAssertEqual(client?.familyName, "Testperson")

        let session = try await t.pageSession(.otherAdviser)
        let edit = try await t.page(session, "/clients/\(f.clientA)/edit")
        XCTAssertEqual(edit.status, .forbidden)
        let record = try await t.page(session, "/clients/\(f.clientA)")
        XCTAssertEqual(record.status, .ok)
        XCTAssertFalse(record.body.string.contains("Correct details"), "the partner is offered a correction it may not make")

        // The registering organisation still may.
        let owner = try await t.send(.PUT, "/api/v1/clients/\(f.clientA)", json: body, as: .adviser)
        XCTAssertEqual(owner.status, .ok, owner.body.string)
    }

    // 3. A partner with consent-only access cannot extend sharing to a third organisation.

    func testAPartnerCannotRecordAConsentToAThirdOrganisation() async throws {
        try await consentAToCharity()
        let before = try await ConsentModel.query(on: db).filter(\.$clientID == f.clientA).count()
        let res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/consents",
                                   json: #"{"organisationID": "\#(f.combined)", "purpose": "employment-support"}"#, as: .otherAdviser)
        XCTAssertEqual(res.status, .forbidden, res.body.string)
        let after = try await ConsentModel.query(on: db).filter(\.$clientID == f.clientA).count()
        XCTAssertEqual(after, before)
        let third = try await ConsentModel.query(on: db).filter(\.$clientID == f.clientA).filter(\.$organisationID == f.combined).count()
        XCTAssertEqual(third, 0)

        // Nor withdraw the consents the registering organisation recorded.
        let college = try await ConsentModel.query(on: db).filter(\.$clientID == f.clientA).filter(\.$organisationID == f.college).first()
        let withdraw = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/consents/\(college!.id!)/withdraw", as: .otherAdviser)
        XCTAssertEqual(withdraw.status, .forbidden, withdraw.body.string)
        let stillStanding = try await ConsentModel.find(college!.id!, on: db)
        XCTAssertNil(stillStanding?.withdrawnAt)
    }

    // 4. Once the client withdraws consent, the provider no longer sees the adviser's note about them.

    func testAProviderStopsSeeingTheAdvisersNoteWhenConsentIsWithdrawn() async throws {
        let note = "Canary note: recovering from a breakdown, prefers mornings"
        let made = try await t.send(.POST, "/api/v1/referrals",
                                    json: #"{"clientID": "\#(f.clientA)", "cohortID": "\#(f.cohort)", "note": "\#(note)"}"#)
        XCTAssertEqual(made.status, .created, made.body.string)
        let referralID = try made.content.decode(ReferralsAPIController.ReferralDTO.self).id
        let session = try await t.pageSession(.provider)

        // While the consent stands the provider sees it (so the check below can fail).
        let shared = try await t.send(.GET, "/api/v1/referrals/\(referralID)", as: .provider)
        XCTAssertTrue(shared.body.string.contains(note), shared.body.string)

        let consent = try await ConsentModel.query(on: db).filter(\.$clientID == f.clientA).filter(\.$organisationID == f.college).first()
        let withdrawn = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/consents/\(consent!.id!)/withdraw")
        XCTAssertEqual(withdrawn.status, .ok, withdrawn.body.string)

        let api = try await t.send(.GET, "/api/v1/referrals/\(referralID)", as: .provider)
        XCTAssertEqual(api.status, .ok, api.body.string)
        XCTAssertFalse(api.body.string.contains("Canary note"), "the API still shows the note: \(api.body.string)")
        let page = try await t.page(session, "/referrals/\(referralID)")
        XCTAssertEqual(page.status, .ok)
        XCTAssertFalse(page.body.string.contains("Canary note"), "the page still shows the note")
        let advisers = try await t.send(.GET, "/api/v1/referrals/\(referralID)")
        XCTAssertTrue(advisers.body.string.contains(note), "the adviser lost their own note")
    }

    // 6. Search matches what was typed literally; the audit search does not confirm others' references.

    func testSearchMatchesPercentAndUnderscoreLiterally() async throws {
        for search in ["%", "_", "%25", "A%", "_da"] {
            let res = try await t.send(.GET, "/api/v1/clients?q=\(search.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", as: .administrator)
            XCTAssertEqual(res.status, .ok, res.body.string)
            XCTAssertFalse(res.body.string.contains("WM-TEST"), "a search for \(search) finds clients: \(res.body.string)")
        }
        for path in ["/api/v1/vacancies?q=%25", "/api/v1/employers?q=%25", "/api/v1/programmes?q=%25"] {
            let res = try await t.send(.GET, path, as: .administrator)
            XCTAssertEqual(res.status, .ok, res.body.string)
            XCTAssertTrue(res.body.string.contains("\"total\":0"), "\(path) finds records for %: \(res.body.string)")
        }
        // A real search still finds: any part of the name, reference or postcode, in any case.
        for search in ["ada", "TESTPERSON", "ada testperson", "b6 4", "testaaaa"] {
            let res = try await t.send(.GET, "/api/v1/clients?q=\(search.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", as: .administrator)
            XCTAssertTrue(res.body.string.contains("WM-TESTAAAA"), "\(search) does not find A: \(res.body.string)")
            XCTAssertFalse(res.body.string.contains("WM-TESTBBBB"), "\(search) finds B")
        }
    }

    func testTheAuditSearchAnswersAlikeForAnotherOrganisationsReferenceAndAnUnknownOne() async throws {
        let other = try await t.send(.GET, "/api/v1/audit?clientID=WM-TESTBBBB", as: .adviser)
        let unknown = try await t.send(.GET, "/api/v1/audit?clientID=WM-NOSUCHXX", as: .adviser)
        XCTAssertEqual(other.status, unknown.status)
        let otherBody = try JSONSerialization.jsonObject(with: Data(other.body.string.utf8)) as? NSDictionary
        let unknownBody = try JSONSerialization.jsonObject(with: Data(unknown.body.string.utf8)) as? NSDictionary
        XCTAssertEqual(otherBody, unknownBody)
        // Its own client's reference works.
        let own = try await t.send(.GET, "/api/v1/audit?clientID=WM-TESTAAAA", as: .adviser)
        XCTAssertEqual(own.status, .ok, own.body.string)
    }
}

/// 5. Employers' pseudonymised candidate views: nothing finer than the declared bands, pseudonyms that cannot be
/// linked across vacancies or across a change of terms, no candidates for drafts and a count only below 5.
final class PseudonymisedCandidateTests: WebTestCase {
    private var db: any Database { t.app.db }

    private func employerView(_ vacancy: UUID) async throws -> (MatchDTO.PseudonymisedCandidates, [String: Any]) {
        let res = try await t.send(.GET, "/api/v1/vacancies/\(vacancy)/candidates", as: .employer)
        XCTAssertEqual(res.status, .ok, res.body.string)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
        return (try res.content.decode(MatchDTO.PseudonymisedCandidates.self), object)
    }

    /// The fixture employer's vacancy sent back through the API with `change` applied, as an employer would.
    private func changeVacancy(_ id: UUID, _ change: (inout [String: Any]) -> Void) async throws {
        let res = try await t.send(.GET, "/api/v1/vacancies/\(id)", as: .employer)
        XCTAssertEqual(res.status, .ok, res.body.string)
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
        if var inner = object["vacancy"] as? [String: Any] { change(&inner); object = inner } else { change(&object) }
        let body = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let put = try await t.send(.PUT, "/api/v1/vacancies/\(id)", json: body, as: .employer)
        XCTAssertEqual(put.status, .ok, put.body.string)
    }

    /// An open copy of the fixture vacancy with another title, made by the employer through the API.
    private func copyOfTheVacancy(title: String, status: String = "open") async throws -> UUID {
        let res = try await t.send(.GET, "/api/v1/vacancies/\(f.vacancy)", as: .employer)
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
        if let inner = object["vacancy"] as? [String: Any] { object = inner }
        object["id"] = nil
        object["title"] = title
        object["status"] = status
        let body = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let made = try await t.send(.POST, "/api/v1/vacancies", json: body, as: .employer)
        XCTAssertEqual(made.status, .created, made.body.string)
        let created = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(made.body.string.utf8)) as? [String: Any])
        let id = (created["id"] as? String) ?? ((created["vacancy"] as? [String: Any])?["id"] as? String)
        return try XCTUnwrap(UUID(uuidString: try XCTUnwrap(id)))
    }

    func testACandidateCarriesOnlyTheDeclaredFieldsInBands() async throws {
        try await t.addSharingCandidates(6)
        let (view, raw) = try await employerView(f.vacancy)
        XCTAssertEqual(view.candidates.count, 7)
        let declared: Set<String> = ["pseudonym", "name", "scoreStep", "requirements", "distanceBand", "hoursBand"]
        for candidate in try XCTUnwrap(raw["candidates"] as? [[String: Any]]) {
            XCTAssertTrue(Set(candidate.keys).isSubset(of: declared), "undeclared fields: \(Set(candidate.keys).subtracting(declared))")
            for requirement in candidate["requirements"] as? [[String: Any]] ?? [] {
                XCTAssertEqual(Set(requirement.keys), ["skillID", "skillName", "importance", "met"])
            }
        }
        for candidate in view.candidates {
            XCTAssertEqual(candidate.scoreStep % 5, 0)
            XCTAssertTrue(candidate.pseudonym.hasPrefix("CAND-"))
        }
        // No exact figure survives anywhere in the candidates: every number is a whole multiple of 5.
        let text = String(decoding: try JSONSerialization.data(withJSONObject: raw["candidates"]!), as: UTF8.self)
        XCTAssertNil(text.range(of: #"[0-9]\.[0-9]"#, options: .regularExpression), text)
        // Within a score band the order is the pseudonyms' (which change with the terms), not the exact scores'.
        let steps = view.candidates.map(\.scoreStep)
        XCTAssertEqual(steps, steps.sorted(by: >))
        for (a, b) in zip(view.candidates, view.candidates.dropFirst()) where a.scoreStep == b.scoreStep {
            XCTAssertLessThan(a.pseudonym, b.pseudonym)
        }
    }

    func testFewerThanFiveCandidatesShowAsACountOnly() async throws {
        try await t.addSharingCandidates(3)
        let (view, raw) = try await employerView(f.vacancy)
        XCTAssertEqual(view.total, 4)
        XCTAssertTrue(view.countOnly)
        XCTAssertEqual((raw["candidates"] as? [Any])?.count, 0)
        let session = try await t.pageSession(.employer)
        let page = try await t.page(session, "/vacancies/\(f.vacancy)/candidates").body.string
        XCTAssertTrue(page.contains("4 candidates fit"), page)
        XCTAssertNil(page.range(of: "CAND-"), "a pseudonym is shown for a list of 4")
    }

    func testADraftHasNoCandidates() async throws {
        try await t.addSharingCandidates(6)
        let draft = try await copyOfTheVacancy(title: "Warehouse operative (draft)", status: "draft")
        let (view, _) = try await employerView(draft)
        XCTAssertFalse(view.published)
        XCTAssertEqual(view.total, 0)
        XCTAssertTrue(view.candidates.isEmpty)
    }

    /// The attack found from outside: vacancies differing only in title, or a vacancy whose minimum age is
    /// changed, compared candidate by candidate. The pseudonyms of one list never appear in another, and the
    /// minimum age change renews every pseudonym, so who moved out cannot be told.
    func testCandidatesCannotBeLinkedAcrossVacanciesOrAChangeOfTerms() async throws {
        try await t.addSharingCandidates(8)
        let twin = try await copyOfTheVacancy(title: "Warehouse operative (twin)")
        let (first, _) = try await employerView(f.vacancy)
        let (second, _) = try await employerView(twin)
        XCTAssertEqual(first.total, 9)
        XCTAssertEqual(second.total, 9)
        XCTAssertTrue(Set(first.candidates.map(\.pseudonym)).isDisjoint(with: second.candidates.map(\.pseudonym)))

        // A title change keeps the pseudonyms (nothing about who fits changed); a minimum age change renews them.
        try await changeVacancy(f.vacancy) { $0["title"] = "Warehouse operative (renamed)" }
        let (renamed, _) = try await employerView(f.vacancy)
        XCTAssertEqual(renamed.candidates.map(\.pseudonym), first.candidates.map(\.pseudonym))
        try await changeVacancy(f.vacancy) { $0["minimumAge"] = 18 }
        let (older, _) = try await employerView(f.vacancy)
        XCTAssertFalse(older.candidates.isEmpty)
        XCTAssertTrue(Set(older.candidates.map(\.pseudonym)).isDisjoint(with: first.candidates.map(\.pseudonym)))
    }
}
