import EscalatorCore
import Fluent
import Foundation

public final class SkillModel: Model, @unchecked Sendable {
    public static let schema = "skills"

    @ID(custom: .id, generatedBy: .user) public var id: String?
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: Skill.Kind
    @OptionalField(key: "sector") public var sector: Sector?
    @Field(key: "description") public var description: String

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $name, $kind, $sector, $description] }

    public init() {}

    public init(_ value: Skill) {
        id = value.id
        name = value.name
        kind = value.kind
        sector = value.sector
        description = value.description
    }

    public var value: Skill { Skill(id: id!, name: name, kind: kind, sector: sector, description: description) }
}

public final class OccupationModel: Model, @unchecked Sendable {
    public static let schema = "occupations"

    @ID(custom: .id, generatedBy: .user) public var id: String?
    @Field(key: "name") public var name: String
    @OptionalField(key: "soc_code") public var socCode: String?
    @OptionalField(key: "sector") public var sector: Sector?
    @Field(key: "essential_skills") public var essentialSkills: JSONList<OccupationSkill>
    @Field(key: "optional_skills") public var optionalSkills: JSONList<OccupationSkill>
    @Field(key: "typical_qualification") public var typicalQualification: RQFLevel
    @Field(key: "description") public var description: String

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $name, $socCode, $sector, $essentialSkills, $optionalSkills, $typicalQualification, $description] }

    public init() {}

    public init(_ value: Occupation) {
        id = value.id
        name = value.name
        socCode = value.socCode
        sector = value.sector
        essentialSkills = JSONList(value.essentialSkills)
        optionalSkills = JSONList(value.optionalSkills)
        typicalQualification = value.typicalQualification
        description = value.description
    }

    public var value: Occupation {
        Occupation(
            id: id!, name: name, socCode: socCode, sector: sector, essentialSkills: essentialSkills.items,
            optionalSkills: optionalSkills.items, typicalQualification: typicalQualification, description: description)
    }
}
