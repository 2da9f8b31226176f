/// The weighted sum of docs/matching.md taken apart so the engine can compute it from integers and
/// share parts of it. An eligible match always meets the qualification, and a skill value is
/// `credit / asked` where the credit is a sum of 0, ½ and 1 — exact in a double — so it depends only on
/// the number of requirements `n` and the number of half credits `h` (1 counts 2, ½ counts 1). Each term
/// here is the same product `VacancyScorer.ComponentValues.weightedSum` takes, so adding the terms in the
/// same order gives the same bits.
struct ScoreTerms: Sendable {
    let weights: MatchingWeights
    /// `weights.essentialSkills × value(n, h)` for `n < tableLimit` at `n² + h`; likewise desirable.
    private let essential: [Double]
    private let desirable: [Double]
    let qualification: Double
    let aspiring: Double
    let notAspiring: Double
    /// The largest desirable term any skills can give (a term is monotone in its value, which is in 0...1).
    let largestDesirableTerm: Double
    /// The smallest and largest `skillsSum` of all, for any skills and aspiration.
    private(set) var skillsSumRange: (lowest: Double, highest: Double)
    static let tableLimit = 33

    init(_ weights: MatchingWeights) {
        self.weights = weights
        func table(_ weight: Double) -> [Double] {
            // n² + h for h in 0...2n packs every n into 0..<(tableLimit)².
            var terms = [Double](repeating: 0, count: Self.tableLimit * Self.tableLimit)
            for n in 0..<Self.tableLimit {
                for h in 0...(2 * n) { terms[n * n + h] = weight * Self.value(count: n, halves: h) }
            }
            return terms
        }
        essential = table(weights.essentialSkills)
        desirable = table(weights.desirableSkills)
        qualification = weights.qualification * 1
        aspiring = weights.aspiration * 1
        notAspiring = weights.aspiration * 0
        largestDesirableTerm = max(weights.desirableSkills * 0, weights.desirableSkills * 1)
        skillsSumRange = (0, 0)
        skillsSumRange = (corners(aspires: [false, true]).min()!, corners(aspires: [false, true]).max()!)
    }

    /// `SkillTally.value`: the mean credit, 1 when nothing is asked.
    @inline(__always)
    static func value(count: Int, halves: Int) -> Double {
        count == 0 ? 1 : (Double(halves) * 0.5) / Double(count)
    }

    @inline(__always)
    func essentialTerm(count n: Int, halves h: Int) -> Double {
        n < Self.tableLimit ? essential[n * n + h] : weights.essentialSkills * Self.value(count: n, halves: h)
    }

    @inline(__always)
    func desirableTerm(count n: Int, halves h: Int) -> Double {
        n < Self.tableLimit ? desirable[n * n + h] : weights.desirableSkills * Self.value(count: n, halves: h)
    }

    /// The score without its travel term: everything `weightedSum` adds before `weights.travel × travel`.
    @inline(__always)
    func skillsSum(essential: Double, desirable: Double, aspires: Bool) -> Double {
        var sum = 0.0
        sum += essential
        sum += desirable
        sum += qualification
        sum += aspires ? aspiring : notAspiring
        return sum
    }

    /// The travel term for a distance within the limit.
    @inline(__always)
    func travelTerm(km: Double, limit: Double) -> Double {
        weights.travel * VacancyScorer.travelValue(km, limit: limit)
    }

    /// The largest `skillsSum` any skills can give: the sum is monotone in each term and each term in
    /// its value, so the largest is at a corner of the box of values (whatever the signs of the weights).
    func largestSkillsSum(aspires: Bool) -> Double {
        corners(aspires: [aspires]).max()!
    }

    private func corners(aspires: [Bool]) -> [Double] {
        var sums: [Double] = []
        for e in [0.0, 1.0] {
            for d in [0.0, 1.0] {
                for a in aspires {
                    sums.append(skillsSum(essential: weights.essentialSkills * e, desirable: weights.desirableSkills * d, aspires: a))
                }
            }
        }
        return sums
    }
}

/// Half credits for one requirement (`VacancyScorer.credit` × 2), with levels as integers and 0 for a
/// skill not held.
@inline(__always)
func halfCredits(held: Int8, required: Int8) -> Int {
    if held == 0 { return 0 }
    if held >= required { return 2 }
    return held == required - 1 ? 1 : 0
}
