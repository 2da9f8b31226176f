import XCTest
@testable import EscalatorCore

final class InsightTests: XCTestCase {
    private typealias F = FixtureFactory

    // MARK: Journey stages

    func testStagePrecedence() {
        let assessed = FixtureID.uuid(900)
        func stage(_ referrals: [Referral] = [], _ starts: [JobStart] = [], _ checks: [SustainmentCheck] = [], assessment: UUID? = assessed) -> JourneyStage {
            JourneyStage.stage(latestAssessmentID: assessment, referrals: referrals, jobStarts: starts, checks: checks)
        }
        XCTAssertEqual(stage(assessment: nil), .registered)
        XCTAssertEqual(stage(), .assessed)
        XCTAssertEqual(stage([F.referral(id: 1, client: 1, toProgramme: 50, status: .referred)]), .referredToProgramme)
        XCTAssertEqual(stage([F.referral(id: 1, client: 1, toProgramme: 50, status: .started)]), .inTraining)
        XCTAssertEqual(stage([
            F.referral(id: 1, client: 1, toProgramme: 50, status: .started),
            F.referral(id: 2, client: 1, toVacancy: 60, status: .interviewed),
        ]), .applying)
        XCTAssertEqual(stage([F.referral(id: 2, client: 1, toVacancy: 60, status: .started)]), .inWork)
        XCTAssertEqual(stage([], [F.jobStart(id: 70, client: 1)]), .inWork)
        XCTAssertEqual(stage([], [F.jobStart(id: 70, client: 1)], [F.check(70, .week13, on: "2024-04-01", inWork: true)]), .sustained)
    }

    func testFinishedReferralsAndLeftJobsFallBack() {
        func stage(_ referrals: [Referral], _ starts: [JobStart] = [], _ checks: [SustainmentCheck] = []) -> JourneyStage {
            JourneyStage.stage(latestAssessmentID: FixtureID.uuid(900), referrals: referrals, jobStarts: starts, checks: checks)
        }
        XCTAssertEqual(stage([F.referral(id: 1, client: 1, toProgramme: 50, status: .completed)]), .assessed)
        XCTAssertEqual(stage([F.referral(id: 1, client: 1, toVacancy: 60, status: .declined)]), .assessed)
        let left = [F.check(70, .week13, on: "2024-04-01", inWork: true), F.check(70, .week26, on: "2024-07-01", inWork: false)]
        XCTAssertEqual(stage([F.referral(id: 1, client: 1, toVacancy: 60, status: .applied)], [F.jobStart(id: 70, client: 1)], left), .applying)
        // The vacancy referral at `started` is the same job as the start that ended, so it does not count again.
        XCTAssertEqual(stage([F.referral(id: 1, client: 1, toVacancy: 60, status: .started)], [F.jobStart(id: 70, client: 1, vacancy: 60)], left), .assessed)
    }

    func testStageCounts() {
        let clients = (1...8).map { F.client(id: $0) }
        let assessments = [2, 3, 4, 5, 6, 7, 8].reduce(into: [UUID: UUID]()) { $0[FixtureID.uuid($1)] = FixtureID.uuid(900 + $1) }
        let referrals = [
            F.referral(id: 101, client: 3, toProgramme: 50, status: .referred),
            F.referral(id: 102, client: 4, toProgramme: 50, status: .started),
            F.referral(id: 103, client: 5, toVacancy: 60, status: .offered),
            F.referral(id: 104, client: 8, toProgramme: 50, status: .withdrawn),
            F.referral(id: 105, client: 99, toProgramme: 50, status: .started),  // not one of our clients
        ]
        let starts = [F.jobStart(id: 201, client: 6), F.jobStart(id: 202, client: 7)]
        let checks = [F.check(202, .week13, on: "2024-04-01", inWork: true)]
        let counts = StageCounts(clients: clients, latestAssessmentIDs: assessments, referrals: referrals, jobStarts: starts, checks: checks)

        XCTAssertEqual(counts.rows.map(\.key), JourneyStage.allCases)
        XCTAssertEqual(counts.rows.map(\.count), [1, 2, 1, 1, 1, 1, 1])
        XCTAssertEqual(counts[.assessed], 2)
        XCTAssertEqual(counts.total, 8)
        XCTAssertEqual(JourneyStage.sustained.label, "Sustained 13 weeks or more")
    }

