import Foundation

/// Per-thread working memory for `VacancyIndex` queries, reused from client to client so the scoring
/// loops allocate nothing.
struct VacancyQueryScratch {
    /// Groups are sorted into this many buckets by bound (a monotone map), highest visited first.
    static let buckets = 128

    /// Whether the client aspires to each indexed occupation.
    var aspired: [Bool]
    /// The client's indexed skills and levels.
    var heldSkills: [(skill: Int32, level: Int8)] = []
    /// By skill set: the client's half credits over it, and how many of its blocking requirements they meet.
    var setHalves: [Int32]
    var setBlockingMet: [Int32]
    /// By group: the bound on its demands' skills sums, and the next group in the same bucket (-1 ends).
    var groupBound: [Double]
    var nextInBucket: [Int32]
    /// By bucket: its first group (-1 when empty).
    var bucketHead: [Int32]
    /// Point `p` is within the client's limit when `pointStamp[p] == stamp`; its travel term is `travel[p]`.
    var pointStamp: [UInt32]
    var travel: [Double]
    var stamp: UInt32 = 0
    var largestTravel = -Double.infinity
    var reachableCount = 0
    /// Location and limit the travel terms were placed for (bit patterns).
    var placedFor: (UInt64, UInt64, UInt64)?
    var top = TopContenders()

    init(_ index: VacancyIndex) {
        aspired = [Bool](repeating: false, count: index.occupationIndex.count)
        setHalves = [Int32](repeating: 0, count: index.setCount)
        setBlockingMet = [Int32](repeating: 0, count: index.setCount)
        groupBound = [Double](repeating: 0, count: index.groups.count)
        nextInBucket = [Int32](repeating: -1, count: index.groups.count)
        bucketHead = [Int32](repeating: -1, count: Self.buckets + 1)
        pointStamp = [UInt32](repeating: 0, count: index.grid.pointCount)
        travel = [Double](repeating: 0, count: index.grid.pointCount)
    }

    mutating func load(_ profile: MatchProfile, _ index: VacancyIndex) {
        heldSkills.removeAll(keepingCapacity: true)
        for (skill, level) in profile.skills {
            if let i = index.skillIndex[skill] { heldSkills.append((i, Int8(level.rawValue))) }
        }
        for occupation in profile.aspirations {
            if let i = index.occupationIndex[occupation] { aspired[Int(i)] = true }
        }
    }

    mutating func unload(_ profile: MatchProfile, _ index: VacancyIndex) {
        for occupation in profile.aspirations {
            if let i = index.occupationIndex[occupation] { aspired[Int(i)] = false }
        }
    }

    /// Marks the points within the client's travel limit and their travel terms, with the distance
    /// computed as `GeoPoint.distanceKm` computes it. Kept from the previous client when the location and
    /// limit are the same. Returns whether any point is within reach.
    mutating func placeTravel(_ profile: MatchProfile, _ index: VacancyIndex) -> Bool {
        let latitude = profile.location.latitude, longitude = profile.location.longitude
        let limit = profile.maxTravelKm
        let key = (latitude.bitPattern, longitude.bitPattern, limit.bitPattern)
        if let placedFor, placedFor == key { return reachableCount > 0 }
        placedFor = key
        stamp &+= 1
        if stamp == 0 {
            for p in pointStamp.indices { pointStamp[p] = 0 }
            stamp = 1
        }
        let cosLatitude = cos(latitude * LocationGrid.radians)
        let grid = index.grid, scoring = index.scoring, stamp = stamp
        var largest = -Double.infinity, reached = 0
        pointStamp.withUnsafeMutableBufferPointer { pointStamp in
        travel.withUnsafeMutableBufferPointer { travel in
            grid.forEachRun(near: latitude, longitude, radiusKm: limit) { run in
                for p in run {
                    let km = grid.distanceKm(fromLatitude: latitude, longitude: longitude, cosLatitude: cosLatitude, to: p)
                    if km > limit { continue }
                    let term = scoring.travelTerm(km: km, limit: limit)
                    pointStamp[p] = stamp
                    travel[p] = term
                    if term > largest { largest = term }
                    reached += 1
                }
            }
        }
        }
        largestTravel = largest
        reachableCount = reached
        return reached > 0
    }

