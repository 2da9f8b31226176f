import XCTest
@testable import EscalatorCore


final class MatcherTests: XCTestCase {
    private typealias F = FixtureFactory

    // MARK: Vacancies

    func testVacanciesRankByScoreThenId() {
        let profile = F.profile(skills: ["S.A": .working])
        let targets = [
            F.target(F.vacancy(id: 3, requirements: [F.essential("S.A")]), km: 5),  // 0.5 + 0.15 + 0.1 + 0.15 + 0.05
            F.target(F.vacancy(id: 2, requirements: [F.essential("S.B")]), km: 0),  // 0 + 0.15 + 0.1 + 0.15 + 0.1
            F.target(F.vacancy(id: 1, requirements: [F.essential("S.A")]), km: 5),  // ties with 3
            F.target(F.vacancy(id: 4), km: 11),  // too far
        ]
        let ranked = Matcher.rankVacancies(for: profile, among: targets, limit: 10)
        XCTAssertEqual(ranked.map(\.vacancyID), [FixtureID.uuid(1), FixtureID.uuid(3), FixtureID.uuid(2)])
        XCTAssertEqual(ranked.map(\.score)[0], 0.95, accuracy: 1e-9)
        XCTAssertEqual(ranked.map(\.score)[2], 0.5, accuracy: 1e-9)

        let everything = Matcher.rankVacancies(for: profile, among: targets, limit: 10, includeIneligible: true)
        XCTAssertEqual(everything.map(\.vacancyID).last, FixtureID.uuid(4))
        XCTAssertEqual(everything.last?.score, 0)
    }

    func testLimitIsRespected() {
        let profile = F.profile()
        let targets = (1...5).map { F.target(F.vacancy(id: $0), km: Double($0)) }
        XCTAssertEqual(Matcher.rankVacancies(for: profile, among: targets, limit: 2).map(\.vacancyID), [FixtureID.uuid(1), FixtureID.uuid(2)])
        XCTAssertEqual(Matcher.rankVacancies(for: profile, among: targets, limit: 0), [])
        XCTAssertEqual(Matcher.rankVacancies(for: profile, among: targets, limit: -1), [])
    }

    func testCandidatesRankByScoreThenClientIdAndExcludeTheIneligible() {
        let target = F.target(F.vacancy(requirements: [F.essential("S.A", .proficient)], minimumQualification: .level2))
        let profiles = [
            F.profile(id: 7, skills: ["S.A": .working]),
            F.profile(id: 5, skills: ["S.A": .proficient]),
            F.profile(id: 6, skills: ["S.A": .working]),
            F.profile(id: 4, skills: ["S.A": .expert], qualification: .level1),  // blocked
        ]
        let ranked = Matcher.rankCandidates(for: target, among: profiles, limit: 10)
        XCTAssertEqual(ranked.map(\.clientID), [FixtureID.uuid(5), FixtureID.uuid(6), FixtureID.uuid(7)])
        XCTAssertEqual(ranked[0].score - ranked[1].score, 0.25, accuracy: 1e-9)
    }

