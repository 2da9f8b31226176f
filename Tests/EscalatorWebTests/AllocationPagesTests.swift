import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Foundation
import Vapor
import XCTVapor
import XCTest

/// The allocation page, its CSV and `/api/v1/matching/allocation` (docs/matching.md, "Allocation").
final class AllocationPagesTests: WebTestCase {
    /// Assessed like the fixture's Ada: one more in the target ward A, six in ward B (not a target ward).
    var residents: [UUID] = []
    var others: [UUID] = []

    override func setUp() async throws {
        try await super.setUp()
        let db = t.app.db
        let ada = try await AssessmentModel.find(f.assessmentA, on: db)!.value(t.app.columnCipher)
        for i in 1...7 {
            let id = UUID(), ward = i == 1 ? f.wardA : f.wardB
            if ward == f.wardA { residents.append(id) } else { others.append(id) }
            try await ClientModel(withoutEqualityMonitoring: Client(
                id: id, reference: "WM-ALLOC00\(i)", givenName: "Client\(i)", familyName: "Allocation", dateOfBirth: Date(isoDay: "1992-04-0\(i)"),
                email: nil, phone: nil, postcode: "B6 4AA", wardID: ward, employmentStatus: .unemployed, referralSource: .jobcentre,
                organisationID: f.jobcentre, caseOwnerID: f.adviser, registeredAt: Date(isoDay: "2026-09-01")!)).create(on: db)
            try await AssessmentModel(Assessment(
                id: UUID(), clientID: id, adviserID: f.adviser, assessedOn: Date(isoDay: "2026-09-10")!, skills: ada.skills,
                highestQualification: ada.highestQualification, gcseEnglish: ada.gcseEnglish, gcseMaths: ada.gcseMaths,
                barriers: [], aspirations: ada.aspirations, constraints: ada.constraints), distanceFromWork: 50, cipher: t.app.columnCipher).create(on: db)
        }
        residents.append(f.clientA)
        await t.app.matchingCache.invalidate()
    }

    // MARK: Helpers

    private func plan(_ query: String = "") async throws -> AllocationDTO.Plan {
        let res = try await t.send(.GET, "/api/v1/matching/allocation" + query, as: .administrator)
        XCTAssertEqual(res.status, .ok, res.body.string)
        return try res.content.decode(AllocationDTO.Plan.self)
    }

    /// The core's allocation on inputs read here from the database, not through the app's cache.
    private func core(_ options: AllocationOptions, release: Bool = false) async throws -> (AllocationInstance, Allocation) {
        let db = t.app.db, now = t.environment.now()
        let snapshot = try await MatchingCache.build(db: db, now: now, cipher: t.app.columnCipher)
        let wards = Dictionary(try await ClientModel.query(on: db).all().map { ($0.id!, $0.wardID) }, uniquingKeysWith: { a, _ in a })
        let instance = AllocationInstance.build(
            profiles: Array(snapshot.profiles.values), vacancies: snapshot.vacancies, programmes: snapshot.programmes,
            licenceSkillIDs: snapshot.licenceSkillIDs, clientWards: wards, now: now, options: options)
        return (instance, instance.allocate(releaseUnusedReserved: release))
    }

    private struct Row: Hashable {
        var client: UUID, kind: String, target: UUID, cohort: UUID?
    }

    private func rows(_ plan: AllocationDTO.Plan) -> [Row] {
        plan.assignments.map { Row(client: $0.clientID, kind: $0.kind, target: $0.targetID, cohort: $0.cohortID) }
    }

    private func rows(_ instance: AllocationInstance, _ allocation: Allocation) -> [Row] {
        allocation.assignments.map { a in
            let slot = instance.slots[a.candidate.slot]
            return Row(client: instance.clientIDs[a.client], kind: slot.kind.rawValue, target: slot.targetID, cohort: slot.cohortID)
        }
    }

