/// An occupation with the skills it needs. `socCode` is the UK SOC 2020 unit group where known.
public struct Occupation: Sendable, Hashable, Codable, Identifiable {
    public let id: String
    public var name: String
    public var socCode: String?
    public var sector: Sector?
    public var essentialSkills: [OccupationSkill]
    public var optionalSkills: [OccupationSkill]
    /// The RQF level an entrant is usually expected to hold.
    public var typicalQualification: RQFLevel
    public var description: String

    public init(
        id: String, name: String, socCode: String?, sector: Sector?,
        essentialSkills: [OccupationSkill], optionalSkills: [OccupationSkill] = [],
        typicalQualification: RQFLevel = .entry, description: String = ""
    ) {
        self.id = id
        self.name = name
        self.socCode = socCode
        self.sector = sector
        self.essentialSkills = essentialSkills
        self.optionalSkills = optionalSkills
        self.typicalQualification = typicalQualification
        self.description = description
    }
}

/// A skill an occupation relies on, with the level usually expected of a new starter.
public struct OccupationSkill: Sendable, Hashable, Codable {
    public var skillID: String
    public var level: Proficiency

    public init(_ skillID: String, _ level: Proficiency = .working) {
        self.skillID = skillID
        self.level = level
    }
}
