/// One client's working memory in the commissioning tally, reused from client to client so the
/// inner loop allocates nothing: the gaps of each essential-requirement list (worked out once per
/// client), pair counts per list, and which gaps the client misses.
struct CommissioningScratch {
    /// Gap keys, a run per list: `missingRange[list]` indexes into it.
    private(set) var gaps: [Int] = []
    private var requirements: [CommissioningSpace.Requirement] = []
    private var missingRange: [Range<Int>]
    private var stamp: [Int]
    private var client = 0
    private var held: [Int]
    private(set) var pairCount: [Int]
    private(set) var pairLists: [Int] = []
    private(set) var oneAwayGaps: [Int] = []
    private var oneAwayStamp: [Int]
    private var missingStamp: [Int]
    private(set) var missingGaps: [Int] = []
    var pointsInReach: [Int] = []
    /// Programmes the client can take (stamped with the client's number), and the pairs each would unlock.
    private var openStamp: [Int]
    private(set) var gain: [Int]
    private(set) var gainProgrammes: [Int] = []

    init(_ space: CommissioningSpace) {
        missingRange = Array(repeating: 0..<0, count: space.essentialLists.count)
        stamp = Array(repeating: 0, count: space.essentialLists.count)
        pairCount = stamp
        held = Array(repeating: 0, count: space.skillIDs.count)
        oneAwayStamp = Array(repeating: 0, count: space.gapKeyCount)
        missingStamp = oneAwayStamp
        openStamp = Array(repeating: 0, count: space.programmes.count)
        gain = openStamp
    }

    mutating func begin(_ profile: MatchProfile, _ space: CommissioningSpace) {
        client += 1
        gaps.removeAll(keepingCapacity: true)
        requirements.removeAll(keepingCapacity: true)
        for list in pairLists { pairCount[list] = 0 }
        pairLists.removeAll(keepingCapacity: true)
        oneAwayGaps.removeAll(keepingCapacity: true)
        missingGaps.removeAll(keepingCapacity: true)
        pointsInReach.removeAll(keepingCapacity: true)
        for programme in gainProgrammes { gain[programme] = 0 }
        gainProgrammes.removeAll(keepingCapacity: true)
        for index in held.indices { held[index] = 0 }
        for (id, level) in profile.skills { if let index = space.skillIndex[id] { held[index] = level.rawValue } }
    }

    /// The positions in `gaps` of the list's requirements the client does not meet.
    mutating func missing(_ list: Int, _ space: CommissioningSpace) -> Range<Int> {
        if stamp[list] == client { return missingRange[list] }
        let start = gaps.count
        for requirement in space.essentialLists[list] where held[requirement.skill] < requirement.level {
            gaps.append(space.gapKey(requirement))
            requirements.append(requirement)
        }
        stamp[list] = client
        missingRange[list] = start..<gaps.count
        return missingRange[list]
    }

    func missingRequirements(_ list: Int) -> ArraySlice<CommissioningSpace.Requirement> { requirements[missingRange[list]] }

    mutating func countPair(_ list: Int) {
        if pairCount[list] == 0 { pairLists.append(list) }
        pairCount[list] += 1
    }

    mutating func markOneAway(_ gap: Int) {
        if oneAwayStamp[gap] != client {
            oneAwayStamp[gap] = client
            oneAwayGaps.append(gap)
        }
    }

    /// Collects `missingGaps`: the distinct gaps over the lists with blocked pairs.
    mutating func collectMissingGaps() {
        for list in pairLists {
            for position in missingRange[list] where missingStamp[gaps[position]] != client {
                missingStamp[gaps[position]] = client
                missingGaps.append(gaps[position])
            }
        }
    }

    mutating func open(_ programme: Int) { openStamp[programme] = client }
    func isOpen(_ programme: Int) -> Bool { openStamp[programme] == client }

    mutating func addGain(_ programme: Int, _ pairs: Int) {
        if gain[programme] == 0 { gainProgrammes.append(programme) }
        gain[programme] += pairs
    }
}
