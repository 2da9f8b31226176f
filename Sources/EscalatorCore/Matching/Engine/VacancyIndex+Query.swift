import Foundation

extension VacancyIndex {
    /// The client's best `k` eligible vacancies, as `Matcher.rankVacancies(for:among:limit:...)` ranks them.
    public func topVacancies(for profile: MatchProfile, k: Int) -> [RankedVacancy] {
        var scratch = QueryScratch(self)
        return topVacancies(for: profile, k: k, scratch: &scratch)
    }

    /// `topVacancies(for:k:)` for every profile, in the same order, on every core. Each client's result
    /// depends only on that client, so it is the same whatever the number of threads.
    public func topVacancies(forAll profiles: [MatchProfile], k: Int) -> [[RankedVacancy]] {
        let chunkSize = 64
        let chunks = (profiles.count + chunkSize - 1) / chunkSize
        var results = [[RankedVacancy]](repeating: [], count: profiles.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only the elements of its own chunk, so no two threads touch the same
            // element and the buffer outlives `concurrentPerform`; that is why sharing it is safe.
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var scratch = QueryScratch(self)
                for i in (chunk * chunkSize)..<min(profiles.count, (chunk + 1) * chunkSize) {
                    output[i] = topVacancies(for: profiles[i], k: k, scratch: &scratch)
                }
            }
        }
        return results
    }

    /// `ComponentValues.weightedSum`: the same products added in the same order, so the same bits. With
    /// non-negative weights it is monotone in every value (rounding is monotone), so passing 1 for a
    /// value not yet known gives an upper bound on the score.
    @inline(__always)
    func weightedSum(essential: Double, desirable: Double, aspiration: Double, travel: Double) -> Double {
        var sum = 0.0
        sum += weights.essentialSkills * essential
        sum += weights.desirableSkills * desirable
        sum += weights.qualification * 1  // an eligible client always meets the qualification
        sum += weights.aspiration * aspiration
        sum += weights.travel * travel
        return sum
    }

    func topVacancies(for profile: MatchProfile, k: Int, scratch: inout QueryScratch) -> [RankedVacancy] {
        guard k > 0, !facts.isEmpty else { return [] }
        scratch.load(profile, self)
        defer { scratch.unload(profile, self) }
        scratch.top.reset(capacity: k)
        collectReachable(profile, into: &scratch)
        let age = profile.age ?? Int.max
        let qualification = Int8(profile.qualification.rawValue)
        let minHours = profile.minHoursPerWeek, maxHours = profile.maxHoursPerWeek
        let gcseEnglish = profile.gcseEnglish, gcseMaths = profile.gcseMaths

        facts.withUnsafeBufferPointer { facts in
        requirements.withUnsafeBufferPointer { requirements in
        scratch.held.withUnsafeBufferPointer { held in
        scratch.aspired.withUnsafeBufferPointer { aspired in
            for (travel, location) in scratch.reachable {
                let locationBound = weightedSum(essential: 1, desirable: 1, aspiration: 1, travel: travel)
                if canPrune && scratch.top.isFull && locationBound < scratch.top.worst.score { continue }
                for slot in Int(locationStart[Int(location)])..<Int(locationStart[Int(location) + 1]) {
                    let v = facts[slot]
                    if v.hoursPerWeek < minHours || v.hoursPerWeek > maxHours || age < v.minimumAge
                        || qualification < v.minimumQualification
                        || (v.needsGCSEEnglish && !gcseEnglish) || (v.needsGCSEMaths && !gcseMaths) { continue }
                    let aspiration: Double = aspired[Int(v.occupation)] ? 1 : 0
                    let pruning = canPrune && scratch.top.isFull
                    let floor = pruning ? scratch.top.worst.score : -Double.infinity
                    if pruning && weightedSum(essential: 1, desirable: 1, aspiration: aspiration, travel: travel) < floor { continue }

                    var credit = 0.0, blocked = false
                    for r in Int(v.requirementStart)..<Int(v.essentialEnd) {
                        let c = Self.credit(held: held[Int(requirements[r].skill)], required: requirements[r].level)
                        if requirements[r].blocksWhenShort && c < 1 { blocked = true; break }
                        credit += c
                    }
                    if blocked { continue }
                    let essentialCount = Int(v.essentialEnd - v.requirementStart)
                    let essential = essentialCount == 0 ? 1 : credit / Double(essentialCount)
                    if pruning && weightedSum(essential: essential, desirable: 1, aspiration: aspiration, travel: travel) < floor { continue }

                    credit = 0
                    for r in Int(v.essentialEnd)..<Int(v.requirementEnd) {
                        credit += Self.credit(held: held[Int(requirements[r].skill)], required: requirements[r].level)
                    }
                    let desirableCount = Int(v.requirementEnd - v.essentialEnd)
                    let desirable = desirableCount == 0 ? 1 : credit / Double(desirableCount)
                    let score = weightedSum(essential: essential, desirable: desirable, aspiration: aspiration, travel: travel)
                    scratch.top.offer(RankedCandidate(score: score, id: idOrder[slot], inputIndex: inputIndex[slot], slot: Int32(slot)))
                }
            }
        }
        }
        }
        }
        return scratch.top.sorted().map { RankedVacancy(vacancyID: vacancyIDs[Int($0.slot)], score: $0.score) }
    }

    /// `VacancyScorer.credit` on levels as integers, 0 meaning not held.
    @inline(__always)
    static func credit(held: Int8, required: Int8) -> Double {
        if held == 0 { return 0 }
        if held >= required { return 1 }
        return held == required - 1 ? 0.5 : 0
    }

    /// The grid points within the client's travel limit, with their travel value, best (nearest) first so
    /// the top k fills with strong scores early and the bounds prune sooner.
    private func collectReachable(_ profile: MatchProfile, into scratch: inout QueryScratch) {
        scratch.reachable.removeAll(keepingCapacity: true)
        let latitude = profile.location.latitude, longitude = profile.location.longitude
        let cosLatitude = cos(latitude * LocationGrid.radians)
        let limit = profile.maxTravelKm
        grid.forEachRun(near: latitude, longitude, radiusKm: limit) { run in
            for p in run {
                let km = grid.distanceKm(fromLatitude: latitude, longitude: longitude, cosLatitude: cosLatitude, to: p)
                if km > limit { continue }
                scratch.reachable.append((VacancyScorer.travelValue(km, limit: limit), Int32(p)))
            }
        }
        scratch.reachable.sort { $0.travel != $1.travel ? $0.travel > $1.travel : $0.location < $1.location }
    }
}