    func testStageCountsFromClientIDsMatchCountsFromClients() {
        let clients = (1...5).map { F.client(id: $0) }
        let assessments = [FixtureID.uuid(2): FixtureID.uuid(902), FixtureID.uuid(3): FixtureID.uuid(903)]
        let referrals = [F.referral(id: 101, client: 3, toVacancy: 60, status: .applied)]
        let starts = [F.jobStart(id: 201, client: 4), F.jobStart(id: 202, client: 5)]
        let checks = [F.check(202, .week13, on: "2024-04-01", inWork: true)]
        let fromIDs = StageCounts(clientIDs: clients.map(\.id), latestAssessmentIDs: assessments, referrals: referrals, jobStarts: starts, checks: checks)
        let fromClients = StageCounts(clients: clients, latestAssessmentIDs: assessments, referrals: referrals, jobStarts: starts, checks: checks)

        XCTAssertEqual(fromIDs, fromClients)
        XCTAssertEqual(fromIDs.rows.map(\.count), [1, 1, 0, 0, 1, 1, 1])
        XCTAssertEqual(StageCounts(clientIDs: [], latestAssessmentIDs: [:], referrals: referrals, jobStarts: starts).total, 0)

        // From a count alone: clients 1 to 5 plus 3 more that nothing names, who are registered.
        let fromCount = StageCounts(clientCount: 8, latestAssessmentIDs: assessments, referrals: referrals, jobStarts: starts, checks: checks)
        XCTAssertEqual(fromCount.rows.map(\.count), [4, 1, 0, 0, 1, 1, 1])
        XCTAssertEqual(fromCount.total, 8)
        // Client 1 is named by nothing, so a count of 4 leaves nobody else registered.
        XCTAssertEqual(StageCounts(clientCount: 4, latestAssessmentIDs: assessments, referrals: referrals, jobStarts: starts, checks: checks).rows.map(\.count),
                       [0, 1, 0, 0, 1, 1, 1])
    }

    // MARK: Sustainment

    func testSustainmentRatesAsOfADate() {
        let starts = [
            F.jobStart(id: 1, client: 1, on: "2024-01-01"),  // 13 weeks: 2024-04-01, 26 weeks: 2024-07-01
            F.jobStart(id: 2, client: 2, on: "2024-03-01"),  // 13 weeks: 2024-05-31, 26 weeks: 2024-08-30
            F.jobStart(id: 3, client: 3, on: "2024-06-01"),  // 13 weeks: 2024-08-31
        ]
        let checks = [
            F.check(1, .week13, on: "2024-04-02", inWork: true),
            F.check(1, .week26, on: "2024-07-01", inWork: false),
            F.check(2, .week13, on: "2024-06-01", inWork: true),
            F.check(2, .week13, on: "2024-06-10", inWork: false),  // the later check wins
            F.check(3, .week13, on: "2024-06-20", inWork: true),  // early: start 3 is not yet due
            F.check(9, .week13, on: "2024-06-20", inWork: true),  // no such start
        ]
        let rates = SustainmentRates.compute(jobStarts: starts, checks: checks, asOf: FixtureDate.day("2024-07-01"))

        XCTAssertEqual(rates.map(\.milestone), [.week13, .week26, .week52])
        XCTAssertEqual(rates.map(\.due), [2, 1, 0])
        XCTAssertEqual(rates.map(\.checked), [2, 1, 0])
        XCTAssertEqual(rates.map(\.stillInWork), [1, 0, 0])
        XCTAssertEqual(rates.map(\.rate), [0.5, 0.0, nil])

        let dayEarlier = SustainmentRates.compute(jobStarts: starts, checks: checks, asOf: FixtureDate.day("2024-06-30"))
        XCTAssertEqual(dayEarlier.map(\.due), [2, 0, 0])
    }

