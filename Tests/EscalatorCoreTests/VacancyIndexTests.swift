import XCTest
@testable import EscalatorCore


/// A random instance shaped like the region: vacancies and clients mostly at shared "ward centre"
/// points, clones of vacancies that tie exactly, repeated ids, licences, every kind of constraint.
private struct RandomInstance {
    var targets: [VacancyTarget] = []
    var profiles: [MatchProfile] = []
    let licences: Set<String> = ["L.0", "L.1", "L.2"]

    init(seed: UInt64, vacancies: Int, clients: Int) {
        var rng = SeededGenerator(seed: seed)
        let centres = (0..<40).map { _ in
            GeoPoint(latitude: 52.3 + Double.random(in: 0..<0.4, using: &rng), longitude: -2.2 + Double.random(in: 0..<0.7, using: &rng))
        }
        func point() -> GeoPoint {
            Int.random(in: 0..<10, using: &rng) < 8 ? centres.randomElement(using: &rng)!
                : GeoPoint(latitude: 52.3 + Double.random(in: 0..<0.4, using: &rng), longitude: -2.2 + Double.random(in: 0..<0.7, using: &rng))
        }
        let skills = (0..<25).map { "S.\($0)" } + ["L.0", "L.1", "L.2"]
        let occupations = (0..<10).map { "O.\($0)" }
        func level() -> Proficiency { Proficiency.allCases.randomElement(using: &rng)! }

        while targets.count < vacancies {
            let roll = Int.random(in: 0..<20, using: &rng)
            if roll == 0, let original = targets.randomElement(using: &rng) {
                targets.append(original)  // the same vacancy twice: ties down to input order
                continue
            }
            if roll < 4, let original = targets.randomElement(using: &rng) {
                // A clone under a new id at the same place: an exact tie broken by id.
                var clone = original.vacancy
                clone = Vacancy(
                    id: rng.uuid(), employerID: clone.employerID, occupationID: clone.occupationID, title: clone.title,
                    requirements: clone.requirements, minimumQualification: clone.minimumQualification,
                    needsGCSEEnglish: clone.needsGCSEEnglish, needsGCSEMaths: clone.needsGCSEMaths, hoursPerWeek: clone.hoursPerWeek,
                    hourlyPayPence: 1200, postcode: "B1 1AA", wardID: "W", openings: 1, closingDate: Date(timeIntervalSince1970: 0),
                    status: .open, minimumAge: clone.minimumAge)
                targets.append(VacancyTarget(vacancy: clone, location: original.location))
                continue
            }
            let requirements = (0..<Int.random(in: 0...6, using: &rng)).map { _ in
                SkillRequirement(
                    skillID: skills.randomElement(using: &rng)!, importance: Bool.random(using: &rng) ? .essential : .desirable,
                    minimumLevel: level())
            }
            let vacancy = Vacancy(
                id: rng.uuid(), employerID: rng.uuid(), occupationID: occupations.randomElement(using: &rng)!, title: "Job",
                requirements: requirements, minimumQualification: RQFLevel(rawValue: Int.random(in: 0...4, using: &rng))!,
                needsGCSEEnglish: Int.random(in: 0..<5, using: &rng) == 0, needsGCSEMaths: Int.random(in: 0..<6, using: &rng) == 0,
                hoursPerWeek: [8, 16, 20, 25, 30, 37, 40].randomElement(using: &rng)!, hourlyPayPence: 1200, postcode: "B1 1AA",
                wardID: "W", openings: 1, closingDate: Date(timeIntervalSince1970: 0), status: .open,
                minimumAge: [16, 16, 18, 21].randomElement(using: &rng)!)
            targets.append(VacancyTarget(vacancy: vacancy, location: point()))
        }

        for _ in 0..<clients {
            var held: [String: Proficiency] = [:]
            for _ in 0..<Int.random(in: 0...12, using: &rng) { held[skills.randomElement(using: &rng)!] = level() }
            if Bool.random(using: &rng) { held["S.UNKNOWN"] = .expert }  // a skill no vacancy asks for
            let minHours = [0, 8, 16, 20].randomElement(using: &rng)!
            profiles.append(MatchProfile(
                clientID: rng.uuid(), location: point(), skills: held,
                qualification: RQFLevel(rawValue: Int.random(in: 0...5, using: &rng))!,
                gcseEnglish: Bool.random(using: &rng), gcseMaths: Bool.random(using: &rng),
                minHoursPerWeek: minHours, maxHoursPerWeek: minHours + [0, 10, 20, 40].randomElement(using: &rng)!,
                maxTravelKm: [0, 0, 2, 5, 8, 10, 15, 25, 60, 1_000, .infinity].randomElement(using: &rng)! + (Bool.random(using: &rng) ? 0 : Double.random(in: 0..<1, using: &rng)),
                aspirations: Set((0..<Int.random(in: 0...3, using: &rng)).map { _ in (occupations + ["O.NONE"]).randomElement(using: &rng)! }),
                age: Int.random(in: 0..<8, using: &rng) == 0 ? nil : Int.random(in: 16...64, using: &rng)))
        }
    }
}

