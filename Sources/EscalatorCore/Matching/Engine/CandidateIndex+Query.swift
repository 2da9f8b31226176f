import Foundation

extension CandidateIndex {
    /// The vacancy's best `k` eligible candidates among `subset` (every indexed client when nil), as
    /// `Matcher.rankCandidates(for:among:limit:...)` ranks those clients.
    ///
    /// Every score is `skillsSum + travelTerm` rounded once, and the skills sum is at most the largest
    /// any skills give (with the client's aspiration), so a client is skipped when that bound plus their
    /// travel term cannot reach the k-th score. Aspirants of the vacancy's occupation, whose bound is
    /// higher, are scored first. At a point, clients come longest limit first, so their travel terms
    /// fall (with a non-negative travel weight) and the first one out of reach ends the point.
    public func topCandidates(for target: VacancyTarget, k: Int, among subset: Subset? = nil) -> [RankedClient] {
        guard k > 0, count > 0, let vacancy = CandidateQuery(target, self) else { return [] }
        var top = TopContenders()
        top.reset(capacity: k)
        var distances = PointDistances(grid, target.location)
        let occupation = occupationIndex[target.vacancy.occupationID].map { Int($0) }

        if let subset, subset.count <= count / 8 {
            // Few allowed clients: score them directly.
            for slot in subset.slots {
                let s = Int(slot)
                offer(s, distance: distances.km(to: point(of: s)), vacancy, aspires: aspires(s, occupation), &top)
            }
        } else {
            if let occupation {
                for run in Int(aspirantRunStart[occupation])..<Int(aspirantRunStart[occupation + 1]) {
                    let km = distances.km(to: Int(runPoint[run]))
                    walk(aspirants[Int(runSlotStart[run])..<Int(runSlotStart[run + 1])], distance: km, vacancy,
                         aspires: true, skipAspirants: nil, subset, &top)
                }
            }
            grid.forEachRun(near: target.location.latitude, target.location.longitude, radiusKm: longestLimit) { run in
                for p in run {
                    let slots = Int(pointSlotStart[p])..<Int(pointSlotStart[p + 1])
                    guard let first = slots.first else { continue }
                    let km = distances.km(to: p)
                    if km > facts[first].maxTravelKm { continue }  // the longest limit here (NaN never fails)
                    walk(slots.lazy.map { Int32($0) }, distance: km, vacancy, aspires: false, skipAspirants: occupation, subset, &top)
                }
            }
        }
        return top.sorted().map { RankedClient(clientID: clientIDs[Int($0.slot)], score: $0.score) }
    }

    /// Scores clients at one point, given longest limit first, stopping at the first who cannot travel
    /// the distance or (travel weight ≥ 0) whose bound cannot reach the k-th score.
    private func walk<Slots: Sequence<Int32>>(
        _ slots: Slots, distance km: Double, _ vacancy: CandidateQuery, aspires: Bool, skipAspirants occupation: Int?,
        _ subset: Subset?, _ top: inout TopContenders
    ) {
        let bound = aspires ? vacancy.aspirantBound : vacancy.otherBound
        for slot in slots {
            let s = Int(slot)
            let limit = facts[s].maxTravelKm
            if km > limit { return }
            let travel = scoring.travelTerm(km: km, limit: limit)
            if !top.admits(score: bound + travel) {
                if vacancy.travelFallsWithLimit && !limit.isNaN { return }
                continue
            }
            if let subset, !subset.contains(s) { continue }
            if let occupation, self.aspires(s, occupation) { continue }
            offer(s, distance: km, vacancy, aspires: aspires, &top)
        }
    }

    private func offer(_ s: Int, distance km: Double, _ vacancy: CandidateQuery, aspires: Bool, _ top: inout TopContenders) {
        let f = facts[s]
        if km > f.maxTravelKm { return }
        let v = vacancy
        if v.hours < f.minHours || v.hours > f.maxHours || f.age < v.minimumAge || f.qualification < v.minimumQualification
            || (v.needsGCSEEnglish && !f.gcseEnglish) || (v.needsGCSEMaths && !f.gcseMaths) { return }
        var essentialHalves = 0, desirableHalves = 0
        var i = Int(skillStart[s])
        let end = Int(skillStart[s + 1])
        for r in v.requirements {
            while i < end && skills[i] < r.skill { i += 1 }
            let held: Int8 = i < end && skills[i] == r.skill ? levels[i] : 0
            let c = halfCredits(held: held, required: r.level)
            if r.essential {
                if r.blocksWhenShort && c < 2 { return }
                essentialHalves += c
            } else {
                desirableHalves += c
            }
        }
        let sum = scoring.skillsSum(
            essential: scoring.essentialTerm(count: v.essentialCount, halves: essentialHalves),
            desirable: scoring.desirableTerm(count: v.desirableCount, halves: desirableHalves), aspires: aspires)
        let score = sum + scoring.travelTerm(km: km, limit: f.maxTravelKm)
        top.offer(Contender(score: score, id: idOrder[s], inputIndex: inputIndex[s], slot: Int32(s)))
    }