    /// The ranking must equal scoring every vacancy and sorting by (score desc, uuidString asc).
    func testRankingEqualsBruteForceOnRandomData() {
        var random = SeededGenerator(seed: 20_240_601)
        let skillPool = ["S.A", "S.B", "S.C", "S.D", "S.E", "S.LIC"]
        let occupations = ["O.CARE", "O.CHEF", "O.DRIVER"]
        func level() -> Proficiency { Proficiency.allCases.randomElement(using: &random)! }

        var tiesSeen = 0, ineligibleSeen = 0
        for _ in 0..<40 {
            var skills: [String: Proficiency] = [:]
            for skill in skillPool where Bool.random(using: &random) { skills[skill] = level() }
            let profile = MatchProfile(
                clientID: random.uuid(), location: FixtureGeo.home, skills: skills,
                qualification: RQFLevel.allCases.randomElement(using: &random)!,
                gcseEnglish: Bool.random(using: &random), gcseMaths: Bool.random(using: &random),
                minHoursPerWeek: Int.random(in: 0...20, using: &random), maxHoursPerWeek: Int.random(in: 20...40, using: &random),
                maxTravelKm: [5.0, 10, 20].randomElement(using: &random)!,
                aspirations: Set(occupations.filter { _ in Bool.random(using: &random) }),
                age: Bool.random(using: &random) ? Int.random(in: 16...30, using: &random) : nil
            )
            let targets = (0..<60).map { _ in
                let requirements = skillPool.shuffled(using: &random).prefix(Int.random(in: 0...4, using: &random)).map {
                    SkillRequirement(skillID: $0, importance: Bool.random(using: &random) ? .essential : .desirable, minimumLevel: level())
                }
                let vacancy = Vacancy(
                    id: random.uuid(), employerID: FixtureID.uuid(1), occupationID: occupations.randomElement(using: &random)!,
                    title: "Random", requirements: requirements,
                    minimumQualification: [RQFLevel.entry, .level1, .level2].randomElement(using: &random)!,
                    needsGCSEEnglish: Int.random(in: 0..<5, using: &random) == 0, needsGCSEMaths: Int.random(in: 0..<5, using: &random) == 0,
                    hoursPerWeek: [16, 20, 30, 37].randomElement(using: &random)!, hourlyPayPence: 1200, postcode: "B1",
                    wardID: "W1", openings: 1, closingDate: FixtureDate.day("2030-01-01"), status: .open,
                    minimumAge: [16, 18].randomElement(using: &random)!
                )
                // Few distinct distances so that equal scores, and so the tie-break, are common.
                return F.target(vacancy, km: [0.0, 2, 4, 8, 15].randomElement(using: &random)!)
            }
            let limit = Int.random(in: 1...70, using: &random)
            let licences: Set<String> = ["S.LIC"]

            let all = targets.map { VacancyScorer.score(profile, $0, licenceSkillIDs: licences) }
            for (target, match) in zip(targets, all) {
                let quick = VacancyScorer.quickScore(profile, target, weights: .standard, licenceSkillIDs: licences)
                XCTAssertEqual(quick.score, match.score, "the ranking pass must score exactly as the explained one")
                XCTAssertEqual(quick.isEligible, match.isEligible)
            }
            let byScoreThenID: (VacancyMatch, VacancyMatch) -> Bool = {
                $0.score != $1.score ? $0.score > $1.score : $0.vacancyID.uuidString < $1.vacancyID.uuidString
            }
            let expectedEligible = Array(all.filter(\.isEligible).sorted(by: byScoreThenID).prefix(limit))
            let expectedAll = Array(all.sorted(by: byScoreThenID).prefix(limit))

            tiesSeen += zip(expectedEligible, expectedEligible.dropFirst()).filter { $0.score == $1.score }.count
            ineligibleSeen += all.filter { !$0.isEligible }.count
            XCTAssertEqual(Matcher.rankVacancies(for: profile, among: targets, limit: limit, licenceSkillIDs: licences), expectedEligible)
            XCTAssertEqual(
                Matcher.rankVacancies(for: profile, among: targets.reversed(), limit: limit, licenceSkillIDs: licences, includeIneligible: true),
                expectedAll
            )
        }
        XCTAssertGreaterThan(tiesSeen, 0, "the data must exercise the tie-break")
        XCTAssertGreaterThan(ineligibleSeen, 0, "the data must exercise the blockers")
    }

    func testCandidateRankingEqualsBruteForceOnRandomData() {
        var random = SeededGenerator(seed: 7)
        let target = F.target(F.vacancy(requirements: [F.essential("S.A"), F.essential("S.B", .proficient), F.desirable("S.C")], hours: 30), km: 4)
        let profiles: [MatchProfile] = (0..<200).map { _ -> MatchProfile in
            let skills: [String: Proficiency] = [
                "S.A": Proficiency.allCases.randomElement(using: &random)!,
                "S.B": Proficiency.allCases.randomElement(using: &random)!,
            ]
            let aspirations: Set<String> = Bool.random(using: &random) ? ["O.CARE"] : []
            return MatchProfile(
                clientID: random.uuid(), location: FixtureGeo.home,
                skills: skills,
                qualification: .level2, gcseEnglish: true, gcseMaths: true, minHoursPerWeek: 0,
                maxHoursPerWeek: Int.random(in: 25...40, using: &random), maxTravelKm: [5.0, 10, 20].randomElement(using: &random)!,
                aspirations: aspirations, age: 30
            )
        }
        let eligible: [VacancyMatch] = profiles.map { VacancyScorer.score($0, target) }.filter(\.isEligible)
        let expected = eligible.sorted { (a: VacancyMatch, b: VacancyMatch) -> Bool in
            a.score != b.score ? a.score > b.score : a.clientID.uuidString < b.clientID.uuidString
        }
        XCTAssertEqual(Matcher.rankCandidates(for: target, among: profiles, limit: 50), Array(expected.prefix(50)))
        XCTAssertLessThan(expected.count, profiles.count, "some profiles must be blocked for the test to mean anything")
    }

