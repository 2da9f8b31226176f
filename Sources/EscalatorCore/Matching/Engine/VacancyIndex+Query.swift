import Foundation

extension VacancyIndex {
    /// The client's best `k` eligible vacancies, as `Matcher.rankVacancies(for:among:limit:...)` ranks them.
    public func topVacancies(for profile: MatchProfile, k: Int) -> [RankedVacancy] {
        var scratch = VacancyQueryScratch(self)
        return topVacancies(for: profile, k: k, scratch: &scratch)
    }

    /// `topVacancies(for:k:)` for every profile, in the same order, on every core. Clients are taken in
    /// order of location and travel limit, so that neighbours share the travel terms; each client's
    /// result depends only on that client, so it is the same whatever the order or number of threads.
    public func topVacancies(forAll profiles: [MatchProfile], k: Int) -> [[RankedVacancy]] {
        var results = [[RankedVacancy]](repeating: [], count: profiles.count)
        guard k > 0, count > 0 else { return results }
        let order = profiles.indices.sorted { a, b in
            let pa = profiles[a], pb = profiles[b]
            return (pa.location.latitude.bitPattern, pa.location.longitude.bitPattern, pa.maxTravelKm.bitPattern, a)
                < (pb.location.latitude.bitPattern, pb.location.longitude.bitPattern, pb.maxTravelKm.bitPattern, b)
        }
        let chunkSize = 256
        let chunks = (order.count + chunkSize - 1) / chunkSize
        results.withUnsafeMutableBufferPointer { buffer in
            // Each client is written by exactly one iteration, and the buffer outlives
            // `Parallel.forEach`; that is why sharing it is safe.
            nonisolated(unsafe) let output = buffer
            Parallel.forEach(iterations: chunks) { chunk in
                var scratch = VacancyQueryScratch(self)
                for i in order[(chunk * chunkSize)..<min(order.count, (chunk + 1) * chunkSize)] {
                    output[i] = topVacancies(for: profiles[i], k: k, scratch: &scratch)
                }
            }
        }
        return results
    }

    /// Every score is `skillsSum(demand) + travelTerm(point)` rounded once, which is monotone in both, so
    /// groups are visited from the highest bound down, and a group, a demand or a cell is skipped when
    /// even the largest travel term (or its own) cannot bring it up to the k-th score; once a whole
    /// bucket of groups is out of reach, so is every lower one.
    func topVacancies(for profile: MatchProfile, k: Int, scratch: inout VacancyQueryScratch) -> [RankedVacancy] {
        guard k > 0, count > 0 else { return [] }
        scratch.top.reset(capacity: k)
        guard scratch.placeTravel(profile, self) else { return [] }
        scratch.load(profile, self)
        defer { scratch.unload(profile, self) }
        scratch.scoreSkillSets(self)
        scratch.boundGroups(self)
        let largestTravel = scratch.largestTravel
        let age = profile.age ?? Int.max
        let qualification = Int8(clamping: profile.qualification.rawValue)
        let minHours = profile.minHoursPerWeek, maxHours = profile.maxHoursPerWeek
        let gcseEnglish = profile.gcseEnglish, gcseMaths = profile.gcseMaths
        let stamp = scratch.stamp, scoring = scoring

        groups.withUnsafeBufferPointer { groups in
        groupDemandStart.withUnsafeBufferPointer { groupDemandStart in
        demands.withUnsafeBufferPointer { demands in
        demandTermsStart.withUnsafeBufferPointer { demandTermsStart in
        terms.withUnsafeBufferPointer { terms in
        termsCellStart.withUnsafeBufferPointer { termsCellStart in
        cellPoint.withUnsafeBufferPointer { cellPoint in
        cellSlotStart.withUnsafeBufferPointer { cellSlotStart in
        scratch.pointStamp.withUnsafeBufferPointer { pointStamp in
        scratch.travel.withUnsafeBufferPointer { travel in
        scratch.setHalves.withUnsafeBufferPointer { setHalves in
            for bucket in stride(from: VacancyQueryScratch.buckets - 1, through: 0, by: -1) {
                var next = Int(scratch.bucketHead[bucket])
                if next < 0 { continue }
                if !scratch.top.admits(score: scratch.largestBound(inBucket: bucket) + largestTravel) { break }
                while next >= 0 {
                    let g = next
                    next = Int(scratch.nextInBucket[g])
                    if !scratch.top.admits(score: scratch.groupBound[g] + largestTravel) { continue }
                    let group = groups[g]
                    let essential = scoring.essentialTerm(count: Int(group.essentialCount), halves: Int(setHalves[Int(group.essential)]))
                    let aspires = scratch.aspired[Int(group.occupation)]
                    for d in Int(groupDemandStart[g])..<Int(groupDemandStart[g + 1]) {
                        let demand = demands[d]
                        let sum = scoring.skillsSum(
                            essential: essential,
                            desirable: scoring.desirableTerm(count: Int(demand.desirableCount), halves: Int(setHalves[Int(demand.desirable)])),
                            aspires: aspires)
                        if !scratch.top.admits(score: sum + largestTravel) { continue }
                        for t in Int(demandTermsStart[d])..<Int(demandTermsStart[d + 1]) {
                            let v = terms[t]
                            if v.hoursPerWeek < minHours || v.hoursPerWeek > maxHours || age < v.minimumAge
                                || qualification < v.minimumQualification
                                || (v.needsGCSEEnglish && !gcseEnglish) || (v.needsGCSEMaths && !gcseMaths) { continue }
                            for cell in Int(termsCellStart[t])..<Int(termsCellStart[t + 1]) {
                                let point = Int(cellPoint[cell])
                                guard pointStamp[point] == stamp else { continue }
                                let score = sum + travel[point]
                                guard scratch.top.admits(score: score) else { continue }
                                for slot in Int(cellSlotStart[cell])..<Int(cellSlotStart[cell + 1]) {
                                    let kept = scratch.top.offer(Contender(
                                        score: score, id: idOrder[slot], inputIndex: inputIndex[slot], slot: Int32(slot)))
                                    // The rest of the cell ties on score and follows in id order.
                                    if !kept { break }
                                }
                            }
                        }
                    }
                }
            }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        return scratch.top.sorted().map { RankedVacancy(vacancyID: vacancyIDs[Int($0.slot)], score: $0.score) }
    }
}
