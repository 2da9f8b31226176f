import XCTest
@testable import EscalatorCore

/// A small random region: clients, vacancies and programmes around Birmingham, cohorts some started,
/// some full, entry requirements and barriers of every kind.
struct AllocationTestRegion {
    var profiles: [MatchProfile] = []
    var wards: [UUID: String] = [:]
    var vacancies: [VacancyTarget] = []
    var programmes: [ProgrammeTarget] = []
    let licences: Set<String> = ["L.0"]
    let now = FixtureDate.day("2026-03-01")

    init(seed: UInt64, clients: Int, vacancies vacancyCount: Int, programmes programmeCount: Int) {
        var rng = SeededGenerator(seed: seed)
        let centres = (0..<6).map { _ in GeoPoint(latitude: 52.4 + rng.uniform(0...0.2), longitude: -2.0 + rng.uniform(0...0.3)) }
        let skills = (0..<8).map { "S.\($0)" } + ["L.0"]
        func level() -> Proficiency { rng.element(of: Proficiency.allCases) }
        for _ in 0..<clients {
            var held: [String: Proficiency] = [:]
            for skill in rng.sample(skills, count: rng.int(in: 0...5)) { held[skill] = level() }
            let minHours = rng.int(in: 0...20)
            let profile = MatchProfile(
                clientID: rng.uuid(), location: rng.element(of: centres), skills: held,
                qualification: RQFLevel(rawValue: rng.int(in: 0...4))!, gcseEnglish: rng.chance(0.6), gcseMaths: rng.chance(0.5),
                minHoursPerWeek: minHours, maxHoursPerWeek: minHours + rng.int(in: 5...30), maxTravelKm: rng.uniform(3...25),
                aspirations: rng.chance(0.5) ? ["O.1"] : ["O.2"], age: rng.chance(0.9) ? rng.int(in: 16...60) : nil,
                barriers: rng.sample(BarrierKind.allCases, count: rng.int(in: 0...2)).map { Barrier(kind: $0, severity: .medium) })
            profiles.append(profile)
            wards[profile.clientID] = rng.element(of: ["W1", "W2", "W3"])
        }
        for _ in 0..<vacancyCount {
            let requirements = rng.sample(skills, count: rng.int(in: 0...4)).map {
                SkillRequirement(skillID: $0, importance: rng.chance(0.6) ? .essential : .desirable, minimumLevel: level())
            }
            let vacancy = Vacancy(
                id: rng.uuid(), employerID: rng.uuid(), occupationID: rng.element(of: ["O.1", "O.2", "O.3"]), title: "Job",
                requirements: requirements, minimumQualification: RQFLevel(rawValue: rng.int(in: 0...3))!,
                needsGCSEEnglish: rng.chance(0.2), hoursPerWeek: rng.int(in: 10...40), hourlyPayPence: 1200, postcode: "B1 1AA",
                wardID: "W1", openings: rng.int(in: 0...3), closingDate: now, status: .open, minimumAge: rng.chance(0.2) ? 18 : 16)
            vacancies.append(VacancyTarget(vacancy: vacancy, location: rng.element(of: centres)))
        }
        for _ in 0..<programmeCount {
            let cohorts = (0..<rng.int(in: 1...3)).map { _ in
                let capacity = rng.int(in: 1...4)
                return Cohort(
                    id: rng.uuid(), startsOn: now.addingTimeInterval(Double(rng.int(in: -30...60)) * 86_400 + rng.uniform(0...80_000)),
                    capacity: capacity, enrolled: rng.int(in: 0...capacity))
            }
            let entry = rng.chance(0.3)
                ? EntryRequirements(
                    minimumQualification: RQFLevel(rawValue: rng.int(in: 0...2))!,
                    requiredSkills: rng.chance(0.3) ? [OccupationSkill(rng.element(of: skills), .basic)] : [],
                    needsGCSEMaths: rng.chance(0.2))
                : .none
            let programme = Programme(
                id: rng.uuid(), providerID: rng.uuid(), title: "Course", type: .vocational,
                skillsTaught: rng.sample(skills, count: rng.int(in: 1...3)).map { SkillTaught(skillID: $0, levelReached: level()) },
                entryRequirements: entry, qualificationAwarded: nil, weeks: 8, hoursPerWeek: 16, postcode: "B2 2BB", wardID: "W2",
                costPence: 0, barrierSupport: rng.sample(BarrierKind.allCases, count: rng.int(in: 0...2)), coDesigningEmployerIDs: [],
                guaranteedInterview: false, cohorts: cohorts)
            programmes.append(ProgrammeTarget(programme: programme, location: rng.element(of: centres)))
        }
    }