final class VacancyIndexTests: XCTestCase {
    private func expected(_ profile: MatchProfile, _ targets: [VacancyTarget], k: Int, weights: MatchingWeights, licences: Set<String>) -> [RankedVacancy] {
        Matcher.rankVacancies(for: profile, among: targets, limit: k, weights: weights, licenceSkillIDs: licences)
            .map { RankedVacancy(vacancyID: $0.vacancyID, score: $0.score) }
    }

    private func assertIdentical(_ actual: [RankedVacancy], _ expected: [RankedVacancy], _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.map(\.vacancyID), expected.map(\.vacancyID), message, file: file, line: line)
        XCTAssertEqual(actual.map(\.score.bitPattern), expected.map(\.score.bitPattern), message, file: file, line: line)
    }

    private func check(seed: UInt64, vacancies: Int, clients: Int, ks: [Int], weights: MatchingWeights = .standard) {
        let instance = RandomInstance(seed: seed, vacancies: vacancies, clients: clients)
        let index = VacancyIndex(instance.targets, weights: weights, licenceSkillIDs: instance.licences)
        for k in ks {
            let bulk = index.topVacancies(forAll: instance.profiles, k: k)
            XCTAssertEqual(bulk.count, instance.profiles.count)
            for (i, profile) in instance.profiles.enumerated() {
                let want = expected(profile, instance.targets, k: k, weights: weights, licences: instance.licences)
                let single = index.topVacancies(for: profile, k: k)
                assertIdentical(single, want, "seed \(seed), client \(i), k \(k), single")
                assertIdentical(bulk[i], single, "seed \(seed), client \(i), k \(k), bulk")
            }
        }
    }

    func testMatchesMatcherExactlyForSeveralK() {
        // k = 5000 is more than the number of eligible vacancies for anyone.
        check(seed: 1, vacancies: 3_000, clients: 300, ks: [1, 3, 10, 5_000])
    }

    func testMatchesMatcherOnOtherInstances() {
        for seed in UInt64(2)...4 { check(seed: seed, vacancies: 1_500, clients: 150, ks: [1, 10, 40]) }
    }

    func testMatchesMatcherWithOtherWeights() {
        check(seed: 5, vacancies: 1_500, clients: 150, ks: [1, 10],
              weights: MatchingWeights(essentialSkills: 0.3, desirableSkills: 0.3, qualification: 0, aspiration: 0.05, travel: 0.35))
        // A negative weight turns pruning off; the results must still be the same.
        check(seed: 6, vacancies: 800, clients: 100, ks: [1, 10],
              weights: MatchingWeights(essentialSkills: 0.5, desirableSkills: 0.15, qualification: 0.1, aspiration: 0.15, travel: -0.1))
    }

    func testZeroTravelLimitReachesOnlyTheSamePoint() {
        let instance = RandomInstance(seed: 7, vacancies: 1_000, clients: 1)
        let index = VacancyIndex(instance.targets, licenceSkillIDs: instance.licences)
        for target in instance.targets.prefix(50) {
            var profile = instance.profiles[0]
            profile.location = target.location
            profile.maxTravelKm = 0
            profile.minHoursPerWeek = 0
            profile.maxHoursPerWeek = 100
            let want = expected(profile, instance.targets, k: 20, weights: .standard, licences: instance.licences)
            assertIdentical(index.topVacancies(for: profile, k: 20), want, "zero travel")
            XCTAssertTrue(index.topVacancies(for: profile, k: 1000).allSatisfy { id in
                instance.targets.contains { $0.vacancy.id == id.vacancyID && $0.location == target.location }
            })
        }
    }

    func testNonPositiveKAndNoVacancies() {
        let instance = RandomInstance(seed: 8, vacancies: 100, clients: 5)
        let index = VacancyIndex(instance.targets, licenceSkillIDs: instance.licences)
        XCTAssertEqual(index.topVacancies(for: instance.profiles[0], k: 0), [])
        XCTAssertEqual(index.topVacancies(forAll: instance.profiles, k: -1), Array(repeating: [], count: 5))
        let empty = VacancyIndex([])
        XCTAssertEqual(empty.topVacancies(forAll: instance.profiles, k: 10), Array(repeating: [], count: 5))
        XCTAssertEqual(index.topVacancies(forAll: [], k: 10), [])
    }

    func testMatchesMatcherOnSyntheticRegionSample() {
        let data = SyntheticDataSet.generate(scale: .small)
        let inputs = SyntheticMatchingInputs(data)
        let index = VacancyIndex(inputs.vacancies, licenceSkillIDs: inputs.licenceSkillIDs)
        let sample = Array(inputs.profiles.prefix(400))
        let bulk = index.topVacancies(forAll: sample, k: 10)
        for (i, profile) in sample.enumerated() {
            assertIdentical(bulk[i], expected(profile, inputs.vacancies, k: 10, weights: .standard, licences: inputs.licenceSkillIDs), "synthetic client \(i)")
        }
    }
}
