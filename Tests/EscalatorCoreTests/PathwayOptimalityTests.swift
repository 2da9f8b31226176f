import XCTest
@testable import EscalatorCore

/// The pathway rules written out plainly, for checking the planner: which steps are allowed, what they
/// do, when the client is job-ready, and the order pathways are compared in. Shares nothing with the
/// planner's code except the domain types and `VacancyScorer` (the job-readiness test of matching).
struct PathwayRules {
    var request: PathwayRequest
    var programmes: [ProgrammeTarget]
    var policy = PathwayPolicy.standard

    static func day(_ date: Date) -> Int { Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }
    static func date(_ day: Int) -> Date { Date(timeIntervalSince1970: Double(day) * 86_400) }

    var today: Int { Self.day(request.today) }
    var mandatory: [BarrierKind] {
        var kinds: [BarrierKind] = []
        for b in request.profile.barriers where b.severity >= policy.barrierSeverityAddressedFirst && !kinds.contains(b.kind) { kinds.append(b.kind) }
        return kinds
    }

    /// Where the client stands after some steps.
    struct Position {
        var profile: MatchProfile
        var day: Int
        var cost = 0
        var addressed: Set<BarrierKind> = []
        var taken: [Step] = []
    }

    enum Step: Hashable {
        case programme(Int, cohort: Int)
        case referral(BarrierKind)
    }

    func ageOn(_ day: Int) -> Int? {
        guard let born = request.dateOfBirth else { return request.profile.age }
        return Calendar.utc.dateComponents([.year], from: born, to: Self.date(day)).year
    }

    var minimumAge: Int {
        if case .vacancy(let target) = request.target { return target.vacancy.minimumAge }
        return 0
    }

    /// The first day on or after `day` on which the client is old enough (or `day` when age cannot change).
    func oldEnoughDay(from day: Int) -> Int {
        guard request.dateOfBirth != nil else { return day }
        var d = day
        while (ageOn(d) ?? 0) < minimumAge { d += 1 }
        return d
    }

    /// The job-ready day, or nil when the position is not job-ready on any later day.
    func jobReadyDay(_ position: Position) -> Int? {
        guard Set(mandatory).isSubset(of: position.addressed) else { return nil }
        let day = oldEnoughDay(from: position.day)
        var profile = position.profile
        profile.age = ageOn(day)
        switch request.target {
        case .vacancy(let target):
            return VacancyScorer.score(profile, target).isJobReady ? day : nil
        case .occupation(let occupation):
            return occupation.essentialSkills.allSatisfy { s in profile.skills[s.skillID].map { $0 >= s.level } ?? false } ? day : nil
        }
    }

    /// Every step that may follow `position` (every cohort, not only the first).
    func nextSteps(_ position: Position) -> [Step] {
        var steps: [Step] = []
        let profile = position.profile
        for (i, target) in programmes.enumerated() where !position.taken.contains(where: { if case .programme(i, _) = $0 { true } else { false } }) {
            let p = target.programme
            let entry = p.entryRequirements
            guard p.type != .inWorkUpskilling,
                  profile.location.distanceKm(to: target.location) <= profile.maxTravelKm,
                  p.hoursPerWeek <= profile.maxHoursPerWeek,
                  profile.qualification >= entry.minimumQualification,
                  !entry.needsGCSEEnglish || profile.gcseEnglish, !entry.needsGCSEMaths || profile.gcseMaths,
                  entry.requiredSkills.allSatisfy({ r in (profile.skills[r.skillID]?.rawValue ?? 0) >= r.level.rawValue }),
                  mandatory.allSatisfy({ position.addressed.contains($0) || p.barrierSupport.contains($0) })
            else { continue }
            for (c, cohort) in p.cohorts.enumerated() where cohort.enrolled < cohort.capacity && Self.day(cohort.startsOn) >= position.day {
                steps.append(.programme(i, cohort: c))
            }
        }
        for kind in mandatory where !position.taken.contains(.referral(kind)) { steps.append(.referral(kind)) }
        return steps
    }

    func take(_ step: Step, _ position: Position) -> Position {
        var next = position
        next.taken.append(step)
        switch step {
        case .programme(let i, let c):
            let p = programmes[i].programme
            next.day = Self.day(p.cohorts[c].startsOn) + 7 * p.weeks
            next.cost += p.costPence
            for t in p.skillsTaught { next.profile.skills[t.skillID] = max(next.profile.skills[t.skillID] ?? t.levelReached, t.levelReached) }
            if let q = p.qualificationAwarded { next.profile.qualification = max(next.profile.qualification, q) }
            next.addressed.formUnion(p.barrierSupport.filter(mandatory.contains))
        case .referral(let kind):
            next.day = position.day + 7 * policy.referralWeeks(for: kind)
            next.cost += policy.referralCostPence
            next.addressed.insert(kind)
        }
        return next
    }

