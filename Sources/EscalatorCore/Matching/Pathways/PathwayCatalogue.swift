import Foundation

/// The programmes laid out once for many pathway searches: skills as small integers, cohorts with a free
/// place as sorted start days, and indexes from a skill, a barrier or a qualification to the programmes
/// that give it.
struct PathwayCatalogue: Sendable {
    struct Entry: Sendable {
        var skill: Int32
        var level: Int8
    }

    struct Facts: Sendable {
        var id: UUID
        var type: ProgrammeType
        var location: Int32
        var hoursPerWeek: Int
        var days: Int
        var costPence: Int
        /// -1 when it awards none.
        var awarded: Int8
        var entryQualification: Int8
        var needsGCSEEnglish: Bool
        var needsGCSEMaths: Bool
        /// Bit `k` is `BarrierKind.allCases[k]`.
        var barrierSupport: UInt16
        /// `taught[taughtStart ..< taughtEnd]`, `entrySkills[entryStart ..< entryEnd]`,
        /// `cohortStart[cohortLow ..< cohortHigh]`.
        var taughtStart: Int32, taughtEnd: Int32
        var entryStart: Int32, entryEnd: Int32
        var cohortLow: Int32, cohortHigh: Int32
    }

    let programmes: [ProgrammeTarget]
    let facts: [Facts]
    let idOrder: [UUIDStringOrder]
    /// Position in programme id (`uuidString`) order.
    let idRank: [Int32]
    let taught: [Entry]
    let entrySkills: [Entry]
    /// Start days of cohorts with a free place, ascending within each programme (ties by cohort id).
    let cohortStart: [Int32]
    let cohortIDs: [UUID]
    let locations: [GeoPoint]
    let skillIndex: [String: Int32]
    let skillIDs: [String]
    /// Programmes other than in-work upskilling that teach a skill, with the level they reach.
    let teachers: [[(programme: Int32, level: Int8)]]
    /// Programmes other than in-work upskilling that award a qualification, highest award first.
    let awarders: [(programme: Int32, level: Int8)]
    /// Programmes other than in-work upskilling supporting each barrier kind (by `BarrierKind.allCases` index).
    let supporters: [[Int32]]
    let inWork: [Int32]
    /// In-work upskilling programmes that teach a skill, with the level they reach.
    let inWorkTeachers: [[(programme: Int32, level: Int8)]]