/// Per-thread working memory for queries, reused from client to client so the scoring loop allocates
/// nothing.
struct QueryScratch {
    /// The client's level of each indexed skill, 0 when not held.
    var held: [Int8]
    /// Whether the client aspires to each indexed occupation.
    var aspired: [Bool]
    var reachable: [(travel: Double, location: Int32)] = []
    var top = TopCandidates()

    init(_ index: VacancyIndex) {
        held = [Int8](repeating: 0, count: index.skillIndex.count)
        aspired = [Bool](repeating: false, count: index.occupationIndex.count)
        reachable.reserveCapacity(index.grid.pointCount)
    }

    mutating func load(_ profile: MatchProfile, _ index: VacancyIndex) {
        for (skill, level) in profile.skills {
            if let i = index.skillIndex[skill] { held[Int(i)] = Int8(level.rawValue) }
        }
        for occupation in profile.aspirations {
            if let i = index.occupationIndex[occupation] { aspired[Int(i)] = true }
        }
    }

    mutating func unload(_ profile: MatchProfile, _ index: VacancyIndex) {
        for skill in profile.skills.keys {
            if let i = index.skillIndex[skill] { held[Int(i)] = 0 }
        }
        for occupation in profile.aspirations {
            if let i = index.occupationIndex[occupation] { aspired[Int(i)] = false }
        }
    }
}
