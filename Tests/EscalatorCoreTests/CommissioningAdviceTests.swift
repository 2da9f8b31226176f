import Foundation
import XCTest
@testable import EscalatorCore

final class CommissioningAdviceTests: XCTestCase {
    typealias F = FixtureFactory

    /// Client 1 lacks only forklift for vacancy 100 and forklift + stock control for 101; client 2 is
    /// job-ready for 100 and lacks only stock control for 101; both lack only welding for 102, which no
    /// programme teaches; client 3 is too far from everything. Programme 300 teaches forklift, 301 both.
    func testCountsOnAHandBuiltInstance() {
        let v100 = F.target(F.vacancy(id: 100, requirements: [F.essential("L.FORKLIFT"), F.essential("S.PICKING")], openings: 2), km: 2)
        let v101 = F.target(F.vacancy(id: 101, requirements: [F.essential("L.FORKLIFT"), F.essential("S.STOCK", .proficient)]), km: 3)
        let v102 = F.target(F.vacancy(id: 102, requirements: [F.essential("S.WELDING", .expert)], openings: 4), km: 1)
        let p300 = F.programmeTarget(F.programme(id: 300, teaches: ["L.FORKLIFT": .working], capacity: 2), km: 4)
        let p301 = F.programmeTarget(F.programme(id: 301, teaches: ["L.FORKLIFT": .proficient, "S.STOCK": .proficient], capacity: 4, enrolled: 3), km: 5)
        let one = F.profile(id: 1, skills: ["S.PICKING": .working, "S.WELDING": .basic], maxTravelKm: 10)
        let two = F.profile(id: 2, skills: ["S.PICKING": .working, "L.FORKLIFT": .working], maxTravelKm: 10)
        var three = F.profile(id: 3, skills: [:], maxTravelKm: 0.5)
        three.location = FixtureGeo.north(-20)

        let advice = CommissioningAdvice.compute(profiles: [one, two, three], vacancies: [v100, v101, v102], programmes: [p300, p301])

        XCTAssertEqual(advice.clientsJobReady, 1)
        XCTAssertEqual(advice.clientsBlockedOnlyBySkills, 1)
        let forklift = advice.blockers.first { $0.skillID == "L.FORKLIFT" }
        XCTAssertEqual(forklift?.clientsOneSkillAway, 1)
        XCTAssertEqual(forklift?.vacanciesUnlocked, 1)
        XCTAssertEqual(forklift?.pairsOneSkillAway, 1)
        XCTAssertEqual(forklift?.clientsMissing, 1)
        XCTAssertEqual(forklift?.level, .working)
        XCTAssertEqual(forklift?.programmesTeaching, 2)
        XCTAssertEqual(advice.blockers.first?.skillID, "S.WELDING", "the skill keeping most clients one step away comes first")
        XCTAssertEqual(advice.blockers.first { $0.skillID == "S.STOCK" }?.clientsOneSkillAway, 1)
        let welding = advice.blockers.first { $0.skillID == "S.WELDING" }
        XCTAssertEqual(welding?.clientsOneSkillAway, 2, "clients 1 and 2 are each one skill from vacancy 102")
        XCTAssertEqual(welding?.programmesTeaching, 0)

        XCTAssertEqual(advice.programmes.map(\.programmeID), [FixtureID.uuid(301), FixtureID.uuid(300)])
        let both = advice.programmes[0], forkliftOnly = advice.programmes[1]
        XCTAssertEqual(both.freePlaces, 1)
        XCTAssertEqual(both.matchesUnlocked, 3, "client 1: vacancies 100 and 101; client 2: 101")
        XCTAssertEqual(both.clientsUnlocked, 2)
        XCTAssertEqual(both.matchesPerPlace, 2, "its one place goes to client 1, who gains two")
        XCTAssertEqual(forkliftOnly.matchesUnlocked, 1)
        XCTAssertEqual(forkliftOnly.matchesPerPlace, 0.5)

        XCTAssertEqual(advice.untaught.map(\.skillID), ["S.WELDING", "S.PICKING"])
        XCTAssertEqual(advice.untaught[0].openings, 4)
        XCTAssertNil(advice.untaught[0].highestLevelTaught)
        XCTAssertEqual(advice.untaught[1].openings, 2)
    }