    func instance(_ options: AllocationOptions = AllocationOptions()) -> AllocationInstance {
        AllocationInstance.build(
            profiles: profiles, vacancies: vacancies, programmes: programmes, licenceSkillIDs: licences, clientWards: wards,
            now: now, options: options)
    }
}

/// One option as the test describes it, independent of slot numbering.
private struct Option: Equatable, CustomStringConvertible {
    var kind: AllocationSlot.Kind
    var target: UUID
    var cohort: UUID?
    var score: Double
    var weight: Int

    var description: String { "\(kind) \(target) \(cohort?.uuidString ?? "-") \(score)" }

    func precedes(_ other: Option) -> Bool {
        if score != other.score { return score > other.score }
        if kind != other.kind { return kind == .vacancy }
        if target != other.target { return target.uuidString < other.target.uuidString }
        return (cohort?.uuidString ?? "") < (other.cohort?.uuidString ?? "")
    }
}

/// The documented options, from the matcher's own rankings: eligible vacancies with openings, and the
/// bookable cohorts of the programmes `Matcher.programmesClosingGaps` suggests with entry met.
private func expectedOptions(_ profile: MatchProfile, _ region: AllocationTestRegion, _ options: AllocationOptions) -> [Option] {
    var seen = Set<UUID>()
    let open = region.vacancies.filter { $0.vacancy.openings > 0 && seen.insert($0.vacancy.id).inserted }
    var found: [Option] = []
    if options.includeVacancies {
        for match in Matcher.rankVacancies(for: profile, among: open, limit: options.candidatesPerClient, weights: options.weights, licenceSkillIDs: region.licences) {
            found.append(Option(kind: .vacancy, target: match.vacancyID, cohort: nil, score: match.score, weight: Int((match.score * 1e6).rounded())))
        }
    }
    if options.includeCohorts {
        let gapSource = Matcher.rankVacancies(for: profile, among: open, limit: options.gapMatches, weights: options.weights, licenceSkillIDs: region.licences)
        let missing = gapSource.flatMap { $0.skillsMissing.filter { $0.importance == .essential } }
        let today = Calendar.utc.startOfDay(for: region.now)
        let bookable = region.programmes.map { target -> ProgrammeTarget in
            var restricted = target
            restricted.programme.cohorts = target.programme.cohorts.filter { $0.startsOn >= today && $0.freePlaces > 0 }
            return restricted
        }
        let best = 2 * Double(Set(missing.map(\.skillID)).count) + 0.5 * Double(Set(profile.barriers.map(\.kind)).count) + 1
        for suggestion in Matcher.programmesClosingGaps(missing, profile: profile, programmes: bookable, limit: .max) where suggestion.entryMet {
            let score = options.programmeWeight * (suggestion.score / best)
            let programme = bookable.first { $0.programme.id == suggestion.programmeID }!.programme
            for cohort in programme.cohorts {
                found.append(Option(kind: .cohort, target: programme.id, cohort: cohort.id, score: score, weight: Int((score * 1e6).rounded())))
            }
        }
    }
    return Array(found.filter { $0.weight > 0 }.sorted { $0.precedes($1) }.prefix(options.candidatesPerClient))
}

private func optionsOf(_ client: Int, in instance: AllocationInstance) -> [Option] {
    instance.candidates(ofClient: client).map { candidate in
        let slot = instance.slots[candidate.slot]
        return Option(kind: slot.kind, target: slot.targetID, cohort: slot.cohortID, score: candidate.score, weight: candidate.weight)
    }
}

final class AllocationInstanceTests: XCTestCase {
    func testCandidatesEqualTheMatchersRankings() {
        for seed in 0..<12 as Range<UInt64> {
            let region = AllocationTestRegion(seed: 600 + seed, clients: 40, vacancies: 60, programmes: 25)
            let settings = [
                AllocationOptions(),
                AllocationOptions(candidatesPerClient: 4, gapMatches: 6, programmeWeight: 0.7),
                AllocationOptions(candidatesPerClient: 7, includeVacancies: false),
                AllocationOptions(candidatesPerClient: 5, includeCohorts: false),
            ]
            for options in settings {
                let instance = region.instance(options)
                XCTAssertEqual(instance.clientIDs, region.profiles.map(\.clientID).sorted { $0.uuidString < $1.uuidString })
                let byID = Dictionary(uniqueKeysWithValues: region.profiles.map { ($0.clientID, $0) })
                var cohorts = 0
                for (client, id) in instance.clientIDs.enumerated() {
                    let expected = expectedOptions(byID[id]!, region, options)
                    XCTAssertEqual(optionsOf(client, in: instance), expected, "seed \(seed), client \(client)")
                    cohorts += expected.filter { $0.kind == .cohort }.count
                }
                if options.includeCohorts { XCTAssertGreaterThan(cohorts, 0, "the test should exercise cohorts") }
            }
        }
    }