    /// The client's half credits over every skill set, from the postings of the skills they hold (a
    /// skill they do not hold earns nothing), and the blocking requirements they meet.
    mutating func scoreSkillSets(_ index: VacancyIndex) {
        let held = heldSkills
        setHalves.withUnsafeMutableBufferPointer { setHalves in
        setBlockingMet.withUnsafeMutableBufferPointer { setBlockingMet in
        index.postings.withUnsafeBufferPointer { postings in
        index.postingStart.withUnsafeBufferPointer { postingStart in
            setHalves.update(repeating: 0)
            setBlockingMet.update(repeating: 0)
            for (skill, level) in held {
                for i in Int(postingStart[Int(skill)])..<Int(postingStart[Int(skill) + 1]) {
                    let posting = postings[i], set = Int(posting.set)
                    let c = halfCredits(held: level, required: posting.level)
                    setHalves[set] += Int32(c)
                    if posting.blocksWhenShort && c == 2 { setBlockingMet[set] += 1 }
                }
            }
        }
        }
        }
        }
    }

    /// Every group's bound: the skills sum with its essential term, its aspiration term and the largest
    /// desirable term any demand could have. Each group goes in a bucket by its bound:
    /// `(bound - lowest) × scale` rounded down is monotone, so a higher bucket holds only higher bounds. A
    /// non-finite bound goes in the top bucket; a group blocked by a licence goes in bucket `buckets`,
    /// which is never visited.
    mutating func boundGroups(_ index: VacancyIndex) {
        let scoring = index.scoring
        let top = Double(Self.buckets - 1)
        let (lowest, highest) = scoring.skillsSumRange
        let scale = highest > lowest ? top / (highest - lowest) : 0
        let desirable = scoring.largestDesirableTerm
        bucketHead.withUnsafeMutableBufferPointer { bucketHead in
        index.groups.withUnsafeBufferPointer { groups in
        index.setBlockingCount.withUnsafeBufferPointer { setBlockingCount in
        setHalves.withUnsafeBufferPointer { setHalves in
        setBlockingMet.withUnsafeBufferPointer { setBlockingMet in
        aspired.withUnsafeBufferPointer { aspired in
        groupBound.withUnsafeMutableBufferPointer { groupBound in
        nextInBucket.withUnsafeMutableBufferPointer { nextInBucket in
            bucketHead.update(repeating: -1)
            for g in 0..<groups.count {
                let group = groups[g]
                let e = Int(group.essential)
                let bound = scoring.skillsSum(
                    essential: scoring.essentialTerm(count: Int(group.essentialCount), halves: Int(setHalves[e])),
                    desirable: desirable, aspires: aspired[Int(group.occupation)])
                groupBound[g] = bound
                let position = (bound - lowest) * scale
                // NaN fails both comparisons and lands on top.
                let clamped = position >= 0 ? (position < top ? position : top) : (position < 0 ? 0 : top)
                let b = setBlockingMet[e] < setBlockingCount[e] ? Self.buckets : Int(clamped)
                nextInBucket[g] = bucketHead[b]
                bucketHead[b] = Int32(g)
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

    /// The largest bound in a bucket (NaN if it holds a NaN, so that it is never skipped).
    func largestBound(inBucket b: Int) -> Double {
        var largest = -Double.infinity
        var g = Int(bucketHead[b])
        while g >= 0 {
            let bound = groupBound[g]
            if !(bound <= largest) { largest = bound }
            g = Int(nextInBucket[g])
        }
        return largest
    }
}
