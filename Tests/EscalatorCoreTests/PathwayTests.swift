import XCTest
@testable import EscalatorCore

/// Small programmes for pathway tests. Ids are `FixtureID.uuid(n)`, so they sort by `n`.
private enum Build {
    static let today = FixtureDate.day("2026-11-02")

    /// `cohorts`: start day and free places (capacity 10).
    static func programme(
        _ n: Int, teaches: [String: Proficiency] = [:], entry: EntryRequirements = .none, awards: RQFLevel? = nil,
        weeks: Int = 4, hours: Int = 16, cost: Int = 0, support: [BarrierKind] = [], type: ProgrammeType = .vocational,
        cohorts: [(String, Int)] = [("2026-11-09", 5)]
    ) -> Programme {
        Programme(
            id: FixtureID.uuid(n), providerID: FixtureID.uuid(6000), title: "Programme \(n)", type: type,
            skillsTaught: teaches.sorted { $0.key < $1.key }.map { SkillTaught(skillID: $0.key, levelReached: $0.value) },
            entryRequirements: entry, qualificationAwarded: awards, weeks: weeks, hoursPerWeek: hours, postcode: "B2 2BB",
            wardID: "W2", costPence: cost, barrierSupport: support, coDesigningEmployerIDs: [], guaranteedInterview: false,
            cohorts: cohorts.enumerated().map { i, c in
                Cohort(id: FixtureID.uuid(n * 100 + i), startsOn: FixtureDate.day(c.0), capacity: 10, enrolled: 10 - c.1)
            })
    }

    static func at(_ programme: Programme, km: Double = 1) -> ProgrammeTarget { ProgrammeTarget(programme: programme, location: FixtureGeo.north(km)) }

    static func careJob(level: Proficiency = .working, qualification: RQFLevel = .entry, minimumAge: Int = 16, closing: String = "2030-01-01") -> PathwayTarget {
        .vacancy(FixtureFactory.target(FixtureFactory.vacancy(
            occupationID: "O.CARE_ASSISTANT", requirements: [FixtureFactory.essential("S.CARE", level), FixtureFactory.desirable("S.COOKING")],
            minimumQualification: qualification, closing: closing, minimumAge: minimumAge), km: 2))
    }

    static func request(
        _ profile: MatchProfile, _ target: PathwayTarget = careJob(), born: String? = nil, objective: PathwayObjective = .weeksToJobReady
    ) -> PathwayRequest {
        PathwayRequest(profile: profile, dateOfBirth: born.map(FixtureDate.day), target: target, today: today, objective: objective)
    }

    static func plan(
        _ request: PathwayRequest, _ programmes: [Programme], km: [Int: Double] = [:], taxonomy: Taxonomy = Taxonomy()
    ) -> PathwayResult {
        let targets = programmes.map { at($0, km: km[Int($0.id.uuidString.suffix(12))!] ?? 1) }
        let result = PathwayPlanner(programmes: targets, taxonomy: taxonomy).pathway(request)
        if let pathway = result.pathway {
            XCTAssertNotNil(PathwayRules(request: request, programmes: targets).replay(pathway), "the pathway follows the rules")
        }
        return result
    }

    static func programmeNumbers(_ pathway: Pathway?) -> [Int] {
        (pathway?.steps ?? []).compactMap { $0.programmeID.map { Int($0.uuidString.suffix(12))! } }
    }
}

final class PathwayTests: XCTestCase {
    private let care = Build.careJob()

    func testBarrierBitsFollowTheDeclarationOrder() {
        XCTAssertEqual(BarrierKind.allCases.map(\.bitIndex), Array(BarrierKind.allCases.indices))
    }

    func testAlreadyJobReadyGivesAnEmptyPathway() {
        let profile = FixtureFactory.profile(skills: ["S.CARE": .proficient])
        let pathway = Build.plan(Build.request(profile), [Build.programme(1, teaches: ["S.CARE": .expert])]).pathway
        XCTAssertEqual(pathway?.steps, [])
        XCTAssertEqual(pathway?.jobReadyOn, Build.today)
        XCTAssertEqual(pathway?.totalCostPence, 0)
        XCTAssertEqual(pathway?.weeksToJobReady, 0)
    }