    /// Each client at most once; no vacancy or cohort over its places.
    private func assertFeasible(_ plan: AllocationDTO.Plan, _ instance: AllocationInstance, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Set(plan.assignments.map(\.clientID)).count, plan.assignments.count, "a client allocated twice", file: file, line: line)
        let used = Dictionary(grouping: rows(plan), by: { "\($0.target)/\($0.cohort?.uuidString ?? "")" }).mapValues(\.count)
        for slot in instance.slots {
            XCTAssertLessThanOrEqual(used["\(slot.targetID)/\(slot.cohortID?.uuidString ?? "")"] ?? 0, slot.places, file: file, line: line)
        }
    }

    private func counts() async throws -> [Int] {
        let db = t.app.db
        return [try await ReferralModel.query(on: db).count(), try await AuditEventModel.query(on: db).count(),
                try await ClientModel.query(on: db).count(), try await CohortModel.query(on: db).all().reduce(0) { $0 + $1.enrolled },
                try await VacancyModel.query(on: db).all().reduce(0) { $0 + $1.openings }]
    }

    // MARK: The plan

    func testThePlanIsTheCoresOptimum() async throws {
        let plan = try await plan()
        let (instance, allocation) = try await core(AllocationOptions())
        XCTAssertEqual(plan.summary.assessedClients, 8)
        XCTAssertEqual(plan.summary.totalWeight, allocation.totalWeight)
        XCTAssertEqual(plan.summary.totalScore, allocation.totalScore, accuracy: 1e-9)
        XCTAssertEqual(rows(plan), rows(instance, allocation))
        XCTAssertEqual(plan.summary.allocated, allocation.assignments.count)
        // 4 openings and 10 free cohort places for 8 clients: everyone with an option is placed.
        XCTAssertEqual(plan.summary.places, 14)
        XCTAssertEqual(plan.summary.clientsWithOptions, 8)
        XCTAssertEqual(plan.summary.allocated, 8)
        XCTAssertEqual(plan.summary.toVacancies + plan.summary.toCohorts, plan.summary.allocated)
        XCTAssertNil(plan.summary.reservedPlaces)
        assertFeasible(plan, instance)
        let references = Dictionary(uniqueKeysWithValues: plan.assignments.map { ($0.clientID, $0.clientReference) })
        XCTAssertEqual(references[f.clientA], "WM-TESTAAAA")
        XCTAssertEqual(references[others[0]], "WM-ALLOC002")
    }

    func testOptionsReachTheCore() async throws {
        let plan = try await plan("?only=vacancies&candidates=1&programmeWeight=0.5")
        let (instance, allocation) = try await core(AllocationOptions(candidatesPerClient: 1, programmeWeight: 0.5, includeCohorts: false))
        XCTAssertEqual(plan.parameters.only, "vacancies")
        XCTAssertEqual(plan.parameters.candidates, 1)
        XCTAssertEqual(rows(plan), rows(instance, allocation))
        XCTAssertEqual(plan.summary.totalWeight, allocation.totalWeight)
        XCTAssertEqual(plan.summary.toCohorts, 0)
        XCTAssertEqual(plan.summary.places, 4)
        XCTAssertEqual(Set(plan.assignments.map(\.kind)), ["vacancy"])
        assertFeasible(plan, instance)

        let cohorts = try await self.plan("?only=cohorts")
        XCTAssertEqual(cohorts.summary.toVacancies, 0)
        XCTAssertEqual(Set(cohorts.assignments.map(\.kind)), ["cohort"])
        XCTAssertEqual(Set(cohorts.assignments.map(\.cohortID)), [f.cohort])
    }

    func testReservedPlacesGoOnlyToTargetWardResidents() async throws {
        let reservation = PlaceReservation(share: 1, wards: [f.wardA])
        let plan = try await plan("?only=vacancies&reserveShare=1")
        let (instance, allocation) = try await core(AllocationOptions(includeCohorts: false, reservation: reservation))
        XCTAssertEqual(rows(plan), rows(instance, allocation))
        XCTAssertEqual(plan.summary.reservedPlaces, 4)
        XCTAssertEqual(plan.summary.targetWards, [f.wardA])
        // Every place is reserved and only two clients live in a target ward.
        XCTAssertEqual(Set(plan.assignments.map(\.clientID)), Set(residents))
        XCTAssertEqual(plan.summary.residentsAllocated, 2)
        XCTAssertTrue(plan.assignments.allSatisfy(\.targetWardResident))
        assertFeasible(plan, instance)

        let released = try await self.plan("?only=vacancies&reserveShare=1&releaseUnused=true")
        let (releasedInstance, releasedAllocation) = try await core(
            AllocationOptions(includeCohorts: false, reservation: PlaceReservation(share: 1, wards: [f.wardA], releaseUnused: true)), release: true)
        XCTAssertEqual(rows(released), rows(releasedInstance, releasedAllocation))
        XCTAssertEqual(released.summary.totalWeight, releasedAllocation.totalWeight)
        XCTAssertEqual(released.summary.allocated, 4)
        XCTAssertEqual(released.summary.releasedAllocated, 2)
        let stageOne = released.assignments.filter { $0.stage == 1 }
        XCTAssertEqual(Set(stageOne.map(\.clientID)), Set(residents), "before release, reserved places only to residents")
        XCTAssertTrue(released.assignments.filter { $0.stage == 2 }.allSatisfy { others.contains($0.clientID) })
        assertFeasible(released, releasedInstance)
    }

    func testAClientMovingIntoATargetWardIsSeenWithoutARebuild() async throws {
        _ = try await plan()
        let mover = others[0]
        let model = try await ClientModel.find(mover, on: t.app.db)!
        model.wardID = f.wardA
        try await model.save(on: t.app.db)
        let moved = try await plan("?only=vacancies&reserveShare=1")
        XCTAssertEqual(Set(moved.assignments.map(\.clientID)), Set(residents + [mover]))
        XCTAssertEqual(moved.summary.residentsAllocated, 3)
    }

    func testAHalfShareLeavesTheRestOpenToEveryone() async throws {
        let plan = try await plan("?only=vacancies&reserveShare=0.5")
        let (instance, allocation) = try await core(
            AllocationOptions(includeCohorts: false, reservation: PlaceReservation(share: 0.5, wards: [f.wardA])))
        XCTAssertEqual(rows(plan), rows(instance, allocation))
        // Rounded up: 2 of the warehouse's 3 openings, the stock assistant's only one.
        XCTAssertEqual(plan.summary.reservedPlaces, 3)
        for slot in instance.slots {
            let nonResidents = plan.assignments.filter { $0.targetID == slot.targetID && !$0.targetWardResident }.count
            XCTAssertLessThanOrEqual(nonResidents, slot.places - slot.reserved, "\(slot.targetID)")
        }
        XCTAssertEqual(plan.assignments.filter { !$0.targetWardResident }.count, 1)
        assertFeasible(plan, instance)
    }

    // MARK: Bad parameters

    func testBadParametersAre400sNamingThemAndChangeNothing() async throws {
        let before = try await counts()
        let session = try await t.pageSession(.administrator)
        let bad: [(String, String)] = [
            ("only=all", "only"), ("candidates=0", "candidates"), ("candidates=101", "candidates"), ("candidates=2.5", "candidates"),
            ("programmeWeight=1.5", "programmeWeight"), ("programmeWeight=nan", "programmeWeight"),
            ("reserveShare=-0.1", "reserveShare"), ("reserveShare=x", "reserveShare"), ("releaseUnused=maybe", "releaseUnused"),
            ("releaseUnused=true", "releaseUnused"),
        ]
        for (query, name) in bad {
            let api = try await t.send(.GET, "/api/v1/matching/allocation?" + query, as: .administrator)
            XCTAssertEqual(api.status, .badRequest, query)
            let body = try JSONSerialization.jsonObject(with: Data(api.body.string.utf8)) as? [String: Any]
            let error = body?["error"] as? [String: Any]
            let fields = error?["fields"] as? [[String: Any]]
            XCTAssertEqual(fields?.first?["field"] as? String, name, query)
            XCTAssertTrue((error?["message"] as? String)?.contains(name) ?? false, query)

            let page = try await t.page(session, "/matching/allocation?" + query)
            XCTAssertEqual(page.status, .badRequest, query)
            XCTAssertTrue(page.body.string.contains("error-summary"), query)
            XCTAssertTrue(page.body.string.contains("href=\"#\(Form.fieldID(name))\""), query)
            XCTAssertFalse(page.body.string.contains(">The plan</h2>"), query)

            let csv = try await t.page(session, "/matching/allocation.csv?" + query)
            XCTAssertEqual(csv.status, .badRequest, query)
        }
        // -0 is 0, a weight like any other.
        let zero = try await t.send(.GET, "/api/v1/matching/allocation?programmeWeight=-0", as: .administrator)
        XCTAssertEqual(zero.status, .ok)
        let after = try await counts()
        XCTAssertEqual(before, after)
    }

    // MARK: Access

    func testOnlyAdministratorsSeeThePlan() async throws {
        for role in TestRole.allCases where role != .administrator {
            let api = try await t.send(.GET, "/api/v1/matching/allocation", as: role)
            XCTAssertEqual(api.status, .forbidden, "\(role)")
            XCTAssertFalse(api.body.string.contains("WM-"), "\(role)")
            let session = try await t.pageSession(role)
            for path in ["/matching/allocation", "/matching/allocation?candidates=20", "/matching/allocation.csv"] {
                let page = try await t.page(session, path)
                XCTAssertEqual(page.status, .forbidden, "\(role) \(path)")
                XCTAssertFalse(page.body.string.contains("WM-ALLOC"), "\(role) \(path)")
            }
        }
        let admin = try await t.send(.GET, "/api/v1/matching/allocation", as: .administrator)
        XCTAssertEqual(admin.status, .ok)

        let signedOutAPI = try await t.app.sendRequest(.GET, "/api/v1/matching/allocation")
        XCTAssertEqual(signedOutAPI.status, .unauthorized)
        for path in ["/matching/allocation", "/matching/allocation.csv"] {
            let signedOut = try await t.app.sendRequest(.GET, path)
            XCTAssertEqual(signedOut.status, .seeOther, path)
            XCTAssertTrue(signedOut.headers.first(name: .location)?.hasPrefix("/sign-in") ?? false, path)
        }
    }

    func testTheInsightPageLinksToAllocationForAdministratorsOnly() async throws {
        let admin = try await t.page(try await t.pageSession(.administrator), "/insight")
        XCTAssertEqual(admin.status, .ok)
        XCTAssertTrue(admin.body.string.contains("href=\"/matching/allocation\""))
        let analyst = try await t.page(try await t.pageSession(.analyst), "/insight")
        XCTAssertEqual(analyst.status, .ok)
        XCTAssertFalse(analyst.body.string.contains("/matching/allocation"))
    }

    // MARK: Page and CSV

    func testTheFirstVisitShowsTheFormOnly() async throws {
        let page = try await t.page(try await t.pageSession(.administrator), "/matching/allocation")
        XCTAssertEqual(page.status, .ok)
        let html = page.body.string
        for label in ["What to allocate", "Options considered per client", "Programme weight", "Share of places reserved", "Offer reserved places left empty"] {
            XCTAssertTrue(html.contains(label), label)
        }
        XCTAssertTrue(html.contains("takes a few seconds"))
        XCTAssertFalse(html.contains(">The plan</h2>"))
        XCTAssertFalse(html.contains("<script"))
    }

    func testThePageShowsTheSummaryAndTheCSVHasEveryAssignment() async throws {
        let session = try await t.pageSession(.administrator)
        let query = "only=vacancies&candidates=20&programmeWeight=1&reserveShare=0.5&releaseUnused=true"
        let expected = try await plan("?" + query)
        let page = try await t.page(session, "/matching/allocation?" + query)
        XCTAssertEqual(page.status, .ok)
        let html = page.body.string
        XCTAssertTrue(html.contains(">The plan</h2>"))
        XCTAssertTrue(html.contains("\(expected.summary.allocated) of 8 assessed clients"), html)
        XCTAssertTrue(html.contains(String(format: "%.6f", expected.summary.totalScore)))
        XCTAssertTrue(html.contains("Reserved places"))
        XCTAssertTrue(html.contains("Allocated when unused reserved places were released"))
        XCTAssertTrue(html.contains("Warehouse operative"))
        XCTAssertTrue(html.contains("Stock assistant"))
        XCTAssertTrue(html.contains("/matching/allocation.csv?only=vacancies&amp;candidates=20"), "CSV link keeps the parameters")
        XCTAssertTrue(html.contains("checked"), "the release box stays ticked")

        let csv = try await t.page(session, "/matching/allocation.csv?" + query)
        XCTAssertEqual(csv.status, .ok)
        XCTAssertEqual(csv.headers.contentType?.subType, "csv")
        let lines = csv.body.string.split(whereSeparator: \.isNewline).map(String.init)
        XCTAssertEqual(lines.first, "client_id,kind,target_id,cohort_id,score,client_reference")
        XCTAssertEqual(lines.count - 1, expected.assignments.count)
        XCTAssertGreaterThan(expected.assignments.count, 0)
        for (line, assignment) in zip(lines.dropFirst(), expected.assignments) {
            XCTAssertEqual(line, [assignment.clientID.uuidString, assignment.kind, assignment.targetID.uuidString, assignment.cohortID?.uuidString ?? "",
                                  String(format: "%.6f", assignment.score), assignment.clientReference].joined(separator: ","))
        }
    }

    func testCohortsShowTheirProgrammeAndStart() async throws {
        let page = try await t.page(try await t.pageSession(.administrator), "/matching/allocation?only=cohorts")
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.string.contains("Warehouse skills bootcamp, cohort starting \(Date(isoDay: "2026-12-01")!.ukDate)"))
    }
}
