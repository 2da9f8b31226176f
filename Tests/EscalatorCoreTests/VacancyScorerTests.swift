import XCTest
@testable import EscalatorCore

final class VacancyScorerTests: XCTestCase {
    private typealias F = FixtureFactory

    private let profile = F.profile(skills: ["S.A": .working, "S.B": .basic, "S.C": .proficient])

    /// S.A met (1), S.C desirable one short (0.5), S.B one short (0.5), S.E desirable missing (0), S.D missing (0).
    private let mixed = F.vacancy(requirements: [
        F.essential("S.A", .working), F.desirable("S.C", .expert), F.essential("S.B", .working),
        F.desirable("S.E", .basic), F.essential("S.D", .basic),
    ])

    func testHandComputedScore() {
        let match = VacancyScorer.score(profile, F.target(mixed, km: 4))
        // 0.50 × 1.5/3 + 0.15 × 0.5/2 + 0.10 × 1 + 0.15 × 1 + 0.10 × (1 − 4/10)
        XCTAssertEqual(match.score, 0.5975, accuracy: 1e-9)
        XCTAssertEqual(match.components.map(\.name), ["Essential skills", "Desirable skills", "Qualification", "Aspiration", "Travel"])
        XCTAssertEqual(match.components.map(\.weight), [0.50, 0.15, 0.10, 0.15, 0.10])
        let values = match.components.map(\.value)
        for (value, expected) in zip(values, [0.5, 0.25, 1, 1, 0.6]) { XCTAssertEqual(value, expected, accuracy: 1e-9) }
        XCTAssertEqual(match.components.reduce(0) { $0 + $1.contribution }, match.score, accuracy: 1e-12)
        XCTAssertEqual(match.travelKm, 4, accuracy: 1e-9)
        XCTAssertTrue(match.isEligible)
        XCTAssertFalse(match.isJobReady)
        XCTAssertEqual(match.clientID, profile.clientID)
        XCTAssertEqual(match.vacancyID, mixed.id)
    }

    func testSkillsMetAndMissingKeepRequirementOrder() {
        let match = VacancyScorer.score(profile, F.target(mixed))
        XCTAssertEqual(match.skillsMet.map(\.skillID), ["S.A"])
        XCTAssertEqual(match.skillsMissing.map(\.skillID), ["S.C", "S.B", "S.E", "S.D"])
        XCTAssertEqual(match.skillsMissing.map(\.held), [.proficient, .basic, nil, nil])
        XCTAssertEqual(match.skillsMissing.map(\.required), [.expert, .working, .basic, .basic])
    }

    func testExplanationsArePlainEnglish() {
        let match = VacancyScorer.score(profile, F.target(mixed, km: 4))
        XCTAssertEqual(match.components[0].explanation, "Meets 1 of 3 essential skills at the level asked; 1 more is one level short.")
        XCTAssertEqual(match.components[1].explanation, "Meets 0 of 2 desirable skills at the level asked; 1 more is one level short.")
        XCTAssertEqual(match.components[2].explanation, "The job asks for no particular qualification.")
        XCTAssertEqual(match.components[3].explanation, "This is a job they want to do.")
        XCTAssertEqual(match.components[4].explanation, "The job is 4.0 km away; they can travel up to 10.0 km.")
    }

    func testCreditIsOneHalfOnlyOneLevelShort() {
        XCTAssertEqual(VacancyScorer.credit(held: .expert, required: .working), 1)
        XCTAssertEqual(VacancyScorer.credit(held: .working, required: .working), 1)
        XCTAssertEqual(VacancyScorer.credit(held: .working, required: .proficient), 0.5)
        XCTAssertEqual(VacancyScorer.credit(held: .basic, required: .proficient), 0)
        XCTAssertEqual(VacancyScorer.credit(held: nil, required: .basic), 0)
    }

