import Foundation

/// Up to 128 conditions "skill s held at level ≥ l", one bit each.
struct PathwayMask: Hashable {
    var lo: UInt64 = 0
    var hi: UInt64 = 0

    static let capacity = 128

    mutating func insert(_ bit: Int) {
        if bit < 64 { lo |= 1 << UInt64(bit) } else { hi |= 1 << UInt64(bit - 64) }
    }

    func contains(_ bit: Int) -> Bool { bit < 64 ? lo & (1 << UInt64(bit)) != 0 : hi & (1 << UInt64(bit - 64)) != 0 }
    func isSubset(of other: Self) -> Bool { lo & ~other.lo == 0 && hi & ~other.hi == 0 }
    func union(_ other: Self) -> Self { Self(lo: lo | other.lo, hi: hi | other.hi) }
    var count: Int { lo.nonzeroBitCount + hi.nonzeroBitCount }
}

/// What matters of a client's position for the rest of a pathway: the conditions met, the qualification
/// (as an index into the thresholds that matter) and the barriers addressed.
struct PathwayState: Hashable {
    var skills = PathwayMask()
    var qualification: Int8 = 0
    var barriers: UInt16 = 0
}

/// A step the search may take: a programme (its next cohort with a free place) or an external referral.
struct PathwayMove {
    /// Catalogue index; -1 for a referral.
    var programme: Int32
    var referral: BarrierKind?
    var provides = PathwayMask()
    var providesQualification: Int8 = 0
    var providesBarriers: UInt16 = 0
    var requires = PathwayMask()
    var requiresQualification: Int8 = 0
    var costPence: Int
    var days: Int
    /// Position in the tie-break order: programmes by id (`uuidString`), then referrals by barrier kind.
    var rank: Int32 = 0
    var travelKm: Double
}

/// Moves that do the same thing to the state (same conditions given and needed, same barriers supported,
/// all referrals or all programmes), cheapest first, then by rank. Among them, for one label, a move whose
/// step ends no earlier than an earlier member's is dominated by it and need not be tried.
struct PathwayMoveGroup {
    var provides = PathwayMask()
    var providesQualification: Int8 = 0
    var providesBarriers: UInt16 = 0
    var requires = PathwayMask()
    var requiresQualification: Int8 = 0
    var isReferral = false
    var members: [Int32] = []
}

/// Why a programme cannot be a step for this client, whatever came before.
enum PathwayUnusable: Hashable {
    case inWork, travel, hours, noCohort, gcseEnglish, gcseMaths
}

/// One request compiled for the search: only the conditions and programmes that can matter.
///
/// A programme is kept when it is usable (see `unusable`) and *productive*: it raises a skill past a
/// threshold that matters, raises the qualification past one that matters, or supports a barrier that
/// must be addressed. Thresholds that matter are the target's, then (repeatedly) the entry requirements
/// of every kept programme. A step that changes none of these can be dropped from any pathway without
/// making it later, dearer or longer, so leaving such programmes out is exact.
struct PathwayProblem {
    let catalogue: PathwayCatalogue
    let profile: MatchProfile
    let today: Int
    /// The first day the client meets the target's minimum age (`today` when met or not asked).
    let ageDay: Int
    /// Bit `i` is "`conditionSkillIDs[i]` held at `conditionLevels[i]` or above".
    private(set) var conditionSkillIDs: [String] = []
    private(set) var conditionLevels: [Proficiency] = []
    /// Qualification levels that matter, ascending; index 0 is the client's own.
    private(set) var qualificationThresholds: [RQFLevel] = []
    /// The client's barriers that must be addressed, in the order they are recorded (first of each kind).
    private(set) var barrierKinds: [BarrierKind] = []
    private(set) var goal = PathwayState()
    private(set) var moves: [PathwayMove] = []
    private(set) var groups: [PathwayMoveGroup] = []
    /// Conditions beyond `PathwayMask.capacity`: the request is too big to plan.
    private(set) var overflow = false

    /// Conditions on catalogue skill `s` are bits `conditionHead[s]`, then `conditionNext[bit]`, ... until -1.
    private var conditionHead: [Int32]
    private var conditionNext: [Int32] = []
    private var conditionSkill: [Int32] = []
    private var conditionLevel: [Int8] = []
    private var travelCache: [Double]

