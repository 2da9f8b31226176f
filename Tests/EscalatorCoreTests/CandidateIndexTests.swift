import XCTest
@testable import EscalatorCore

/// `CandidateIndex` must return exactly what `Matcher.rankCandidates` returns over the allowed clients:
/// the same clients in the same order, scores equal to the last bit.
final class CandidateIndexTests: XCTestCase {
    private func expected(_ target: VacancyTarget, _ profiles: [MatchProfile], k: Int, weights: MatchingWeights, licences: Set<String>) -> [RankedClient] {
        Matcher.rankCandidates(for: target, among: profiles, limit: k, weights: weights, licenceSkillIDs: licences)
            .map { RankedClient(clientID: $0.clientID, score: $0.score) }
    }

    private func assertIdentical(_ actual: [RankedClient], _ expected: [RankedClient], _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.map(\.clientID), expected.map(\.clientID), message, file: file, line: line)
        XCTAssertEqual(actual.map(\.score.bitPattern), expected.map(\.score.bitPattern), message, file: file, line: line)
    }

    private func check(_ instance: EngineRandomInstance, seed: UInt64, ks: [Int], weights: MatchingWeights = .standard, vacancies: Int = 120) {
        let index = CandidateIndex(instance.profiles, weights: weights, licenceSkillIDs: instance.licences)
        var rng = SeededGenerator(seed: seed &+ 99)
        // Every client, about half of them, and a few (which takes the direct path).
        let ids = instance.profiles.map(\.clientID)
        let subsets: [Set<UUID>?] = [nil, Set(ids.filter { _ in rng.chance(0.5) }), Set(rng.sample(ids, count: ids.count / 20))]
        for target in instance.targets.prefix(vacancies) {
            for allowed in subsets {
                let among = allowed.map { a in instance.profiles.filter { a.contains($0.clientID) } } ?? instance.profiles
                let subset = allowed.map { index.subset($0) }
                for k in ks {
                    let want = expected(target, among, k: k, weights: weights, licences: instance.licences)
                    assertIdentical(index.topCandidates(for: target, k: k, among: subset), want,
                                    "seed \(seed), vacancy \(target.vacancy.id), k \(k), subset \(allowed?.count ?? -1)")
                }
            }
        }
    }

    func testMatchesMatcherExactly() {
        check(EngineRandomInstance(seed: 31, vacancies: 200, clients: 1_500), seed: 31, ks: [1, 10, 2_000])
    }

    func testMatchesMatcherOnOtherInstances() {
        for seed in UInt64(32)...34 { check(EngineRandomInstance(seed: seed, vacancies: 100, clients: 800), seed: seed, ks: [1, 10], vacancies: 60) }
    }

    func testMatchesMatcherWithOtherWeights() {
        for (n, weights) in EngineRandomInstance.otherWeights.enumerated() {
            let seed = UInt64(40 + n)
            check(EngineRandomInstance(seed: seed, vacancies: 60, clients: 600), seed: seed, ks: [1, 10], weights: weights, vacancies: 60)
        }
    }

    func testSubsetFindsEveryProfileWithAnId() {
        let instance = EngineRandomInstance(seed: 50, vacancies: 10, clients: 400)
        let index = CandidateIndex(instance.profiles, licenceSkillIDs: instance.licences)
        let repeated = Dictionary(grouping: instance.profiles, by: \.clientID).first { $0.value.count > 1 }
        XCTAssertNotNil(repeated, "the instance should repeat an id")
        if let repeated { XCTAssertEqual(index.subset([repeated.key]).count, repeated.value.count) }
        XCTAssertEqual(index.subset([UUID()]).count, 0)
        XCTAssertEqual(index.subset(instance.profiles.map(\.clientID)).count, instance.profiles.count)
    }

    func testUnknownSkillsAndLicences() {
        let instance = EngineRandomInstance(seed: 51, vacancies: 1, clients: 300)
        let index = CandidateIndex(instance.profiles, licenceSkillIDs: instance.licences.union(["L.NOBODY"]))
        var vacancy = instance.targets[0]
        let v = vacancy.vacancy
        func with(_ requirements: [SkillRequirement]) -> VacancyTarget {
            VacancyTarget(vacancy: Vacancy(
                id: v.id, employerID: v.employerID, occupationID: "O.1", title: v.title, requirements: requirements,
                minimumQualification: .entry, needsGCSEEnglish: false, needsGCSEMaths: false, hoursPerWeek: 20,
                hourlyPayPence: 1200, postcode: v.postcode, wardID: v.wardID, openings: 1, closingDate: v.closingDate,
                status: .open, minimumAge: 16), location: vacancy.location)
        }
        // A skill nobody holds earns nothing; an essential licence nobody holds blocks everyone.
        vacancy = with([SkillRequirement(skillID: "S.NOBODY", importance: .essential, minimumLevel: .basic),
                        SkillRequirement(skillID: "S.1", importance: .desirable, minimumLevel: .working)])
        let licences = instance.licences.union(["L.NOBODY"])
        assertIdentical(index.topCandidates(for: vacancy, k: 50), expected(vacancy, instance.profiles, k: 50, weights: .standard, licences: licences), "unknown skill")
        XCTAssertFalse(index.topCandidates(for: vacancy, k: 50).isEmpty)
        vacancy = with([SkillRequirement(skillID: "L.NOBODY", importance: .essential, minimumLevel: .basic)])
        XCTAssertEqual(index.topCandidates(for: vacancy, k: 50), [])
        XCTAssertEqual(expected(vacancy, instance.profiles, k: 50, weights: .standard, licences: licences), [])
        vacancy = with([SkillRequirement(skillID: "L.NOBODY", importance: .desirable, minimumLevel: .basic)])
        assertIdentical(index.topCandidates(for: vacancy, k: 50), expected(vacancy, instance.profiles, k: 50, weights: .standard, licences: licences), "desirable licence")
    }

    func testMatchesMatcherOnSyntheticSample() {
        let inputs = SyntheticMatchingInputs(SyntheticDataSet.generate(scale: .small))
        let index = CandidateIndex(inputs.profiles, licenceSkillIDs: inputs.licenceSkillIDs)
        for target in inputs.vacancies.prefix(60) {
            assertIdentical(index.topCandidates(for: target, k: 10),
                            expected(target, inputs.profiles, k: 10, weights: .standard, licences: inputs.licenceSkillIDs), "synthetic")
        }
    }
}