    func testUncheckedStartsCountAgainstTheRate() {
        let starts = [F.jobStart(id: 1, client: 1, on: "2024-01-01"), F.jobStart(id: 2, client: 2, on: "2024-01-01")]
        let rates = SustainmentRates.compute(jobStarts: starts, checks: [F.check(1, .week13, on: "2024-04-01", inWork: true)], asOf: FixtureDate.day("2024-05-01"))
        XCTAssertEqual(rates[0].due, 2)
        XCTAssertEqual(rates[0].checked, 1)
        XCTAssertEqual(rates[0].rate, 0.5)
    }

    // MARK: Employment gap

    func testEmploymentGap() {
        func ward(_ id: String, _ authority: String, target: Bool, population: Int, employed: Int) -> Ward {
            Ward(id: id, name: id, localAuthorityID: authority, centre: FixtureGeo.home, isTargetWard: target,
                 statistics: AreaStatistics(workingAgePopulation: population, employed: employed, lookingForWork: 0, withLevel2: 0, withDegree: 0))
        }
        let wards = [
            ward("W1", "LA-A", target: true, population: 1000, employed: 500),
            ward("W2", "LA-A", target: false, population: 3000, employed: 2400),
            ward("W3", "LA-B", target: true, population: 1000, employed: 600),
            ward("W4", "LA-B", target: false, population: 5000, employed: 3500),
        ]
        let authorities = [
            LocalAuthority(id: "LA-B", name: "Beta", centre: FixtureGeo.home),
            LocalAuthority(id: "LA-C", name: "Gamma", centre: FixtureGeo.home),
            LocalAuthority(id: "LA-A", name: "Alpha", centre: FixtureGeo.home),
        ]
        let gap = EmploymentGap(wards: wards, localAuthorities: authorities)

        XCTAssertEqual(gap.regionRate!, 0.70, accuracy: 1e-12)
        XCTAssertEqual(gap.targetWardsRate!, 0.55, accuracy: 1e-12)
        XCTAssertEqual(gap.gapPoints!, 15, accuracy: 1e-9)
        XCTAssertEqual(gap.byLocalAuthority.map(\.name), ["Alpha", "Beta", "Gamma"])
        let alpha = gap.byLocalAuthority[0], beta = gap.byLocalAuthority[1], gamma = gap.byLocalAuthority[2]
        XCTAssertEqual(alpha.rate!, 0.725, accuracy: 1e-12)
        XCTAssertEqual(alpha.targetWardsRate!, 0.5, accuracy: 1e-12)
        XCTAssertEqual(alpha.gapPoints!, 20, accuracy: 1e-9)
        XCTAssertEqual(alpha.targetWardCount, 1)
        XCTAssertEqual(beta.rate!, 4100.0 / 6000, accuracy: 1e-12)
        XCTAssertEqual(beta.gapPoints!, 10, accuracy: 1e-9)
        XCTAssertNil(gamma.rate)
        XCTAssertNil(gamma.gapPoints)
        XCTAssertEqual(gamma.all, .zero)

        let noTargets = EmploymentGap(wards: wards.filter { !$0.isTargetWard }, localAuthorities: [])
        XCTAssertNil(noTargets.targetWardsRate)
        XCTAssertNil(noTargets.gapPoints)
    }

    // MARK: Skills demand and supply

