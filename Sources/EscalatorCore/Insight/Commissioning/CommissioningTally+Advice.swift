import Foundation

/// The merged counts turned into ranked advice.
extension CommissioningTally {
    func advice() -> CommissioningAdvice {
        CommissioningAdvice(
            blockers: blockers(), programmes: programmeImpacts(), untaught: untaughtSkills(),
            clientsJobReady: clientsJobReady, clientsBlockedOnlyBySkills: clientsBlockedOnlyBySkills)
    }

    /// Most clients one gap away first, then most clients missing it, then skill id and level.
    private func blockers() -> [CommissioningAdvice.SkillBlocker] {
        clientsMissing.indices.filter { clientsMissing[$0] > 0 }.map { gap in
            let skill = gap / 5, level = gap % 5
            return CommissioningAdvice.SkillBlocker(
                skillID: space.skillIDs[skill], level: Proficiency(rawValue: level)!, clientsOneSkillAway: clientsOneAway[gap],
                vacanciesUnlocked: vacanciesOneAway[gap].reduce(0) { $0 + $1.nonzeroBitCount },
                pairsOneSkillAway: pairsOneAway[gap], clientsMissing: clientsMissing[gap],
                programmesTeaching: space.teachers[skill].filter { $0.level >= level }.count)
        }
        .sorted {
            if ($0.clientsOneSkillAway, $0.clientsMissing) != ($1.clientsOneSkillAway, $1.clientsMissing) {
                return ($0.clientsOneSkillAway, $0.clientsMissing) > ($1.clientsOneSkillAway, $1.clientsMissing)
            }
            return ($0.skillID, $0.level.rawValue) < ($1.skillID, $1.level.rawValue)
        }
    }

    /// Most matches per place first, then most matches, then programme id (`uuidString`).
    private func programmeImpacts() -> [CommissioningAdvice.ProgrammeImpact] {
        space.programmes.indices.filter { space.programmes[$0].freePlaces > 0 }.map { p in
            let places = space.programmes[p].freePlaces
            let best = gains[p].sorted(by: >).prefix(places).reduce(0, +)
            return CommissioningAdvice.ProgrammeImpact(
                programmeID: space.programmeIDs[p], freePlaces: places, clientsUnlocked: clientsUnlocked[p],
                matchesUnlocked: matchesUnlocked[p], matchesPerPlace: Double(best) / Double(places))
        }
        .map { ($0, UUIDStringOrder($0.programmeID)) }
        .sorted { a, b in
            (a.0.matchesPerPlace, a.0.matchesUnlocked) != (b.0.matchesPerPlace, b.0.matchesUnlocked)
                ? (a.0.matchesPerPlace, a.0.matchesUnlocked) > (b.0.matchesPerPlace, b.0.matchesUnlocked)
                : a.1 < b.1
        }
        .map(\.0)
    }

    /// Essential requirements of live vacancies above the highest level any programme teaches.
    private func untaughtSkills() -> [CommissioningAdvice.UntaughtSkill] {
        var highestTaught = Array(repeating: 0, count: space.skillIDs.count)
        for programme in space.programmes {
            for (skill, level) in programme.taught { highestTaught[skill] = max(highestTaught[skill], level) }
        }
        var vacancies = Array(repeating: 0, count: space.skillIDs.count)
        var openings = vacancies, asked = vacancies
        for (v, vacancy) in space.vacancies.enumerated() {
            for requirement in space.essentialLists[vacancy.essentials] where requirement.level > highestTaught[requirement.skill] {
                vacancies[requirement.skill] += 1
                openings[requirement.skill] += space.openings[v]
                asked[requirement.skill] = max(asked[requirement.skill], requirement.level)
            }
        }
        return space.skillIDs.indices.filter { vacancies[$0] > 0 }.map { s in
            CommissioningAdvice.UntaughtSkill(
                skillID: space.skillIDs[s], vacancies: vacancies[s], openings: openings[s],
                levelAsked: Proficiency(rawValue: asked[s])!, highestLevelTaught: Proficiency(rawValue: highestTaught[s]))
        }
        .sorted { ($0.openings, $0.vacancies) != ($1.openings, $1.vacancies) ? ($0.openings, $0.vacancies) > ($1.openings, $1.vacancies) : $0.skillID < $1.skillID }
    }
}
