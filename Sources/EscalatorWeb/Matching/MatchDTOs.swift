import EscalatorCore
import Foundation
import Vapor

/// The JSON shapes of matches and candidates. Every score comes with the components that add up to it.
enum MatchDTO {
    struct Component: Content {
        var name: String
        var weight: Double
        var value: Double
        var contribution: Double
        var explanation: String

        init(_ c: ScoreComponent) {
            name = c.name
            weight = c.weight
            value = c.value
            contribution = c.contribution
            explanation = c.explanation
        }
    }

    struct SkillLine: Content {
        var skillID: String
        var skillName: String
        var importance: Importance
        var required: Int
        var held: Int?

        init(_ gap: SkillGap, taxonomy: Taxonomy) {
            skillID = gap.skillID
            skillName = taxonomy.skillName(gap.skillID)
            importance = gap.importance
            required = gap.required.rawValue
            held = gap.held?.rawValue
        }
    }

    struct MatchedVacancy: Content {
        var vacancyID: UUID
        var title: String
        var employerName: String
        var score: Double
        var scorePercent: Int
        var eligible: Bool
        var components: [Component]
        var skillsMet: [SkillLine]
        var skillsMissing: [SkillLine]
        var travelKm: Double
        var blockers: [ConstraintNote]
        var warnings: [ConstraintNote]
        /// How many other clients' lists (in this mode) include it.
        var recommendedToOthers: Int
        /// Open referrals to it (applied, interviewed or offered) of other clients.
        var referredOthers: Int
    }

    struct NamedSkill: Content {
        var skillID: String
        var skillName: String
    }

    struct CohortDTO: Content {
        var cohortID: UUID
        var startsOn: String
        var freePlaces: Int
    }

    struct SuggestedProgramme: Content {
        var programmeID: UUID
        var title: String
        var providerName: String
        var type: ProgrammeType
        var closesGaps: [NamedSkill]
        var travelKm: Double
        var entryMet: Bool
        var freePlaces: Int
        var supportsBarriers: [BarrierKind]
        var guaranteedInterview: Bool
        var nextCohort: CohortDTO?
        var score: Double
        var reasons: [String]
    }

    struct ClientMatches: Content {
        var clientID: UUID
        var assessmentID: UUID?
        var assessedOn: String?
        var includeIneligible: Bool
        var mode: MatchMode
        var spreadMultiple: Int
        var vacancies: [MatchedVacancy]
        var programmes: [SuggestedProgramme]
    }

    struct HoursAvailability: Content {
        var minHoursPerWeek: Int
        var maxHoursPerWeek: Int
    }

    /// A candidate as advisers and administrators see them.
    struct Candidate: Content {
        var clientReference: String
        /// Only for those who may open the client's record.
        var clientID: UUID?
        var name: String?
        var score: Double
        var scorePercent: Int
        var components: [Component]
        var skillsMet: [SkillLine]
        var skillsMissing: [SkillLine]
        var distanceBand: TravelBand
        var travelKm: Double
        var hoursAvailability: HoursAvailability
        var warnings: [ConstraintNote]
    }

    struct Candidates: Content {
        var vacancyID: UUID
        var title: String
        var employerName: String
        var live: Bool
        var pseudonymised: Bool
        var congestion: VacancyCongestion
        var candidates: [Candidate]
    }

    /// A candidate as the employer sees them (`PseudonymousCandidate`), and no more.
    struct PseudonymousCandidateDTO: Content {
        /// The same on every page about this vacancy while its terms stay the same; different for each vacancy.
        var pseudonym: String
        /// Only once the client has accepted a referral to this vacancy and while they consent to share with the employer.
        var name: String?
        var scoreStep: Int
        var requirements: [Requirement]
        var distanceBand: TravelBand
        var hoursBand: HoursBand

        struct Requirement: Content {
            var skillID: String
            var skillName: String
            var importance: Importance
            var met: Bool
        }
    }

    /// What an employer gets for its vacancy: the candidates, or only how many there are when fewer than 5.
    struct PseudonymisedCandidates: Content {
        var vacancyID: UUID
        var title: String
        var employerName: String
        var live: Bool
        var pseudonymised: Bool
        /// Draft vacancies have no candidates until published.
        var published: Bool
        var total: Int
        /// True when the list is shorter than 5, so that only its length is given.
        var countOnly: Bool
        var congestion: VacancyCongestion
        var candidates: [PseudonymousCandidateDTO]
    }

