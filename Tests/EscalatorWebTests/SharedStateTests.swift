import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Vapor
import XCTVapor
import XCTest

/// Two instances of the app over one database, as behind a load balancer (a SQLite file here; PostgreSQL when
/// `TEST_DATABASE_URL` is set): a change made through one, or straight in the database as a command would, is
/// known to the other in its very next request. The expectations are the journey's rules: a withdrawn consent
/// ends sharing at once (docs/security.md), a filled vacancy is not matched (docs/matching.md).
final class SharedStateTests: XCTestCase {
    private var t: TestApp!
    private var other: Application!
    private var f: WebFixture { t.fixture }

    override func setUp() async throws {
        try await super.setUp()
        t = try await TestApp.make(adjust: { $0.signInLimits = SignInLimits(failuresPerAccount: 3, failuresPerAddress: 100, window: 600) },
                                   sqliteFile: true)
        other = try await t.secondInstance()
    }

    override func tearDown() async throws {
        try await other?.asyncShutdown()
        other = nil
        try await t?.shutdown()
        t = nil
        try await super.tearDown()
    }

    private func token(_ role: TestRole, on app: Application) async throws -> HTTPHeaders {
        let res = try await app.sendRequest(.POST, "/api/v1/auth/token", headers: ["Content-Type": "application/json"],
                                            body: ByteBuffer(string: #"{"email": "\#(f.email(role))", "password": "\#(WebFixture.password)"}"#))
        XCTAssertEqual(res.status, .created, res.body.string)
        return ["Authorization": "Bearer \(try res.content.get(String.self, at: "token"))"]
    }

    private func candidateReferences(on app: Application, _ headers: HTTPHeaders) async throws -> [String] {
        let res = try await app.sendRequest(.GET, "/api/v1/vacancies/\(f.vacancy)/candidates", headers: headers)
        XCTAssertEqual(res.status, .ok, res.body.string)
        return try res.content.decode(MatchDTO.PseudonymisedCandidates.self).candidates.map(\.pseudonym)
    }

    private func matchedVacancies(on app: Application, _ headers: HTTPHeaders) async throws -> Set<UUID> {
        let res = try await app.sendRequest(.GET, "/api/v1/clients/\(f.clientA)/matches", headers: headers)
        XCTAssertEqual(res.status, .ok, res.body.string)
        let body = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any]
        let items = (body?["vacancies"] as? [[String: Any]]) ?? (body?["items"] as? [[String: Any]]) ?? []
        return Set(items.compactMap { ($0["vacancyID"] as? String).flatMap(UUID.init(uuidString:)) })
    }

    func testAConsentWithdrawnOnOneInstanceEndsSharingOnTheOtherAtOnce() async throws {
        let employerOnOther = try await token(.employer, on: other)
        try await t.addSharingCandidates(5)
        let found = try await VacancyModel.find(f.vacancy, on: t.app.db)
        let pseudonym = t.app.pseudonyms.candidate(f.clientA, vacancy: try XCTUnwrap(found).value)
        // Both instances have built their snapshots: client A shares (with the college), so is a candidate.
        let employerHere = try await token(.employer, on: t.app), adviserHere = try await token(.adviser, on: t.app)
        var listedThere = try await candidateReferences(on: other, employerOnOther)
        let listedHere = try await candidateReferences(on: t.app, employerHere)
        XCTAssertTrue(listedThere.contains(pseudonym))
        XCTAssertTrue(listedHere.contains(pseudonym))

        let consents = try await ConsentModel.query(on: t.app.db).filter(\.$clientID == f.clientA).all()
        XCTAssertEqual(consents.count, 1, "the fixture's one consent")
        let consent = try XCTUnwrap(consents.first)
        let res = try await t.app.sendRequest(.POST, "/api/v1/clients/\(f.clientA)/consents/\(consent.id!)/withdraw", headers: adviserHere)
        XCTAssertEqual(res.status, .ok, res.body.string)

        // No waiting: the other instance's very next request knows.
        listedThere = try await candidateReferences(on: other, employerOnOther)
        XCTAssertFalse(listedThere.contains(pseudonym), "the other instance still offers a client whose consent was withdrawn")
        XCTAssertEqual(listedThere.count, 5, "the five others are still listed")
    }

    func testAVacancyFilledAndReopenedInTheDatabaseIsSeenByBothInstances() async throws {
        let adviserOnOther = try await token(.adviser, on: other)
        let adviserHere = try await token(.adviser, on: t.app)
        var there = try await matchedVacancies(on: other, adviserOnOther)
        XCTAssertTrue(there.contains(f.vacancy), "the fixture's vacancy matches client A")

        // As `escalator import` or a third instance would: straight in the database.
        let found = try await VacancyModel.find(f.vacancy, on: t.app.db)
        let vacancy = try XCTUnwrap(found)
        vacancy.status = .filled
        try await vacancy.save(on: t.app.db)
        there = try await matchedVacancies(on: other, adviserOnOther)
        let here = try await matchedVacancies(on: t.app, adviserHere)
        XCTAssertFalse(there.contains(f.vacancy), "a filled vacancy is not matched")
        XCTAssertFalse(here.contains(f.vacancy))

        vacancy.status = .open
        try await vacancy.save(on: t.app.db)
        there = try await matchedVacancies(on: other, adviserOnOther)
        XCTAssertTrue(there.contains(f.vacancy), "reopened, it is matched again")
    }

    func testEveryWriteIsInTheRecordOfChangeAndARolledBackOneIsNot() async throws {
        let before = try await ChangeRecord.head(on: t.app.db)
        let found = try await VacancyModel.find(f.vacancy, on: t.app.db)
        let vacancy = try XCTUnwrap(found)
        vacancy.title = "Renamed"
        try await vacancy.save(on: t.app.db)
        var changes = try await ChangeRecord.changes(after: before, limit: 10, on: t.app.db)
        XCTAssertEqual(changes.map(\.kind), [.vacancy])
        XCTAssertEqual(changes.first?.entityID, f.vacancy)

        struct Refused: Error {}
        let clientA = f.clientA
        do {
            try await t.app.db.transaction { db in
                let consent = try await ConsentModel.query(on: db).filter(\.$clientID == clientA).first()!
                consent.withdrawnAt = WebFixture.today
                try await consent.save(on: db)
                throw Refused()
            }
            XCTFail("the transaction should have failed")
        } catch is Refused {}
        changes = try await ChangeRecord.changes(after: before, limit: 10, on: t.app.db)
        XCTAssertEqual(changes.count, 1, "a rolled-back write leaves no change behind")

        let foundAssessment = try await AssessmentModel.find(f.assessmentA, on: t.app.db)
        let assessment = try XCTUnwrap(foundAssessment)
        assessment.minHours = 10
        try await assessment.save(on: t.app.db)
        changes = try await ChangeRecord.changes(after: before, limit: 10, on: t.app.db)
        XCTAssertEqual(changes.last?.kind, .client, "an assessment is a change to its client's profile")
        XCTAssertEqual(changes.last?.entityID, f.clientA)
    }

    func testSignInFailuresCountAcrossInstances() async throws {
        func attempt(on app: Application) async throws -> HTTPStatus {
            try await app.sendRequest(.POST, "/api/v1/auth/token", headers: ["Content-Type": "application/json"],
                                      body: ByteBuffer(string: #"{"email": "\#(f.email(.adviser))", "password": "wrong-password-1"}"#)).status
        }
        // The limit is 3 failures per account: two here, one there, and the fourth is refused on either.
        for app: Application in [t.app, other, t.app] {
            let status = try await attempt(on: app)
            XCTAssertEqual(status, .unauthorized)
        }
        let fourthOnOther = try await attempt(on: other)
        XCTAssertEqual(fourthOnOther, .tooManyRequests)
        let fifthHere = try await attempt(on: t.app)
        XCTAssertEqual(fifthHere, .tooManyRequests)
    }

    func testAuditedReadsFromBothInstancesAtOnceMakeOneChain() async throws {
        let here = try await token(.adviser, on: t.app), there = try await token(.adviser, on: other)
        let before = try await AuditChain.readHead(on: t.app.db)?.sequence ?? 0
        let apps: [(Application, HTTPHeaders)] = [(t.app, here), (other, there)]
        let client = f.clientA
        let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
            for index in 0..<40 {
                let (app, headers) = apps[index % 2]
                group.addTask { try await app.sendRequest(.GET, "/api/v1/clients/\(client)", headers: headers).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(statuses.filter { $0 != .ok }, [], "every audited read succeeds")
        let verification = try await t.app.auditTrail.chain.verify(on: t.app.db)
        XCTAssertTrue(verification.isIntact, verification.summary)
        XCTAssertEqual(verification.rows, before + 40, "one row for each read, none lost")
    }
}