    func testEntryRequirementMetByAnEarlierStep() {
        let profile = FixtureFactory.profile(skills: ["B.LITERACY": .basic])
        let programmes = [
            Build.programme(1, teaches: ["B.LITERACY": .working], type: .basicSkills, cohorts: [("2026-11-09", 3)]),
            Build.programme(2, teaches: ["S.CARE": .working], entry: EntryRequirements(requiredSkills: [OccupationSkill("B.LITERACY", .working)]),
                            cohorts: [("2026-11-16", 3), ("2027-01-04", 3)]),
        ]
        let pathway = Build.plan(Build.request(profile), programmes).pathway
        XCTAssertEqual(Build.programmeNumbers(pathway), [1, 2])
        XCTAssertEqual(pathway?.steps.first?.prepares, [.skill(id: "B.LITERACY", level: .working)])
        XCTAssertEqual(pathway?.steps.first?.closes, [])
        XCTAssertEqual(pathway?.steps.first?.phase, .basicSkills)
        XCTAssertEqual(pathway?.steps.first?.endsOn, FixtureDate.day("2026-12-07"))
        // The November cohort starts before literacy is done, so January's it is.
        XCTAssertEqual(pathway?.steps.last?.startsOn, FixtureDate.day("2027-01-04"))
        XCTAssertEqual(pathway?.steps.last?.closes, [.skill(id: "S.CARE", level: .working)])
        XCTAssertEqual(pathway?.steps.last?.phase, .vocational)
        XCTAssertEqual(pathway?.jobReadyOn, FixtureDate.day("2027-02-01"))
        XCTAssertEqual(pathway?.profileWhenReady.skills, ["B.LITERACY": .working, "S.CARE": .working])
    }

    func testEntryQualificationRaisedByAnEarlierStep() {
        let profile = FixtureFactory.profile(qualification: .level1)
        let programmes = [
            Build.programme(1, awards: .level2, weeks: 2),
            Build.programme(2, teaches: ["S.CARE": .working], entry: EntryRequirements(minimumQualification: .level2),
                            cohorts: [("2026-11-09", 3), ("2026-11-30", 3)]),
        ]
        let pathway = Build.plan(Build.request(profile), programmes).pathway
        XCTAssertEqual(Build.programmeNumbers(pathway), [1, 2])
        XCTAssertEqual(pathway?.steps.first?.prepares, [.qualification(.level2)])
        XCTAssertEqual(pathway?.steps.last?.startsOn, FixtureDate.day("2026-11-30"))
        XCTAssertEqual(pathway?.profileWhenReady.qualification, .level2)
    }

    func testAFullCohortIsSkippedForTheNext() {
        let profile = FixtureFactory.profile()
        let programme = Build.programme(1, teaches: ["S.CARE": .working], cohorts: [("2026-10-26", 5), ("2026-11-09", 0), ("2026-12-07", 1)])
        let pathway = Build.plan(Build.request(profile), [programme]).pathway
        XCTAssertEqual(pathway?.steps.map(\.kind), [.programme(programmeID: FixtureID.uuid(1), cohortID: FixtureID.uuid(102))])
        XCTAssertEqual(pathway?.steps.first?.startsOn, FixtureDate.day("2026-12-07"))
    }

    func testProgrammesBeyondTravelOrHoursOrForPeopleInWorkAreSkipped() {
        let profile = FixtureFactory.profile(maxHours: 30, maxTravelKm: 12)
        let programmes = [
            Build.programme(1, teaches: ["S.CARE": .working]),
            Build.programme(2, teaches: ["S.CARE": .working], hours: 31),
            Build.programme(3, teaches: ["S.CARE": .working], type: .inWorkUpskilling),
            Build.programme(4, teaches: ["S.CARE": .working], cohorts: [("2027-02-01", 1)]),
        ]
        let pathway = Build.plan(Build.request(profile), programmes, km: [1: 12.5, 4: 11.9]).pathway
        XCTAssertEqual(Build.programmeNumbers(pathway), [4])
        XCTAssertEqual(pathway?.steps.first?.travelKm ?? 0, 11.9, accuracy: 1e-6)
    }