    // MARK: Programmes

    private let missing = [
        SkillGap(skillID: "S.B", importance: .essential, required: .working, held: .basic),
        SkillGap(skillID: "S.D", importance: .essential, required: .basic, held: nil),
        SkillGap(skillID: "S.C", importance: .desirable, required: .expert, held: .proficient),
    ]

    func testProgrammesClosingGapsHandComputed() {
        let profile = F.profile(gcseMaths: false, maxTravelKm: 10, barriers: [Barrier(kind: .childcare, severity: .high)])
        let programmes = [
            F.programmeTarget(F.programme(id: 11, teaches: ["S.B": .proficient, "S.C": .expert], barrierSupport: [.childcare, .debt]), km: 5),
            F.programmeTarget(F.programme(id: 12, teaches: ["S.D": .basic], entry: EntryRequirements(needsGCSEMaths: true)), km: 2),
            F.programmeTarget(F.programme(id: 13, teaches: ["S.B": .basic]), km: 1),  // not to the level needed
            F.programmeTarget(F.programme(id: 14, teaches: ["S.D": .expert], capacity: 10, enrolled: 10), km: 1),  // full
            F.programmeTarget(F.programme(id: 15, teaches: ["S.B": .working]), km: 12),  // too far
            F.programmeTarget(F.programme(id: 16, teaches: ["S.D": .basic]), km: 2),
            F.programmeTarget(F.programme(id: 17, teaches: ["S.X": .expert]), km: 0),  // teaches nothing missing
        ]
        let suggestions = Matcher.programmesClosingGaps(missing, profile: profile, programmes: programmes, limit: 10)

        XCTAssertEqual(suggestions.map(\.programmeID), [11, 16, 12].map(FixtureID.uuid))
        let scores = suggestions.map(\.score)
        XCTAssertEqual(scores[0], 2 + 1 + 0.5 + 1 - 0.05, accuracy: 1e-9)
        XCTAssertEqual(scores[1], 2 + 1 - 0.02, accuracy: 1e-9)
        XCTAssertEqual(scores[2], 2 - 0.02, accuracy: 1e-9)
        XCTAssertEqual(suggestions[0].closesGaps, ["S.B", "S.C"])
        XCTAssertEqual(suggestions[0].supportsBarriers, [.childcare])
        XCTAssertEqual(suggestions[0].freePlaces, 10)
        XCTAssertTrue(suggestions[0].entryMet)
        XCTAssertFalse(suggestions[2].entryMet)
        XCTAssertEqual(suggestions[2].reasons[1], "Does not yet meet the entry requirements.")
        XCTAssertEqual(Matcher.programmesClosingGaps(missing, profile: profile, programmes: programmes, limit: 1).count, 1)
    }

    func testProgrammeReasonsNameSkillsFromTheTaxonomy() {
        let taxonomy = Taxonomy(skills: [
            Skill(id: "S.B", name: "Food hygiene", kind: .occupational),
            Skill(id: "S.C", name: "Knife skills", kind: .occupational),
        ])
        let programme = F.programmeTarget(F.programme(id: 11, teaches: ["S.B": .proficient, "S.C": .expert], barrierSupport: [.childcare]), km: 3)
        let profile = F.profile(barriers: [Barrier(kind: .childcare, severity: .low)])
        let suggestion = Matcher.programmesClosingGaps(missing, profile: profile, programmes: [programme], limit: 5, taxonomy: taxonomy)
        XCTAssertEqual(suggestion.first?.reasons, [
            "Teaches Food hygiene and Knife skills to the level needed.",
            "Meets the entry requirements.",
            "Offers support with childcare.",
            "3.0 km away, with 10 free places.",
        ])
    }

    func testEqualProgrammesTieBreakById() {
        let programmes = [20, 19, 21].map { F.programmeTarget(F.programme(id: $0, teaches: ["S.D": .working]), km: 1) }
        let ids = Matcher.programmesClosingGaps(missing, profile: F.profile(), programmes: programmes, limit: 5).map(\.programmeID)
        XCTAssertEqual(ids, [19, 20, 21].map(FixtureID.uuid))
    }