    func testSkillsDemandAndSupply() {
        let today = FixtureDate.day("2024-06-01")
        let vacancies = [
            F.vacancy(id: 1, requirements: [F.essential("S.A"), F.desirable("S.B")], openings: 2),
            F.vacancy(id: 2, requirements: [F.essential("S.B"), F.essential("S.C")], openings: 1),
            F.vacancy(id: 3, requirements: [F.essential("S.D")], openings: 5, status: .closed),
            F.vacancy(id: 4, requirements: [F.essential("S.D")], openings: 5, closing: "2024-05-31"),
        ]
        let assessments = [
            F.assessment(id: 11, clientID: 1, on: "2024-01-01", skills: ["S.B": .expert]),
            F.assessment(id: 12, clientID: 1, on: "2024-05-01", skills: ["S.A": .working, "S.B": .basic]),
            F.assessment(id: 13, clientID: 2, on: "2024-02-01", skills: ["S.A": .proficient, "S.C": .working]),
        ]
        let rows = SkillsDemandSupply.top(10, vacancies: vacancies, assessments: assessments, on: today)

        XCTAssertEqual(rows.map(\.skillID), ["S.A", "S.B", "S.C"])  // S.A and S.B tie on 2: by id
        XCTAssertEqual(rows.map(\.demand), [2, 2, 1])
        XCTAssertEqual(rows.map(\.supply), [2, 0, 1])
        XCTAssertEqual(rows.map(\.ratio), [1, 0, 1])
        XCTAssertEqual(SkillsDemandSupply.top(1, vacancies: vacancies, assessments: assessments, on: today).map(\.skillID), ["S.A"])
    }

    func testSkillsDemandAndSupplyFromParts() {
        let demand = [
            VacancyDemand(requirements: [F.essential("S.A"), F.desirable("S.B")], openings: 4),
            VacancyDemand(requirements: [F.essential("S.B")], openings: 1),
        ]
        func assessed(_ id: Int, client: Int, on day: String, _ skills: [String: Proficiency]) -> AssessedSkills {
            AssessedSkills(assessmentID: FixtureID.uuid(id), clientID: FixtureID.uuid(client), assessedOn: FixtureDate.day(day),
                           skills: skills.map { SkillHolding(skillID: $0.key, level: $0.value, evidence: .selfDeclared) })
        }
        let rows = SkillsDemandSupply.top(5, liveDemand: demand, assessed: [
            assessed(11, client: 1, on: "2024-01-01", ["S.A": .expert]),
            assessed(12, client: 1, on: "2024-03-01", ["S.B": .working, "S.A": .basic]),  // latest: S.A no longer counts
            assessed(13, client: 2, on: "2024-02-01", ["S.A": .working, "S.B": .proficient]),
        ])
        XCTAssertEqual(rows.map(\.skillID), ["S.A", "S.B"])
        XCTAssertEqual(rows.map(\.demand), [4, 3])
        XCTAssertEqual(rows.map(\.supply), [1, 2])
        XCTAssertEqual(SkillsDemandSupply.top(5, liveDemand: [], assessed: []), [])
    }

    func testLatestAssessmentPerClient() {
        let latest = SkillsDemandSupply.latestPerClient([
            F.assessment(id: 12, clientID: 1, on: "2024-05-01"),
            F.assessment(id: 11, clientID: 1, on: "2024-06-01"),
            F.assessment(id: 13, clientID: 2, on: "2024-02-01"),
        ])
        XCTAssertEqual(latest.map(\.id), [FixtureID.uuid(11), FixtureID.uuid(13)])
    }

    // MARK: Distribution

    func testDistributionCounts() {
        let words = ["b", "a", "c", "b", "a", "b"]
        let tallies = Distribution.counts(words) { $0 }
        XCTAssertEqual(tallies.map(\.key), ["b", "a", "c"])
        XCTAssertEqual(tallies.map(\.count), [3, 2, 1])

        let severities: [Severity] = [.high, .high, .low]
        let everyCase = Distribution.countsForEveryCase(severities) { $0 }
        XCTAssertEqual(everyCase, [Tally(key: .low, count: 1), Tally(key: .medium, count: 0), Tally(key: .high, count: 2)])
    }
}