    func testNoRequirementsScoreFullSkillCredit() {
        let match = VacancyScorer.score(F.profile(aspirations: []), F.target(F.vacancy(), km: 5))
        XCTAssertEqual(match.components.prefix(4).map(\.value), [1, 1, 1, 0])
        XCTAssertEqual(match.components[4].value, 0.5, accuracy: 1e-9)
        XCTAssertEqual(match.score, 0.5 + 0.15 + 0.10 + 0 + 0.05, accuracy: 1e-9)
        XCTAssertEqual(match.components[0].explanation, "The job lists no essential skills.")
        XCTAssertEqual(match.components[3].explanation, "This is not one of the jobs they have said they want.")
        XCTAssertTrue(match.isJobReady)
    }

    func testCustomWeights() {
        let travelOnly = MatchingWeights(essentialSkills: 0, desirableSkills: 0, qualification: 0, aspiration: 0, travel: 1)
        let match = VacancyScorer.score(profile, F.target(mixed, km: 2.5), weights: travelOnly)
        XCTAssertEqual(match.score, 0.75, accuracy: 1e-9)
        XCTAssertEqual(MatchingWeights.standard.total, 1, accuracy: 1e-12)
    }

    // MARK: Blockers

    private func blockers(_ profile: MatchProfile, _ vacancy: Vacancy, km: Double = 0, licences: Set<String> = []) -> [ConstraintNote] {
        let match = VacancyScorer.score(profile, F.target(vacancy, km: km), licenceSkillIDs: licences)
        if !match.blockers.isEmpty {
            XCTAssertEqual(match.score, 0, "a blocked match scores zero")
            XCTAssertFalse(match.isEligible)
            XCTAssertEqual(match.warnings, [], "a blocked match carries no warnings")
        }
        return match.blockers
    }

    func testTravelBeyondTheLimitBlocks() {
        XCTAssertEqual(blockers(F.profile(maxTravelKm: 10), F.vacancy(), km: 10.5).map(\.kind), [.travel])
        XCTAssertEqual(blockers(F.profile(maxTravelKm: 10), F.vacancy(), km: 9.99), [])
        let note = blockers(F.profile(maxTravelKm: 10), F.vacancy(), km: 12.34).first
        XCTAssertEqual(note?.message, "The job is 12.3 km away, beyond the 10.0 km they can travel.")
    }

    func testAZeroTravelLimitAllowsOnlyTheSamePlace() {
        let here = VacancyScorer.score(F.profile(maxTravelKm: 0), F.target(F.vacancy(), km: 0))
        XCTAssertTrue(here.isEligible)
        XCTAssertEqual(here.components[4].value, 1)
        XCTAssertEqual(here.warnings, [])
        XCTAssertEqual(blockers(F.profile(maxTravelKm: 0), F.vacancy(), km: 0.1).map(\.kind), [.travel])
    }

    func testHoursOutsideTheRangeBlock() {
        let profile = F.profile(minHours: 16, maxHours: 30)
        XCTAssertEqual(blockers(profile, F.vacancy(hours: 15)).map(\.kind), [.hours])
        XCTAssertEqual(blockers(profile, F.vacancy(hours: 31)).map(\.kind), [.hours])
        XCTAssertEqual(blockers(profile, F.vacancy(hours: 16)), [])
        XCTAssertEqual(blockers(profile, F.vacancy(hours: 30)), [])
        XCTAssertEqual(blockers(profile, F.vacancy(hours: 40)).first?.message, "The job is 40 hours a week; they can work 16 to 30.")
    }

    func testAMissingEssentialLicenceBlocks() {
        let forklift = F.vacancy(requirements: [F.essential("S.FORKLIFT", .working)])
        XCTAssertEqual(blockers(F.profile(), forklift, licences: ["S.FORKLIFT"]).map(\.kind), [.licence])
        XCTAssertEqual(blockers(F.profile(skills: ["S.FORKLIFT": .basic]), forklift, licences: ["S.FORKLIFT"]).map(\.message),
                       ["The job requires the licence or check S.FORKLIFT, which is held only at basic level."])
        XCTAssertEqual(blockers(F.profile(skills: ["S.FORKLIFT": .working]), forklift, licences: ["S.FORKLIFT"]), [])
        XCTAssertEqual(blockers(F.profile(), forklift, licences: []), [], "not known to be a licence")
        let desirable = F.vacancy(requirements: [F.desirable("S.FORKLIFT", .working)])
        XCTAssertEqual(blockers(F.profile(), desirable, licences: ["S.FORKLIFT"]), [], "a desirable licence does not block")
    }

