import XCTest
@testable import EscalatorCore

final class DistanceFromWorkTests: XCTestCase {
    private func readyAssessment() -> Assessment {
        FixtureFactory.assessment(qualification: .level3, skills: FixtureFactory.basicSkillsAtWorkingLevel)
    }

    func testSomeoneReadyForWorkScoresZeroWithNoFactors() {
        let score = DistanceFromWork.score(readyAssessment(), employmentStatus: .lowPaidWork, monthsOutOfWork: nil)
        XCTAssertEqual(score.total, 0)
        XCTAssertEqual(score.factors, [])
        XCTAssertEqual(score.band, .ready)
    }

    func testEveryFactorAddsItsPointsFromTheTable() {
        let assessment = FixtureFactory.assessment(
            qualification: .entry, gcseEnglish: false, gcseMaths: false,
            skills: ["B.LITERACY": .basic, "B.DIGITAL": .working],
            barriers: [
                Barrier(kind: .transport, severity: .low),
                Barrier(kind: .health, severity: .medium),
                Barrier(kind: .childcare, severity: .high),
            ],
            aspirations: [], maxHours: 12
        )
        let score = DistanceFromWork.score(assessment, employmentStatus: .economicallyInactive, monthsOutOfWork: 30)

        XCTAssertEqual(score.factors.map(\.name), [
            "Qualification", "GCSE English", "GCSE maths",
            "Barrier: Childcare", "Barrier: Health", "Barrier: Transport",
            "Literacy", "Numeracy",
            "Employment status", "Time out of work", "Availability", "Job goal",
        ])
        XCTAssertEqual(score.factors.map(\.points), [20, 6, 6, 12, 7, 3, 4, 4, 10, 10, 5, 3])
        XCTAssertEqual(score.total, 90)
        XCTAssertEqual(score.band, .far)
        XCTAssertTrue(score.factors.allSatisfy { $0.explanation.hasSuffix(".") && $0.explanation.count > 20 })
    }

    func testQualificationPoints() {
        XCTAssertEqual(RQFLevel.allCases.map(DistanceFromWork.points(for:)), [20, 14, 8, 0, 0, 0, 0, 0, 0])
        let level1 = FixtureFactory.assessment(qualification: .level1, skills: FixtureFactory.basicSkillsAtWorkingLevel)
        XCTAssertEqual(DistanceFromWork.score(level1, employmentStatus: .employed, monthsOutOfWork: nil).total, 14)
    }

    func testEmploymentStatusPoints() {
        let points = EmploymentStatus.allCases.map { status in
            DistanceFromWork.score(readyAssessment(), employmentStatus: status, monthsOutOfWork: nil).total
        }
        XCTAssertEqual(points, [6, 10, 0, 0])  // unemployed, inactive, low-paid, employed
    }

    func testTimeOutOfWorkThresholds() {
        let totals = [0, 5, 6, 11, 12, 23, 24, 120].map { months in
            DistanceFromWork.score(readyAssessment(), employmentStatus: .employed, monthsOutOfWork: months).total
        }
        XCTAssertEqual(totals, [0, 0, 3, 3, 6, 6, 10, 10])
    }

    func testBarrierPointsAreCappedAt45InSeverityThenKindOrder() {
        let barriers: [Barrier] = [
            Barrier(kind: .debt, severity: .low),
            Barrier(kind: .disability, severity: .high),
            Barrier(kind: .health, severity: .high),
            Barrier(kind: .transport, severity: .high),
            Barrier(kind: .caring, severity: .high),
            Barrier(kind: .childcare, severity: .high),
        ]
        let assessment = FixtureFactory.assessment(qualification: .level3, skills: FixtureFactory.basicSkillsAtWorkingLevel, barriers: barriers)
        let score = DistanceFromWork.score(assessment, employmentStatus: .employed, monthsOutOfWork: nil)
        XCTAssertEqual(score.factors.map(\.name), [
            "Barrier: Childcare", "Barrier: Caring responsibilities", "Barrier: Transport",
            "Barrier: Health", "Barrier: Disability", "Barrier: Debt",
        ])
        XCTAssertEqual(score.factors.map(\.points), [12, 12, 12, 9, 0, 0])
        XCTAssertEqual(score.total, 45)
        XCTAssertTrue(score.factors[3].explanation.contains("at most 45 points"))
        XCTAssertFalse(score.factors[2].explanation.contains("at most 45 points"))
    }

    func testARepeatedBarrierKindCountsOnceAtItsWorstSeverity() {
        let assessment = FixtureFactory.assessment(
            qualification: .level3, skills: FixtureFactory.basicSkillsAtWorkingLevel,
            barriers: [Barrier(kind: .housing, severity: .low), Barrier(kind: .housing, severity: .medium)]
        )
        let score = DistanceFromWork.score(assessment, employmentStatus: .employed, monthsOutOfWork: nil)
        XCTAssertEqual(score.factors.map(\.points), [7])
        XCTAssertEqual(score.total, 7)
    }

    func testTotalIsCappedAt100() {
        let assessment = FixtureFactory.assessment(
            qualification: .entry, gcseEnglish: false, gcseMaths: false,
            barriers: BarrierKind.allCases.map { Barrier(kind: $0, severity: .high) }, aspirations: [], maxHours: 8
        )
        let score = DistanceFromWork.score(assessment, employmentStatus: .economicallyInactive, monthsOutOfWork: 36)
        XCTAssertEqual(score.factors.reduce(0) { $0 + $1.points }, 117)
        XCTAssertEqual(score.total, 100)
    }

    func testBasicSkillsBelowWorkingOrMissingAddFourEach() {
        let assessment = FixtureFactory.assessment(
            qualification: .level3, skills: ["B.LITERACY": .proficient, "B.NUMERACY": .basic]
        )
        let score = DistanceFromWork.score(assessment, employmentStatus: .employed, monthsOutOfWork: nil)
        XCTAssertEqual(score.factors.map(\.name), ["Numeracy", "Digital skills"])
        XCTAssertEqual(score.total, 8)
    }

    func testAvailabilityCountsOnlyBelowSixteenHours() {
        func total(maxHours: Int) -> Int {
            let assessment = FixtureFactory.assessment(qualification: .level3, skills: FixtureFactory.basicSkillsAtWorkingLevel, minHours: 0, maxHours: maxHours)
            return DistanceFromWork.score(assessment, employmentStatus: .employed, monthsOutOfWork: nil).total
        }
        XCTAssertEqual(total(maxHours: 16), 0)
        XCTAssertEqual(total(maxHours: 15), 5)
    }

    func testBandCutOffs() {
        let bands = [0, 14, 15, 34, 35, 59, 60, 100].map { DistanceBand(total: $0) }
        XCTAssertEqual(bands, [.ready, .ready, .nearlyReady, .nearlyReady, .someWay, .someWay, .far, .far])
        XCTAssertLessThan(DistanceBand.ready, DistanceBand.far)
    }

    func testScoreRoundTripsThroughJSON() throws {
        let assessment = FixtureFactory.assessment(qualification: .level1, barriers: [Barrier(kind: .debt, severity: .high)])
        let score = DistanceFromWork.score(assessment, employmentStatus: .unemployed, monthsOutOfWork: 7)
        let decoded = try JSONDecoder().decode(DistanceFromWorkScore.self, from: JSONEncoder().encode(score))
        XCTAssertEqual(decoded, score)
    }
}
