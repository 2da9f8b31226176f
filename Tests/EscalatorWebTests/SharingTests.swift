import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Vapor
import XCTVapor
import XCTest

/// Consent-gated sharing: consents by organisation and purpose, withdrawal taking effect at once, employers
/// seeing candidates under a per-vacancy pseudonym until the client accepts, and the small-number rule on
/// everything analysts see.
final class SharingTests: WebTestCase {
    private var db: any Database { t.app.db }

    private typealias ReferralDTO = ReferralsAPIController.ReferralDTO
    private typealias JobStartDTO = JobStartsAPIController.JobStartDTO

    private struct PagedBody<Item: Decodable>: Decodable {
        var items: [Item]
        var total: Int
    }

    /// What no employer may see of client A before the client accepts: name, contact details, date of birth,
    /// postcode and ward, their own reference and id, and their barrier.
    private var secretsOfA: [String] {
        ["Ada", "Testperson", "ada@example.test", "1990-05-01", "B6 4AA", f.wardA, "Aston (test)", "WM-TESTAAAA",
         f.clientA.uuidString, f.clientA.uuidString.lowercased(), f.assessmentA.uuidString]
    }

    /// Keys that must not appear in what an employer receives about a candidate.
    private let forbiddenKeys = ["givenName", "familyName", "dateOfBirth", "postcode", "wardID", "email", "phone", "barriers",
                                 "ethnicity", "equalityMonitoring", "travelKm", "age"]

    private func assertNothingOfA(_ text: String, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        for secret in secretsOfA {
            XCTAssertFalse(text.contains(secret), "\(context) shows \(secret)", file: file, line: line)
        }
    }

    private func assertNoForbiddenKeys(_ json: String, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        for key in forbiddenKeys {
            XCTAssertFalse(json.contains("\"\(key)\""), "\(context) has \(key)", file: file, line: line)
        }
    }

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

    /// `XCTUnwrap` for a value that needed an `await`.
    private func unwrap<T>(_ value: T?, file: StaticString = #filePath, line: UInt = #line) throws -> T {
        try XCTUnwrap(value, file: file, line: line)
    }

    private func errorFields(_ res: XCTHTTPResponse) throws -> [String] {
        try res.content.decode(ErrorBody.self).error.fields.map(\.field)
    }

    private func consents(of client: UUID) async throws -> [ConsentModel] {
        try await ConsentModel.query(on: db).filter(\.$clientID == client).sort(\.$givenAt).all()
    }

    private func referral(_ id: UUID, as role: TestRole) async throws -> ReferralDTO {
        let res = try await t.send(.GET, "/api/v1/referrals/\(id)", as: role)
        XCTAssertEqual(res.status, .ok, res.body.string)
        return try res.content.decode(ReferralDTO.self)
    }

