import Foundation

/// Programmes with bookable cohorts, indexed by the skills they teach, so a client's cohort options come
/// from their gaps rather than from a scan of every programme.
struct AllocationProgrammes {
    struct Entry {
        /// Index into `locations`.
        var location: Int
        var entry: EntryRequirements
        /// Bit `i` set when the programme supports `BarrierKind.allCases[i]`.
        var barriers: UInt64
        /// The programme's cohort slots in the instance.
        var slots: Range<Int>
    }

    /// Per-thread working memory, reused from client to client.
    struct Scratch {
        var gapPoints: [Double]
        var touched: [Int32] = []
        var distance: [Double]

        init(_ programmes: AllocationProgrammes) {
            gapPoints = [Double](repeating: 0, count: programmes.entries.count)
            distance = [Double](repeating: .nan, count: programmes.locations.count)
        }
    }

    var entries: [Entry] = []
    var locations: [GeoPoint] = []
    /// Skill id → the programmes teaching it and the highest level each reaches.
    var teaching: [String: [(programme: Int32, level: Proficiency)]] = [:]

    static func barrierMask<S: Sequence>(_ kinds: S) -> UInt64 where S.Element == BarrierKind {
        kinds.reduce(0) { $0 | 1 << UInt64(BarrierKind.allCases.firstIndex(of: $1)!) }
    }

    /// Bookable cohorts (starting on or after `firstDay`, with a free place) are appended to `slots`,
    /// programmes in id order (each id once) and each one's cohorts in id order.
    init(_ targets: [ProgrammeTarget], firstDay: Date, reservation: PlaceReservation?, slots: inout [AllocationSlot]) {
        var seen = Set<UUID>()
        let ordered = targets.filter { seen.insert($0.programme.id).inserted }
            .sorted { UUIDStringOrder($0.programme.id) < UUIDStringOrder($1.programme.id) }
        var locationIndex: [GeoPoint: Int] = [:]
        for target in ordered {
            let programme = target.programme
            let bookable = programme.cohorts.filter { $0.startsOn >= firstDay && $0.freePlaces > 0 }
                .sorted { UUIDStringOrder($0.id) < UUIDStringOrder($1.id) }
            guard !bookable.isEmpty else { continue }
            let start = slots.count
            for cohort in bookable {
                slots.append(AllocationSlot(
                    kind: .cohort, targetID: programme.id, cohortID: cohort.id, places: cohort.freePlaces,
                    reserved: reservation?.reservedPlaces(of: cohort.freePlaces) ?? 0))
            }
            let location = locationIndex[target.location] ?? {
                locationIndex[target.location] = locations.count
                locations.append(target.location)
                return locations.count - 1
            }()
            let index = Int32(entries.count)
            entries.append(Entry(
                location: location, entry: programme.entryRequirements, barriers: Self.barrierMask(programme.barrierSupport),
                slots: start..<slots.count))
            var levels: [String: Proficiency] = [:]
            for skill in programme.skillsTaught { levels[skill.skillID] = max(levels[skill.skillID] ?? .basic, skill.levelReached) }
            for (skill, level) in levels { teaching[skill, default: []].append((index, level)) }
        }
    }

    /// The client's cohort candidates: every bookable cohort of every programme that closes at least one
    /// gap to the level asked, within the travel limit, with the entry requirements met, scored as
    /// `Matcher.programmesClosingGaps` scores the programme and normalised by `AllocationScore.cohort`.
    func candidates(
        for profile: MatchProfile, gaps: [SkillGap], programmeWeight: Double, scratch: inout Scratch,
        into output: inout [AllocationCandidate]
    ) {
        guard !gaps.isEmpty else { return }
        for gap in gaps {
            for (programme, level) in teaching[gap.skillID] ?? [] where level >= gap.required {
                if scratch.gapPoints[Int(programme)] == 0 { scratch.touched.append(programme) }
                scratch.gapPoints[Int(programme)] += gap.importance == .essential ? 2 : 1
            }
        }
        let best = AllocationScore.bestProgrammeScore(gaps: gaps, profile: profile)
        let clientBarriers = Self.barrierMask(profile.barriers.map(\.kind))
        for programme in scratch.touched {
            let gapPoints = scratch.gapPoints[Int(programme)]
            scratch.gapPoints[Int(programme)] = 0
            let location = entries[Int(programme)].location
            if scratch.distance[location].isNaN { scratch.distance[location] = profile.location.distanceKm(to: locations[location]) }
            let travelKm = scratch.distance[location]
            guard travelKm <= profile.maxTravelKm,
                  Matcher.entryRequirementsMet(entries[Int(programme)].entry, by: profile) else { continue }
            let supported = (clientBarriers & entries[Int(programme)].barriers).nonzeroBitCount
            let programmeScore = gapPoints + 0.5 * Double(supported) + 1 - travelKm / 100
            let score = programmeWeight * (programmeScore / best)
            let weight = AllocationScore.weight(score)
            for slot in entries[Int(programme)].slots { output.append(AllocationCandidate(slot: slot, score: score, weight: weight)) }
        }
        for programme in scratch.touched { scratch.distance[entries[Int(programme)].location] = .nan }
        scratch.touched.removeAll(keepingCapacity: true)
    }
}