    private func aspires(_ s: Int, _ occupation: Int?) -> Bool {
        guard let occupation else { return false }
        for a in Int(aspirationStart[s])..<Int(aspirationStart[s + 1]) where aspirations[a] == Int32(occupation) { return true }
        return false
    }

    private func point(of slot: Int) -> Int {
        var low = 0, high = pointSlotStart.count - 1
        // The last p with pointSlotStart[p] <= slot.
        while high - low > 1 {
            let mid = (low + high) / 2
            if Int(pointSlotStart[mid]) <= slot { low = mid } else { high = mid }
        }
        return low
    }
}

/// A vacancy as a candidate query needs it: entry terms and requirements in skill-number order.
struct CandidateQuery {
    struct Requirement {
        var skill: Int32
        var level: Int8
        var essential: Bool
        var blocksWhenShort: Bool
    }

    var hours: Int
    var minimumAge: Int
    var minimumQualification: Int8
    var needsGCSEEnglish: Bool
    var needsGCSEMaths: Bool
    var requirements: [Requirement]
    var essentialCount: Int
    var desirableCount: Int
    var aspirantBound: Double
    var otherBound: Double
    var travelFallsWithLimit: Bool

    /// Nil when no client can be eligible (an essential licence nobody holds).
    init?(_ target: VacancyTarget, _ index: CandidateIndex) {
        let vacancy = target.vacancy
        hours = vacancy.hoursPerWeek
        minimumAge = vacancy.minimumAge
        minimumQualification = Int8(vacancy.minimumQualification.rawValue)
        needsGCSEEnglish = vacancy.needsGCSEEnglish
        needsGCSEMaths = vacancy.needsGCSEMaths
        var requirements: [Requirement] = []
        for r in vacancy.requirements {
            let essential = r.importance == .essential
            let blocks = essential && index.licenceSkillIDs.contains(r.skillID)
            // A skill no client holds earns nothing; a licence no client holds blocks everyone.
            guard let skill = index.skillIndex[r.skillID] else {
                if blocks { return nil }
                requirements.append(Requirement(skill: Int32.max, level: Int8(r.minimumLevel.rawValue), essential: essential, blocksWhenShort: false))
                continue
            }
            requirements.append(Requirement(skill: skill, level: Int8(r.minimumLevel.rawValue), essential: essential, blocksWhenShort: blocks))
        }
        self.requirements = requirements.sorted { $0.skill < $1.skill }
        essentialCount = requirements.filter(\.essential).count
        desirableCount = requirements.count - essentialCount
        aspirantBound = index.scoring.largestSkillsSum(aspires: true)
        otherBound = index.scoring.largestSkillsSum(aspires: false)
        travelFallsWithLimit = index.scoring.weights.travel >= 0
    }
}

/// Distances from a vacancy to grid points, each computed once per query.
struct PointDistances {
    let grid: LocationGrid
    let latitude: Double
    let longitude: Double
    let cosLatitude: Double
    var known: [Bool]
    var km: [Double]

    init(_ grid: LocationGrid, _ location: GeoPoint) {
        self.grid = grid
        latitude = location.latitude
        longitude = location.longitude
        cosLatitude = cos(location.latitude * LocationGrid.radians)
        known = [Bool](repeating: false, count: grid.pointCount)
        km = [Double](repeating: 0, count: grid.pointCount)
    }

    /// From the client's point to the vacancy, as `VacancyScorer` measures it.
    mutating func km(to p: Int) -> Double {
        if !known[p] {
            km[p] = grid.distanceKm(from: p, toLatitude: latitude, longitude: longitude, cosLatitude: cosLatitude)
            known[p] = true
        }
        return km[p]
    }
}
