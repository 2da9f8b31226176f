import Foundation

/// Client profiles laid out for fast, exact "best candidates for a vacancy" queries: built once, then
/// queried for many vacancies. Returns exactly what
/// `Matcher.rankCandidates(for:among:limit:weights:licenceSkillIDs:)` returns over the allowed clients
/// (same clients, same order, bit-identical scores), without the explanations. See "Engine" in
/// docs/matching.md.
///
/// Clients are bucketed by point (their ward centre, usually) in a grid and, at each point, sorted by
/// travel limit, longest first, so a query measures each point's distance once and walks only the clients
/// who can travel that far. Each occupation also has its own lists of the clients who aspire to it.
public struct CandidateIndex: Sendable {
    let scoring: ScoreTerms
    let grid: LocationGrid
    /// Clients at grid point `p` are slots `pointSlotStart[p] ..< pointSlotStart[p + 1]`, longest travel
    /// limit first (a NaN limit, which never fails the travel test, before all).
    let pointSlotStart: [Int32]
    let longestLimit: Double
    /// Aspirants of occupation `o`: runs `aspirantRunStart[o] ..< aspirantRunStart[o + 1]` of
    /// (`runPoint`, slots `aspirants[runSlotStart[r] ..< runSlotStart[r + 1]]`), each in slot order.
    let aspirantRunStart: [Int32]
    let runPoint: [Int32]
    let runSlotStart: [Int32]
    let aspirants: [Int32]
    /// By slot.
    let facts: [Facts]
    let skillStart: [Int32]
    /// Each client's skills in increasing skill number, with their levels.
    let skills: [Int32]
    let levels: [Int8]
    let aspirationStart: [Int32]
    let aspirations: [Int32]
    let idOrder: [UUIDStringOrder]
    let clientIDs: [UUID]
    let inputIndex: [Int32]
    /// Slots in (id, input) order, to find a client's slots by id.
    let slotsByID: [Int32]
    let skillIndex: [String: Int32]
    let occupationIndex: [String: Int32]

    struct Facts {
        var maxTravelKm: Double
        var minHours: Int
        var maxHours: Int
        /// `Int.max` when unknown, which passes every minimum age.
        var age: Int
        var qualification: Int8
        var gcseEnglish: Bool
        var gcseMaths: Bool
    }

    public var count: Int { clientIDs.count }
    public var weights: MatchingWeights { scoring.weights }

    let licenceSkillIDs: Set<String>