    func testProgrammesOutOfReachOrFullOrClosedByEntryUnlockNothing() {
        let vacancy = F.target(F.vacancy(id: 100, requirements: [F.essential("S.CARE")]), km: 1)
        let far = F.programmeTarget(F.programme(id: 300, teaches: ["S.CARE": .working]), km: 30)
        let full = F.programmeTarget(F.programme(id: 301, teaches: ["S.CARE": .working], capacity: 5, enrolled: 5), km: 1)
        let gated = F.programmeTarget(
            F.programme(id: 302, teaches: ["S.CARE": .working], entry: EntryRequirements(minimumQualification: .level3)), km: 1)
        let advice = CommissioningAdvice.compute(profiles: [F.profile(id: 1)], vacancies: [vacancy], programmes: [far, full, gated])
        XCTAssertEqual(advice.programmes.map(\.matchesUnlocked), [0, 0])
        XCTAssertFalse(advice.programmes.contains { $0.programmeID == FixtureID.uuid(301) }, "a full programme has no places to commission")
    }

    func testRandomInstancesAgreeWithAPlainCount() {
        var rng = SeededGenerator(seed: 4242)
        let skills = ["S.A", "S.B", "S.C", "S.D", "L.E"]
        for _ in 0..<60 {
            let vacancies = (0..<rng.int(in: 1...12)).map { i in
                let requirements = rng.sample(skills, count: rng.int(in: 0...3)).map {
                    SkillRequirement(skillID: $0, importance: rng.chance(0.7) ? .essential : .desirable,
                                     minimumLevel: Proficiency(rawValue: rng.int(in: 1...4))!)
                }
                return F.target(F.vacancy(
                    id: 100 + i, requirements: requirements, minimumQualification: rng.chance(0.2) ? .level3 : .entry,
                    needsGCSEMaths: rng.chance(0.1), hours: rng.int(in: 10...40), openings: rng.int(in: 1...3),
                    minimumAge: rng.chance(0.1) ? 21 : 16), km: rng.uniform(0...15))
            }
            let programmes = (0..<rng.int(in: 0...6)).map { i in
                let teaches = Dictionary(uniqueKeysWithValues: rng.sample(skills, count: rng.int(in: 1...3)).map {
                    ($0, Proficiency(rawValue: rng.int(in: 1...4))!)
                })
                let entry = rng.chance(0.3) ? EntryRequirements(requiredSkills: [OccupationSkill(rng.element(of: skills), .basic)]) : .none
                return F.programmeTarget(F.programme(id: 300 + i, teaches: teaches, entry: entry, capacity: rng.int(in: 1...4), enrolled: rng.int(in: 0...2)), km: rng.uniform(0...15))
            }
            let profiles = (0..<rng.int(in: 1...10)).map { i in
                F.profile(
                    id: i + 1,
                    skills: Dictionary(uniqueKeysWithValues: rng.sample(skills, count: rng.int(in: 0...4)).map { ($0, Proficiency(rawValue: rng.int(in: 1...4))!) }),
                    qualification: rng.chance(0.5) ? .level3 : .level1, gcseMaths: rng.chance(0.7),
                    minHours: rng.int(in: 0...20), maxHours: rng.int(in: 20...40), maxTravelKm: rng.uniform(2...16),
                    age: rng.chance(0.2) ? nil : rng.int(in: 17...60))
            }
            let advice = CommissioningAdvice.compute(profiles: profiles, vacancies: vacancies, programmes: programmes)
            let expected = PlainCommissioning(profiles: profiles, vacancies: vacancies, programmes: programmes)
            XCTAssertEqual(advice.clientsJobReady, expected.clientsJobReady)
            XCTAssertEqual(advice.clientsBlockedOnlyBySkills, expected.clientsBlocked)
            for blocker in advice.blockers {
                let gap = "\(blocker.skillID)@\(blocker.level.rawValue)"
                XCTAssertEqual(blocker.clientsOneSkillAway, expected.oneAway[gap]?.count ?? 0, gap)
                XCTAssertEqual(blocker.clientsMissing, expected.missing[gap]?.count ?? 0, gap)
                XCTAssertEqual(blocker.vacanciesUnlocked, expected.oneAwayVacancies[gap]?.count ?? 0, gap)
                XCTAssertEqual(blocker.pairsOneSkillAway, expected.oneAwayPairs[gap] ?? 0, gap)
            }
            XCTAssertEqual(Set(advice.blockers.map { "\($0.skillID)@\($0.level.rawValue)" }), Set(expected.missing.keys))
            for impact in advice.programmes {
                XCTAssertEqual(impact.matchesUnlocked, expected.unlocked[impact.programmeID]?.values.reduce(0, +) ?? 0)
                XCTAssertEqual(impact.clientsUnlocked, expected.unlocked[impact.programmeID]?.count ?? 0)
            }
        }
    }
}