    init(request: PathwayRequest, catalogue: PathwayCatalogue, policy: PathwayPolicy, ageDay: Int) {
        self.catalogue = catalogue
        profile = request.profile
        today = DayNumber.of(request.today)
        self.ageDay = ageDay
        travelCache = [Double](repeating: -1, count: catalogue.locations.count)
        conditionHead = [Int32](repeating: -1, count: catalogue.skillIDs.count)

        var unknownSkills: [String: Int32] = [:]
        func index(of skillID: String) -> Int32 {
            if let s = catalogue.skillIndex[skillID] { return s }
            if let s = unknownSkills[skillID] { return s }
            let s = -Int32(unknownSkills.count) - 1  // taught by no programme
            unknownSkills[skillID] = s
            return s
        }

        var pendingSkills: [(skill: Int32, level: Int8)] = []
        var pendingQualifications: [Int8] = []
        var qualificationSet: Set<Int8> = []
        var goalBits = PathwayMask()
        var goalQualification: RQFLevel = profile.qualification

        func addCondition(_ skill: Int32, _ skillID: String, _ level: Int8) -> Int? {
            if Int8(profile.skills[skillID]?.rawValue ?? 0) >= level { return nil }
            if let bit = condition(skill, level) { return bit }
            let bit = conditionSkillIDs.count
            conditionSkillIDs.append(skillID)
            conditionLevels.append(Proficiency(rawValue: Int(level))!)
            conditionSkill.append(skill)
            conditionLevel.append(level)
            if skill >= 0 {
                conditionNext.append(conditionHead[Int(skill)])
                conditionHead[Int(skill)] = Int32(bit)
            } else {
                conditionNext.append(-1)
            }
            pendingSkills.append((skill, level))
            return bit
        }
        func addQualification(_ level: Int8) {
            guard level > Int8(profile.qualification.rawValue), qualificationSet.insert(level).inserted else { return }
            pendingQualifications.append(level)
        }

        for requirement in Self.targetSkillRequirements(request.target) {
            let skill = index(of: requirement.skillID)
            if let bit = addCondition(skill, requirement.skillID, Int8(requirement.minimumLevel.rawValue)) { goalBits.insert(bit) }
        }
        if case .vacancy(let target) = request.target, target.vacancy.minimumQualification > profile.qualification {
            goalQualification = target.vacancy.minimumQualification
            addQualification(Int8(goalQualification.rawValue))
        }
        for barrier in profile.barriers where barrier.severity >= policy.barrierSeverityAddressedFirst && !barrierKinds.contains(barrier.kind) {
            barrierKinds.append(barrier.kind)
        }

        // Keep productive programmes until no new threshold appears.
        var state = [UInt8](repeating: 0, count: catalogue.facts.count)  // 0 unseen, 1 kept, 2 unusable
        var kept: [Int32] = []
        func consider(_ p: Int32) {
            guard state[Int(p)] == 0 else { return }
            if unusable(Int(p)) != nil {
                state[Int(p)] = 2
                return
            }
            state[Int(p)] = 1
            kept.append(p)
            let f = catalogue.facts[Int(p)]
            for e in catalogue.entrySkills[Int(f.entryStart)..<Int(f.entryEnd)] {
                _ = addCondition(e.skill, catalogue.skillIDs[Int(e.skill)], e.level)
            }
            addQualification(f.entryQualification)
        }
        for kind in barrierKinds {
            for p in catalogue.supporters[kind.bitIndex] { consider(p) }
        }
        while !pendingSkills.isEmpty || !pendingQualifications.isEmpty {
            if let (skill, level) = pendingSkills.popLast() {
                guard skill >= 0 else { continue }
                for t in catalogue.teachers[Int(skill)] where t.level >= level { consider(t.programme) }
            } else if let level = pendingQualifications.popLast() {
                for a in catalogue.awarders {
                    if a.level < level { break }
                    consider(a.programme)
                }
            }
        }

        overflow = conditionSkillIDs.count > PathwayMask.capacity
        qualificationThresholds = ([profile.qualification.rawValue] + qualificationSet.sorted().map(Int.init)).map { RQFLevel(rawValue: $0)! }
        goal = PathwayState(skills: goalBits, qualification: qualificationIndex(goalQualification), barriers: UInt16((1 << barrierKinds.count) - 1))
        guard !overflow else { return }

        for p in kept.sorted(by: { catalogue.idRank[Int($0)] < catalogue.idRank[Int($1)] }) {
            let f = catalogue.facts[Int(p)]
            var move = PathwayMove(programme: p, referral: nil, costPence: f.costPence, days: f.days, travelKm: travelKm(Int(p)))
            for t in catalogue.taught[Int(f.taughtStart)..<Int(f.taughtEnd)] {
                var bit = conditionHead[Int(t.skill)]
                while bit >= 0 {
                    if conditionLevel[Int(bit)] <= t.level { move.provides.insert(Int(bit)) }
                    bit = conditionNext[Int(bit)]
                }
            }
            if f.awarded >= 0 { move.providesQualification = qualificationIndex(RQFLevel(rawValue: Int(f.awarded))!) }
            for (bit, kind) in barrierKinds.enumerated() where f.barrierSupport & (1 << UInt16(kind.bitIndex)) != 0 {
                move.providesBarriers |= 1 << UInt16(bit)
            }
            for e in catalogue.entrySkills[Int(f.entryStart)..<Int(f.entryEnd)] {
                if let bit = condition(e.skill, e.level) { move.requires.insert(bit) }
            }
            move.requiresQualification = qualificationIndex(RQFLevel(rawValue: Int(f.entryQualification))!)
            guard move.provides != PathwayMask() || move.providesQualification > 0 || move.providesBarriers != 0 else { continue }
            move.rank = Int32(moves.count)
            moves.append(move)
        }
        for (bit, kind) in barrierKinds.enumerated().sorted(by: { $0.element.bitIndex < $1.element.bitIndex }) {
            var move = PathwayMove(programme: -1, referral: kind, costPence: policy.referralCostPence,
                                   days: policy.referralWeeks(for: kind) * 7, travelKm: 0)
            move.providesBarriers = 1 << UInt16(bit)
            move.rank = Int32(moves.count)
            moves.append(move)
        }
        groups = Self.grouped(moves)
    }