    /// The order pathways are compared in: objective, the other objective, steps, then the steps' ids
    /// (programme `uuidString`, referrals after every programme in `BarrierKind` order).
    struct Key: Comparable, CustomStringConvertible {
        var first: Int
        var second: Int
        var steps: Int
        var ids: [String]

        static func < (a: Self, b: Self) -> Bool {
            if (a.first, a.second, a.steps) != (b.first, b.second, b.steps) { return (a.first, a.second, a.steps) < (b.first, b.second, b.steps) }
            return a.ids.lexicographicallyPrecedes(b.ids)
        }

        var description: String { "(\(first), \(second), \(steps), \(ids.map { String($0.prefix(8)) }))" }
    }

    func key(_ position: Position, jobReady: Int) -> Key {
        let ids = position.taken.map { step -> String in
            switch step {
            case .programme(let i, _): programmes[i].programme.id.uuidString
            case .referral(let kind): String(format: "~%02d", BarrierKind.allCases.firstIndex(of: kind)!)
            }
        }
        switch request.objective {
        case .weeksToJobReady: return Key(first: jobReady, second: position.cost, steps: position.taken.count, ids: ids)
        case .cost: return Key(first: position.cost, second: jobReady, steps: position.taken.count, ids: ids)
        }
    }

    /// The best key over every sequence of distinct steps and every choice of cohort.
    func exhaustiveBest() -> Key? {
        var best: Key?
        func visit(_ position: Position) {
            if let ready = jobReadyDay(position) {
                let k = key(position, jobReady: ready)
                if best.map({ k < $0 }) ?? true { best = k }
                return  // one more step adds a step and takes nothing off the day or the cost
            }
            for step in nextSteps(position) { visit(take(step, position)) }
        }
        visit(Position(profile: request.profile, day: today))
        return best
    }

    /// Replays a pathway step by step under these rules; fails the test on any step that breaks them.
    /// Returns the pathway's key.
    func replay(_ pathway: Pathway, file: StaticString = #filePath, line: UInt = #line) -> Key? {
        var position = Position(profile: request.profile, day: today)
        var cost = 0
        for step in pathway.steps {
            let allowed = nextSteps(position)
            let taken: Step
            switch step.kind {
            case .programme(let programmeID, let cohortID):
                guard let i = programmes.firstIndex(where: { $0.programme.id == programmeID }),
                      let c = programmes[i].programme.cohorts.firstIndex(where: { $0.id == cohortID }) else {
                    XCTFail("unknown programme or cohort in \(step.title)", file: file, line: line); return nil
                }
                taken = .programme(i, cohort: c)
                let start = Self.day(programmes[i].programme.cohorts[c].startsOn)
                XCTAssertEqual(Self.day(step.startsOn), start, "start of \(step.title)", file: file, line: line)
                // The first cohort with a free place that the rules allow.
                let earliest = allowed.compactMap { s -> Int? in
                    if case .programme(i, let c2) = s { return Self.day(programmes[i].programme.cohorts[c2].startsOn) }
                    return nil
                }.min()
                XCTAssertEqual(start, earliest, "\(step.title) takes the first cohort with a free place", file: file, line: line)
            case .referral(let kind):
                taken = .referral(kind)
                XCTAssertEqual(Self.day(step.startsOn), position.day, file: file, line: line)
            case .wait:
                XCTAssertEqual(Self.day(step.startsOn), position.day, file: file, line: line)
                XCTAssertEqual(step.endsOn, pathway.jobReadyOn, file: file, line: line)
                continue
            }
            guard allowed.contains(taken) else {
                XCTFail("\(step.title) is not allowed after \(position.taken)", file: file, line: line); return nil
            }
            position = take(taken, position)
            XCTAssertEqual(Self.day(step.endsOn), position.day, "end of \(step.title)", file: file, line: line)
            cost += step.costPence
        }
        XCTAssertEqual(cost, pathway.totalCostPence, file: file, line: line)
        XCTAssertEqual(position.cost, pathway.totalCostPence, file: file, line: line)
        guard let ready = jobReadyDay(position) else {
            XCTFail("not job-ready at the end of the pathway", file: file, line: line); return nil
        }
        XCTAssertEqual(ready, Self.day(pathway.jobReadyOn), file: file, line: line)
        XCTAssertEqual(position.profile.skills, pathway.profileWhenReady.skills, file: file, line: line)
        XCTAssertEqual(position.profile.qualification, pathway.profileWhenReady.qualification, file: file, line: line)
        return key(position, jobReady: ready)
    }
}