    func testSlotsAreOpenVacanciesAndBookableCohortsWithReservedPlaces() {
        let region = AllocationTestRegion(seed: 620, clients: 5, vacancies: 30, programmes: 20)
        let reservation = PlaceReservation(share: 0.25, wards: ["W1"])
        let instance = region.instance(AllocationOptions(reservation: reservation))
        let today = Calendar.utc.startOfDay(for: region.now)
        let expectedVacancies = region.vacancies.filter { $0.vacancy.openings > 0 }
            .sorted { $0.vacancy.id.uuidString < $1.vacancy.id.uuidString }
            .map { AllocationSlot(kind: .vacancy, targetID: $0.vacancy.id, cohortID: nil, places: $0.vacancy.openings, reserved: reservation.reservedPlaces(of: $0.vacancy.openings)) }
        let expectedCohorts = region.programmes.sorted { $0.programme.id.uuidString < $1.programme.id.uuidString }.flatMap { target in
            target.programme.cohorts.filter { $0.startsOn >= today && $0.freePlaces > 0 }.sorted { $0.id.uuidString < $1.id.uuidString }.map {
                AllocationSlot(kind: .cohort, targetID: target.programme.id, cohortID: $0.id, places: $0.freePlaces, reserved: reservation.reservedPlaces(of: $0.freePlaces))
            }
        }
        XCTAssertEqual(instance.slots, expectedVacancies + expectedCohorts)
        XCTAssertTrue(region.programmes.contains { $0.programme.cohorts.contains { $0.startsOn < today } }, "some cohorts have started")
        XCTAssertEqual(instance.mayTakeReserved, instance.clientIDs.map { region.wards[$0] == "W1" })
    }

    func testCohortScoreWorkedExample() {
        // Gaps: two essential skills; one barrier kind. The programme closes one gap, supports the barrier,
        // entry met, 5 km away: 2 + 0.5 + 1 − 0.05 = 3.45 of a best 2 × 2 + 0.5 + 1 = 5.5.
        let profile = FixtureFactory.profile(barriers: [Barrier(kind: .childcare, severity: .medium), Barrier(kind: .childcare, severity: .high)])
        let gaps = [SkillGap(skillID: "S.1", importance: .essential, required: .working, held: nil),
                    SkillGap(skillID: "S.2", importance: .essential, required: .working, held: .basic)]
        let programme = FixtureFactory.programme(id: 1, teaches: ["S.1": .proficient], barrierSupport: [.childcare])
        let suggestion = Matcher.programmesClosingGaps(gaps, profile: profile, programmes: [FixtureFactory.programmeTarget(programme, km: 5)], limit: 1)[0]
        XCTAssertEqual(suggestion.score, 3.45, accuracy: 1e-9)
        let score = AllocationScore.cohort(programmeScore: suggestion.score, gaps: gaps, profile: profile, programmeWeight: 1)
        XCTAssertEqual(score, 3.45 / 5.5, accuracy: 1e-9)
        XCTAssertEqual(AllocationScore.weight(score), 627_273)
        XCTAssertEqual(AllocationScore.weight(0.5975), 597_500)
    }

    func testAllocationIsOptimalAndRespectsEveryLimit() {
        for seed in 0..<8 as Range<UInt64> {
            let region = AllocationTestRegion(seed: 640 + seed, clients: seed < 4 ? 8 : 40, vacancies: 25, programmes: 12)
            let instance = region.instance(AllocationOptions(candidatesPerClient: 5, reservation: PlaceReservation(share: 0.5, wards: ["W2"])))
            let allocation = instance.allocate()
            let optimum = seed < 4 ? exhaustiveAllocationOptimum(instance) : hungarianOptimum(instance.problem())
            XCTAssertEqual(allocation.totalWeight, optimum, "seed \(seed)")
            assertWithinLimits(allocation, instance, reservedRespected: true)
            XCTAssertGreaterThan(allocation.assignments.count, 0)
        }
    }

