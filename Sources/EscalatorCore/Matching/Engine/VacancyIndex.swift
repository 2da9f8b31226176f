import Foundation

/// Vacancies laid out for fast, exact top-k matching: built once, then queried for many clients. Returns
/// exactly what `Matcher.rankVacancies(for:among:limit:weights:licenceSkillIDs:)` returns (same vacancies,
/// same order, bit-identical scores), without the explanations. See "Engine" in docs/matching.md.
///
/// Vacancies are grouped level by level, so that a query works on each group once for all its vacancies:
/// - a *skill set* is the requirements of one importance (essential or desirable) in a canonical order;
///   the client's half credits over it are counted once per query, from the postings of the skills they
///   hold;
/// - a *group* is an occupation with an essential skill set: it bounds the skills sum of its demands;
/// - a *demand* is a group with a desirable skill set: its skills sum (the score without the travel
///   term) is the same for every vacancy that has it;
/// - *terms* are a demand with the entry terms (hours, minimum age, qualification, GCSE): whether the
///   client is eligible, travel aside;
/// - a *cell* is terms at one point: its vacancies all get the same score, and are kept in tie-break order.
public struct VacancyIndex: Sendable {
    /// A requirement as seen from the skill: skill set `set` asks for it at `level`.
    struct Posting {
        var set: Int32
        var level: Int8
        /// An essential licence or check: not holding it at the level asked blocks the match.
        var blocksWhenShort: Bool
    }

    struct Group {
        var occupation: Int32
        var essential: Int32
        var essentialCount: Int32
    }

    struct Demand {
        var desirable: Int32
        var desirableCount: Int32
    }

    struct Terms {
        var hoursPerWeek: Int
        var minimumAge: Int
        var minimumQualification: Int8
        var needsGCSEEnglish: Bool
        var needsGCSEMaths: Bool
    }

    let scoring: ScoreTerms
    let grid: LocationGrid
    /// Skill sets (essential and desirable share the numbering) as postings by skill: skill `k` is asked
    /// for by `postings[postingStart[k] ..< postingStart[k + 1]]`.
    let postingStart: [Int32]
    let postings: [Posting]
    /// By skill set: how many of its requirements block when short.
    let setBlockingCount: [Int32]
    /// Each level's members are contiguous under their parent: demands of group `g` are
    /// `groupDemandStart[g] ..< groupDemandStart[g + 1]`, and likewise down to slots.
    let groups: [Group]
    let groupDemandStart: [Int32]
    let demands: [Demand]
    let demandTermsStart: [Int32]
    let terms: [Terms]
    let termsCellStart: [Int32]
    /// By cell: its grid point.
    let cellPoint: [Int32]
    let cellSlotStart: [Int32]
    /// By slot: each cell's vacancies in tie-break order (id, then input order).
    let idOrder: [UUIDStringOrder]
    let vacancyIDs: [UUID]
    let inputIndex: [Int32]
    let skillIndex: [String: Int32]
    let occupationIndex: [String: Int32]

    public var count: Int { vacancyIDs.count }
    public var weights: MatchingWeights { scoring.weights }
    var setCount: Int { setBlockingCount.count }