    struct VacancyCongestion: Content {
        var recommended: Int
        var recommendedWhenSpread: Int
        var referred: Int

        init(_ totals: CongestionFigures.VacancyTotals) {
            recommended = totals.recommended
            recommendedWhenSpread = totals.recommendedWhenSpread
            referred = totals.referred
        }
    }

    static func percent(_ score: Double) -> Int { Int((score * 100).rounded()) }

    static func clientMatches(_ result: ClientMatchQueries.Result) -> ClientMatches {
        let taxonomy = result.taxonomy
        return ClientMatches(
            clientID: result.client.id, assessmentID: result.assessment?.id, assessedOn: result.assessment?.assessedOn.isoDay,
            includeIneligible: result.includeIneligible, mode: result.mode, spreadMultiple: result.spreadMultiple,
            vacancies: result.vacancies.map { row in
                let m = row.match
                return MatchedVacancy(
                    vacancyID: row.vacancy.id, title: row.vacancy.title, employerName: row.employerName, score: m.score,
                    scorePercent: percent(m.score), eligible: m.isEligible, components: m.components.map(Component.init),
                    skillsMet: m.skillsMet.map { SkillLine($0, taxonomy: taxonomy) }, skillsMissing: m.skillsMissing.map { SkillLine($0, taxonomy: taxonomy) },
                    travelKm: m.travelKm, blockers: m.blockers, warnings: m.warnings,
                    recommendedToOthers: row.congestion.recommended, referredOthers: row.congestion.referred)
            },
            programmes: result.programmes.map { row in
                let s = row.suggestion
                return SuggestedProgramme(
                    programmeID: row.programme.id, title: row.programme.title, providerName: row.providerName, type: row.programme.type,
                    closesGaps: s.closesGaps.map { NamedSkill(skillID: $0, skillName: taxonomy.skillName($0)) }, travelKm: s.travelKm,
                    entryMet: s.entryMet, freePlaces: s.freePlaces, supportsBarriers: s.supportsBarriers,
                    guaranteedInterview: row.programme.guaranteedInterview,
                    nextCohort: row.nextCohort.map { CohortDTO(cohortID: $0.id, startsOn: $0.startsOn.isoDay, freePlaces: $0.freePlaces) },
                    score: s.score, reasons: s.reasons)
            })
    }

    static func candidates(_ result: CandidateQueries.Result) -> Candidates {
        Candidates(
            vacancyID: result.vacancy.id, title: result.vacancy.title, employerName: result.employerName, live: result.isLive,
            pseudonymised: false, congestion: VacancyCongestion(result.congestion),
            candidates: result.rows.map { row in
                let m = row.match
                return Candidate(
                    clientReference: row.reference, clientID: row.name == nil ? nil : m.clientID, name: row.name,
                    score: m.score, scorePercent: percent(m.score), components: m.components.map(Component.init),
                    skillsMet: m.skillsMet.map { SkillLine($0, taxonomy: result.taxonomy) },
                    skillsMissing: m.skillsMissing.map { SkillLine($0, taxonomy: result.taxonomy) },
                    distanceBand: TravelBand(km: m.travelKm), travelKm: m.travelKm,
                    hoursAvailability: HoursAvailability(minHoursPerWeek: row.minHoursPerWeek, maxHoursPerWeek: row.maxHoursPerWeek),
                    warnings: m.warnings)
            })
    }

    static func pseudonymisedCandidates(_ result: CandidateQueries.Result) -> PseudonymisedCandidates {
        PseudonymisedCandidates(
            vacancyID: result.vacancy.id, title: result.vacancy.title, employerName: result.employerName, live: result.isLive,
            pseudonymised: true, published: !result.unpublished, total: result.total, countOnly: result.countOnly,
            congestion: VacancyCongestion(result.congestion),
            candidates: result.rows.compactMap { row in
                guard let p = row.pseudonymous else { return nil }
                return PseudonymousCandidateDTO(
                    pseudonym: row.reference, name: row.name, scoreStep: p.scoreStep,
                    requirements: p.requirements.map {
                        .init(skillID: $0.skillID, skillName: result.taxonomy.skillName($0.skillID), importance: $0.importance, met: $0.met)
                    },
                    distanceBand: p.distanceBand, hoursBand: p.hoursBand)
            })
    }
}
