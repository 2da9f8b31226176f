import XCTest
@testable import EscalatorCore

/// The best total weight of lists (each client at most `perClient` of its candidates, each vacancy at most
/// `capacity` lists), found the plain way: successive shortest paths with Bellman–Ford from a source
/// (client arcs capacity `perClient`) to a sink, stopping when the cheapest path no longer gains.
private func successiveShortestPathsOptimum(_ candidates: [[RankedVacancy]], perClient: Int, capacity: [UUID: Int]) -> Int {
    let vacancies = Array(Set(candidates.flatMap { $0.map(\.vacancyID) }))
    let vacancyNode = Dictionary(uniqueKeysWithValues: vacancies.enumerated().map { ($1, candidates.count + $0) })
    let n = candidates.count + vacancies.count + 2, source = n - 2, sink = n - 1
    var to: [Int] = [], room: [Int] = [], cost: [Int] = []
    func add(_ u: Int, _ v: Int, _ c: Int, _ w: Int) {
        to += [v, u]; room += [c, 0]; cost += [w, -w]
    }
    for (client, list) in candidates.enumerated() {
        add(source, client, perClient, 0)
        for entry in list { add(client, vacancyNode[entry.vacancyID]!, 1, -Int((entry.score * 1e6).rounded())) }
    }
    for vacancy in vacancies { add(vacancyNode[vacancy]!, sink, capacity[vacancy] ?? 0, 0) }
    var total = 0
    while true {
        var distance = [Int](repeating: .max, count: n), via = [Int](repeating: -1, count: n)
        distance[source] = 0
        for _ in 0..<n {
            for e in to.indices where room[e] > 0 && distance[to[e ^ 1]] != .max && distance[to[e ^ 1]] + cost[e] < distance[to[e]] {
                distance[to[e]] = distance[to[e ^ 1]] + cost[e]
                via[to[e]] = e
            }
        }
        guard distance[sink] < 0 else { return -total }
        var push = Int.max, v = sink
        while v != source { push = min(push, room[via[v]]); v = to[via[v] ^ 1] }
        v = sink
        while v != source { room[via[v]] -= push; room[via[v] ^ 1] += push; v = to[via[v] ^ 1] }
        total += push * distance[sink]
    }
}

final class CongestionTests: XCTestCase {
    private let a = FixtureID.uuid(1), b = FixtureID.uuid(2), c = FixtureID.uuid(3)

    func testCountsRecommendationsAndOpenReferrals() {
        let lists = [
            [RankedVacancy(vacancyID: a, score: 0.9), RankedVacancy(vacancyID: b, score: 0.8)],
            [RankedVacancy(vacancyID: a, score: 0.7)],
            [RankedVacancy(vacancyID: a, score: 0.6), RankedVacancy(vacancyID: c, score: 0.5)],
        ]
        func referral(_ id: Int, client: Int, _ vacancy: UUID, _ status: ReferralStatus) -> Referral {
            Referral(id: FixtureID.uuid(id), clientID: FixtureID.uuid(client), target: .vacancy(vacancyID: vacancy), status: status, history: [])
        }
        let referrals = [
            referral(10, client: 100, a, .applied), referral(11, client: 101, a, .interviewed), referral(12, client: 102, a, .offered),
            referral(13, client: 103, a, .started), referral(14, client: 104, a, .declined), referral(15, client: 105, a, .withdrawn),
            referral(16, client: 100, b, .applied),
            Referral(id: FixtureID.uuid(17), clientID: FixtureID.uuid(106), target: .programme(programmeID: a, cohortID: nil), status: .referred, history: []),
        ]
        let counts = CongestionCounts(lists: lists, referrals: referrals)
        XCTAssertEqual(counts.figures(a), .init(recommended: 3, referred: 3))
        XCTAssertEqual(counts.figures(b), .init(recommended: 1, referred: 1))
        XCTAssertEqual(counts.figures(c), .init(recommended: 1, referred: 0))
        XCTAssertEqual(counts.figures(FixtureID.uuid(4)), .init(recommended: 0, referred: 0))
        // Client 100 sees vacancy a in their list and has applied: two others recommended, two others referred.
        XCTAssertEqual(counts.others(a, client: FixtureID.uuid(100)), .init(recommended: 2, referred: 2))
        XCTAssertEqual(counts.others(a, client: FixtureID.uuid(200), inClientsList: false), .init(recommended: 3, referred: 3))
    }

