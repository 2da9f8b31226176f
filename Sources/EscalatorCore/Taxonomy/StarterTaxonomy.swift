/// The built-in starter taxonomy: the city region's main sectors, about ninety occupational skills,
/// the four basic skills every programme needs, the licences and checks vacancies ask for, and
/// forty-five occupations laid out so that pathways exist in every sector (care assistant → senior
/// care worker → nursing associate; warehouse operative → forklift driver → team leader → HGV driver;
/// labourer → bricklayer or electrician; kitchen porter → commis chef → chef de partie; retail
/// assistant → supervisor; admin assistant → accounts assistant → accounting technician; IT support →
/// software developer; CNC operator → maintenance engineer).
///
/// Ids are stable codes: `S.` occupational skills, `B.` basic skills, `L.` licences and checks,
/// `O.` occupations. `socCode` is the UK SOC 2020 unit group where we are confident of it, and nil
/// otherwise (team leaders, supervisors, receptionists, nursing associates and a few more).
/// Replace or extend it with an ESCO import (`ESCOImport`) when a fuller classification is wanted.
public enum StarterTaxonomy {
    public static let taxonomy = Taxonomy(skills: skills, occupations: occupations)

    /// Every skill, licence and check, in a stable order.
    public static var skills: [Skill] { basicSkills + licences + occupationalSkills }

    /// The basic skills every programme needs.
    public static let basicSkillIDs = ["B.LITERACY", "B.NUMERACY", "B.DIGITAL", "B.ESOL"]

    /// Licences, cards and checks a vacancy can demand.
    public static let licenceIDs = [
        "L.CSCS", "L.FORKLIFT", "L.SIA", "L.DBS", "L.DRIVING", "L.FOOD_HYGIENE", "L.FIRST_AID", "L.HGV", "L.DRIVER_CPC",
    ]
}
