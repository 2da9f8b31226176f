/// How much each part of a vacancy match counts. The standard weights sum to 1, so scores run 0...1.
public struct MatchingWeights: Sendable, Hashable, Codable {
    public var essentialSkills: Double
    public var desirableSkills: Double
    public var qualification: Double
    public var aspiration: Double
    public var travel: Double

    public init(
        essentialSkills: Double = 0.50, desirableSkills: Double = 0.15, qualification: Double = 0.10,
        aspiration: Double = 0.15, travel: Double = 0.10
    ) {
        self.essentialSkills = essentialSkills
        self.desirableSkills = desirableSkills
        self.qualification = qualification
        self.aspiration = aspiration
        self.travel = travel
    }

    public static let standard = MatchingWeights()

    public var total: Double { essentialSkills + desirableSkills + qualification + aspiration + travel }
}
