import EscalatorCore
import Foundation
import Vapor

/// Commissioning advice as it may be published: names added, and every count of people (or of pairs and
/// vacancies found through people) under the small-number rule, for every viewer, as the insight dashboard
/// does. Each count stands alone (none adds up to a shown total), so only counts from 1 to 4 are hidden;
/// matches per place is hidden when the matches it comes from are. Free places and how many programmes
/// teach a skill describe the catalogue, not people, and are shown as they are.
struct CommissioningReport: Content {
    struct Blocker: Content {
        var skillID: String
        var skillName: String
        var level: Int
        var levelLabel: String
        var clientsOneSkillAway: PublishedCount
        var vacanciesUnlocked: PublishedCount
        var pairsOneSkillAway: PublishedCount
        var clientsMissing: PublishedCount
        var programmesTeaching: Int
    }

    struct Programme: Content {
        var programmeID: UUID
        var title: String
        var providerName: String
        var freePlaces: Int
        var clientsUnlocked: PublishedCount
        var matchesUnlocked: PublishedCount
        var matchesPerPlace: PublishedFigure
    }

    struct Untaught: Content {
        var skillID: String
        var skillName: String
        var vacancies: PublishedCount
        var openings: PublishedCount
        var levelAsked: Int
        /// Absent when no programme teaches the skill at all.
        var highestLevelTaught: Int?
    }

    var asOf: String
    var clientsJobReady: PublishedCount
    var clientsBlockedOnlyBySkills: PublishedCount
    var blockers: [Blocker]
    var programmes: [Programme]
    var untaught: [Untaught]
    /// When the advice was computed, and whether newer advice is being computed (set when served).
    var freshness: Freshness?

    init(publishing advice: CommissioningAdvice, asOf: Date, taxonomy: Taxonomy, programmeTitles: [UUID: String], providerNames: [UUID: String]) {
        typealias Rule = SmallNumberSuppression
        self.asOf = asOf.isoDay
        clientsJobReady = Rule.count(advice.clientsJobReady)
        clientsBlockedOnlyBySkills = Rule.count(advice.clientsBlockedOnlyBySkills)
        blockers = advice.blockers.map {
            Blocker(skillID: $0.skillID, skillName: taxonomy.skillName($0.skillID), level: $0.level.rawValue, levelLabel: $0.level.label,
                    clientsOneSkillAway: Rule.count($0.clientsOneSkillAway), vacanciesUnlocked: Rule.count($0.vacanciesUnlocked),
                    pairsOneSkillAway: Rule.count($0.pairsOneSkillAway), clientsMissing: Rule.count($0.clientsMissing),
                    programmesTeaching: $0.programmesTeaching)
        }
        programmes = advice.programmes.map {
            let clients = Rule.count($0.clientsUnlocked), matches = Rule.count($0.matchesUnlocked)
            return Programme(programmeID: $0.programmeID, title: programmeTitles[$0.programmeID] ?? "Unknown programme",
                             providerName: providerNames[$0.programmeID] ?? "Unknown provider", freePlaces: $0.freePlaces,
                             clientsUnlocked: clients, matchesUnlocked: matches,
                             matchesPerPlace: Rule.derived($0.matchesPerPlace, from: matches, clients))
        }
        untaught = advice.untaught.map {
            Untaught(skillID: $0.skillID, skillName: taxonomy.skillName($0.skillID), vacancies: Rule.count($0.vacancies),
                     openings: Rule.count($0.openings), levelAsked: $0.levelAsked.rawValue, highestLevelTaught: $0.highestLevelTaught?.rawValue)
        }
    }
}
