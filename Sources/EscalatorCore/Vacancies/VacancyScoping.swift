/// Detailed scoping of job content: a vacancy's skills start from its occupation in the taxonomy,
/// essential skills as essential and optional ones as desirable, each at the occupation's usual level.
public enum VacancyScoping {
    public static func prefilledRequirements(for occupation: Occupation) -> [SkillRequirement] {
        occupation.essentialSkills.map { SkillRequirement(skillID: $0.skillID, importance: .essential, minimumLevel: $0.level) }
            + occupation.optionalSkills.map { SkillRequirement(skillID: $0.skillID, importance: .desirable, minimumLevel: $0.level) }
    }
}
