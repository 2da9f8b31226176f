import Foundation

/// The vacancies and programmes prepared for the commissioning tally: skills as small integers,
/// places grouped by point, and vacancies grouped by their list of essential requirements.
struct CommissioningSpace: Sendable {
    struct Requirement: Sendable, Hashable {
        var skill: Int
        var level: Int
    }

    struct PreparedVacancy: Sendable {
        var point: Int
        var hours: Int
        var minimumAge: Int
        var minimumQualification: RQFLevel
        var needsGCSEEnglish: Bool
        var needsGCSEMaths: Bool
        /// Index into `essentialLists`.
        var essentials: Int
    }

    struct PreparedProgramme: Sendable {
        var point: Int
        var hoursPerWeek: Int
        var freePlaces: Int
        var entry: EntryRequirements
        /// Level taught per skill index, 0 when not taught.
        var taught: [Int: Int]
    }

    var skillIDs: [String] = []
    var skillIndex: [String: Int] = [:]
    var points: [GeoPoint] = []
    var vacancies: [PreparedVacancy] = []
    var vacancyIDs: [UUID] = []
    var openings: [Int] = []
    var essentialLists: [[Requirement]] = []
    var programmes: [PreparedProgramme] = []
    var programmeIDs: [UUID] = []
    /// The level each programme teaches each skill to, 0 when not taught: row `programme`, column `skill`
    /// (`skillIDs.count` columns), so the inner loop looks levels up without hashing.
    var taughtLevels: [UInt8] = []
    /// Programmes with a free place teaching each skill, with the level they reach.
    var teachers: [[(programme: Int, level: Int)]] = []
    /// Vacancy indices and programme indices (those with a free place) by point.
    var vacanciesAtPoint: [[Int]] = []
    var programmesAtPoint: [[Int]] = []

    init(vacancies targets: [VacancyTarget], programmes programmeTargets: [ProgrammeTarget]) {
        var pointIndex: [GeoPoint: Int] = [:]
        func point(_ location: GeoPoint) -> Int {
            if let index = pointIndex[location] { return index }
            pointIndex[location] = points.count
            points.append(location)
            return points.count - 1
        }
        var listIndex: [[Requirement]: Int] = [:]
        for target in targets {
            let vacancy = target.vacancy
            let essentials = vacancy.essential.map { Requirement(skill: skill($0.skillID), level: $0.minimumLevel.rawValue) }
            let list = listIndex[essentials] ?? {
                listIndex[essentials] = essentialLists.count
                essentialLists.append(essentials)
                return essentialLists.count - 1
            }()
            self.vacancies.append(PreparedVacancy(
                point: point(target.location), hours: vacancy.hoursPerWeek, minimumAge: vacancy.minimumAge,
                minimumQualification: vacancy.minimumQualification, needsGCSEEnglish: vacancy.needsGCSEEnglish,
                needsGCSEMaths: vacancy.needsGCSEMaths, essentials: list))
            vacancyIDs.append(vacancy.id)
            openings.append(vacancy.openings)
        }
        for target in programmeTargets {
            let programme = target.programme
            var taught: [Int: Int] = [:]
            for item in programme.skillsTaught {
                let index = skill(item.skillID)
                taught[index] = max(taught[index] ?? 0, item.levelReached.rawValue)
            }
            programmes.append(PreparedProgramme(
                point: point(target.location), hoursPerWeek: programme.hoursPerWeek, freePlaces: programme.freePlaces,
                entry: programme.entryRequirements, taught: taught))
            programmeIDs.append(programme.id)
        }
        taughtLevels = Array(repeating: 0, count: programmes.count * skillIDs.count)
        for (index, programme) in programmes.enumerated() {
            for (skill, level) in programme.taught { taughtLevels[index * skillIDs.count + skill] = UInt8(level) }
        }
        teachers = Array(repeating: [], count: skillIDs.count)
        for (index, programme) in programmes.enumerated() where programme.freePlaces > 0 {
            for (skill, level) in programme.taught.sorted(by: { $0.key < $1.key }) { teachers[skill].append((index, level)) }
        }
        vacanciesAtPoint = Array(repeating: [], count: points.count)
        for (index, vacancy) in vacancies.enumerated() { vacanciesAtPoint[vacancy.point].append(index) }
        programmesAtPoint = Array(repeating: [], count: points.count)
        for (index, programme) in programmes.enumerated() where programme.freePlaces > 0 {
            programmesAtPoint[programme.point].append(index)
        }
    }

    /// Gaps are counted per skill and level asked.
    var gapKeyCount: Int { skillIDs.count * 5 }
    func gapKey(_ requirement: Requirement) -> Int { requirement.skill * 5 + requirement.level }

    private mutating func skill(_ id: String) -> Int {
        if let index = skillIndex[id] { return index }
        skillIndex[id] = skillIDs.count
        skillIDs.append(id)
        return skillIDs.count - 1
    }
}