    func testAHighBarrierIsAddressedBeforeVocationalSteps() {
        let vocational = Build.programme(1, teaches: ["S.CARE": .working], cohorts: [("2026-11-09", 3), ("2027-01-04", 3)])
        let support = Build.programme(2, weeks: 1, support: [.childcare], type: .preEmployment, cohorts: [("2026-11-09", 3)])

        let without = Build.plan(Build.request(FixtureFactory.profile()), [vocational, support]).pathway
        XCTAssertEqual(Build.programmeNumbers(without), [1])
        XCTAssertEqual(without?.jobReadyOn, FixtureDate.day("2026-12-07"))

        let profile = FixtureFactory.profile(barriers: [Barrier(kind: .childcare, severity: .high)])
        let pathway = Build.plan(Build.request(profile), [vocational, support]).pathway
        XCTAssertEqual(Build.programmeNumbers(pathway), [2, 1])
        XCTAssertEqual(pathway?.steps.first?.phase, .barrierSupport)
        XCTAssertEqual(pathway?.steps.first?.addresses, [.childcare])
        XCTAssertEqual(pathway?.steps.last?.startsOn, FixtureDate.day("2027-01-04"))
    }

    func testAnExternalReferralWhenItIsQuickerOrNoProgrammeSupportsTheBarrier() {
        let vocational = Build.programme(1, teaches: ["S.CARE": .working], cohorts: [("2026-11-09", 3), ("2026-12-21", 3)])
        let profile = FixtureFactory.profile(barriers: [Barrier(kind: .debt, severity: .high), Barrier(kind: .transport, severity: .medium)])
        let pathway = Build.plan(Build.request(profile), [vocational]).pathway
        XCTAssertEqual(pathway?.steps.map(\.kind), [.referral(.debt), .programme(programmeID: FixtureID.uuid(1), cohortID: FixtureID.uuid(101))])
        XCTAssertEqual(pathway?.steps.first?.endsOn, FixtureDate.day("2026-12-14"))  // six weeks
        XCTAssertEqual(pathway?.steps.first?.phase, .barrierSupport)
        XCTAssertEqual(pathway?.steps.first?.addresses, [.debt])
        XCTAssertEqual(pathway?.steps.first?.title, PathwayPolicy.referralTitle(.debt))
        XCTAssertEqual(pathway?.notes, ["Their medium barrier (transport) is not required to be addressed first and no step supports it; consider support alongside."])

        // A medium barrier alone does not hold the pathway back.
        let medium = FixtureFactory.profile(barriers: [Barrier(kind: .debt, severity: .medium)])
        XCTAssertEqual(Build.programmeNumbers(Build.plan(Build.request(medium), [vocational]).pathway), [1])
        XCTAssertEqual(Build.plan(Build.request(medium), [vocational]).pathway?.steps.first?.startsOn, FixtureDate.day("2026-11-09"))

        // Already job-ready apart from the barrier: the referral alone.
        let skilled = FixtureFactory.profile(skills: ["S.CARE": .working], barriers: [Barrier(kind: .debt, severity: .high)])
        XCTAssertEqual(Build.plan(Build.request(skilled), [vocational]).pathway?.steps.map(\.kind), [.referral(.debt)])
    }

    func testAProgrammeSupportingTheBarrierCanBeTheVocationalStepItself() {
        let profile = FixtureFactory.profile(barriers: [Barrier(kind: .childcare, severity: .high)])
        let programmes = [
            Build.programme(1, teaches: ["S.CARE": .working], cohorts: [("2026-11-09", 3)]),
            Build.programme(2, teaches: ["S.CARE": .working], support: [.childcare], cohorts: [("2026-11-16", 3)]),
        ]
        let pathway = Build.plan(Build.request(profile), programmes).pathway
        XCTAssertEqual(Build.programmeNumbers(pathway), [2])
        XCTAssertEqual(pathway?.steps.first?.addresses, [.childcare])
        XCTAssertEqual(pathway?.steps.first?.closes, [.skill(id: "S.CARE", level: .working)])
    }

