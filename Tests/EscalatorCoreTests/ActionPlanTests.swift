import XCTest
@testable import EscalatorCore

final class ActionPlanTests: XCTestCase {
    private let taxonomy = Taxonomy(
        skills: [
            Skill(id: "S.CARE", name: "Personal care", kind: .occupational),
            Skill(id: "S.SAFE", name: "Safeguarding", kind: .occupational),
            Skill(id: "S.COMM", name: "Communication", kind: .occupational),
        ],
        occupations: [
            Occupation(
                id: "O.CARE", name: "Care worker", socCode: "6135", sector: .healthAndSocialCare,
                essentialSkills: [OccupationSkill("S.CARE", .working), OccupationSkill("S.SAFE", .basic), OccupationSkill("S.COMM", .working)]
            ),
        ]
    )

    private func plan(_ assessment: Assessment, status: EmploymentStatus = .unemployed) -> [EscalatorStep] {
        let score = DistanceFromWork.score(assessment, employmentStatus: status, monthsOutOfWork: nil)
        return ActionPlan.make(for: assessment, score: score, taxonomy: taxonomy)
    }

    func testAFullPlanRunsUpTheEscalatorInOrder() {
        var skills = FixtureFactory.basicSkillsAtWorkingLevel
        skills["B.LITERACY"] = .basic
        skills["S.CARE"] = .basic
        skills["S.SAFE"] = .basic
        let assessment = FixtureFactory.assessment(
            gcseMaths: false, skills: skills,
            barriers: [
                Barrier(kind: .transport, severity: .medium),
                Barrier(kind: .confidence, severity: .low),
                Barrier(kind: .childcare, severity: .high),
            ]
        )
        let steps = plan(assessment)

        XCTAssertEqual(steps.map(\.stage), [
            .barrierSupport, .barrierSupport, .basicSkills, .basicSkills,
            .vocationalTraining, .jobSearch, .inWorkSupport, .progression,
        ])
        XCTAssertEqual(steps[0].title, BarrierKind.childcare.supportOffered)
        XCTAssertEqual(steps[1].title, BarrierKind.transport.supportOffered)
        XCTAssertTrue(steps[0].reason.contains("high"))
        XCTAssertEqual(steps[2].title, "An English (literacy) course")
        XCTAssertEqual(steps[3].title, "GCSE maths or Functional Skills maths level 2")
        XCTAssertEqual(steps[4].title, "Training toward Care worker")
        XCTAssertEqual(steps[4].reason, "Care worker needs Personal care (working) and Communication (working), not yet held at that level.")
        XCTAssertEqual(steps[5].title, "Apply for matched vacancies as the steps above are completed")
        XCTAssertEqual(steps[7].title, "In-work training toward a level 3 qualification")
    }

    func testSomeoneReadyGoesStraightToJobSearch() {
        let assessment = FixtureFactory.assessment(
            qualification: .level3,
            skills: FixtureFactory.basicSkillsAtWorkingLevel.merging(["S.CARE": .proficient, "S.SAFE": .basic, "S.COMM": .working]) { $1 }
        )
        let steps = plan(assessment, status: .lowPaidWork)
        XCTAssertEqual(steps.map(\.stage), [.jobSearch, .inWorkSupport, .progression])
        XCTAssertEqual(steps[0].title, "Apply for matched vacancies now")
        XCTAssertTrue(steps[0].reason.contains("score is 0"))
        XCTAssertTrue(steps[1].reason.contains("13, 26 and 52 weeks"))
    }

    func testNoAspirationGivesACareersStep() {
        let assessment = FixtureFactory.assessment(skills: FixtureFactory.basicSkillsAtWorkingLevel, aspirations: [])
        let training = plan(assessment).filter { $0.stage == .vocationalTraining }
        XCTAssertEqual(training.map(\.title), ["Careers guidance to choose a job goal"])
    }

    func testTrainingAimsAtTheFirstAspirationTheTaxonomyKnows() {
        let assessment = FixtureFactory.assessment(skills: FixtureFactory.basicSkillsAtWorkingLevel, aspirations: ["O.UNKNOWN", "O.CARE"])
        let training = plan(assessment).filter { $0.stage == .vocationalTraining }
        XCTAssertEqual(training.map(\.title), ["Training toward Care worker"])
        XCTAssertTrue(training[0].reason.contains("Personal care (working), Safeguarding (basic) and Communication (working)"))
    }

    func testLowLanguageBarrierGetsESOLAsABasicSkill() {
        let assessment = FixtureFactory.assessment(
            skills: FixtureFactory.basicSkillsAtWorkingLevel, barriers: [Barrier(kind: .language, severity: .low)]
        )
        let steps = plan(assessment)
        XCTAssertFalse(steps.contains { $0.stage == .barrierSupport })
        XCTAssertEqual(steps.filter { $0.stage == .basicSkills }.map(\.title), ["An ESOL course"])
    }

    func testHighLanguageBarrierGetsESOLAsBarrierSupportOnly() {
        let assessment = FixtureFactory.assessment(
            skills: FixtureFactory.basicSkillsAtWorkingLevel, barriers: [Barrier(kind: .language, severity: .high)]
        )
        let steps = plan(assessment)
        XCTAssertEqual(steps.filter { $0.stage == .barrierSupport }.map(\.title), [BarrierKind.language.supportOffered])
        XCTAssertEqual(steps.filter { $0.stage == .basicSkills }, [])
    }

    func testBasicSkillStepsInFixedOrder() {
        let assessment = FixtureFactory.assessment(gcseEnglish: false, gcseMaths: false, skills: [:])
        XCTAssertEqual(plan(assessment).filter { $0.stage == .basicSkills }.map(\.title), [
            "An English (literacy) course", "A maths (numeracy) course", "A digital skills course",
            "GCSE English or Functional Skills English level 2", "GCSE maths or Functional Skills maths level 2",
        ])
    }

    func testStagesNeverGoBackwardsAndThePlanIsDeterministic() {
        let assessment = FixtureFactory.assessment(
            qualification: .level8, gcseEnglish: false, skills: ["B.DIGITAL": .basic],
            barriers: BarrierKind.allCases.map { Barrier(kind: $0, severity: $0.rawValue.count % 2 == 0 ? .medium : .high) }
        )
        let steps = plan(assessment)
        let order = steps.map { EscalatorStage.allCases.firstIndex(of: $0.stage)! }
        XCTAssertEqual(order, order.sorted())
        XCTAssertEqual(steps.filter { $0.stage == .barrierSupport }.count, BarrierKind.allCases.count)
        XCTAssertEqual(steps.last?.title, "In-work training and promotion")
        XCTAssertEqual(plan(assessment), steps)
    }

    func testEveryBarrierKindNamesItsHelp() {
        let help = BarrierKind.allCases.map(\.supportOffered)
        XCTAssertEqual(Set(help).count, BarrierKind.allCases.count)
        XCTAssertEqual(BarrierKind.childcare.supportOffered, "Childcare funding and help finding a place")
    }
}