    public init(_ targets: [VacancyTarget], weights: MatchingWeights = .standard, licenceSkillIDs: Set<String> = []) {
        scoring = ScoreTerms(weights)

        // Points: one per distinct finite location; every non-finite one stands alone.
        var pointIndex: [GeoPoint: Int] = [:], points: [GeoPoint] = [], pointOf: [Int] = []
        for target in targets {
            let finite = target.location.latitude.isFinite && target.location.longitude.isFinite
            if finite, let p = pointIndex[target.location] {
                pointOf.append(p)
            } else {
                if finite { pointIndex[target.location] = points.count }
                pointOf.append(points.count)
                points.append(target.location)
            }
        }
        let (grid, order) = LocationGrid.build(points)
        self.grid = grid
        var gridPosition = [Int](repeating: 0, count: points.count)
        for (position, point) in order.enumerated() { gridPosition[point] = position }

        var skills: [String: Int32] = [:], occupations: [String: Int32] = [:]
        func number<Key: Hashable>(_ key: Key, in table: inout [Key: Int32]) -> Int32 {
            if let n = table[key] { return n }
            table[key] = Int32(table.count)
            return Int32(table.count - 1)
        }

        // Skill sets, keyed by their requirements (skill, level, blocks) in a canonical order: half
        // credits add up exactly in any order.
        var setNumbers: [[Int32]: Int32] = [:]
        var setItems: [(skill: Int32, posting: Posting)] = [], setSizes: [Int32] = [], setBlocking: [Int32] = []
        func skillSet(_ requirements: [SkillRequirement], _ importance: Importance) -> Int32 {
            let chosen = requirements.filter { $0.importance == importance }.map { r in
                (skill: number(r.skillID, in: &skills), level: Int8(r.minimumLevel.rawValue),
                 blocks: importance == .essential && licenceSkillIDs.contains(r.skillID))
            }
            .sorted { ($0.skill, $0.level, $0.blocks ? 1 : 0) < ($1.skill, $1.level, $1.blocks ? 1 : 0) }
            var key: [Int32] = [importance == .essential ? 1 : 0]
            for item in chosen { key += [item.skill, Int32(item.level), item.blocks ? 1 : 0] }
            if let n = setNumbers[key] { return n }
            let n = Int32(setSizes.count)
            setNumbers[key] = n
            for item in chosen { setItems.append((item.skill, Posting(set: n, level: item.level, blocksWhenShort: item.blocks))) }
            setSizes.append(Int32(chosen.count))
            setBlocking.append(Int32(chosen.filter(\.blocks).count))
            return n
        }

        // Each vacancy's place at every level, numbered in order of first appearance; a level's key
        // includes its parent's number, so sorting by the numbers keeps every group contiguous.
        struct GroupKey: Hashable { var occupation, essential: Int32 }
        struct DemandKey: Hashable { var group, desirable: Int32 }
        struct TermsKey: Hashable { var demand: Int32, hours: Int, age: Int, qualification: Int8, english: Bool, maths: Bool }
        var groupNumbers: [GroupKey: Int32] = [:], demandNumbers: [DemandKey: Int32] = [:], termsNumbers: [TermsKey: Int32] = [:]
        var place: [(group: Int32, demand: Int32, terms: Int32, point: Int)] = []
        place.reserveCapacity(targets.count)
        for (i, target) in targets.enumerated() {
            let vacancy = target.vacancy
            let group = number(
                GroupKey(occupation: number(vacancy.occupationID, in: &occupations), essential: skillSet(vacancy.requirements, .essential)),
                in: &groupNumbers)
            let demand = number(DemandKey(group: group, desirable: skillSet(vacancy.requirements, .desirable)), in: &demandNumbers)
            let terms = number(
                TermsKey(demand: demand, hours: vacancy.hoursPerWeek, age: vacancy.minimumAge,
                         qualification: Int8(vacancy.minimumQualification.rawValue),
                         english: vacancy.needsGCSEEnglish, maths: vacancy.needsGCSEMaths),
                in: &termsNumbers)
            place.append((group, demand, terms, gridPosition[pointOf[i]]))
        }
        let ids = targets.map { UUIDStringOrder($0.vacancy.id) }
        let slotOrder = targets.indices.sorted { a, b in
            let pa = place[a], pb = place[b]
            if (pa.group, pa.demand, pa.terms, pa.point) != (pb.group, pb.demand, pb.terms, pb.point) {
                return (pa.group, pa.demand, pa.terms, pa.point) < (pb.group, pb.demand, pb.terms, pb.point)
            }
            if ids[a] != ids[b] { return ids[a] < ids[b] }
            return a < b
        }

        // Walk the sorted vacancies, opening a new member at each level where the key changes.
        var groupStarts: [Int32] = [0], demandStarts: [Int32] = [0], termsStarts: [Int32] = [0], cellStarts: [Int32] = [0]
        var groupMembers: [Int32] = [], demandMembers: [Int32] = [], termsMembers: [Int32] = [], cellPoint: [Int32] = []
        for (slot, i) in slotOrder.enumerated() {
            let p = place[i]
            let q = slot > 0 ? place[slotOrder[slot - 1]] : nil
            if let q, p.group == q.group && p.demand == q.demand && p.terms == q.terms && p.point == q.point { continue }
            if q != nil { cellStarts.append(Int32(slot)) }
            if p.terms != q?.terms {
                if q != nil { termsStarts.append(Int32(cellPoint.count)) }
                termsMembers.append(p.terms)
            }
            if p.demand != q?.demand {
                if q != nil { demandStarts.append(Int32(termsMembers.count - 1)) }
                demandMembers.append(p.demand)
            }
            if p.group != q?.group {
                if q != nil { groupStarts.append(Int32(demandMembers.count - 1)) }
                groupMembers.append(p.group)
            }
            cellPoint.append(Int32(p.point))
        }
        if !slotOrder.isEmpty {
            cellStarts.append(Int32(slotOrder.count))
            termsStarts.append(Int32(cellPoint.count))
            demandStarts.append(Int32(termsMembers.count))
            groupStarts.append(Int32(demandMembers.count))
        }
        var groupKeys = [GroupKey](repeating: GroupKey(occupation: 0, essential: 0), count: groupNumbers.count)
        for (key, n) in groupNumbers { groupKeys[Int(n)] = key }
        var demandKeys = [DemandKey](repeating: DemandKey(group: 0, desirable: 0), count: demandNumbers.count)
        for (key, n) in demandNumbers { demandKeys[Int(n)] = key }
        var termsKeys = [TermsKey](repeating: TermsKey(demand: 0, hours: 0, age: 0, qualification: 0, english: false, maths: false), count: termsNumbers.count)
        for (key, n) in termsNumbers { termsKeys[Int(n)] = key }
        groups = groupMembers.map {
            let key = groupKeys[Int($0)]
            return Group(occupation: key.occupation, essential: key.essential, essentialCount: setSizes[Int(key.essential)])
        }
        demands = demandMembers.map {
            let key = demandKeys[Int($0)]
            return Demand(desirable: key.desirable, desirableCount: setSizes[Int(key.desirable)])
        }
        terms = termsMembers.map {
            let key = termsKeys[Int($0)]
            return Terms(hoursPerWeek: key.hours, minimumAge: key.age, minimumQualification: key.qualification,
                         needsGCSEEnglish: key.english, needsGCSEMaths: key.maths)
        }
        groupDemandStart = groupStarts
        demandTermsStart = demandStarts
        termsCellStart = termsStarts
        cellSlotStart = cellStarts
        self.cellPoint = cellPoint

        var postingStart = [Int32](repeating: 0, count: skills.count + 1)
        for item in setItems { postingStart[Int(item.skill) + 1] += 1 }
        for k in 0..<skills.count { postingStart[k + 1] += postingStart[k] }
        var postings = [Posting](repeating: Posting(set: 0, level: 0, blocksWhenShort: false), count: setItems.count)
        var next = postingStart
        for item in setItems {
            postings[Int(next[Int(item.skill)])] = item.posting
            next[Int(item.skill)] += 1
        }
        self.postingStart = postingStart
        self.postings = postings
        setBlockingCount = setBlocking
        idOrder = slotOrder.map { ids[$0] }
        vacancyIDs = slotOrder.map { targets[$0].vacancy.id }
        inputIndex = slotOrder.map { Int32($0) }
        skillIndex = skills
        occupationIndex = occupations
    }
}

extension VacancyIndex {
    /// How far the index groups the vacancies (see the type's documentation).
    public struct Layout: Sendable, Hashable, CustomStringConvertible {
        public var vacancies: Int
        public var points: Int
        public var skillSets: Int
        public var groups: Int
        public var demands: Int
        public var terms: Int
        public var cells: Int

        public var description: String {
            "\(vacancies) vacancies at \(points) points: \(skillSets) skill sets, \(groups) groups, \(demands) demands, \(terms) terms, \(cells) cells"
        }
    }

    public var layout: Layout {
        Layout(vacancies: count, points: grid.pointCount, skillSets: setCount, groups: groups.count, demands: demands.count,
               terms: terms.count, cells: cellPoint.count)
    }
}