/// Small random instances: a client, a vacancy or an occupation, and a few programmes with a few cohorts,
/// shaped so that entry requirements chain, cohorts fill up, barriers need support and ages need waiting.
private struct RandomPathwayInstance {
    var rules: PathwayRules

    init(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let skills = ["S.A", "S.B", "S.C", "B.LITERACY", "L.X"]
        func level() -> Proficiency { Proficiency(rawValue: rng.int(in: 1...4))! }
        let today = Date(isoDay: "2026-11-02")!
        let todayDay = PathwayRules.day(today)

        var held: [String: Proficiency] = [:]
        for s in skills where rng.chance(0.35) { held[s] = Proficiency(rawValue: rng.int(in: 1...2))! }
        var barriers: [Barrier] = []
        for kind in rng.sample([BarrierKind.childcare, .health, .debt, .confidence], count: rng.int(in: 0...2)) {
            barriers.append(Barrier(kind: kind, severity: rng.element(of: Severity.allCases)))
        }
        let minHours = rng.element(of: [8, 16, 20])
        let born = rng.chance(0.7) ? PathwayRules.date(todayDay - 365 * rng.int(in: 15...40) - rng.int(in: 0...364)) : nil
        let profile = MatchProfile(
            clientID: rng.uuid(), location: FixtureGeo.home, skills: held, qualification: RQFLevel(rawValue: rng.int(in: 0...2))!,
            gcseEnglish: rng.chance(0.7), gcseMaths: rng.chance(0.7), minHoursPerWeek: minHours,
            maxHoursPerWeek: minHours + rng.element(of: [8, 16, 24]), maxTravelKm: rng.element(of: [8.0, 12, 20, 25]),
            aspirations: [], age: born.map { Calendar.utc.dateComponents([.year], from: $0, to: today).year! } ?? (rng.chance(0.5) ? nil : rng.int(in: 16...40)),
            barriers: barriers)

        // An escalator instance asks for three skills, each taught by its own programmes, whose entry
        // requirements lean on the others; the rest mix everything.
        let escalator = rng.chance(0.4)
        let requirements = rng.sample(skills, count: escalator ? 3 : rng.int(in: 1...3)).map {
            SkillRequirement(skillID: $0, importance: escalator || rng.chance(0.8) ? .essential : .desirable,
                             minimumLevel: Proficiency(rawValue: rng.int(in: escalator ? 2...3 : 1...3))!)
        }
        let target: PathwayTarget
        if rng.chance(0.25) {
            target = .occupation(Occupation(
                id: "O.RANDOM", name: "Random", socCode: nil, sector: .logistics,
                essentialSkills: requirements.map { OccupationSkill($0.skillID, $0.minimumLevel) }))
        } else {
            let vacancy = Vacancy(
                id: rng.uuid(), employerID: rng.uuid(), occupationID: "O.RANDOM", title: "Job", requirements: requirements,
                minimumQualification: RQFLevel(rawValue: rng.weighted([(0, 4.0), (1, 1), (2, 1)]))!,
                needsGCSEEnglish: rng.chance(0.05), needsGCSEMaths: rng.chance(0.05),
                hoursPerWeek: rng.chance(0.9) ? profile.minHoursPerWeek + 4 : 60, hourlyPayPence: 1200, postcode: "B1 1AA", wardID: "W",
                openings: 1, closingDate: today, status: .open, minimumAge: rng.weighted([(16, 3.0), (18, 1), (21, 1)]))
            target = .vacancy(VacancyTarget(vacancy: vacancy, location: FixtureGeo.north(rng.chance(0.9) ? 1 : 40)))
        }

        var programmes: [ProgrammeTarget] = []
        let asked = requirements.map(\.skillID)
        for index in 0..<rng.int(in: escalator ? 4...6 : 3...6) {
            let taught = escalator
                ? [SkillTaught(skillID: asked[index % asked.count], levelReached: Proficiency(rawValue: rng.int(in: 3...4))!)]
                : (0..<rng.int(in: 1...2)).map { _ in rng.chance(0.6) ? rng.element(of: asked) : rng.element(of: skills) }
                    .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                    .map { SkillTaught(skillID: $0, levelReached: Proficiency(rawValue: rng.int(in: 2...4))!) }
            var requiredSkills: [OccupationSkill] = []
            if escalator, rng.chance(0.6) {
                requiredSkills.append(OccupationSkill(asked[(index + rng.int(in: 1...2)) % asked.count], Proficiency(rawValue: rng.int(in: 1...3))!))
            } else if !escalator, rng.chance(0.35) {
                requiredSkills.append(OccupationSkill(rng.element(of: skills), Proficiency(rawValue: rng.int(in: 1...3))!))
            }
            let entry = EntryRequirements(
                minimumQualification: RQFLevel(rawValue: rng.weighted([(0, 4.0), (1, 1), (2, 1)]))!, requiredSkills: requiredSkills,
                needsGCSEEnglish: rng.chance(0.05), needsGCSEMaths: rng.chance(0.05))
            let cohorts = (0..<rng.int(in: 1...3)).map { _ in
                let capacity = rng.int(in: 1...3)
                return Cohort(id: rng.uuid(), startsOn: PathwayRules.date(todayDay + rng.int(in: -30...200)), capacity: capacity,
                              enrolled: rng.chance(0.25) ? capacity : rng.int(in: 0...(capacity - 1)))
            }
            let programme = Programme(
                id: rng.uuid(), providerID: rng.uuid(), title: "P", type: rng.chance(0.1) ? .inWorkUpskilling : .vocational,
                skillsTaught: taught, entryRequirements: entry,
                qualificationAwarded: rng.chance(0.5) ? RQFLevel(rawValue: rng.int(in: 1...3))! : nil,
                weeks: rng.int(in: 0...10), hoursPerWeek: rng.element(of: escalator ? [6, 12, 16, 40] : [6, 12, 16, 16, 30, 40]), postcode: "B2 2BB", wardID: "W",
                costPence: rng.element(of: [0, 0, 10_000, 25_000, 50_000]),
                barrierSupport: rng.sample([BarrierKind.childcare, .health, .debt, .confidence], count: rng.int(in: 0...2)),
                coDesigningEmployerIDs: [], guaranteedInterview: false, cohorts: cohorts)
            programmes.append(ProgrammeTarget(programme: programme, location: FixtureGeo.north(rng.uniform(escalator ? 0...10 : 0...16))))
        }
        let request = PathwayRequest(
            profile: profile, dateOfBirth: born, target: target, today: today,
            objective: rng.chance(0.5) ? .weeksToJobReady : .cost)
        rules = PathwayRules(request: request, programmes: programmes)
    }
}

