import Foundation

/// How concentrated recommendations are on a few vacancies.
public struct RecommendationConcentration: Sendable, Hashable {
    public var vacancies: Int
    public var recommendations: Int
    /// ⌈vacancies / 100⌉: the top 1% of vacancies by number of recommendations.
    public var topPercentVacancies: Int
    /// The share of all recommendations that go to those vacancies (0 when there are none).
    public var topPercentShare: Double
    public var maximumPerVacancy: Int
    /// Gini coefficient of recommendations per vacancy: 0 when every vacancy has as many, towards 1
    /// when one has them all.
    public var gini: Double

    /// `counts`: recommendations per vacancy, one entry for every vacancy that could be recommended
    /// (zeros included).
    public init(counts: [Int]) {
        let ascending = counts.sorted()
        let total = ascending.reduce(0, +)
        vacancies = counts.count
        recommendations = total
        topPercentVacancies = (counts.count + 99) / 100
        let top = ascending.suffix(topPercentVacancies).reduce(0, +)
        topPercentShare = total == 0 ? 0 : Double(top) / Double(total)
        maximumPerVacancy = ascending.last ?? 0
        // G = 2 Σ i·x₍ᵢ₎ / (n Σ x) − (n + 1) / n, x ascending, i from 1: integer sums, one division.
        let n = counts.count
        let weighted = ascending.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
        gini = total == 0 ? 0 : Double(2 * weighted - (n + 1) * total) / Double(n * total)
    }

    /// Concentration of `lists` over `vacancyIDs` (every vacancy that could be recommended).
    public init(lists: [[RankedVacancy]], vacancyIDs: [UUID]) {
        var counts = Dictionary(vacancyIDs.map { ($0, 0) }, uniquingKeysWith: { a, _ in a })
        for list in lists {
            for entry in list { counts[entry.vacancyID, default: 0] += 1 }
        }
        self.init(counts: Array(counts.values))
    }
}
