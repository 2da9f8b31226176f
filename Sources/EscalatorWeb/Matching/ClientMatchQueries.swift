import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// A client's ranked vacancies and the programmes that close their gaps, from their latest assessment.
enum ClientMatchQueries {
    static let defaultLimit = 20
    static let programmeLimit = 10

    struct VacancyRow: Sendable {
        var match: VacancyMatch
        var vacancy: Vacancy
        var employerName: String
        /// The other clients it is recommended to (in this mode's lists) and the other open referrals to it.
        var congestion: CongestionCounts.Figures
    }

    struct ProgrammeRow: Sendable {
        var suggestion: ProgrammeSuggestion
        var programme: Programme
        var providerName: String
        /// The first cohort starting today or later with a free place: the one a referral goes to.
        var nextCohort: Cohort?
    }

    struct Result: Sendable {
        var client: Client
        /// Nil when the client has not been assessed; then there are no matches.
        var assessment: Assessment?
        var vacancies: [VacancyRow]
        var programmes: [ProgrammeRow]
        var includeIneligible: Bool
        var taxonomy: Taxonomy
        var mode: MatchMode = .best
        /// Spread mode's limit: each vacancy in at most this many lists per opening.
        var spreadMultiple: Int = AppEnvironment.defaultSpreadMultiple
    }

    static func matches(
        clientID: UUID, for user: AuthenticatedUser, limit: Int, includeIneligible: Bool, mode: MatchMode = .best, now: Date, on req: Request
    ) async throws -> Result {
        let client = try await ClientAccess.find(clientID, for: user, needs: .readMatchesAndPathways, on: req.db).value
        let view = try await SpecialCategoryAccess.view(of: client, for: user, on: req.db)
        let snapshot = try await req.matchingSnapshot(now: now)
        guard let assessment = try await AssessmentQueries.latest(clientID: client.id, cipher: req.cipher, on: req.db) else {
            return Result(client: client, assessment: nil, vacancies: [], programmes: [], includeIneligible: includeIneligible, taxonomy: snapshot.taxonomy,
                          mode: mode, spreadMultiple: req.application.matchingCache.spreadMultiple)
        }
        let profile = Matcher.profile(client: client, assessment: assessment, location: snapshot.location(ofWard: client.wardID), on: now)
        let lists = try await req.recommendationLists(now: now, fresh: mode == .spread)
        let matches: [VacancyMatch] = switch mode {
        case .best:
            Matcher.rankVacancies(
                for: profile, among: snapshot.vacancies, limit: limit, licenceSkillIDs: snapshot.licenceSkillIDs,
                includeIneligible: includeIneligible)
        case .spread:
            lists.list(client.id, mode: .spread).prefix(limit).compactMap { ranked in
                snapshot.vacanciesByID[ranked.vacancyID].map {
                    VacancyScorer.score(profile, $0, licenceSkillIDs: snapshot.licenceSkillIDs)
                }
            }
        }
        let congestion = try await CongestionFigures.forClient(
            client.id, vacancies: matches.map(\.vacancyID), lists: lists, mode: mode, on: req.db)
        let missingEssential = matches.flatMap { $0.skillsMissing.filter { $0.importance == .essential } }
        let suggestions = Matcher.programmesClosingGaps(
            missingEssential, profile: profile, programmes: snapshot.programmes, limit: programmeLimit, taxonomy: snapshot.taxonomy)

        let vacancies = matches.compactMap { snapshot.vacanciesByID[$0.vacancyID]?.vacancy }
        let employers = try await employerNames(Set(vacancies.map(\.employerID)), on: req.db)
        let programmesByID = Dictionary(snapshot.programmes.map { ($0.programme.id, $0.programme) }, uniquingKeysWith: { a, _ in a })
        let providers = try await providerNames(Set(suggestions.compactMap { programmesByID[$0.programmeID]?.providerID }), on: req.db)
        let today = Calendar.utc.startOfDay(for: now)

        return Result(
            client: client, assessment: view.visible(assessment),
            vacancies: matches.compactMap { match in
                guard let vacancy = snapshot.vacanciesByID[match.vacancyID]?.vacancy else { return nil }
                return VacancyRow(match: match, vacancy: vacancy, employerName: employers[vacancy.employerID] ?? "Unknown employer",
                                  congestion: congestion[match.vacancyID] ?? CongestionCounts.Figures(recommended: 0, referred: 0))
            },
            programmes: suggestions.compactMap { suggestion in
                guard let programme = programmesByID[suggestion.programmeID] else { return nil }
                return ProgrammeRow(
                    suggestion: Self.visible(suggestion, to: view), programme: programme, providerName: providers[programme.providerID] ?? "Unknown provider",
                    nextCohort: programme.cohorts.sorted { $0.startsOn < $1.startsOn }.first { $0.startsOn >= today && $0.freePlaces > 0 })
            },
            includeIneligible: includeIneligible && mode == .best, taxonomy: snapshot.taxonomy,
            mode: mode, spreadMultiple: lists.multiple)
    }

    /// Matching reads every barrier; what it says about them is cut down to what the viewer may see.
    static func visible(_ suggestion: ProgrammeSuggestion, to view: SpecialCategoryView) -> ProgrammeSuggestion {
        guard !view.showsAllBarriers else { return suggestion }
        var cut = suggestion
        cut.supportsBarriers = view.visible(suggestion.supportsBarriers)
        if cut.supportsBarriers != suggestion.supportsBarriers {
            cut.reasons = suggestion.reasons.filter { !$0.hasPrefix("Offers support with") }
        }
        return cut
    }

    static func employerNames(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(try await EmployerModel.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    static func providerNames(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(try await ProviderModel.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
    }
}