    func testTheObjectiveChoosesBetweenQuickAndCheap() {
        let programmes = [
            Build.programme(1, teaches: ["S.CARE": .working], cost: 50_000, cohorts: [("2026-11-09", 3)]),
            Build.programme(2, teaches: ["S.CARE": .working], cost: 0, cohorts: [("2027-03-01", 3)]),
            Build.programme(3, teaches: ["S.CARE": .working], weeks: 6, cost: 0, cohorts: [("2027-03-01", 3)]),
        ]
        let quick = Build.plan(Build.request(FixtureFactory.profile()), programmes).pathway
        XCTAssertEqual(Build.programmeNumbers(quick), [1])
        XCTAssertEqual(quick?.totalCostPence, 50_000)
        let cheap = Build.plan(Build.request(FixtureFactory.profile(), objective: .cost), programmes).pathway
        XCTAssertEqual(Build.programmeNumbers(cheap), [2])  // free, and sooner than programme 3
        XCTAssertEqual(cheap?.totalCostPence, 0)
        XCTAssertEqual(cheap?.jobReadyOn, FixtureDate.day("2027-03-29"))
    }

    func testAnUnreachableTargetNamesItsBlocker() {
        let target = PathwayTarget.vacancy(FixtureFactory.target(
            FixtureFactory.vacancy(requirements: [FixtureFactory.essential("L.FORKLIFT"), FixtureFactory.essential("S.TEAMWORK")]), km: 3))
        let profile = FixtureFactory.profile(maxTravelKm: 12)
        let programmes = [Build.programme(1, teaches: ["L.FORKLIFT": .working]), Build.programme(2, teaches: ["S.TEAMWORK": .working])]
        let result = Build.plan(Build.request(profile, target), programmes, km: [1: 18], taxonomy: StarterTaxonomy.taxonomy)
        XCTAssertNil(result.pathway)
        XCTAssertEqual(result.blockers, [PathwayBlocker(
            requirement: .skill(id: "L.FORKLIFT", level: .working),
            message: "No programme within 12.0 km at 37 hours a week or fewer, with a free place from 2026-11-02, teaches Forklift licence to working level (1 does elsewhere: 1 further away).")])
    }

    func testRequirementsNoProgrammeChangesAreBlockers() {
        let vacancy = FixtureFactory.vacancy(requirements: [FixtureFactory.essential("S.CARE")], needsGCSEMaths: true, hours: 40, minimumAge: 18)
        let profile = FixtureFactory.profile(gcseMaths: false, maxHours: 30, maxTravelKm: 5, age: 17)
        let result = Build.plan(Build.request(profile, .vacancy(FixtureFactory.target(vacancy, km: 8))), [])
        XCTAssertEqual(result.blockers.map(\.requirement), [.travel, .hours, .minimumAge(18), .gcseMaths, .skill(id: "S.CARE", level: .working)])
        XCTAssertEqual(result.blockers.first?.message, "The job is 8.0 km away, beyond the 5.0 km they can travel; no programme changes that.")
        XCTAssertEqual(result.blockers[2].message, "The job needs age 18; they are 17, and without a date of birth the day they turn 18 is not known.")
        XCTAssertEqual(result.blockers.last?.message, "No programme in the catalogue teaches S.CARE to working level.")
    }

    func testAMinimumAgeIsMetByWaiting() {
        let profile = FixtureFactory.profile(age: 17)
        let target = Build.careJob(minimumAge: 18)
        let programme = Build.programme(1, teaches: ["S.CARE": .working])
        let pathway = Build.plan(Build.request(profile, target, born: "2009-03-01"), [programme]).pathway
        XCTAssertEqual(pathway?.steps.map(\.kind), [.programme(programmeID: FixtureID.uuid(1), cohortID: FixtureID.uuid(100)), .wait(untilAge: 18)])
        XCTAssertEqual(pathway?.steps.last?.startsOn, FixtureDate.day("2026-12-07"))
        XCTAssertEqual(pathway?.steps.last?.endsOn, FixtureDate.day("2027-03-01"))
        XCTAssertEqual(pathway?.steps.last?.phase, .waiting)
        XCTAssertEqual(pathway?.jobReadyOn, FixtureDate.day("2027-03-01"))
        XCTAssertEqual(pathway?.activeStepCount, 1)
        XCTAssertEqual(pathway?.profileWhenReady.age, 18)
        // Born a day later, they turn 18 a day later.
        XCTAssertEqual(Build.plan(Build.request(profile, target, born: "2009-03-02"), [programme]).pathway?.jobReadyOn, FixtureDate.day("2027-03-02"))
    }