    struct GroupKey: Hashable {
        var provides: PathwayMask, providesQualification: Int8, providesBarriers: UInt16
        var requires: PathwayMask, requiresQualification: Int8, isReferral: Bool
    }

    static func grouped(_ moves: [PathwayMove]) -> [PathwayMoveGroup] {
        var index: [GroupKey: Int] = [:]
        var groups: [PathwayMoveGroup] = []
        for (m, move) in moves.enumerated() {
            let key = GroupKey(provides: move.provides, providesQualification: move.providesQualification, providesBarriers: move.providesBarriers,
                               requires: move.requires, requiresQualification: move.requiresQualification, isReferral: move.programme < 0)
            if let g = index[key] {
                groups[g].members.append(Int32(m))
            } else {
                index[key] = groups.count
                groups.append(PathwayMoveGroup(
                    provides: key.provides, providesQualification: key.providesQualification, providesBarriers: key.providesBarriers,
                    requires: key.requires, requiresQualification: key.requiresQualification, isReferral: key.isReferral, members: [Int32(m)]))
            }
        }
        for g in groups.indices {
            groups[g].members.sort { a, b in (moves[Int(a)].costPence, moves[Int(a)].rank) < (moves[Int(b)].costPence, moves[Int(b)].rank) }
        }
        return groups
    }

    /// The target's essential skill requirements: a vacancy's essential requirements, or an occupation's
    /// essential skills.
    static func targetSkillRequirements(_ target: PathwayTarget) -> [SkillRequirement] {
        switch target {
        case .vacancy(let target): target.vacancy.requirements.filter { $0.importance == .essential }
        case .occupation(let occupation):
            occupation.essentialSkills.map { SkillRequirement(skillID: $0.skillID, importance: .essential, minimumLevel: $0.level) }
        }
    }

    /// The bit of "skill held at `level` or above", if it is a condition.
    private func condition(_ skill: Int32, _ level: Int8) -> Int? {
        if skill < 0 { return conditionSkill.indices.first { conditionSkill[$0] == skill && conditionLevel[$0] == level } }
        var bit = conditionHead[Int(skill)]
        while bit >= 0 {
            if conditionLevel[Int(bit)] == level { return Int(bit) }
            bit = conditionNext[Int(bit)]
        }
        return nil
    }

    /// The index of the highest threshold at or below `level`.
    func qualificationIndex(_ level: RQFLevel) -> Int8 {
        Int8(max(0, (qualificationThresholds.lastIndex { $0 <= level } ?? 0)))
    }

    mutating func travelKm(_ p: Int) -> Double {
        let location = Int(catalogue.facts[p].location)
        if travelCache[location] < 0 { travelCache[location] = profile.location.distanceKm(to: catalogue.locations[location]) }
        return travelCache[location]
    }

    /// Why programme `p` can never be a step for this client, or nil when it can.
    mutating func unusable(_ p: Int) -> PathwayUnusable? {
        let f = catalogue.facts[p]
        if f.type == .inWorkUpskilling { return .inWork }
        if !(travelKm(p) <= profile.maxTravelKm) { return .travel }
        if f.hoursPerWeek > profile.maxHoursPerWeek { return .hours }
        if catalogue.firstCohort(p, onOrAfter: today) == nil { return .noCohort }
        if f.needsGCSEEnglish && !profile.gcseEnglish { return .gcseEnglish }
        if f.needsGCSEMaths && !profile.gcseMaths { return .gcseMaths }
        return nil
    }

    var start: PathwayState { PathwayState() }

    func isGoal(_ state: PathwayState) -> Bool {
        goal.skills.isSubset(of: state.skills) && state.qualification >= goal.qualification && state.barriers & goal.barriers == goal.barriers
    }
}