    func testUnderAgeBlocksOnlyWhenAgeIsKnown() {
        let over18 = F.vacancy(minimumAge: 18)
        XCTAssertEqual(blockers(F.profile(age: 17), over18).map(\.kind), [.age])
        XCTAssertEqual(blockers(F.profile(age: 18), over18), [])
        XCTAssertEqual(blockers(F.profile(age: nil), over18), [])
    }

    func testQualificationBelowTheMinimumBlocks() {
        let level3 = F.vacancy(minimumQualification: .level3)
        let blocked = VacancyScorer.score(F.profile(qualification: .level2), F.target(level3))
        XCTAssertEqual(blocked.blockers.map(\.kind), [.qualification])
        XCTAssertEqual(blocked.components[2].value, 0)
        XCTAssertEqual(blocked.components[2].explanation, "Holds level 2, below the level 3 the job asks for.")
        let met = VacancyScorer.score(F.profile(qualification: .level3), F.target(level3))
        XCTAssertTrue(met.isEligible)
        XCTAssertEqual(met.components[2].explanation, "Holds level 3, meeting the level 3 the job asks for.")
    }

    func testMissingGCSEsBlockEachOnItsOwn() {
        let both = F.vacancy(needsGCSEEnglish: true, needsGCSEMaths: true)
        XCTAssertEqual(blockers(F.profile(gcseEnglish: false, gcseMaths: false), both).map(\.message), [
            "The job asks for GCSE English at grade 4 (C) or above.",
            "The job asks for GCSE maths at grade 4 (C) or above.",
        ])
        XCTAssertEqual(blockers(F.profile(gcseEnglish: true, gcseMaths: false), both).count, 1)
        XCTAssertEqual(blockers(F.profile(gcseEnglish: true, gcseMaths: true), both), [])
        XCTAssertEqual(blockers(F.profile(gcseEnglish: false, gcseMaths: false), F.vacancy()), [])
    }

    func testBlockersAreListedInAFixedOrder() {
        let vacancy = F.vacancy(
            requirements: [F.essential("S.DBS")], minimumQualification: .level3, needsGCSEEnglish: true, hours: 40, minimumAge: 18
        )
        let profile = F.profile(qualification: .level1, gcseEnglish: false, maxHours: 30, maxTravelKm: 5, age: 17)
        XCTAssertEqual(blockers(profile, vacancy, km: 6, licences: ["S.DBS"]).map(\.kind), [.travel, .hours, .licence, .age, .qualification, .gcse])
    }

    // MARK: Warnings

    func testTravelWithinTenPercentOfTheLimitWarns() {
        let near = VacancyScorer.score(F.profile(maxTravelKm: 10), F.target(F.vacancy(), km: 9.5))
        XCTAssertEqual(near.warnings.map(\.kind), [.travel])
        XCTAssertEqual(near.warnings.first?.message, "The job is 9.5 km away, close to the 10.0 km they can travel.")
        XCTAssertGreaterThan(near.score, 0)
        XCTAssertEqual(VacancyScorer.score(F.profile(maxTravelKm: 10), F.target(F.vacancy(), km: 8.5)).warnings, [])
    }

    func testHoursAtTheEdgesWarn() {
        let profile = F.profile(minHours: 16, maxHours: 37)
        func kinds(_ hours: Int) -> [String] {
            VacancyScorer.score(profile, F.target(F.vacancy(hours: hours))).warnings.map(\.message)
        }
        XCTAssertEqual(kinds(16), ["The job's 16 hours a week is close to the fewest they want (16)."])
        XCTAssertEqual(kinds(17).count, 1)  // 17 ≤ 17.6
        XCTAssertEqual(kinds(18), [])
        XCTAssertEqual(kinds(33), [])  // 33 < 33.3
        XCTAssertEqual(kinds(34), ["The job's 34 hours a week is close to the most they can work (37)."])
        XCTAssertEqual(kinds(37).count, 1)
    }
}
