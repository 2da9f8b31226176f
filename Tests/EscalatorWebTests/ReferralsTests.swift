import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Vapor
import XCTVapor
import XCTest

final class ReferralsTests: WebTestCase {
    private var db: any Database { t.app.db }

    private typealias ReferralDTO = ReferralsAPIController.ReferralDTO
    private typealias JobStartDTO = JobStartsAPIController.JobStartDTO

    private struct PagedBody<Item: Decodable>: Decodable {
        var items: [Item]
        var total: Int
    }

    private func postForm(_ session: PageSession, _ path: String, _ fields: [String: String]) async throws -> XCTHTTPResponse {
        var headers = session.headers
        headers.contentType = .urlEncodedForm
        return try await t.app.sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: formBody(session.form(fields).sorted { $0.key < $1.key })))
    }

    /// An `application/x-www-form-urlencoded` body, keeping `[]` in list names readable.
    private func formBody(_ pairs: [(key: String, value: String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~[]")
        return pairs.map { "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
    }

    /// `XCTUnwrap` for a value that needed an `await`.
    private func unwrap<T>(_ value: T?, file: StaticString = #filePath, line: UInt = #line) throws -> T {
        try XCTUnwrap(value, file: file, line: line)
    }

    private func errorFields(_ res: XCTHTTPResponse) throws -> Set<String> {
        Set(try res.content.decode(ErrorBody.self).error.fields.map(\.field))
    }

    private func referTo(vacancy: UUID, client: UUID? = nil, as role: TestRole = .adviser) async throws -> XCTHTTPResponse {
        try await t.send(.POST, "/api/v1/referrals", json: #"{"clientID": "\#(client ?? f.clientA)", "vacancyID": "\#(vacancy)"}"#, as: role)
    }

    private func move(_ referral: UUID, to status: String, note: String = "", as role: TestRole) async throws -> XCTHTTPResponse {
        try await t.send(.POST, "/api/v1/referrals/\(referral)/status", json: #"{"status": "\#(status)", "note": "\#(note)"}"#, as: role)
    }

    private func counts() async throws -> (referrals: Int, changes: Int, jobStarts: Int, checks: Int) {
        (try await ReferralModel.query(on: db).count(), try await StatusChangeModel.query(on: db).count(),
         try await JobStartModel.query(on: db).count(), try await SustainmentCheckModel.query(on: db).count())
    }

    private func enrolled(_ cohort: UUID) async throws -> Int {
        try unwrap(try await CohortModel.find(cohort, on: db)).enrolled
    }

    /// A second provider (run by the charity) with a programme and a cohort, made through the API.
    private func charityProgramme() async throws -> (programme: UUID, cohort: UUID) {
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
        XCTAssertEqual(res.status, .created, res.body.string)
        let programme = try res.content.decode(ProgrammesAPIController.ProgrammeDetailDTO.self).programme.id
        res = try await t.send(.POST, "/api/v1/programmes/\(programme)/cohorts", json: #"{"startsOn": "2026-12-07", "capacity": 8}"#, as: .administrator)
        XCTAssertEqual(res.status, .created, res.body.string)
        let cohort = try XCTUnwrap(try res.content.decode(ProgrammesAPIController.ProgrammeDetailDTO.self).programme.cohorts.first?.id)
        return (programme, cohort)
    }

    // MARK: The journeys

    func testAdviserRefersClientToACohortAndTheProviderTakesItToCompletion() async throws {
        let adviser = try await t.pageSession(.adviser)
        let before = try await counts()
        var res = try await postForm(adviser, "/referrals", [
            "clientID": f.clientA.uuidString, "programmeID": f.programme.uuidString, "cohortID": f.cohort.uuidString,
            "returnTo": "/clients/\(f.clientA)",
        ])
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        XCTAssertEqual(res.headers.first(name: .location), "/clients/\(f.clientA)?notice=referred")
        var after = try await counts()
        XCTAssertEqual(after.referrals, before.referrals + 1)
        XCTAssertEqual(after.changes, before.changes + 1)

        let model = try unwrap(try await ReferralModel.query(on: db).filter(\.$clientID == f.clientA).first())
        let id = try XCTUnwrap(model.id)
        XCTAssertEqual(model.status, .referred)
        XCTAssertEqual(model.cohortID, f.cohort)
        let first = try unwrap(try await StatusChangeModel.query(on: db).filter(\.$referralID == id).first())
        XCTAssertEqual(first.byUserID, f.adviser)
        XCTAssertEqual(first.status, .referred)

        // The same referral again is a conflict, and writes nothing.
        res = try await t.send(.POST, "/api/v1/referrals", json: #"{"clientID": "\#(f.clientA)", "cohortID": "\#(f.cohort)"}"#)
        XCTAssertEqual(res.status, .conflict)
        let stored = try await counts()
        XCTAssertEqual(stored.referrals, after.referrals)

        // The provider sees it and starts the client: a place in the cohort is taken.
        var places = try await enrolled(f.cohort)
        XCTAssertEqual(places, 2)
        res = try await move(id, to: "started", note: "Enrolled at induction", as: .provider)
        XCTAssertEqual(res.status, .ok, res.body.string)
        var body = try res.content.decode(ReferralDTO.self)
        XCTAssertEqual(body.status, .started)
        XCTAssertEqual(body.allowedNext, [.completed, .withdrawn])
        places = try await enrolled(f.cohort)
        XCTAssertEqual(places, 3)
        let programme = try await t.send(.GET, "/api/v1/programmes/\(f.programme)")
        XCTAssertEqual(try programme.content.decode(ProgrammesAPIController.ProgrammeDetailDTO.self).freePlaces, 9)

        res = try await move(id, to: "completed", as: .provider)
        XCTAssertEqual(res.status, .ok, res.body.string)
        body = try res.content.decode(ReferralDTO.self)
        XCTAssertEqual(body.status, .completed)
        XCTAssertEqual(body.history?.map(\.status), [.referred, .started, .completed])
        XCTAssertEqual(body.history?.map(\.byUserID), [f.adviser, f.providerUser, f.providerUser])
        XCTAssertEqual(body.allowedNext, [])
        places = try await enrolled(f.cohort)
        XCTAssertEqual(places, 3, "completing does not take a second place")
        after = try await counts()
        XCTAssertEqual(after.changes, before.changes + 3)

        // The page shows the history and no way on from a closed referral.
        let provider = try await t.pageSession(.provider)
        res = try await t.page(provider, "/referrals/\(id)")
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains("Warehouse skills bootcamp"))
        XCTAssertTrue(res.body.string.contains("Enrolled at induction"))
        XCTAssertTrue(res.body.string.contains("This referral is closed"))
        XCTAssertFalse(res.body.string.contains("/referrals/\(id)/status"))
    }

    func testVacancyReferralLeadsToAJobStartWithSustainmentChecksContactsAndProgression() async throws {
        var res = try await referTo(vacancy: f.vacancy)
        XCTAssertEqual(res.status, .created, res.body.string)
        let referral = try res.content.decode(ReferralDTO.self)
        XCTAssertEqual(referral.status, .proposed)
        XCTAssertEqual(referral.kind, .vacancy)

        // The client accepts (their adviser records it); then the employer takes it on.
        res = try await move(referral.id, to: "applied", as: .adviser)
        XCTAssertEqual(res.status, .ok, res.body.string)
        res = try await move(referral.id, to: "interviewed", as: .employer)
        XCTAssertEqual(res.status, .ok, res.body.string)
        res = try await move(referral.id, to: "offered", as: .employer)
        XCTAssertEqual(res.status, .ok, res.body.string)
        res = try await move(referral.id, to: "started", as: .adviser)
        XCTAssertEqual(res.status, .ok, res.body.string)
        XCTAssertEqual(try res.content.decode(ReferralDTO.self).history?.map(\.status), [.proposed, .applied, .interviewed, .offered, .started])

        // The referral page offers the job start, filled in from the vacancy.
        let adviser = try await t.pageSession(.adviser)
        res = try await t.page(adviser, "/referrals/\(referral.id)")
        XCTAssertEqual(res.status, .ok)
        let html = res.body.string
        XCTAssertTrue(html.contains(#"action="/clients/\#(f.clientA)/job-starts""#))
        XCTAssertTrue(html.contains(#"name="jobTitle" type="text" value="Warehouse operative""#))
        XCTAssertTrue(html.contains(#"value="12.50""#))
        XCTAssertTrue(html.contains(#"value="Test Engineering Ltd""#))
        XCTAssertTrue(html.contains(#"name="startedOn" type="date" value="2026-11-02""#))

        res = try await postForm(adviser, "/clients/\(f.clientA)/job-starts", [
            "vacancyID": f.vacancy.uuidString, "employerName": "Test Engineering Ltd", "jobTitle": "Warehouse operative",
            "startedOn": "2026-11-02", "hoursPerWeek": "37", "hourlyPay": "12.50",
        ])
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        let start = try unwrap(try await JobStartModel.query(on: db).filter(\.$clientID == f.clientA).first())
        XCTAssertEqual(res.headers.first(name: .location), "/job-starts/\(start.id!)?notice=recorded")
        XCTAssertEqual(start.vacancyID, f.vacancy)
        XCTAssertEqual(start.hourlyPayPence, 1250)

        // Started today: the 13-week check is not due until 1 February 2027.
        let before = try await counts()
        res = try await t.send(.POST, "/api/v1/job-starts/\(start.id!)/checks", json: #"{"milestone": 13, "checkedOn": "2026-11-02", "stillInWork": true}"#)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(try errorFields(res).contains("milestone"))
        XCTAssertTrue(res.body.string.contains("1 February 2027"), res.body.string)
        let stored = try await counts()
        XCTAssertEqual(stored.checks, before.checks)

        // The employer records in-work support at their own vacancy's start, but no sustainment checks.
        res = try await t.send(.POST, "/api/v1/job-starts/\(start.id!)/contacts",
                             json: #"{"contactedOn": "2026-11-02", "withEmployer": true, "summary": "First day went well"}"#, as: .employer)
        XCTAssertEqual(res.status, .created, res.body.string)
        let withContact = try res.content.decode(JobStartDTO.self)
        XCTAssertEqual(withContact.contacts.map(\.summary), ["First day went well"])
        XCTAssertEqual(withContact.contacts.first?.withEmployer, true)
        XCTAssertEqual(withContact.referralID, referral.id)
        res = try await t.send(.POST, "/api/v1/job-starts/\(start.id!)/checks", json: #"{"milestone": 13, "checkedOn": "2026-11-02", "stillInWork": true}"#, as: .employer)
        XCTAssertEqual(res.status, .forbidden)

        // The referral page now links to the start instead of offering the form again.
        res = try await t.page(adviser, "/referrals/\(referral.id)")
        XCTAssertTrue(res.body.string.contains("/job-starts/\(start.id!)"))
        XCTAssertFalse(res.body.string.contains(#"action="/clients/\#(f.clientA)/job-starts""#))
    }

    func testSustainmentChecksAreRefusedBeforeTheyAreDueAndRecordedOncePerMilestone() async throws {
        // A job found another way, started 1 June 2026: the 13-week check fell due on 31 August, the 26-week one is due 30 November.
        var res = try await t.send(.POST, "/api/v1/job-starts", json: """
            {"clientID": "\(f.clientA)", "employerName": "Corner Shop", "jobTitle": "Shop assistant", "startedOn": "2026-06-01",
             "hoursPerWeek": 20, "hourlyPayPence": 1221}
            """)
        XCTAssertEqual(res.status, .created, res.body.string)
        let start = try res.content.decode(JobStartDTO.self)
        XCTAssertNil(start.jobStart.vacancyID)
        XCTAssertEqual(start.milestones.map(\.dueOn.isoDay), ["2026-08-31", "2026-11-30", "2027-05-31"])
        XCTAssertEqual(start.milestones.map(\.due), [true, false, false])
        let path = "/api/v1/job-starts/\(start.jobStart.id)"

        res = try await t.send(.POST, path + "/checks", json: #"{"milestone": 26, "checkedOn": "2026-11-02", "stillInWork": true}"#)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["milestone"])
        var stored = try await counts()
        XCTAssertEqual(stored.checks, 0)

        res = try await t.send(.POST, path + "/checks", json: #"{"milestone": 13, "checkedOn": "2026-09-01", "stillInWork": true, "note": "Happy in the job"}"#)
        XCTAssertEqual(res.status, .created, res.body.string)
        let checked = try res.content.decode(JobStartDTO.self)
        XCTAssertEqual(checked.milestones[0].check?.stillInWork, true)
        XCTAssertEqual(checked.milestones[0].check?.checkedOn.isoDay, "2026-09-01")
        XCTAssertNil(checked.milestones[1].check)
        stored = try await counts()
        XCTAssertEqual(stored.checks, 1)

        res = try await t.send(.POST, path + "/checks", json: #"{"milestone": 13, "checkedOn": "2026-10-01", "stillInWork": false}"#)
        XCTAssertEqual(res.status, .conflict)
        stored = try await counts()
        XCTAssertEqual(stored.checks, 1)
        let checks = try await SustainmentCheckModel.query(on: db).all()
        XCTAssertEqual(checks.map(\.stillInWork), [true], "the conflict did not overwrite the first check")

        // Progression and a check on the page, with its error shown on the form.
        res = try await t.send(.POST, path + "/progressions", json: #"{"kind": "pay-rise", "progressedOn": "2026-10-15", "detail": "Up to £12.60 an hour"}"#)
        XCTAssertEqual(res.status, .created, res.body.string)
        XCTAssertEqual(try res.content.decode(JobStartDTO.self).progressions.map(\.kind), [.payRise])
        res = try await t.send(.POST, path + "/progressions", json: #"{"kind": "pay-rise", "progressedOn": "2026-05-01", "detail": "Before the start"}"#)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["progressedOn"])

        let adviser = try await t.pageSession(.adviser)
        res = try await postForm(adviser, "/job-starts/\(start.jobStart.id)/checks", ["milestone": "26", "checkedOn": "2026-11-02", "stillInWork": "true"])
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains("There is a problem"))
        XCTAssertTrue(res.body.string.contains("The 26 weeks check is not due until 30 November 2026"))
        res = try await t.page(adviser, "/job-starts/\(start.jobStart.id)")
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains("Happy in the job"))
        XCTAssertTrue(res.body.string.contains("Pay rise"))
        XCTAssertTrue(res.body.string.contains("Ada Testperson"))

        // The employer has no business with a job found another way.
        res = try await t.send(.GET, path, as: .employer)
        XCTAssertEqual(res.status, .notFound)
        res = try await t.send(.POST, path + "/contacts", json: #"{"contactedOn": "2026-11-02", "summary": "Hello"}"#, as: .employer)
        XCTAssertEqual(res.status, .notFound)
    }

    // MARK: Refusals

    func testADisallowedTransitionIs422NamingStatusAndChangesNothing() async throws {
        var res = try await t.send(.POST, "/api/v1/referrals", json: #"{"clientID": "\#(f.clientA)", "programmeID": "\#(f.programme)"}"#)
        XCTAssertEqual(res.status, .created, res.body.string)
        let referral = try res.content.decode(ReferralDTO.self)
        XCTAssertEqual(referral.cohortID, f.cohort, "without a cohort the next one with places is chosen")
        let before = try await counts()

        for status in ["completed", "offered", "bogus"] {
            res = try await move(referral.id, to: status, as: .adviser)
            XCTAssertEqual(res.status, .unprocessableEntity, status)
            XCTAssertEqual(try errorFields(res), ["status"], status)
        }
        var stored = try await counts()
        XCTAssertEqual(stored.changes, before.changes)
        let storedStatus = try await ReferralModel.find(referral.id, on: db)?.status
        XCTAssertEqual(storedStatus, .referred)
        let places = try await enrolled(f.cohort)
        XCTAssertEqual(places, 2)

        // On the page the form is shown again with the error.
        let adviser = try await t.pageSession(.adviser)
        res = try await postForm(adviser, "/referrals/\(referral.id)/status", ["status": "completed"])
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains("cannot move from referred to completed"))
        XCTAssertTrue(res.body.string.contains(##"href="#f-status""##))
        stored = try await counts()
        XCTAssertEqual(stored.changes, before.changes)
    }

    func testReferralsToAFullCohortAClosedVacancyOrAnInvisibleClientAreRefused() async throws {
        let before = try await counts()
        let cohort = try unwrap(try await CohortModel.find(f.cohort, on: db))
        cohort.enrolled = cohort.capacity
        try await cohort.save(on: db)
        var res = try await t.send(.POST, "/api/v1/referrals", json: #"{"clientID": "\#(f.clientA)", "cohortID": "\#(f.cohort)"}"#)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["cohortID"])

        let vacancy = try unwrap(try await VacancyModel.find(f.otherVacancy, on: db))
        vacancy.status = .closed
        try await vacancy.save(on: db)
        res = try await referTo(vacancy: f.otherVacancy)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["vacancyID"])

        res = try await t.send(.POST, "/api/v1/referrals", json: #"{"clientID": "\#(f.clientA)", "cohortID": "\#(f.cohort)", "vacancyID": "\#(f.vacancy)"}"#)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["vacancyID"])

        // Client B belongs to the charity and has not consented to the Jobcentre.
        res = try await referTo(vacancy: f.vacancy, client: f.clientB)
        XCTAssertEqual(res.status, .notFound)
        res = try await referTo(vacancy: f.vacancy, as: .employer)
        XCTAssertEqual(res.status, .forbidden)
        res = try await referTo(vacancy: f.vacancy, as: .provider)
        XCTAssertEqual(res.status, .forbidden)

        let after = try await counts()
        XCTAssertEqual(after.referrals, before.referrals)
        XCTAssertEqual(after.changes, before.changes)
    }

    func testMalformedJSONIs400AndWritesNothing() async throws {
        var res = try await referTo(vacancy: f.vacancy)
        let referral = try res.content.decode(ReferralDTO.self)
        let before = try await counts()

        res = try await t.send(.POST, "/api/v1/referrals", json: #"{"clientID": "\#(f.clientA)", "vacancyID": "#)
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(try res.content.decode(ErrorBody.self).error.code, "bad_request")
        res = try await t.send(.POST, "/api/v1/referrals", json: #"{"clientID": ["\#(f.clientA)"], "vacancyID": "\#(f.otherVacancy)"}"#)
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(try errorFields(res), ["clientID"])
        res = try await t.send(.POST, "/api/v1/referrals/\(referral.id)/status", json: #"{"status": "interviewed""#)
        XCTAssertEqual(res.status, .badRequest)
        res = try await t.send(.POST, "/api/v1/job-starts", json: #"{"clientID": "\#(f.clientA)", "hoursPerWeek": {"a": 1}}"#)
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(try errorFields(res), ["hoursPerWeek"])

        let after = try await counts()
        XCTAssertEqual(after.referrals, before.referrals)
        XCTAssertEqual(after.changes, before.changes)
        XCTAssertEqual(after.jobStarts, before.jobStarts)
        let storedStatus = try await ReferralModel.find(referral.id, on: db)?.status
        XCTAssertEqual(storedStatus, .proposed)
    }

    // MARK: Who sees what

    func testProvidersSeeOnlyReferralsToTheirOwnProgrammes() async throws {
        let other = try await charityProgramme()
        // Client A does not yet share with the charity: the adviser confirms the client agrees.
        var res = try await t.send(.POST, "/api/v1/referrals", json: #"{"clientID": "\#(f.clientA)", "cohortID": "\#(other.cohort)", "consentConfirmed": true}"#)
        XCTAssertEqual(res.status, .created, res.body.string)
        let theirs = try res.content.decode(ReferralDTO.self)
        res = try await t.send(.POST, "/api/v1/referrals", json: #"{"clientID": "\#(f.clientA)", "cohortID": "\#(f.cohort)"}"#)
        let ours = try res.content.decode(ReferralDTO.self)
        _ = try await referTo(vacancy: f.vacancy)

        res = try await t.send(.GET, "/api/v1/referrals", as: .provider)
        XCTAssertEqual(res.status, .ok)
        let list = try res.content.decode(PagedBody<ReferralDTO>.self)
        XCTAssertEqual(list.items.map(\.id), [ours.id])
        XCTAssertEqual(list.total, 1)

        res = try await t.send(.GET, "/api/v1/referrals/\(theirs.id)", as: .provider)
        XCTAssertEqual(res.status, .notFound)
        let before = try await counts()
        res = try await move(theirs.id, to: "started", as: .provider)
        XCTAssertEqual(res.status, .notFound)
        let stored = try await counts()
        XCTAssertEqual(stored.changes, before.changes)
        let otherPlaces = try await enrolled(other.cohort)
        XCTAssertEqual(otherPlaces, 0)

        let provider = try await t.pageSession(.provider)
        res = try await t.page(provider, "/referrals/\(theirs.id)")
        XCTAssertEqual(res.status, .notFound)
        res = try await t.page(provider, "/referrals")
        XCTAssertTrue(res.body.string.contains("Warehouse skills bootcamp"))
        XCTAssertFalse(res.body.string.contains("Confidence and CV clinic"))

        // The adviser sees all three; filters narrow them.
        res = try await t.send(.GET, "/api/v1/referrals")
        XCTAssertEqual(try res.content.decode(PagedBody<ReferralDTO>.self).total, 3)
        res = try await t.send(.GET, "/api/v1/referrals?kind=programme&size=1&page=2")
        let paged = try res.content.decode(PagedBody<ReferralDTO>.self)
        XCTAssertEqual(paged.total, 2)
        XCTAssertEqual(paged.items.count, 1)
        res = try await t.send(.GET, "/api/v1/referrals?status=proposed")
        XCTAssertEqual(try res.content.decode(PagedBody<ReferralDTO>.self).items.map(\.kind), [.vacancy])
        res = try await t.send(.GET, "/api/v1/referrals?status=lost")
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try errorFields(res), ["status"])
    }

    func testEmployersSeeReferralsToTheirOwnVacanciesUnderAPseudonym() async throws {
        var res = try await t.send(.POST, "/api/v1/referrals",
                                   json: #"{"clientID": "\#(f.clientA)", "vacancyID": "\#(f.vacancy)", "note": "Ada has a bus pass for the early shift"}"#)
        let ours = try res.content.decode(ReferralDTO.self)
        res = try await referTo(vacancy: f.otherVacancy)
        let theirs = try res.content.decode(ReferralDTO.self)

        res = try await t.send(.GET, "/api/v1/referrals", as: .employer)
        XCTAssertEqual(res.status, .ok)
        let list = try res.content.decode(PagedBody<ReferralDTO>.self)
        XCTAssertEqual(list.items.map(\.id), [ours.id])
        let pseudonym = try XCTUnwrap(list.items.first?.clientReference)
        XCTAssertTrue(pseudonym.hasPrefix("CAND-"), pseudonym)
        XCTAssertNil(list.items.first?.clientID)
        for secret in ["Ada", "Testperson", "WM-TESTAAAA", f.clientA.uuidString, f.clientA.uuidString.lowercased()] {
            XCTAssertFalse(res.body.string.contains(secret), secret)
        }

        res = try await t.send(.GET, "/api/v1/referrals/\(ours.id)", as: .employer)
        XCTAssertEqual(res.status, .ok)
        XCTAssertEqual(try res.content.decode(ReferralDTO.self).history?.map(\.note), [""], "the adviser's note is not shown to the employer")
        XCTAssertFalse(res.body.string.contains("Ada"))
        res = try await t.send(.GET, "/api/v1/referrals/\(theirs.id)", as: .employer)
        XCTAssertEqual(res.status, .notFound)

        let employer = try await t.pageSession(.employer)
        res = try await t.page(employer, "/referrals")
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains(pseudonym))
        XCTAssertTrue(res.body.string.contains("Warehouse operative"))
        XCTAssertFalse(res.body.string.contains("Stock assistant"))
        XCTAssertFalse(res.body.string.contains("Testperson"))
        XCTAssertFalse(res.body.string.contains("WM-TESTAAAA"))
        res = try await t.page(employer, "/referrals/\(ours.id)")
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains(pseudonym))
        XCTAssertFalse(res.body.string.contains("Testperson"))
        XCTAssertFalse(res.body.string.contains("bus pass"))
        XCTAssertFalse(res.body.string.contains("/clients/\(f.clientA)"))

        // The adviser's page names the client and links to them.
        let adviser = try await t.pageSession(.adviser)
        res = try await t.page(adviser, "/referrals/\(ours.id)")
        XCTAssertTrue(res.body.string.contains("Ada Testperson"))
        XCTAssertTrue(res.body.string.contains("bus pass"))
    }

    func testAnalystsAreForbidden() async throws {
        var res = try await referTo(vacancy: f.vacancy)
        let referral = try res.content.decode(ReferralDTO.self)
        res = try await t.send(.POST, "/api/v1/job-starts", json: """
            {"clientID": "\(f.clientA)", "employerName": "Corner Shop", "jobTitle": "Shop assistant", "startedOn": "2026-06-01", "hoursPerWeek": 20, "hourlyPayPence": 1221}
            """)
        let start = try res.content.decode(JobStartDTO.self)

        for path in ["/api/v1/referrals", "/api/v1/referrals/\(referral.id)", "/api/v1/job-starts/\(start.jobStart.id)"] {
            res = try await t.send(.GET, path, as: .analyst)
            XCTAssertEqual(res.status, .forbidden, path)
        }
        res = try await move(referral.id, to: "applied", as: .analyst)
        XCTAssertEqual(res.status, .forbidden)
        let analyst = try await t.pageSession(.analyst)
        for path in ["/referrals", "/referrals/\(referral.id)", "/job-starts/\(start.jobStart.id)"] {
            res = try await t.page(analyst, path)
            XCTAssertEqual(res.status, .forbidden, path)
        }
        let storedStatus = try await ReferralModel.find(referral.id, on: db)?.status
        XCTAssertEqual(storedStatus, .proposed)
    }

    // MARK: Pages for making referrals and job starts

    func testTheNewReferralPageOffersCohortsAndVacanciesAndShowsErrors() async throws {
        let adviser = try await t.pageSession(.adviser)
        var res = try await t.page(adviser, "/referrals/new?clientID=\(f.clientA)")
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains("Warehouse skills bootcamp, Test College: starts 1 December 2026 (10 free)"))
        XCTAssertTrue(res.body.string.contains("Stock assistant, Other Employer Ltd"))
        res = try await t.page(adviser, "/referrals/new?clientID=\(f.clientA)&q=stock")
        XCTAssertFalse(res.body.string.contains("Warehouse operative, Test Engineering Ltd"))
        XCTAssertTrue(res.body.string.contains("Stock assistant, Other Employer Ltd"))
        res = try await t.page(adviser, "/referrals/new?clientID=\(f.clientB)")
        XCTAssertEqual(res.status, .notFound)

        let before = try await counts()
        res = try await postForm(adviser, "/referrals", ["clientID": f.clientA.uuidString, "returnTo": "/clients/\(f.clientA)"])
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains("Choose a programme cohort or a vacancy"))
        res = try await postForm(adviser, "/referrals", ["clientID": f.clientA.uuidString, "vacancyID": f.vacancy.uuidString, "returnTo": "https://evil.example/"])
        XCTAssertEqual(res.status, .seeOther)
        let location = try XCTUnwrap(res.headers.first(name: .location))
        XCTAssertTrue(location.hasPrefix("/referrals/"), location)
        res = try await postForm(adviser, "/referrals", ["clientID": f.clientA.uuidString, "vacancyID": f.vacancy.uuidString])
        XCTAssertEqual(res.status, .conflict)
        XCTAssertTrue(res.body.string.contains("already has an open referral"))
        let stored = try await counts()
        XCTAssertEqual(stored.referrals, before.referrals + 1)

        let employer = try await t.pageSession(.employer)
        res = try await t.page(employer, "/referrals/new?clientID=\(f.clientA)")
        XCTAssertEqual(res.status, .forbidden)
    }

    func testAStandaloneJobStartFormValidatesAndRecords() async throws {
        let adviser = try await t.pageSession(.adviser)
        var res = try await t.page(adviser, "/clients/\(f.clientA)/job-starts/new")
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains("Record a job Ada Testperson found"))

        res = try await postForm(adviser, "/clients/\(f.clientA)/job-starts", ["employerName": "Corner Shop", "startedOn": "2027-01-01", "hourlyPay": "ten"])
        XCTAssertEqual(res.status, .unprocessableEntity)
        for message in ["Enter the job title", "Start date cannot be in the future", "Enter the hours a week", "Hourly pay must be an amount in pounds"] {
            XCTAssertTrue(res.body.string.contains(message), message)
        }
        let stored = try await counts()
        XCTAssertEqual(stored.jobStarts, 0)

        res = try await postForm(adviser, "/clients/\(f.clientA)/job-starts", [
            "employerName": "Corner Shop", "jobTitle": "Shop assistant", "startedOn": "2026-10-05", "hoursPerWeek": "16", "hourlyPay": "12.21",
        ])
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        let start = try unwrap(try await JobStartModel.query(on: db).first())
        XCTAssertEqual(start.hourlyPayPence, 1221)
        XCTAssertNil(start.vacancyID)

        res = try await postForm(adviser, "/job-starts/\(start.id!)/contacts", ["contactedOn": "2026-10-12", "summary": "Settling in", "withEmployer": "true"])
        XCTAssertEqual(res.status, .seeOther)
        let contact = try unwrap(try await InWorkContactModel.query(on: db).first())
        XCTAssertTrue(contact.withEmployer)
        XCTAssertEqual(contact.summary, "Settling in")

        let other = try await t.pageSession(.otherAdviser)
        res = try await t.page(other, "/job-starts/\(start.id!)")
        XCTAssertEqual(res.status, .notFound, "the charity's adviser cannot see the Jobcentre's client")
        res = try await t.page(other, "/clients/\(f.clientA)/job-starts/new")
        XCTAssertEqual(res.status, .notFound)
    }
}
