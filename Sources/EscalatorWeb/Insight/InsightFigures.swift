import EscalatorCore
import Vapor

/// Every figure behind the insight dashboard, as of one day, for one area, before small numbers are
/// suppressed. Never shown or returned as it is: `InsightDashboard(publishing:)` makes what may be published.
struct InsightFigures: Codable, Sendable {
    struct Area: Content, Sendable {
        /// Nil for the whole city region.
        var localAuthorityID: String?
        var name: String
        var wardCount: Int
        var targetWardCount: Int
    }

    struct StageRow: Codable, Sendable {
        var stage: JourneyStage
        var label: String
        var count: Int
    }

    struct Clients: Codable, Sendable {
        var total: Int
        var byStage: [StageRow]
    }

    struct Vacancies: Codable, Sendable {
        /// Open vacancies whose closing date has not passed.
        var live: Int
        var openings: Int
    }

    struct Places: Codable, Sendable {
        var type: ProgrammeType?
        var label: String
        var programmes: Int
        var capacity: Int
        var enrolled: Int
        /// Unfilled places, counted per cohort (an over-full cohort adds none).
        var free: Int
    }

    struct ProgrammePlaces: Codable, Sendable {
        /// Every programme type, in the order of `ProgrammeType.allCases`.
        var byType: [Places]
        var total: Places
    }

    struct Sustainment: Codable, Sendable {
        var weeks: Int
        var due: Int
        var checked: Int
        var stillInWork: Int
        /// Still in work over due, 0 to 1; absent when none are due.
        var rate: Double?
    }

    struct JobStarts: Codable, Sendable {
        /// Job starts on or before the as-of day.
        var total: Int
        var sustainment: [Sustainment]
    }

    struct AuthorityGap: Content, Sendable {
        var localAuthorityID: String
        var name: String
        var rate: Double?
        var targetWardsRate: Double?
        var targetWardCount: Int
        /// (area rate − this authority's target-wards rate) × 100.
        var gapPoints: Double?
    }

    /// Employment rates are employed over working-age population, 0 to 1; gaps are in percentage points.
    struct EmploymentGapFigures: Content, Sendable {
        var areaRate: Double?
        var targetWardsRate: Double?
        var nationalRate: Double
        /// (area rate − target-wards rate) × 100: how far the target wards are behind the area.
        var gapPoints: Double?
        /// (national rate − area rate) × 100.
        var areaBehindNationalPoints: Double?
        /// (national rate − target-wards rate) × 100.
        var targetWardsBehindNationalPoints: Double?
        var byLocalAuthority: [AuthorityGap]
    }

    struct SkillRow: Codable, Sendable {
        var skillID: String
        var name: String
        /// Openings asking for the skill: essential counts 1, desirable 0.5.
        var demand: Double
        /// Assessed clients whose latest assessment holds it at working level or above.
        var supply: Int
        /// Supply over demand.
        var ratio: Double?
    }

    /// `yyyy-MM-dd`.
    var asOf: String
    var area: Area
    var clients: Clients
    var vacancies: Vacancies
    var programmePlaces: ProgrammePlaces
    var jobStarts: JobStarts
    var employmentGap: EmploymentGapFigures
    /// The skills most demanded by live vacancies, most demanded first.
    var skills: [SkillRow]
}