final class PathwayOptimalityTests: XCTestCase {
    func testEqualsExhaustiveSearchOnRandomInstances() {
        var reachable = 0, unreachable = 0, nonEmpty = 0, longer = 0, waits = 0, referrals = 0
        for seed in 1...2_000 as ClosedRange<UInt64> {
            let rules = RandomPathwayInstance(seed: seed).rules
            let planner = PathwayPlanner(programmes: rules.programmes, taxonomy: Taxonomy())
            let result = planner.pathway(rules.request)
            let expected = rules.exhaustiveBest()
            switch result {
            case .pathway(let pathway):
                reachable += 1
                if !pathway.steps.isEmpty { nonEmpty += 1 }
                if pathway.activeStepCount >= 3 { longer += 1 }
                if pathway.steps.contains(where: { if case .wait = $0.kind { true } else { false } }) { waits += 1 }
                if pathway.steps.contains(where: { if case .referral = $0.kind { true } else { false } }) { referrals += 1 }
                let key = rules.replay(pathway)
                XCTAssertNotNil(expected, "seed \(seed): the planner found a pathway exhaustive search did not")
                XCTAssertEqual(key?.description, expected?.description, "seed \(seed) (\(rules.request.objective))")
            case .unreachable(let blockers):
                unreachable += 1
                XCTAssertNil(expected, "seed \(seed): exhaustive search found \(expected.map(\.description) ?? "")")
                XCTAssertFalse(blockers.isEmpty, "seed \(seed): an unreachable target names its blockers")
            }
        }
        print("Pathways: \(reachable) reachable (\(nonEmpty) with steps, \(longer) with three or more, \(waits) waiting, \(referrals) with referrals), \(unreachable) unreachable")
        // The instances exercise every part of the model.
        XCTAssertGreaterThan(reachable, 400)
        XCTAssertGreaterThan(unreachable, 100)
        XCTAssertGreaterThan(nonEmpty, 300)
        XCTAssertGreaterThan(longer, 30)
        XCTAssertGreaterThan(waits, 10)
        XCTAssertGreaterThan(referrals, 50)
    }

    func testBulkEqualsOneAtATime() {
        let instances = (1...40 as ClosedRange<UInt64>).map { RandomPathwayInstance(seed: 10_000 + $0).rules }
        let programmes = instances.flatMap(\.programmes)
        let planner = PathwayPlanner(programmes: programmes, taxonomy: Taxonomy())
        let requests = instances.map(\.request)
        XCTAssertEqual(planner.pathways(requests), requests.map(planner.pathway))
    }
}