    func testAnEntryRequirementNothingLeadsToIsNamed() {
        let profile = FixtureFactory.profile(qualification: .level1)
        let programmes = [Build.programme(1, teaches: ["S.CARE": .working], entry: EntryRequirements(minimumQualification: .level3))]
        let result = Build.plan(Build.request(profile), programmes)
        XCTAssertEqual(result.blockers, [PathwayBlocker(
            requirement: .skill(id: "S.CARE", level: .working),
            message: "Every programme within 10.0 km at 37 hours a week or fewer, with a free place from 2026-11-02, that teaches S.CARE to working level first needs level 3, which no programme within reach leads to.")])
    }

    func testCohortsThatCannotFollowOneAnotherAreNamed() {
        let profile = FixtureFactory.profile()
        let programmes = [
            Build.programme(1, teaches: ["B.LITERACY": .working], cohorts: [("2027-01-04", 3)]),
            Build.programme(2, teaches: ["S.CARE": .working], entry: EntryRequirements(requiredSkills: [OccupationSkill("B.LITERACY", .working)]),
                            cohorts: [("2026-12-01", 3)]),
        ]
        let result = Build.plan(Build.request(profile), programmes)
        XCTAssertEqual(result.blockers, [PathwayBlocker(
            requirement: .skill(id: "S.CARE", level: .working),
            message: "Programmes within reach teach S.CARE at working level, but none has a cohort with a free place starting after the steps it depends on would end.")])
    }

    func testAnOccupationTargetAsksForItsEssentialSkills() {
        let occupation = Occupation(id: "O.CHEF", name: "Chef", socCode: nil, sector: .hospitality,
                                    essentialSkills: [OccupationSkill("S.COOKING", .proficient), OccupationSkill("L.FOOD_HYGIENE")],
                                    optionalSkills: [OccupationSkill("S.BAKING")], typicalQualification: .level3)
        let programmes = [
            Build.programme(1, teaches: ["S.COOKING": .proficient], weeks: 10, cohorts: [("2026-11-09", 3), ("2026-11-16", 3)]),
            Build.programme(2, teaches: ["L.FOOD_HYGIENE": .working], weeks: 1, cohorts: [("2026-11-09", 3), ("2027-01-25", 3)]),
        ]
        let pathway = Build.plan(Build.request(FixtureFactory.profile(skills: ["S.COOKING": .working]), .occupation(occupation)), programmes).pathway
        // Hygiene first (a week), then cooking's second cohort: sooner than cooking first and hygiene in January.
        XCTAssertEqual(Build.programmeNumbers(pathway), [2, 1])
        XCTAssertEqual(pathway?.jobReadyOn, FixtureDate.day("2027-01-25"))
        XCTAssertEqual(pathway?.steps.flatMap(\.closes), [.skill(id: "L.FOOD_HYGIENE", level: .working), .skill(id: "S.COOKING", level: .proficient)])
    }

    func testPathwaysOnTheSmallSyntheticDataSetFollowTheRules() {
        let data = SyntheticDataSet.generate(scale: .small)
        let inputs = SyntheticPathwayInputs(data, matching: SyntheticMatchingInputs(data))
        let planner = PathwayPlanner(programmes: inputs.programmes, taxonomy: data.taxonomy)
        let requests = stride(from: 0, to: inputs.requests.count, by: 10).map { inputs.requests[$0] }
        var reached = 0, withSteps = 0
        for request in requests {
            switch planner.pathway(request) {
            case .pathway(let pathway):
                reached += 1
                if !pathway.steps.isEmpty { withSteps += 1 }
                XCTAssertNotNil(PathwayRules(request: request, programmes: inputs.programmes).replay(pathway))
            case .unreachable(let blockers):
                XCTAssertFalse(blockers.isEmpty)
            }
        }
        // The small data set has 120 programmes, so many targets are out of reach; enough are not.
        XCTAssertGreaterThan(reached, requests.count / 4)
        XCTAssertGreaterThan(withSteps, requests.count / 5)
    }