    func testGapsForTheSameSkillMergeToTheHighestLevelAndEssential() {
        let gaps = [
            SkillGap(skillID: "S.B", importance: .desirable, required: .working, held: nil),
            SkillGap(skillID: "S.B", importance: .essential, required: .proficient, held: nil),
        ]
        let toWorking = F.programmeTarget(F.programme(id: 30, teaches: ["S.B": .working]))
        let toProficient = F.programmeTarget(F.programme(id: 31, teaches: ["S.B": .proficient]))
        let suggestions = Matcher.programmesClosingGaps(gaps, profile: F.profile(), programmes: [toWorking, toProficient], limit: 5)
        XCTAssertEqual(suggestions.map(\.programmeID), [FixtureID.uuid(31)])
        XCTAssertEqual(suggestions.first?.closesGaps, ["S.B"])
        XCTAssertEqual(suggestions.first?.score ?? 0, 2 + 1, accuracy: 1e-9)
    }

    func testEntryRequirements() {
        let profile = F.profile(skills: ["S.A": .working], qualification: .level2, gcseEnglish: true, gcseMaths: false)
        XCTAssertTrue(Matcher.entryRequirementsMet(.none, by: profile))
        XCTAssertTrue(Matcher.entryRequirementsMet(EntryRequirements(minimumQualification: .level2, requiredSkills: [OccupationSkill("S.A", .working)], needsGCSEEnglish: true), by: profile))
        XCTAssertFalse(Matcher.entryRequirementsMet(EntryRequirements(minimumQualification: .level3), by: profile))
        XCTAssertFalse(Matcher.entryRequirementsMet(EntryRequirements(needsGCSEMaths: true), by: profile))
        XCTAssertFalse(Matcher.entryRequirementsMet(EntryRequirements(requiredSkills: [OccupationSkill("S.A", .proficient)]), by: profile))
        XCTAssertFalse(Matcher.entryRequirementsMet(EntryRequirements(requiredSkills: [OccupationSkill("S.Z", .basic)]), by: profile))
    }

    // MARK: Profiles

    func testProfileFlattensTheAssessmentAndComputesAgeInWholeYears() {
        let client = F.client(id: 1, born: "2000-06-15")
        var assessment = F.assessment(
            skills: ["S.A": .working], barriers: [Barrier(kind: .debt, severity: .low)], aspirations: ["O.CARE", "O.CHEF"],
            minHours: 10, maxHours: 20, maxTravelKm: 7.5
        )
        assessment.skills.append(SkillHolding(skillID: "S.A", level: .basic, evidence: .selfDeclared))
        let dayBefore = Matcher.profile(client: client, assessment: assessment, location: FixtureGeo.home, on: FixtureDate.day("2024-06-14"))
        XCTAssertEqual(dayBefore.age, 23)
        XCTAssertEqual(dayBefore.skills, ["S.A": .working])
        XCTAssertEqual(dayBefore.aspirations, ["O.CARE", "O.CHEF"])
        XCTAssertEqual(dayBefore.minHoursPerWeek, 10)
        XCTAssertEqual(dayBefore.maxHoursPerWeek, 20)
        XCTAssertEqual(dayBefore.maxTravelKm, 7.5)
        XCTAssertEqual(dayBefore.barriers, [Barrier(kind: .debt, severity: .low)])
        XCTAssertEqual(dayBefore.clientID, client.id)
        let birthday = Matcher.profile(client: client, assessment: assessment, location: FixtureGeo.home, on: FixtureDate.day("2024-06-15"))
        XCTAssertEqual(birthday.age, 24)
        let unknown = Matcher.profile(client: F.client(id: 2, born: nil), assessment: assessment, location: FixtureGeo.home, on: FixtureDate.day("2024-06-15"))
        XCTAssertNil(unknown.age)
    }
}

final class UUIDStringOrderTests: XCTestCase {
    func testOrdersLikeTheUUIDStrings() {
        var random = SeededGenerator(seed: 99)
        var ids = (0..<500).map { _ in random.uuid() }
        // Ids sharing long prefixes, and ones that differ only in the low half.
        ids += [FixtureID.uuid(9), UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!, FixtureID.uuid(10)]
        ids += [UUID(uuidString: "FFFFFFFF-FFFF-FFFF-0000-000000000000")!, UUID(uuidString: "FFFFFFFF-FFFF-FFFE-FFFF-FFFFFFFFFFFF")!]
        XCTAssertEqual(ids.sorted { UUIDStringOrder($0) < UUIDStringOrder($1) }, ids.sorted { $0.uuidString < $1.uuidString })
    }
}
