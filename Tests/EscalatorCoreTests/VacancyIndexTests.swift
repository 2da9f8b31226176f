import XCTest
@testable import EscalatorCore

/// `VacancyIndex` must return exactly what `Matcher.rankVacancies` returns: the same vacancies in the
/// same order, scores equal to the last bit.
final class VacancyIndexTests: XCTestCase {
    private func expected(_ profile: MatchProfile, _ targets: [VacancyTarget], k: Int, weights: MatchingWeights, licences: Set<String>) -> [RankedVacancy] {
        Matcher.rankVacancies(for: profile, among: targets, limit: k, weights: weights, licenceSkillIDs: licences)
            .map { RankedVacancy(vacancyID: $0.vacancyID, score: $0.score) }
    }

    private func assertIdentical(_ actual: [RankedVacancy], _ expected: [RankedVacancy], _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.map(\.vacancyID), expected.map(\.vacancyID), message, file: file, line: line)
        XCTAssertEqual(actual.map(\.score.bitPattern), expected.map(\.score.bitPattern), message, file: file, line: line)
    }

    private func check(_ instance: EngineRandomInstance, seed: UInt64, ks: [Int], weights: MatchingWeights = .standard) {
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
        check(EngineRandomInstance(seed: 1, vacancies: 3_000, clients: 300), seed: 1, ks: [1, 3, 10, 5_000])
    }

    func testMatchesMatcherOnOtherInstances() {
        for seed in UInt64(2)...4 { check(EngineRandomInstance(seed: seed, vacancies: 1_500, clients: 150), seed: seed, ks: [1, 10, 40]) }
    }

    func testMatchesMatcherWhenManyVacanciesShareADemand() {
        // Three templates: nearly every vacancy shares its demand with hundreds of others.
        let instance = EngineRandomInstance(seed: 11, vacancies: 2_000, clients: 200, templates: 3)
        let index = VacancyIndex(instance.targets, licenceSkillIDs: instance.licences)
        XCTAssertLessThan(index.layout.demands, 700, "the instance should share demands")
        check(instance, seed: 11, ks: [1, 10, 200])
    }

    func testMatchesMatcherWithOtherWeights() {
        // Zero and negative weights: the bounds must still hold (or not be used).
        for (n, weights) in EngineRandomInstance.otherWeights.enumerated() {
            let seed = UInt64(20 + n)
            check(EngineRandomInstance(seed: seed, vacancies: 800, clients: 100, templates: 10), seed: seed, ks: [1, 10], weights: weights)
        }
    }

    func testTheInstancesCoverTheHardCases() {
        // The checks above are only as good as the cases the instances hold.
        let instance = EngineRandomInstance(seed: 1, vacancies: 3_000, clients: 300)
        let results = instance.profiles.map { expected($0, instance.targets, k: 10, weights: .standard, licences: instance.licences) }
        XCTAssertTrue(instance.profiles.contains { $0.age == nil })
        XCTAssertTrue(results.contains { $0.isEmpty }, "a client with nothing within reach")
        XCTAssertTrue(results.contains { r in zip(r, r.dropFirst()).contains { $0.score == $1.score } }, "exact ties")
        XCTAssertGreaterThan(Set(instance.targets.map(\.vacancy.id)).count, 0)
        XCTAssertLessThan(Set(instance.targets.map(\.vacancy.id)).count, instance.targets.count, "repeated vacancy ids")
        let blocked = instance.profiles.contains { profile in
            instance.targets.contains { target in
                let match = VacancyScorer.score(profile, target, licenceSkillIDs: instance.licences)
                return match.blockers.map(\.kind) == [.licence]
            }
        }
        XCTAssertTrue(blocked, "a match blocked by a licence alone")
    }

    func testZeroTravelLimitReachesOnlyTheSamePoint() {
        let instance = EngineRandomInstance(seed: 7, vacancies: 1_000, clients: 1)
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
        let instance = EngineRandomInstance(seed: 8, vacancies: 100, clients: 5)
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