    func testConcentrationByHand() {
        // Counts 0, 0, 1, 3: the top 1% is ⌈4/100⌉ = 1 vacancy with 3 of 4 recommendations.
        // Gini = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² mean) = 20 / (2 × 16 × 1) = 0.625.
        let small = RecommendationConcentration(counts: [3, 0, 1, 0])
        XCTAssertEqual(small.vacancies, 4)
        XCTAssertEqual(small.recommendations, 4)
        XCTAssertEqual(small.topPercentVacancies, 1)
        XCTAssertEqual(small.topPercentShare, 0.75)
        XCTAssertEqual(small.maximumPerVacancy, 3)
        XCTAssertEqual(small.gini, 0.625, accuracy: 1e-12)

        // 250 vacancies: the top 1% is 3 of them, holding 50 + 40 + 30 of 120 + 247 recommendations.
        let large = RecommendationConcentration(counts: [50, 40, 30, 20] + Array(repeating: 1, count: 227) + Array(repeating: 0, count: 19))
        XCTAssertEqual(large.topPercentVacancies, 3)
        XCTAssertEqual(large.topPercentShare, 120.0 / 367.0, accuracy: 1e-12)
        XCTAssertEqual(RecommendationConcentration(counts: [5, 5, 5]).gini, 0, accuracy: 1e-12)
        XCTAssertEqual(RecommendationConcentration(counts: []).topPercentShare, 0)

        let fromLists = RecommendationConcentration(
            lists: [[RankedVacancy(vacancyID: a, score: 1)], [RankedVacancy(vacancyID: a, score: 1), RankedVacancy(vacancyID: b, score: 1)]],
            vacancyIDs: [a, b, c])
        XCTAssertEqual(fromLists.vacancies, 3)
        XCTAssertEqual(fromLists.recommendations, 3)
        XCTAssertEqual(fromLists.maximumPerVacancy, 2)
    }

    func testSpreadListsRespectTheCapsAndReachTheOptimum() {
        var spreadSomething = false
        for seed in 0..<10 as Range<UInt64> {
            let region = AllocationTestRegion(seed: 700 + seed, clients: 30, vacancies: 25, programmes: 0)
            let index = VacancyIndex(region.vacancies, licenceSkillIDs: region.licences)
            let deep = index.topVacancies(forAll: region.profiles, k: 6)
            let spreading = RecommendationSpreading(perClient: 1 + Int(seed % 3), multiple: 1 + Int(seed % 2))
            let openings = Dictionary(region.vacancies.map { ($0.vacancy.id, $0.vacancy.openings) }, uniquingKeysWith: { a, _ in a })
            let spread = spreading.spread(deep, openings: openings)

            let capacity = openings.mapValues { spreading.multiple * $0 }
            let total = spread.flatMap { $0 }.reduce(0) { $0 + AllocationScore.weight($1.score) }
            XCTAssertEqual(total, successiveShortestPathsOptimum(deep, perClient: spreading.perClient, capacity: capacity), "seed \(seed)")

            var shown: [UUID: Int] = [:]
            let targets = Dictionary(region.vacancies.map { ($0.vacancy.id, $0) }, uniquingKeysWith: { a, _ in a })
            for (client, list) in spread.enumerated() {
                XCTAssertLessThanOrEqual(list.count, spreading.perClient)
                XCTAssertEqual(Set(list.map(\.vacancyID)).count, list.count)
                for entry in list {
                    XCTAssertTrue(deep[client].contains(entry), "from the client's own candidates")
                    XCTAssertTrue(VacancyScorer.score(region.profiles[client], targets[entry.vacancyID]!, licenceSkillIDs: region.licences).isEligible)
                    shown[entry.vacancyID, default: 0] += 1
                }
                XCTAssertEqual(list, list.sorted { $0.score != $1.score ? $0.score > $1.score : $0.vacancyID.uuidString < $1.vacancyID.uuidString })
            }
            for (vacancy, count) in shown { XCTAssertLessThanOrEqual(count, capacity[vacancy]!) }
            let plain = deep.map { $0.prefix(spreading.perClient) }
            if spread.map(\.count) != plain.map(\.count) || zip(spread, plain).contains(where: { Array($1) != $0 }) { spreadSomething = true }
        }
        XCTAssertTrue(spreadSomething, "the caps should bind somewhere")
    }

    func testSpreadingChangesNothingWhenNoVacancyIsOverRecommended() {
        let lists = [[RankedVacancy(vacancyID: a, score: 0.9), RankedVacancy(vacancyID: b, score: 0.5), RankedVacancy(vacancyID: c, score: 0.4)]]
        let spread = RecommendationSpreading(perClient: 2, multiple: 5).spread(lists, openings: [a: 1, b: 1, c: 1])
        XCTAssertEqual(spread, [Array(lists[0].prefix(2))])
        // With a shown to nobody (no openings) the client gets b and c instead.
        XCTAssertEqual(RecommendationSpreading(perClient: 2, multiple: 5).spread(lists, openings: [b: 1, c: 1]), [Array(lists[0].suffix(2))])
    }
}