/// The definitions counted pair by pair with the scorer's own pieces, for comparison.
private struct PlainCommissioning {
    var clientsJobReady = 0
    var clientsBlocked = 0
    var oneAway: [String: Set<UUID>] = [:]
    var missing: [String: Set<UUID>] = [:]
    var oneAwayVacancies: [String: Set<UUID>] = [:]
    var oneAwayPairs: [String: Int] = [:]
    var unlocked: [UUID: [UUID: Int]] = [:]

    init(profiles: [MatchProfile], vacancies: [VacancyTarget], programmes: [ProgrammeTarget]) {
        for profile in profiles {
            var reach = false, ready = false
            var blockedPairs: [[SkillRequirement]] = []
            for target in vacancies {
                let v = target.vacancy
                guard profile.location.distanceKm(to: target.location) <= profile.maxTravelKm,
                      v.hoursPerWeek >= profile.minHoursPerWeek, v.hoursPerWeek <= profile.maxHoursPerWeek, profile.age == nil || profile.age! >= v.minimumAge,
                      profile.qualification >= v.minimumQualification, !v.needsGCSEEnglish || profile.gcseEnglish,
                      !v.needsGCSEMaths || profile.gcseMaths else { continue }
                reach = true
                let gaps = v.essential.filter { VacancyScorer.credit(held: profile.skills[$0.skillID], required: $0.minimumLevel) < 1 }
                if gaps.isEmpty { ready = true; continue }
                blockedPairs.append(gaps)
                let keys = gaps.map { "\($0.skillID)@\($0.minimumLevel.rawValue)" }
                for key in keys { missing[key, default: []].insert(profile.clientID) }
                if gaps.count == 1 {
                    oneAway[keys[0], default: []].insert(profile.clientID)
                    oneAwayVacancies[keys[0], default: []].insert(v.id)
                    oneAwayPairs[keys[0], default: 0] += 1
                }
            }
            if reach { if ready { clientsJobReady += 1 } else { clientsBlocked += 1 } }
            for target in programmes where target.programme.freePlaces > 0 {
                let p = target.programme
                guard profile.location.distanceKm(to: target.location) <= profile.maxTravelKm, p.hoursPerWeek <= profile.maxHoursPerWeek,
                      profile.qualification >= p.entryRequirements.minimumQualification,
                      p.entryRequirements.requiredSkills.allSatisfy({ (profile.skills[$0.skillID]?.rawValue ?? 0) >= $0.level.rawValue })
                else { continue }
                let gain = blockedPairs.filter { gaps in
                    gaps.allSatisfy { gap in p.skillsTaught.contains { $0.skillID == gap.skillID && $0.levelReached >= gap.minimumLevel } }
                }.count
                if gain > 0 { unlocked[p.id, default: [:]][profile.clientID] = gain }
            }
        }
    }
}