    func testInWorkSupportAndTheNextProgressionFollowThePathway() {
        let taxonomy = Taxonomy(occupations: [
            Occupation(id: "O.CARE_ASSISTANT", name: "Care assistant", socCode: nil, sector: .healthAndSocialCare,
                       essentialSkills: [OccupationSkill("S.CARE")], typicalQualification: .entry),
            Occupation(id: "O.SENIOR_CARE", name: "Senior care worker", socCode: nil, sector: .healthAndSocialCare,
                       essentialSkills: [OccupationSkill("S.CARE", .proficient), OccupationSkill("S.MEDICATION")], typicalQualification: .level2),
            Occupation(id: "O.CARE_LEAD", name: "Care lead", socCode: nil, sector: .healthAndSocialCare,
                       essentialSkills: [OccupationSkill("S.CARE", .proficient)], typicalQualification: .level3),
            Occupation(id: "O.NURSE", name: "Nurse", socCode: nil, sector: .healthAndSocialCare,
                       essentialSkills: [OccupationSkill("S.CARE", .expert), OccupationSkill("S.CLINICAL"), OccupationSkill("S.MEDICATION")],
                       typicalQualification: .level6),
            Occupation(id: "O.CHEF", name: "Chef", socCode: nil, sector: .hospitality, essentialSkills: [], typicalQualification: .level3),
        ])
        let programmes = [
            Build.programme(1, teaches: ["S.CARE": .working]),
            Build.programme(5, teaches: ["S.CARE": .proficient], entry: EntryRequirements(requiredSkills: [OccupationSkill("S.CARE", .working)]),
                            awards: .level2, hours: 6, type: .inWorkUpskilling, cohorts: [("2026-11-09", 3), ("2027-01-11", 3)]),
            Build.programme(6, teaches: ["S.MEDICATION": .working], hours: 6, type: .inWorkUpskilling, cohorts: [("2027-02-01", 3)]),
            Build.programme(7, teaches: ["S.CARE": .expert], entry: EntryRequirements(minimumQualification: .level3), type: .inWorkUpskilling),
        ]
        let profile = FixtureFactory.profile(qualification: .level1)
        let pathway = Build.plan(Build.request(profile, Build.careJob(closing: "2026-11-30")), programmes, taxonomy: taxonomy).pathway
        XCTAssertEqual(Build.programmeNumbers(pathway), [1])
        XCTAssertEqual(pathway?.jobReadyOn, FixtureDate.day("2026-12-07"))
        XCTAssertEqual(pathway?.notes, ["The vacancy closes on 2026-11-30, before they would be job-ready on 2026-12-07; the pathway fits similar vacancies."])
        // Both teach what the care lead and senior care worker ask for; programme 5 starts first. Programme 7's entry is not met.
        XCTAssertEqual(pathway?.inWorkSupport.map(\.programmeID), [FixtureID.uuid(5), FixtureID.uuid(6)])
        XCTAssertEqual(pathway?.inWorkSupport.first?.startsOn, FixtureDate.day("2027-01-11"))
        XCTAssertEqual(pathway?.inWorkSupport.first?.teaches, [.skill(id: "S.CARE", level: .proficient)])
        // Care lead misses two things (proficient care, level 3), as does senior care worker (proficient care,
        // medication, level 2 — three): care lead is nearer.
        XCTAssertEqual(pathway?.progression?.occupationID, "O.CARE_LEAD")
        XCTAssertEqual(pathway?.progression?.missing, [.skill(id: "S.CARE", level: .proficient), .qualification(.level3)])
        XCTAssertEqual(pathway?.progression?.firstProgramme?.programmeID, FixtureID.uuid(5))
    }
}