    init(_ targets: [ProgrammeTarget]) {
        programmes = targets
        var skills: [String: Int32] = [:], skillIDs: [String] = []
        func skill(_ id: String) -> Int32 {
            if let s = skills[id] { return s }
            skills[id] = Int32(skillIDs.count)
            skillIDs.append(id)
            return Int32(skillIDs.count - 1)
        }
        var pointIndex: [GeoPoint: Int32] = [:], locations: [GeoPoint] = []
        var facts: [Facts] = [], taught: [Entry] = [], entrySkills: [Entry] = []
        var cohortStart: [Int32] = [], cohortIDs: [UUID] = []
        for target in targets {
            let programme = target.programme
            let location = pointIndex[target.location] ?? {
                pointIndex[target.location] = Int32(locations.count)
                locations.append(target.location)
                return Int32(locations.count - 1)
            }()
            let taughtStart = Int32(taught.count)
            for t in programme.skillsTaught { taught.append(Entry(skill: skill(t.skillID), level: Int8(t.levelReached.rawValue))) }
            let entryStart = Int32(entrySkills.count)
            for r in programme.entryRequirements.requiredSkills { entrySkills.append(Entry(skill: skill(r.skillID), level: Int8(r.level.rawValue))) }
            let cohortLow = Int32(cohortStart.count)
            let open = programme.cohorts.filter { $0.capacity - $0.enrolled > 0 }
                .map { (day: DayNumber.of($0.startsOn), order: UUIDStringOrder($0.id), id: $0.id) }
                .sorted { ($0.day, $0.order) < ($1.day, $1.order) }
            for cohort in open {
                cohortStart.append(Int32(clamping: cohort.day))
                cohortIDs.append(cohort.id)
            }
            var support: UInt16 = 0
            for kind in programme.barrierSupport { support |= 1 << UInt16(kind.bitIndex) }
            facts.append(Facts(
                id: programme.id, type: programme.type, location: location, hoursPerWeek: programme.hoursPerWeek,
                days: max(0, programme.weeks) * 7, costPence: programme.costPence,
                awarded: programme.qualificationAwarded.map { Int8($0.rawValue) } ?? -1,
                entryQualification: Int8(programme.entryRequirements.minimumQualification.rawValue),
                needsGCSEEnglish: programme.entryRequirements.needsGCSEEnglish, needsGCSEMaths: programme.entryRequirements.needsGCSEMaths,
                barrierSupport: support, taughtStart: taughtStart, taughtEnd: Int32(taught.count),
                entryStart: entryStart, entryEnd: Int32(entrySkills.count), cohortLow: cohortLow, cohortHigh: Int32(cohortStart.count)))
        }

        var teachers = [[(programme: Int32, level: Int8)]](repeating: [], count: skillIDs.count)
        var awarders: [(programme: Int32, level: Int8)] = []
        var supporters = [[Int32]](repeating: [], count: BarrierKind.allCases.count)
        var inWork: [Int32] = []
        var inWorkTeachers = [[(programme: Int32, level: Int8)]](repeating: [], count: skillIDs.count)
        for (p, f) in facts.enumerated() {
            let p = Int32(p)
            if f.type == .inWorkUpskilling {
                inWork.append(p)
                for t in taught[Int(f.taughtStart)..<Int(f.taughtEnd)] { inWorkTeachers[Int(t.skill)].append((p, t.level)) }
                continue
            }
            for t in taught[Int(f.taughtStart)..<Int(f.taughtEnd)] { teachers[Int(t.skill)].append((p, t.level)) }
            if f.awarded >= 0 { awarders.append((p, f.awarded)) }
            for k in 0..<supporters.count where f.barrierSupport & (1 << UInt16(k)) != 0 { supporters[k].append(p) }
        }
        awarders.sort { $0.level != $1.level ? $0.level > $1.level : $0.programme < $1.programme }

        self.facts = facts
        let idOrder = targets.map { UUIDStringOrder($0.programme.id) }
        var idRank = [Int32](repeating: 0, count: targets.count)
        for (rank, p) in targets.indices.sorted(by: { (idOrder[$0], $0) < (idOrder[$1], $1) }).enumerated() { idRank[p] = Int32(rank) }
        self.idOrder = idOrder
        self.idRank = idRank
        self.taught = taught
        self.entrySkills = entrySkills
        self.cohortStart = cohortStart
        self.cohortIDs = cohortIDs
        self.locations = locations
        self.skillIndex = skills
        self.skillIDs = skillIDs
        self.teachers = teachers
        self.awarders = awarders
        self.supporters = supporters
        self.inWork = inWork
        self.inWorkTeachers = inWorkTeachers
    }

    /// The first cohort (index into `cohortStart`) of programme `p` with a free place starting on or after `day`.
    @inline(__always)
    func firstCohort(_ p: Int, onOrAfter day: Int) -> Int? {
        let f = facts[p]
        var low = Int(f.cohortLow), high = Int(f.cohortHigh)
        while low < high {
            let mid = (low + high) / 2
            if Int(cohortStart[mid]) < day { low = mid + 1 } else { high = mid }
        }
        return low < Int(f.cohortHigh) ? low : nil
    }
}

extension BarrierKind {
    /// Position in `allCases`: the bit a barrier kind takes in masks.
    var bitIndex: Int {
        switch self {
        case .childcare: 0
        case .caring: 1
        case .transport: 2
        case .health: 3
        case .disability: 4
        case .language: 5
        case .basicSkills: 6
        case .digitalAccess: 7
        case .convictions: 8
        case .housing: 9
        case .confidence: 10
        case .debt: 11
        }
    }
}
