/// A local authority of the city region.
public struct LocalAuthority: Sendable, Hashable, Codable, Identifiable {
    public let id: String  // ONS-style code, e.g. E08000025
    public var name: String
    public var centre: GeoPoint

    public init(id: String, name: String, centre: GeoPoint) {
        self.id = id
        self.name = name
        self.centre = centre
    }
}

/// An electoral ward with its labour-market statistics. Target wards are the City Strategy
/// Pathfinder's most deprived wards, whose employment-rate gap the region aims to close.
public struct Ward: Sendable, Hashable, Codable, Identifiable {
    public let id: String
    public var name: String
    public var localAuthorityID: String
    public var centre: GeoPoint
    public var isTargetWard: Bool
    public var statistics: AreaStatistics

    public init(
        id: String, name: String, localAuthorityID: String, centre: GeoPoint,
        isTargetWard: Bool, statistics: AreaStatistics
    ) {
        self.id = id
        self.name = name
        self.localAuthorityID = localAuthorityID
        self.centre = centre
        self.isTargetWard = isTargetWard
        self.statistics = statistics
    }
}

/// Counts for an area: the working-age population and how many are employed, looking for work,
/// qualified to level 2 (five good GCSEs) and to degree level.
public struct AreaStatistics: Sendable, Hashable, Codable {
    public var workingAgePopulation: Int
    public var employed: Int
    public var lookingForWork: Int
    public var withLevel2: Int
    public var withDegree: Int

    public init(workingAgePopulation: Int, employed: Int, lookingForWork: Int, withLevel2: Int, withDegree: Int) {
        self.workingAgePopulation = workingAgePopulation
        self.employed = employed
        self.lookingForWork = lookingForWork
        self.withLevel2 = withLevel2
        self.withDegree = withDegree
    }

    public var employmentRate: Double {
        workingAgePopulation == 0 ? 0 : Double(employed) / Double(workingAgePopulation)
    }

    public static let zero = AreaStatistics(workingAgePopulation: 0, employed: 0, lookingForWork: 0, withLevel2: 0, withDegree: 0)

    public static func + (lhs: Self, rhs: Self) -> Self {
        AreaStatistics(
            workingAgePopulation: lhs.workingAgePopulation + rhs.workingAgePopulation,
            employed: lhs.employed + rhs.employed,
            lookingForWork: lhs.lookingForWork + rhs.lookingForWork,
            withLevel2: lhs.withLevel2 + rhs.withLevel2,
            withDegree: lhs.withDegree + rhs.withDegree
        )
    }
}