    func testReleasingUnusedReservedPlacesGivesThemToClientsStillWaiting() {
        var released = 0
        for seed in 0..<8 as Range<UInt64> {
            let region = AllocationTestRegion(seed: 660 + seed, clients: 30, vacancies: 20, programmes: 10)
            let instance = region.instance(AllocationOptions(candidatesPerClient: 5, reservation: PlaceReservation(share: 1, wards: ["W3"])))
            let kept = instance.allocate()
            let both = instance.allocate(releaseUnusedReserved: true)
            XCTAssertEqual(both.stageWeights.first, kept.totalWeight)
            XCTAssertEqual(both.assignments.filter { $0.stage == 1 }, kept.assignments)
            assertWithinLimits(both, instance, reservedRespected: false)
            // Stage two is optimal for the clients and places left over.
            var leftover = instance
            var taken = [Int](repeating: 0, count: instance.slots.count)
            for assignment in kept.assignments { taken[assignment.candidate.slot] += 1 }
            let waiting = Set(instance.clientIDs.indices).subtracting(kept.assignments.map(\.client))
            for slot in leftover.slots.indices {
                leftover.slots[slot].places -= taken[slot]
                leftover.slots[slot].reserved = 0
            }
            leftover.mayTakeReserved = leftover.mayTakeReserved.map { _ in false }
            var candidates: [AllocationCandidate] = [], start = [0]
            for client in instance.clientIDs.indices {
                if waiting.contains(client) { candidates += instance.candidates(ofClient: client) }
                start.append(candidates.count)
            }
            leftover.candidates = candidates
            leftover.candidateStart = start
            XCTAssertEqual(both.stageWeights.last, hungarianOptimum(leftover.problem()), "seed \(seed)")
            released += both.assignments.filter { $0.stage == 2 }.count
        }
        XCTAssertGreaterThan(released, 0, "the test should release places")
    }

    func testSameAllocationWhateverTheInputOrder() {
        let region = AllocationTestRegion(seed: 680, clients: 40, vacancies: 40, programmes: 15)
        var shuffled = region
        var rng = SeededGenerator(seed: 681)
        rng.shuffle(&shuffled.profiles)
        rng.shuffle(&shuffled.vacancies)
        rng.shuffle(&shuffled.programmes)
        let options = AllocationOptions(candidatesPerClient: 6, reservation: PlaceReservation(share: 0.3, wards: ["W1"]))
        XCTAssertEqual(region.instance(options), shuffled.instance(options))
        XCTAssertEqual(region.instance(options).allocate(), shuffled.instance(options).allocate())
    }

    private func assertWithinLimits(_ allocation: Allocation, _ instance: AllocationInstance, reservedRespected: Bool, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Set(allocation.assignments.map(\.client)).count, allocation.assignments.count, "one place per client", file: file, line: line)
        var taken = [Int](repeating: 0, count: instance.slots.count), outsiders = taken
        for assignment in allocation.assignments {
            XCTAssertTrue(instance.candidates(ofClient: assignment.client).contains(assignment.candidate), "a candidate of the client's", file: file, line: line)
            taken[assignment.candidate.slot] += 1
            if !instance.mayTakeReserved[assignment.client] { outsiders[assignment.candidate.slot] += 1 }
        }
        for (slot, info) in instance.slots.enumerated() {
            XCTAssertLessThanOrEqual(taken[slot], info.places, file: file, line: line)
            if reservedRespected { XCTAssertLessThanOrEqual(outsiders[slot], info.places - info.reserved, file: file, line: line) }
        }
        XCTAssertEqual(allocation.totalWeight, allocation.assignments.reduce(0) { $0 + $1.candidate.weight }, file: file, line: line)
    }
}

/// Every choice tried: each client takes one of its candidates with room, or nothing (pruned only when
/// even the best candidate of every remaining client could not beat the best so far).
private func exhaustiveAllocationOptimum(_ instance: AllocationInstance) -> Int {
    let clients = instance.clientIDs.indices.filter { !instance.candidates(ofClient: $0).isEmpty }
    var bestRest = [Int](repeating: 0, count: clients.count + 1)
    for i in stride(from: clients.count - 1, through: 0, by: -1) {
        bestRest[i] = bestRest[i + 1] + instance.candidates(ofClient: clients[i]).map(\.weight).max()!
    }
    var taken = [Int](repeating: 0, count: instance.slots.count), outsiders = taken
    var best = 0
    func visit(_ i: Int, _ total: Int) {
        guard total + bestRest[i] > best else { return }
        guard i < clients.count else { best = total; return }
        let client = clients[i]
        for candidate in instance.candidates(ofClient: client) {
            let slot = instance.slots[candidate.slot]
            let outsider = !instance.mayTakeReserved[client]
            guard taken[candidate.slot] < slot.places, !outsider || outsiders[candidate.slot] < slot.places - slot.reserved else { continue }
            taken[candidate.slot] += 1
            if outsider { outsiders[candidate.slot] += 1 }
            visit(i + 1, total + candidate.weight)
            taken[candidate.slot] -= 1
            if outsider { outsiders[candidate.slot] -= 1 }
        }
        visit(i + 1, total)
    }
    visit(0, 0)
    return best
}
