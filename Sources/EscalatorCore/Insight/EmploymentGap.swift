/// The employment-rate gap between the region and its target wards, overall and by local authority.
/// Rates are population-weighted (employed over working-age population, summed over wards) and nil for
/// an area with no working-age population. Gaps are in percentage points, positive when the target
/// wards are behind the region.
public struct EmploymentGap: Sendable, Hashable, Codable {
    public var region: AreaStatistics
    public var targetWards: AreaStatistics
    /// By local-authority name, then id.
    public var byLocalAuthority: [LocalAuthorityEmploymentGap]

    /// Wards whose local authority is not in `localAuthorities` count toward the region only.
    public init(wards: [Ward], localAuthorities: [LocalAuthority]) {
        region = wards.reduce(.zero) { $0 + $1.statistics }
        targetWards = wards.filter(\.isTargetWard).reduce(.zero) { $0 + $1.statistics }
        let regionRate = Self.rate(region)
        let wardsByAuthority = Dictionary(grouping: wards, by: \.localAuthorityID)
        byLocalAuthority = localAuthorities
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            .map { authority in
                let wards = wardsByAuthority[authority.id] ?? []
                return LocalAuthorityEmploymentGap(
                    localAuthorityID: authority.id, name: authority.name,
                    all: wards.reduce(.zero) { $0 + $1.statistics },
                    targetWards: wards.filter(\.isTargetWard).reduce(.zero) { $0 + $1.statistics },
                    targetWardCount: wards.filter(\.isTargetWard).count,
                    regionRate: regionRate
                )
            }
    }

    public var regionRate: Double? { Self.rate(region) }
    public var targetWardsRate: Double? { Self.rate(targetWards) }
    /// (region rate − target-wards rate) × 100.
    public var gapPoints: Double? { Self.gapPoints(regionRate, targetWardsRate) }

    public static func rate(_ statistics: AreaStatistics) -> Double? {
        statistics.workingAgePopulation == 0 ? nil : statistics.employmentRate
    }

    static func gapPoints(_ regionRate: Double?, _ targetRate: Double?) -> Double? {
        guard let regionRate, let targetRate else { return nil }
        return (regionRate - targetRate) * 100
    }
}

public struct LocalAuthorityEmploymentGap: Sendable, Hashable, Codable {
    public var localAuthorityID: String
    public var name: String
    /// All the authority's wards.
    public var all: AreaStatistics
    public var targetWards: AreaStatistics
    public var targetWardCount: Int
    public var rate: Double?
    public var targetWardsRate: Double?
    /// How far this authority's target wards are behind the region: (region rate − their rate) × 100.
    public var gapPoints: Double?

    public init(
        localAuthorityID: String, name: String, all: AreaStatistics, targetWards: AreaStatistics, targetWardCount: Int,
        regionRate: Double?
    ) {
        self.localAuthorityID = localAuthorityID
        self.name = name
        self.all = all
        self.targetWards = targetWards
        self.targetWardCount = targetWardCount
        rate = EmploymentGap.rate(all)
        targetWardsRate = EmploymentGap.rate(targetWards)
        gapPoints = EmploymentGap.gapPoints(regionRate, targetWardsRate)
    }
}
