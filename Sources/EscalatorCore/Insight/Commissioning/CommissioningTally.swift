import Foundation

/// Counts for commissioning advice over a share of the clients; shares are merged at the end.
/// Skills a client misses are counted per (skill, level asked): a programme to commission teaches a level.
struct CommissioningTally: Sendable {
    let space: CommissioningSpace
    // By gap key (`CommissioningSpace.gapKey`).
    var clientsOneAway: [Int]
    var pairsOneAway: [Int]
    var clientsMissing: [Int]
    /// Vacancies one gap away from some client, as a bit set per gap key (allocated when first used).
    var vacanciesOneAway: [[UInt64]]
    // By programme index.
    var clientsUnlocked: [Int]
    var matchesUnlocked: [Int]
    /// Each unlocked client's gain in job-ready pairs, for the best use of a programme's places.
    var gains: [[Int]]
    var clientsJobReady = 0
    var clientsBlockedOnlyBySkills = 0

    init(space: CommissioningSpace) {
        self.space = space
        let keys = space.gapKeyCount, programmes = space.programmes.count
        clientsOneAway = Array(repeating: 0, count: keys)
        pairsOneAway = clientsOneAway
        clientsMissing = clientsOneAway
        vacanciesOneAway = Array(repeating: [], count: keys)
        clientsUnlocked = Array(repeating: 0, count: programmes)
        matchesUnlocked = clientsUnlocked
        gains = Array(repeating: [], count: programmes)
    }

    mutating func add(_ profile: MatchProfile, scratch: inout CommissioningScratch) {
        scratch.begin(profile, space)
        var inReach = false, jobReady = false
        for point in space.points.indices where profile.location.distanceKm(to: space.points[point]) <= profile.maxTravelKm {
            scratch.pointsInReach.append(point)
            for v in space.vacanciesAtPoint[point] where passesNonSkillConstraints(space.vacancies[v], profile) {
                inReach = true
                let list = space.vacancies[v].essentials
                let missing = scratch.missing(list, space)
                if missing.isEmpty { jobReady = true; continue }
                scratch.countPair(list)
                if missing.count == 1 {
                    let key = missing.lowerBound
                    let gap = scratch.gaps[key]
                    pairsOneAway[gap] += 1
                    scratch.markOneAway(gap)
                    if vacanciesOneAway[gap].isEmpty { vacanciesOneAway[gap] = Array(repeating: 0, count: (space.vacancies.count + 63) / 64) }
                    vacanciesOneAway[gap][v >> 6] |= 1 << UInt64(v & 63)
                }
            }
        }
        if inReach { if jobReady { clientsJobReady += 1 } else { clientsBlockedOnlyBySkills += 1 } }
        scratch.collectMissingGaps()
        for gap in scratch.missingGaps { clientsMissing[gap] += 1 }
        for gap in scratch.oneAwayGaps { clientsOneAway[gap] += 1 }
        guard !scratch.pairLists.isEmpty else { return }
        addUnlocks(profile, &scratch)
    }

    /// Programmes within reach whose entry the client meets, and the blocked pairs each would make job-ready.
    private mutating func addUnlocks(_ profile: MatchProfile, _ scratch: inout CommissioningScratch) {
        var anyOpen = false
        for point in scratch.pointsInReach {
            for p in space.programmesAtPoint[point]
            where space.programmes[p].hoursPerWeek <= profile.maxHoursPerWeek && Matcher.entryRequirementsMet(space.programmes[p].entry, by: profile) {
                scratch.open(p)
                anyOpen = true
            }
        }
        guard anyOpen else { return }
        let columns = space.skillIDs.count
        for list in scratch.pairLists {
            let pairs = scratch.pairCount[list]
            let missing = scratch.missingRequirements(list)
            let first = missing[missing.startIndex]
            for teacher in space.teachers[first.skill] where teacher.level >= first.level && scratch.isOpen(teacher.programme) {
                let row = teacher.programme * columns
                if missing.allSatisfy({ Int(space.taughtLevels[row + $0.skill]) >= $0.level }) { scratch.addGain(teacher.programme, pairs) }
            }
        }
        for programme in scratch.gainProgrammes {
            let pairs = scratch.gain[programme]
            clientsUnlocked[programme] += 1
            matchesUnlocked[programme] += pairs
            gains[programme].append(pairs)
        }
    }

    /// Hours, age, qualification and GCSEs (travel is checked by point). Licences count as skills here:
    /// a programme can teach them.
    private func passesNonSkillConstraints(_ vacancy: CommissioningSpace.PreparedVacancy, _ profile: MatchProfile) -> Bool {
        vacancy.hours >= profile.minHoursPerWeek && vacancy.hours <= profile.maxHoursPerWeek
            && (profile.age.map { $0 >= vacancy.minimumAge } ?? true)
            && profile.qualification >= vacancy.minimumQualification
            && (!vacancy.needsGCSEEnglish || profile.gcseEnglish)
            && (!vacancy.needsGCSEMaths || profile.gcseMaths)
    }

    mutating func merge(_ other: CommissioningTally) {
        for gap in clientsOneAway.indices {
            clientsOneAway[gap] += other.clientsOneAway[gap]
            pairsOneAway[gap] += other.pairsOneAway[gap]
            clientsMissing[gap] += other.clientsMissing[gap]
            if vacanciesOneAway[gap].isEmpty {
                vacanciesOneAway[gap] = other.vacanciesOneAway[gap]
            } else if !other.vacanciesOneAway[gap].isEmpty {
                for word in vacanciesOneAway[gap].indices { vacanciesOneAway[gap][word] |= other.vacanciesOneAway[gap][word] }
            }
        }
        for p in clientsUnlocked.indices {
            clientsUnlocked[p] += other.clientsUnlocked[p]
            matchesUnlocked[p] += other.matchesUnlocked[p]
            gains[p] += other.gains[p]
        }
        clientsJobReady += other.clientsJobReady
        clientsBlockedOnlyBySkills += other.clientsBlockedOnlyBySkills
    }
}