    private func referToVacancy(_ vacancy: UUID) async throws -> ReferralDTO {
        let res = try await t.send(.POST, "/api/v1/referrals", json: #"{"clientID": "\#(f.clientA)", "vacancyID": "\#(vacancy)"}"#)
        XCTAssertEqual(res.status, .created, res.body.string)
        return try res.content.decode(ReferralDTO.self)
    }

    private func move(_ referral: UUID, to status: String, as role: TestRole = .adviser) async throws -> XCTHTTPResponse {
        try await t.send(.POST, "/api/v1/referrals/\(referral)/status", json: #"{"status": "\#(status)"}"#, as: role)
    }

    private func withdraw(_ consent: UUID, of client: UUID, as role: TestRole = .adviser) async throws {
        let res = try await t.send(.POST, "/api/v1/clients/\(client)/consents/\(consent)/withdraw", as: role)
        XCTAssertEqual(res.status, .ok, res.body.string)
    }

    private func candidates(_ vacancy: UUID) async throws -> MatchDTO.PseudonymisedCandidates {
        let res = try await t.send(.GET, "/api/v1/vacancies/\(vacancy)/candidates", as: .employer)
        XCTAssertEqual(res.status, .ok, res.body.string)
        return try res.content.decode(MatchDTO.PseudonymisedCandidates.self)
    }

    private func adviserCandidates(_ vacancy: UUID) async throws -> MatchDTO.Candidates {
        let res = try await t.send(.GET, "/api/v1/vacancies/\(vacancy)/candidates", as: .adviser)
        XCTAssertEqual(res.status, .ok, res.body.string)
        return try res.content.decode(MatchDTO.Candidates.self)
    }

    private func vacancy(_ id: UUID) async throws -> Vacancy {
        try unwrap(try await VacancyModel.find(id, on: db)).value
    }

    /// A second open vacancy of the fixture employer, for the same job.
    private func secondVacancy() async throws -> UUID {
        let first = try unwrap(try await VacancyModel.find(f.vacancy, on: db)).value
        let second = Vacancy(
            id: UUID(), employerID: f.employer, occupationID: first.occupationID, title: "Warehouse operative (nights)",
            requirements: first.requirements, minimumQualification: first.minimumQualification, hoursPerWeek: 37,
            hourlyPayPence: 1350, postcode: first.postcode, wardID: first.wardID, openings: 2, closingDate: first.closingDate, status: .open)
        try await VacancyModel(second).create(on: db)
        await t.app.matchingCache.invalidate()
        return second.id
    }

    // MARK: Consent by organisation and purpose

    func testAConsentNamesAPurposeFromTheList() async throws {
        let before = try await consents(of: f.clientA).count
        var res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/consents",
                                   json: #"{"organisationID": "\#(f.charity)", "purpose": "marketing"}"#)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["purpose"])
        XCTAssertTrue(res.body.string.contains("employment-support, training-referral, job-referral, in-work-support"), res.body.string)
        var stored = try await consents(of: f.clientA).count
        XCTAssertEqual(stored, before, "a refused consent writes nothing")

        // An employer is not a partner a client consents to here: that happens when they accept a referral.
        res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/consents",
                               json: #"{"organisationID": "\#(f.employerOrg)", "purpose": "job-referral"}"#)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["organisationID"])
        for role in [TestRole.employer, .provider, .analyst] {
            res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/consents",
                                   json: #"{"organisationID": "\#(f.charity)", "purpose": "training-referral"}"#, as: role)
            XCTAssertTrue([.forbidden, .notFound].contains(res.status), "\(role): \(res.status)")
        }
        stored = try await consents(of: f.clientA).count
        XCTAssertEqual(stored, before)

        res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/consents",
                               json: #"{"organisationID": "\#(f.charity)", "purpose": "training-referral"}"#)
        XCTAssertEqual(res.status, .created, res.body.string)
        let body = try res.jsonObject()
        let listed = try XCTUnwrap(body["consents"] as? [[String: Any]])
        let charity = try XCTUnwrap(listed.first { ($0["organisationID"] as? String)?.lowercased() == f.charity.uuidString.lowercased() })
        XCTAssertEqual(charity["purpose"] as? String, "training-referral")
        XCTAssertEqual(charity["purposeLabel"] as? String, "Training referral")
        // The fixture's consent was recorded as free text before the list existed: still readable.
        let college = try XCTUnwrap(listed.first { ($0["organisationID"] as? String)?.lowercased() == f.college.uuidString.lowercased() })
        XCTAssertEqual(college["purpose"] as? String, "employment and skills support")
        XCTAssertEqual(college["purposeLabel"] as? String, "Employment support")

        // The same organisation and purpose again changes nothing; without a purpose it is employment support.
        res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/consents",
                               json: #"{"organisationID": "\#(f.charity)", "purpose": "training-referral"}"#)
        XCTAssertEqual(res.status, .created)
        stored = try await consents(of: f.clientA).count
        XCTAssertEqual(stored, before + 1)
        res = try await t.send(.POST, "/api/v1/clients/\(f.clientA)/consents", json: #"{"organisationID": "\#(f.charity)"}"#)
        XCTAssertEqual(res.status, .created)
        let all = try await consents(of: f.clientA)
        XCTAssertEqual(all.count, before + 2)
        XCTAssertEqual(Set(all.filter { $0.organisationID == f.charity }.map(\.purpose)), ["training-referral", "employment-support"])

        // The page lists each consent with its purpose and a button to withdraw it, and offers the purposes.
        let adviser = try await t.pageSession(.adviser)
        let page = try await t.page(adviser, "/clients/\(f.clientA)").body.string
        XCTAssertTrue(page.contains(">Training referral</td>"), page)
        XCTAssertTrue(page.contains(">Employment support</td>"))
        XCTAssertTrue(page.contains(#"<option value="in-work-support">In-work support</option>"#))
        XCTAssertEqual(page.components(separatedBy: ">Withdraw</button>").count - 1, 3)
    }

    // MARK: Withdrawal takes effect at once

    func testWithdrawalRemovesAPartnerAdvisersAccessAtOnce() async throws {
        // The charity's adviser cannot see the Jobcentre's client A.
        var res = try await t.send(.GET, "/api/v1/clients/\(f.clientA)", as: .otherAdviser)
        XCTAssertEqual(res.status, .notFound)
        let charity = try await t.pageSession(.otherAdviser)
        var status = try await t.page(charity, "/clients/\(f.clientA)").status
        XCTAssertEqual(status, .notFound)

        // Client A agrees to share with the charity, through the page form.
        let adviser = try await t.pageSession(.adviser)
        res = try await postForm(adviser, "/clients/\(f.clientA)/consents", ["organisationID": f.charity.uuidString, "purpose": "employment-support"])
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        let consent = try unwrap(try await consents(of: f.clientA).first { $0.organisationID == f.charity })
        XCTAssertEqual(consent.purpose, "employment-support")
        res = try await t.send(.GET, "/api/v1/clients/\(f.clientA)", as: .otherAdviser)
        XCTAssertEqual(res.status, .ok)
        var page = try await t.page(charity, "/clients/\(f.clientA)")
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.string.contains("Ada Testperson"))
        page = try await t.page(charity, "/clients?q=WM-TESTAAAA")
        XCTAssertTrue(page.body.string.contains("Ada Testperson"))
        let made = try await referToVacancy(f.vacancy)
        res = try await t.send(.GET, "/api/v1/referrals/\(made.id)", as: .otherAdviser)
        XCTAssertEqual(res.status, .ok)

        // Withdrawn on the page: gone for the charity at once, everywhere.
        res = try await postForm(adviser, "/clients/\(f.clientA)/consents/\(consent.id!)/withdraw", [:])
        XCTAssertEqual(res.status, .seeOther)
        let withdrawn = try unwrap(try await ConsentModel.find(consent.id, on: db))
        XCTAssertNotNil(withdrawn.withdrawnAt)
        res = try await t.send(.GET, "/api/v1/clients/\(f.clientA)", as: .otherAdviser)
        XCTAssertEqual(res.status, .notFound)
        status = try await t.page(charity, "/clients/\(f.clientA)").status
        XCTAssertEqual(status, .notFound)
        page = try await t.page(charity, "/clients?q=WM-TESTAAAA")
        XCTAssertFalse(page.body.string.contains("Testperson"))
        res = try await t.send(.GET, "/api/v1/referrals/\(made.id)", as: .otherAdviser)
        XCTAssertEqual(res.status, .notFound)
        res = try await t.send(.GET, "/api/v1/clients/\(f.clientA)/matches", as: .otherAdviser)
        XCTAssertEqual(res.status, .notFound)
        // The Jobcentre, whose client it is, still sees it.
        res = try await t.send(.GET, "/api/v1/clients/\(f.clientA)")
        XCTAssertEqual(res.status, .ok)
    }

    func testWithdrawalRemovesTheProvidersViewOfAnOpenReferralsPersonalDetails() async throws {
        // Client A consents to share with the college (the fixture): the referral needs no confirmation.
        var res = try await t.send(.POST, "/api/v1/referrals", json: #"{"clientID": "\#(f.clientA)", "cohortID": "\#(f.cohort)"}"#)
        XCTAssertEqual(res.status, .created, res.body.string)
        let id = try res.content.decode(ReferralDTO.self).id

        var seen = try await referral(id, as: .provider)
        XCTAssertEqual(seen.client.visibility, .shown)
        XCTAssertEqual(seen.client.name, "Ada Testperson")
        XCTAssertEqual(seen.client.email, "ada@example.test")
        XCTAssertEqual(seen.clientID, f.clientA)
        XCTAssertEqual(seen.clientReference, "WM-TESTAAAA")
        res = try await t.send(.GET, "/api/v1/clients/\(f.clientA)", as: .provider)
        XCTAssertEqual(res.status, .ok)
        let provider = try await t.pageSession(.provider)
        var page = try await t.page(provider, "/referrals/\(id)").body.string
        XCTAssertTrue(page.contains("Ada Testperson"))
        XCTAssertTrue(page.contains("ada@example.test"))

        let college = try unwrap(try await consents(of: f.clientA).first { $0.organisationID == f.college })
        try await withdraw(college.id!, of: f.clientA)

        seen = try await referral(id, as: .provider)
        XCTAssertEqual(seen.client.visibility, .consentWithdrawn)
        XCTAssertEqual(seen.clientReference, "WM-TESTAAAA", "the reference only")
        XCTAssertNil(seen.clientID)
        XCTAssertNil(seen.client.name)
        XCTAssertNil(seen.client.email)
        XCTAssertNil(seen.supportNeeds, "nor the barriers the programme supports")
        res = try await t.send(.GET, "/api/v1/referrals/\(id)", as: .provider)
        for secret in ["Ada", "Testperson", "ada@example.test", f.clientA.uuidString, f.clientA.uuidString.lowercased()] {
            XCTAssertFalse(res.body.string.contains(secret), secret)
        }
        res = try await t.send(.GET, "/api/v1/referrals", as: .provider)
        let list = try res.content.decode(PagedBody<ReferralDTO>.self)
        XCTAssertEqual(list.items.map(\.id), [id], "the referral itself stays in their list")
        XCTAssertEqual(list.items.first?.client.visibility, .consentWithdrawn)
        XCTAssertFalse(res.body.string.contains("Testperson"))

        page = try await t.page(provider, "/referrals/\(id)").body.string
        XCTAssertTrue(page.contains("WM-TESTAAAA"))
        XCTAssertTrue(page.contains("Consent withdrawn"))
        XCTAssertFalse(page.contains("Testperson"))
        XCTAssertFalse(page.contains("ada@example.test"))
        XCTAssertFalse(page.contains("/clients/\(f.clientA)"))
        page = try await t.page(provider, "/referrals").body.string
        XCTAssertTrue(page.contains("Consent withdrawn"))
        XCTAssertFalse(page.contains("Testperson"))

        res = try await t.send(.GET, "/api/v1/clients/\(f.clientA)", as: .provider)
        XCTAssertEqual(res.status, .notFound)
        let status = try await t.page(provider, "/clients/\(f.clientA)").status
        XCTAssertEqual(status, .notFound)
        // The provider still records the programme's side of the referral.
        res = try await move(id, to: "started", as: .provider)
        XCTAssertEqual(res.status, .ok, res.body.string)
    }

    func testAProgrammeReferralNeedsTheClientsConsentToTheProvider() async throws {
        // The charity runs a programme; client A has not consented to share with the charity.
        var res = try await t.send(.POST, "/api/v1/providers", json: """
            {"organisationID": "\(f.charity)", "name": "Charity Skills Hub", "kind": "charity", "postcode": "B15 2TT", "wardID": "\(f.wardB)"}
            """, as: .administrator)
        XCTAssertEqual(res.status, .created, res.body.string)
        let provider = try res.content.decode(ProgrammesAPIController.ProviderDTO.self).provider.id
        res = try await t.send(.POST, "/api/v1/programmes", json: """
            {"providerID": "\(provider)", "title": "Confidence and CV clinic", "type": "pre-employment",
             "skillsTaught": [{"skillID": "B.DIGITAL", "levelReached": 2}], "weeks": 4, "hoursPerWeek": 6,
             "postcode": "B15 2TT", "wardID": "\(f.wardB)", "costPence": 0}
            """, as: .administrator)
        let programme = try res.content.decode(ProgrammesAPIController.ProgrammeDetailDTO.self).programme.id
        res = try await t.send(.POST, "/api/v1/programmes/\(programme)/cohorts", json: #"{"startsOn": "2026-12-07", "capacity": 8}"#, as: .administrator)
        XCTAssertEqual(res.status, .created, res.body.string)

        let referralsBefore = try await ReferralModel.query(on: db).count()
        let consentsBefore = try await consents(of: f.clientA).count
        res = try await t.send(.POST, "/api/v1/referrals", json: #"{"clientID": "\#(f.clientA)", "programmeID": "\#(programme)"}"#)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["consentConfirmed"])
        XCTAssertTrue(res.body.string.contains("Charity Skills Hub"))
        res = try await t.send(.POST, "/api/v1/referrals", json: #"{"clientID": "\#(f.clientA)", "programmeID": "\#(programme)", "consentConfirmed": false}"#)
        XCTAssertEqual(res.status, .unprocessableEntity)
        let adviser = try await t.pageSession(.adviser)
        res = try await postForm(adviser, "/referrals", ["clientID": f.clientA.uuidString, "programmeID": programme.uuidString])
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains(##"href="#f-consentConfirmed""##), "the error summary names the box to tick")
        var referralsNow = try await ReferralModel.query(on: db).count()
        var consentsNow = try await consents(of: f.clientA).count
        XCTAssertEqual(referralsNow, referralsBefore)
        XCTAssertEqual(consentsNow, consentsBefore)

        // The adviser confirms the client agrees: the referral is made and the consent recorded with it.
        res = try await postForm(adviser, "/referrals", ["clientID": f.clientA.uuidString, "programmeID": programme.uuidString, "consentConfirmed": "true"])
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        referralsNow = try await ReferralModel.query(on: db).count()
        consentsNow = try await consents(of: f.clientA).count
        XCTAssertEqual(referralsNow, referralsBefore + 1)
        XCTAssertEqual(consentsNow, consentsBefore + 1)
        let recorded = try unwrap(try await consents(of: f.clientA).first { $0.organisationID == f.charity })
        XCTAssertEqual(recorded.value.statedPurpose, .trainingReferral)
        XCTAssertNil(recorded.withdrawnAt)

        // The matches page asks for the same confirmation only where no consent stands.
        let matches = try await t.page(adviser, "/clients/\(f.clientA)/matches").body.string
        XCTAssertFalse(matches.contains("consent-\(f.programme)"), "the client already shares with the college")
    }

    // MARK: Employers and pseudonyms

    func testEmployersSeeProposedCandidatesPseudonymisedAndCannotAnswerForTheClient() async throws {
        let made = try await referToVacancy(f.vacancy)
        XCTAssertEqual(made.status, .proposed)
        XCTAssertEqual(made.allowedNext, [.applied, .withdrawn])

        var res = try await t.send(.GET, "/api/v1/referrals", as: .employer)
        let list = try res.content.decode(PagedBody<ReferralDTO>.self)
        XCTAssertEqual(list.items.map(\.id), [made.id])
        let seen = try XCTUnwrap(list.items.first)
        XCTAssertNil(seen.clientID)
        XCTAssertTrue(seen.clientReference.hasPrefix("CAND-"), seen.clientReference)
        XCTAssertEqual(seen.client.visibility, .notAccepted)
        XCTAssertNil(seen.client.name)
        XCTAssertEqual(seen.allowedNext, [], "only the client's adviser answers a proposal")
        assertNothingOfA(res.body.string, "employer's referral list")
        assertNoForbiddenKeys(res.body.string, "employer's referral list")
        res = try await t.send(.GET, "/api/v1/referrals/\(made.id)", as: .employer)
        assertNothingOfA(res.body.string, "employer's referral")
        assertNoForbiddenKeys(res.body.string, "employer's referral")
        XCTAssertEqual(try res.content.decode(ReferralDTO.self).clientReference, seen.clientReference)

        // The candidate list knows the client by the same pseudonym, and by requirements met and bands only.
        try await t.addSharingCandidates(4)
        let listed = try await candidates(f.vacancy)
        XCTAssertTrue(listed.pseudonymised)
        let candidate = try XCTUnwrap(listed.candidates.first { $0.pseudonym == seen.clientReference })
        XCTAssertNil(candidate.name)
        XCTAssertEqual(candidate.distanceBand, .underTwoMiles)
        XCTAssertEqual(candidate.hoursBand, .thirtyOrMore)
        XCTAssertTrue(candidate.requirements.contains { $0.met })
        res = try await t.send(.GET, "/api/v1/vacancies/\(f.vacancy)/candidates", as: .employer)
        assertNothingOfA(res.body.string, "employer's candidates")
        assertNoForbiddenKeys(res.body.string, "employer's candidates")
        XCTAssertFalse(res.body.string.lowercased().contains("transport"), "no barrier")

        let employer = try await t.pageSession(.employer)
        for path in ["/referrals", "/referrals/\(made.id)", "/vacancies/\(f.vacancy)/candidates"] {
            let page = try await t.page(employer, path)
            XCTAssertEqual(page.status, .ok, path)
            assertNothingOfA(page.body.string, path)
            XCTAssertTrue(page.body.string.contains(seen.clientReference), path)
        }
        let page = try await t.page(employer, "/referrals/\(made.id)").body.string
        XCTAssertTrue(page.contains("The candidate has not accepted this referral"))
        XCTAssertFalse(page.contains(#"action="/referrals/\#(made.id)/status""#))

        // The employer cannot accept for the client, nor move the proposal on: nothing changes.
        let changes = try await StatusChangeModel.query(on: db).count()
        for status in ["applied", "interviewed", "withdrawn"] {
            res = try await move(made.id, to: status, as: .employer)
            XCTAssertEqual(res.status, .forbidden, status)
        }
        let changesAfter = try await StatusChangeModel.query(on: db).count()
        XCTAssertEqual(changesAfter, changes)
        let status = try await ReferralModel.find(made.id, on: db)?.status
        XCTAssertEqual(status, .proposed)
        let employerConsents = try await consents(of: f.clientA).filter { $0.organisationID == f.employerOrg }
        XCTAssertTrue(employerConsents.isEmpty)
    }

    func testThePseudonymIsStableWithinAVacancyAndDiffersAcrossVacancies() async throws {
        let second = try await secondVacancy()
        try await t.addSharingCandidates(4)
        let first = try await candidates(f.vacancy)
        let again = try await candidates(f.vacancy)
        let other = try await candidates(second)
        let a1 = t.app.pseudonyms.candidate(f.clientA, vacancy: try await vacancy(f.vacancy))
        let a2 = t.app.pseudonyms.candidate(f.clientA, vacancy: try await vacancy(second))
        XCTAssertEqual(first.candidates.count, 5, "client A and the four added share")
        XCTAssertEqual(first.candidates.map(\.pseudonym), again.candidates.map(\.pseudonym))
        XCTAssertTrue(first.candidates.contains { $0.pseudonym == a1 })
        XCTAssertTrue(other.candidates.contains { $0.pseudonym == a2 })
        XCTAssertNotEqual(a1, a2, "the employer cannot link the same person across vacancies")
        XCTAssertTrue(Set(first.candidates.map(\.pseudonym)).isDisjoint(with: other.candidates.map(\.pseudonym)))
        for reference in [a1, a2] {
            XCTAssertNotNil(reference.range(of: #"^CAND-[A-HJ-NP-Z2-9]{8}$"#, options: .regularExpression), reference)
        }
        // Referrals to each vacancy carry that vacancy's pseudonym.
        let toFirst = try await referToVacancy(f.vacancy)
        let toSecond = try await referToVacancy(second)
        let seenFirst = try await referral(toFirst.id, as: .employer)
        let seenSecond = try await referral(toSecond.id, as: .employer)
        XCTAssertEqual(seenFirst.clientReference, a1)
        XCTAssertEqual(seenSecond.clientReference, a2)
        // Advisers see the client's own reference.
        let adviserView = try await adviserCandidates(f.vacancy)
        XCTAssertTrue(adviserView.candidates.contains { $0.clientReference == "WM-TESTAAAA" })

        // Keyed by the installation's data key: another key gives other pseudonyms.
        let key = DataKey.generate(), job = try await vacancy(f.vacancy)
        XCTAssertEqual(Pseudonyms(key).candidate(f.clientA, vacancy: job), Pseudonyms(key).candidate(f.clientA, vacancy: job))
        XCTAssertNotEqual(Pseudonyms(key).candidate(f.clientA, vacancy: job), Pseudonyms(DataKey.generate()).candidate(f.clientA, vacancy: job))
        XCTAssertNotEqual(Pseudonyms(key).candidate(f.clientA, vacancy: job), Pseudonyms(key).candidate(f.clientB, vacancy: job))
    }

    func testOnceTheClientAcceptsTheEmployerSeesNameAndContactUntilConsentIsWithdrawn() async throws {
        let made = try await referToVacancy(f.vacancy)
        let pseudonym = try await referral(made.id, as: .employer).clientReference

        // The adviser's page asks for the client's answer.
        let adviser = try await t.pageSession(.adviser)
        var page = try await t.page(adviser, "/referrals/\(made.id)").body.string
        XCTAssertTrue(page.contains("Client accepts: share their name and contact details with the employer"))
        XCTAssertTrue(page.contains("Client declines"))
        var res = try await postForm(adviser, "/referrals/\(made.id)/status", ["status": "applied", "note": "Keen on the early shift"])
        XCTAssertEqual(res.status, .seeOther, res.body.string)

        let consent = try unwrap(try await consents(of: f.clientA).first { $0.organisationID == f.employerOrg })
        XCTAssertEqual(consent.value.statedPurpose, .jobReferral)
        XCTAssertNil(consent.withdrawnAt)

        let seen = try await referral(made.id, as: .employer)
        XCTAssertEqual(seen.status, .applied)
        XCTAssertEqual(seen.client.visibility, .shown)
        XCTAssertEqual(seen.client.name, "Ada Testperson")
        XCTAssertEqual(seen.client.email, "ada@example.test")
        XCTAssertEqual(seen.clientReference, pseudonym, "still the vacancy's pseudonym, never their own reference")
        XCTAssertNil(seen.clientID)
        XCTAssertEqual(seen.allowedNext, [.interviewed, .declined, .withdrawn])
        let employer = try await t.pageSession(.employer)
        page = try await t.page(employer, "/referrals/\(made.id)").body.string
        XCTAssertTrue(page.contains("Ada Testperson (\(pseudonym))"))
        XCTAssertTrue(page.contains("ada@example.test"))
        XCTAssertFalse(page.contains("Keen on the early shift"), "the adviser's note stays with the adviser")
        XCTAssertFalse(page.contains("WM-TESTAAAA"))
        try await t.addSharingCandidates(4)
        page = try await t.page(employer, "/vacancies/\(f.vacancy)/candidates").body.string
        XCTAssertTrue(page.contains("Ada Testperson"))
        XCTAssertFalse(page.contains("/clients/\(f.clientA)"), "employers open no client record")
        let named = try await candidates(f.vacancy).candidates.first { $0.pseudonym == pseudonym }?.name
        XCTAssertEqual(named, "Ada Testperson")

        // The employer moves it on; the job start that follows is theirs to see.
        res = try await move(made.id, to: "interviewed", as: .employer)
        XCTAssertEqual(res.status, .ok, res.body.string)
        res = try await t.send(.POST, "/api/v1/job-starts", json: #"{"clientID": "\#(f.clientA)", "vacancyID": "\#(f.vacancy)", "startedOn": "2026-11-02"}"#)
        XCTAssertEqual(res.status, .created, res.body.string)
        let start = try res.content.decode(JobStartDTO.self).jobStart.id
        res = try await t.send(.GET, "/api/v1/job-starts/\(start)", as: .employer)
        XCTAssertEqual(res.status, .ok)
        XCTAssertEqual(try res.content.decode(JobStartDTO.self).clientReference, pseudonym)
        page = try await t.page(employer, "/job-starts/\(start)").body.string
        XCTAssertTrue(page.contains("Ada Testperson (\(pseudonym))"))

        // The client withdraws their consent to the employer: back to the pseudonym, at once.
        try await withdraw(consent.id!, of: f.clientA)
        let after = try await referral(made.id, as: .employer)
        XCTAssertEqual(after.client.visibility, .consentWithdrawn)
        XCTAssertNil(after.client.name)
        XCTAssertNil(after.jobStartID)
        res = try await t.send(.GET, "/api/v1/referrals/\(made.id)", as: .employer)
        assertNothingOfA(res.body.string, "after withdrawal")
        page = try await t.page(employer, "/referrals/\(made.id)").body.string
        XCTAssertTrue(page.contains("Consent withdrawn"))
        XCTAssertFalse(page.contains("Testperson"))
        let listedAgain = try await candidates(f.vacancy).candidates.first { $0.pseudonym == pseudonym }
        XCTAssertNil(try XCTUnwrap(listedAgain, "still a candidate, through the consent to the college").name)
        res = try await t.send(.GET, "/api/v1/job-starts/\(start)", as: .employer)
        XCTAssertEqual(res.status, .notFound)
        res = try await t.send(.POST, "/api/v1/job-starts/\(start)/contacts", json: #"{"contactedOn": "2026-11-02", "summary": "Hello"}"#, as: .employer)
        XCTAssertEqual(res.status, .notFound)
    }

    func testAClientWhoDeclinesStaysAPseudonym() async throws {
        let made = try await referToVacancy(f.vacancy)
        let res = try await move(made.id, to: "withdrawn")
        XCTAssertEqual(res.status, .ok, res.body.string)
        let seen = try await referral(made.id, as: .employer)
        XCTAssertEqual(seen.status, .withdrawn)
        XCTAssertEqual(seen.client.visibility, .notAccepted)
        XCTAssertNil(seen.client.name)
        let employerConsents = try await consents(of: f.clientA).filter { $0.organisationID == f.employerOrg }
        XCTAssertTrue(employerConsents.isEmpty, "declining records no consent")
        // An employer never sees a start at its vacancy for a client who did not accept a referral to it.
        var start = try await t.send(.POST, "/api/v1/job-starts", json: #"{"clientID": "\#(f.clientA)", "vacancyID": "\#(f.vacancy)", "startedOn": "2026-11-02"}"#)
        XCTAssertEqual(start.status, .created, start.body.string)
        let id = try start.content.decode(JobStartDTO.self).jobStart.id
        start = try await t.send(.GET, "/api/v1/job-starts/\(id)", as: .employer)
        XCTAssertEqual(start.status, .notFound)
    }

    // MARK: Analysts see aggregates with small numbers suppressed

    /// Every whole number in the JSON that counts something, with the path to it. Area sizes and milestone
    /// weeks are not counts, nor are rates, ratios and the employment-rate figures (a rate may well be 1).
    private func counts(in value: JSON, path: [String] = []) -> [(path: String, value: Int)] {
        let notCounts: Set<String> = ["wardCount", "targetWardCount", "weeks", "rate", "ratio", "employmentGap"]
        if let last = path.last, notCounts.contains(last) { return [] }
        switch value {
        case .object(let object): return object.flatMap { counts(in: $0.value, path: path + [$0.key]) }
        case .array(let array): return array.flatMap { counts(in: $0, path: path) }
        case .int(let int): return [(path.joined(separator: "."), int)]
        case .double(let double) where double == double.rounded(): return [(path.joined(separator: "."), Int(double))]
        default: return []
        }
    }

    private func insight(as role: TestRole = .analyst) async throws -> (body: String, dashboard: InsightDashboard) {
        let res = try await t.send(.GET, "/api/v1/insight", as: role)
        XCTAssertEqual(res.status, .ok, res.body.string)
        return (res.body.string, try res.content.decode(InsightDashboard.self))
    }

    func testAnalystsNeverGetACountFromOneToFour() async throws {
        // Give the fixture some outcomes: a job start with a check, a referral, six more clients registered.
        for index in 0..<6 {
            try await ClientModel(withoutEqualityMonitoring: Client(
                id: UUID(), reference: "WM-TESTC\(index)00", givenName: "Extra", familyName: "Person\(index)", dateOfBirth: nil, postcode: "B6 4AA",
                wardID: f.wardA, employmentStatus: .unemployed, referralSource: .council, organisationID: f.jobcentre, caseOwnerID: nil,
                registeredAt: Date(isoDay: "2026-10-0\(index + 1)")!)).create(on: db)
        }
        let made = try await referToVacancy(f.vacancy)
        _ = try await move(made.id, to: "applied")
        let start = JobStart(id: UUID(), clientID: f.clientA, vacancyID: nil, employerName: "Elsewhere", jobTitle: "Cleaner",
                             startedOn: Date(isoDay: "2026-06-01")!, hoursPerWeek: 16, hourlyPayPence: 1200)
        try await JobStartModel(start).create(on: db)
        try await SustainmentCheckModel(SustainmentCheck(jobStartID: start.id, milestone: .week13, checkedOn: Date(isoDay: "2026-09-01")!,
                                                         stillInWork: true)).create(on: db)

        // The raw figures have small counts: the published ones do not.
        let raw = try await InsightQueries.figures(area: InsightArea.resolve(nil, on: db), now: WebFixture.today, on: db)
        XCTAssertEqual(raw.clients.total, 8)
        XCTAssertEqual(raw.jobStarts.total, 1)
        XCTAssertTrue(raw.clients.byStage.contains { (1...4).contains($0.count) })

        let analyst = try await insight()
        let found = counts(in: try JSON.parse(analyst.body))
        XCTAssertGreaterThan(found.count, 20)
        for (path, value) in found {
            XCTAssertFalse((1...4).contains(value), "\(path) is \(value)")
        }
        XCTAssertTrue(analyst.body.contains(#""suppressed":true"#))
        XCTAssertEqual(analyst.dashboard.clients.total.value, 8, "eight is shown")
        XCTAssertEqual(analyst.dashboard.jobStarts.total, .hidden(.small))
        let week13 = try XCTUnwrap(analyst.dashboard.jobStarts.sustainment.first)
        XCTAssertEqual(week13.due, .hidden(.small))
        XCTAssertTrue(week13.rate.suppressed, "a rate from a hidden count is hidden")
        XCTAssertNil(week13.rate.value)
        XCTAssertFalse(analyst.dashboard.skills.isEmpty)
        XCTAssertTrue(analyst.dashboard.skills.allSatisfy { !($0.supply.suppressed || $0.demand.suppressed) || $0.ratio.suppressed })

        // Every viewer of the dashboard gets the same suppressed figures, administrators included.
        for role in [TestRole.adviser, .administrator] {
            let other = try await insight(as: role)
            XCTAssertEqual(other.body, analyst.body, "\(role)")
        }

        // The page: symbols in the tables, and no bar drawn for a hidden figure.
        let session = try await t.pageSession(.analyst)
        let html = try await t.page(session, "/insight").body.string
        XCTAssertTrue(html.contains(#"<span class="stat">&lt;5</span>"#), "the job starts card")
        XCTAssertTrue(html.contains(#"<span class="stat">8</span>"#), "the clients card")
        XCTAssertTrue(html.contains(#">13 weeks</td><td class="numeric">&lt;5</td>"#))
        for digit in 1...4 {
            XCTAssertFalse(html.contains(#"<span class="stat">\#(digit)</span>"#))
        }
        let stagesChart = try XCTUnwrap(html.components(separatedBy: #"id="chart-stages""#).dropFirst().first?.components(separatedBy: "</figure>").first)
        let drawn = stagesChart.components(separatedBy: "<rect").count - 1
        let shownStages = analyst.dashboard.clients.byStage.filter { $0.count.value != nil }.count
        XCTAssertEqual(drawn, shownStages, "one bar per shown stage, none for a hidden one")
        XCTAssertLessThan(shownStages, JourneyStage.allCases.count)
        let sustainmentChart = try XCTUnwrap(html.components(separatedBy: #"id="chart-sustainment""#).dropFirst().first?.components(separatedBy: "</figure>").first)
        XCTAssertTrue(sustainmentChart.contains("&lt;5"))
    }

    func testSecondarySuppressionKeepsAHiddenCountFromBeingWorkedOutFromItsTotal() async throws {
        // Clients by stage: one assessed (hidden), seven registered, eight in all. 8 − 7 would give the 1 away.
        for index in 0..<6 {
            try await ClientModel(withoutEqualityMonitoring: Client(
                id: UUID(), reference: "WM-TESTD\(index)00", givenName: "Extra", familyName: "Person\(index)", dateOfBirth: nil, postcode: "B6 4AA",
                wardID: f.wardA, employmentStatus: .unemployed, referralSource: .council, organisationID: f.jobcentre, caseOwnerID: nil,
                registeredAt: Date(isoDay: "2026-10-0\(index + 1)")!)).create(on: db)
        }
        let dashboard = try await insight().dashboard
        let stages = Dictionary(uniqueKeysWithValues: dashboard.clients.byStage.map { ($0.stage, $0.count) })
        XCTAssertEqual(dashboard.clients.total.value, 8)
        XCTAssertEqual(stages[.assessed], .hidden(.small))
        XCTAssertEqual(stages[.registered], .hidden(.secondary))
        XCTAssertEqual(stages[.inWork]?.value, 0, "zeros are shown")

        // Places: 2 enrolled of 12 is hidden, so the 10 free places (capacity minus enrolled) are hidden too, in the
        // pre-employment row and in the total row.
        let pre = try XCTUnwrap(dashboard.programmePlaces.byType.first { $0.type == .preEmployment })
        XCTAssertEqual(pre.capacity.value, 12)
        XCTAssertEqual(pre.enrolled, .hidden(.small))
        XCTAssertEqual(pre.free, .hidden(.secondary))
        XCTAssertEqual(pre.programmes, .hidden(.small))
        XCTAssertEqual(dashboard.programmePlaces.total.free, .hidden(.secondary))
        XCTAssertEqual(dashboard.programmePlaces.total.capacity.value, 12)

        let session = try await t.pageSession(.analyst)
        let html = try await t.page(session, "/insight").body.string
        XCTAssertTrue(html.contains(#">Pre-employment</td><td class="numeric">&lt;5</td><td class="numeric">12</td><td class="numeric">&lt;5</td><td class="numeric">x</td>"#), html)
        XCTAssertTrue(html.contains(#">Registered, not yet assessed</td><td class="numeric">x</td>"#))
        XCTAssertTrue(html.contains("“x” marks a figure hidden"))
    }
}
