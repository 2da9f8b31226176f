extension AreaStatistics {
    /// The national employment rate the city region is measured against: 74%, against the region's 65%.
    public static let nationalEmploymentRate = 0.74

    /// The national share of residents with a degree: 37%, against the region's 28%.
    public static let nationalDegreeShare = 0.37

    /// Share of the working-age population qualified to level 2 (five good GCSEs) or above.
    public var level2Share: Double {
        workingAgePopulation == 0 ? 0 : Double(withLevel2) / Double(workingAgePopulation)
    }

    /// Share of the working-age population with a degree.
    public var degreeShare: Double {
        workingAgePopulation == 0 ? 0 : Double(withDegree) / Double(workingAgePopulation)
    }
}