    public init(_ profiles: [MatchProfile], weights: MatchingWeights = .standard, licenceSkillIDs: Set<String> = []) {
        scoring = ScoreTerms(weights)
        self.licenceSkillIDs = licenceSkillIDs
        var pointIndex: [GeoPoint: Int] = [:], points: [GeoPoint] = [], pointOf: [Int] = []
        for profile in profiles {
            let finite = profile.location.latitude.isFinite && profile.location.longitude.isFinite
            if finite, let p = pointIndex[profile.location] {
                pointOf.append(p)
            } else {
                if finite { pointIndex[profile.location] = points.count }
                pointOf.append(points.count)
                points.append(profile.location)
            }
        }
        let (grid, order) = LocationGrid.build(points)
        self.grid = grid
        var gridPosition = [Int](repeating: 0, count: points.count)
        for (position, point) in order.enumerated() { gridPosition[point] = position }

        // Longest limit first; NaN first of all; then input order.
        func limitKey(_ limit: Double) -> Double { limit.isNaN ? .infinity : limit }
        let slotOrder = profiles.indices.sorted { a, b in
            let pa = gridPosition[pointOf[a]], pb = gridPosition[pointOf[b]]
            if pa != pb { return pa < pb }
            let la = profiles[a].maxTravelKm, lb = profiles[b].maxTravelKm
            if la.isNaN != lb.isNaN { return la.isNaN }
            if limitKey(la) != limitKey(lb) { return limitKey(la) > limitKey(lb) }
            return a < b
        }
        var pointSlotStart = [Int32](repeating: 0, count: points.count + 1)
        for i in profiles.indices { pointSlotStart[gridPosition[pointOf[i]] + 1] += 1 }
        for p in 0..<points.count { pointSlotStart[p + 1] += pointSlotStart[p] }
        self.pointSlotStart = pointSlotStart
        longestLimit = profiles.map { limitKey($0.maxTravelKm) }.max() ?? 0

        var skillNumbers: [String: Int32] = [:], occupationNumbers: [String: Int32] = [:]
        func number(_ key: String, in table: inout [String: Int32]) -> Int32 {
            if let n = table[key] { return n }
            table[key] = Int32(table.count)
            return Int32(table.count - 1)
        }
        var facts: [Facts] = [], skillStart: [Int32] = [0], skills: [Int32] = [], levels: [Int8] = []
        var aspirationStart: [Int32] = [0], aspirations: [Int32] = []
        var aspirantsOf: [[(point: Int, slot: Int32)]] = []
        for (slot, i) in slotOrder.enumerated() {
            let profile = profiles[i]
            facts.append(Facts(
                maxTravelKm: profile.maxTravelKm, minHours: profile.minHoursPerWeek, maxHours: profile.maxHoursPerWeek,
                age: profile.age ?? Int.max, qualification: Int8(clamping: profile.qualification.rawValue),
                gcseEnglish: profile.gcseEnglish, gcseMaths: profile.gcseMaths))
            let held = profile.skills.map { (number($0.key, in: &skillNumbers), Int8($0.value.rawValue)) }.sorted { $0.0 < $1.0 }
            skills += held.map(\.0)
            levels += held.map(\.1)
            skillStart.append(Int32(skills.count))
            for occupation in profile.aspirations.sorted() {
                let o = number(occupation, in: &occupationNumbers)
                aspirations.append(o)
                while aspirantsOf.count <= Int(o) { aspirantsOf.append([]) }
                aspirantsOf[Int(o)].append((gridPosition[pointOf[i]], Int32(slot)))
            }
            aspirationStart.append(Int32(aspirations.count))
        }
        // Slots are in point order, so each occupation's aspirants already come point by point.
        var aspirantRunStart: [Int32] = [0], runPoint: [Int32] = [], runSlotStart: [Int32] = [0], aspirants: [Int32] = []
        for list in aspirantsOf {
            for (n, entry) in list.enumerated() {
                if n > 0 && list[n - 1].point == entry.point {
                    aspirants.append(entry.slot)
                    continue
                }
                if n > 0 { runSlotStart.append(Int32(aspirants.count)) }
                runPoint.append(Int32(entry.point))
                aspirants.append(entry.slot)
            }
            if !list.isEmpty { runSlotStart.append(Int32(aspirants.count)) }
            aspirantRunStart.append(Int32(runPoint.count))
        }
        self.facts = facts
        self.skillStart = skillStart
        self.skills = skills
        self.levels = levels
        self.aspirationStart = aspirationStart
        self.aspirations = aspirations
        self.aspirantRunStart = aspirantRunStart
        self.runPoint = runPoint
        self.runSlotStart = runSlotStart
        self.aspirants = aspirants
        let ids = slotOrder.map { UUIDStringOrder(profiles[$0].clientID) }
        idOrder = ids
        clientIDs = slotOrder.map { profiles[$0].clientID }
        inputIndex = slotOrder.map { Int32($0) }
        slotsByID = slotOrder.indices.sorted { ids[$0] != ids[$1] ? ids[$0] < ids[$1] : $0 < $1 }.map { Int32($0) }
        skillIndex = skillNumbers
        occupationIndex = occupationNumbers
    }

    /// The clients a query may return, as a set of slots.
    public struct Subset: Sendable {
        var words: [UInt64]
        /// Slots in the subset, in slot order.
        var slots: [Int32]

        public var count: Int { slots.count }

        @inline(__always)
        func contains(_ slot: Int) -> Bool { words[slot >> 6] & (1 << UInt64(slot & 63)) != 0 }
    }

    /// The subset of indexed clients whose ids are in `ids` (every profile with such an id, if repeated).
    public func subset(_ ids: some Sequence<UUID>) -> Subset {
        var words = [UInt64](repeating: 0, count: (count + 63) / 64)
        for id in ids {
            let key = UUIDStringOrder(id)
            var low = 0, high = slotsByID.count
            while low < high {
                let mid = (low + high) / 2
                if idOrder[Int(slotsByID[mid])] < key { low = mid + 1 } else { high = mid }
            }
            while low < slotsByID.count, idOrder[Int(slotsByID[low])] == key {
                let slot = Int(slotsByID[low])
                words[slot >> 6] |= 1 << UInt64(slot & 63)
                low += 1
            }
        }
        var slots: [Int32] = []
        for (w, word) in words.enumerated() where word != 0 {
            for bit in 0..<64 where word & (1 << UInt64(bit)) != 0 { slots.append(Int32(w * 64 + bit)) }
        }
        return Subset(words: words, slots: slots)
    }
}
