import EscalatorCore
import Vapor

/// The insight dashboard as it may be published, as of one day, for one area: aggregates only, and every
/// count of people (and every count that adds up with one) under the small-number rule (`SmallNumberSuppression`),
/// for every viewer alike. The page renders it and `GET /api/v1/insight` returns it as it is. A hidden count
/// is `{"value": null, "suppressed": true, "reason": …}`, and a rate or ratio worked out from one is hidden too.
struct InsightDashboard: Content, Sendable {
    struct StageRow: Content, Sendable {
        var stage: JourneyStage
        var label: String
        var count: PublishedCount
    }

    struct Clients: Content, Sendable {
        var total: PublishedCount
        var byStage: [StageRow]
    }

    struct Vacancies: Content, Sendable {
        /// Open vacancies whose closing date has not passed.
        var live: PublishedCount
        var openings: PublishedCount
    }

    struct Places: Content, Sendable {
        var type: ProgrammeType?
        var label: String
        var programmes: PublishedCount
        var capacity: PublishedCount
        var enrolled: PublishedCount
        /// Unfilled places, counted per cohort (an over-full cohort adds none).
        var free: PublishedCount
    }

    struct ProgrammePlaces: Content, Sendable {
        /// Every programme type, in the order of `ProgrammeType.allCases`.
        var byType: [Places]
        var total: Places
    }

    struct Sustainment: Content, Sendable {
        var weeks: Int
        var due: PublishedCount
        var checked: PublishedCount
        var stillInWork: PublishedCount
        /// Still in work over due, 0 to 1; no value when none are due.
        var rate: PublishedFigure
    }

    struct JobStarts: Content, Sendable {
        /// Job starts on or before the as-of day.
        var total: PublishedCount
        var sustainment: [Sustainment]
    }

    struct SkillRow: Content, Sendable {
        var skillID: String
        var name: String
        /// Openings asking for the skill: essential counts 1, desirable 0.5.
        var demand: PublishedFigure
        /// Assessed clients whose latest assessment holds it at working level or above.
        var supply: PublishedCount
        /// Supply over demand.
        var ratio: PublishedFigure
    }

    /// `yyyy-MM-dd`.
    var asOf: String
    var area: InsightFigures.Area
    var clients: Clients
    var vacancies: Vacancies
    var programmePlaces: ProgrammePlaces
    var jobStarts: JobStarts
    /// Rates from the published area statistics (residents, not clients): not suppressed.
    var employmentGap: InsightFigures.EmploymentGapFigures
    /// The skills most demanded by live vacancies, most demanded first.
    var skills: [SkillRow]
    /// When these figures were computed, and whether newer ones are being computed (set when served).
    var freshness: Freshness?
}
