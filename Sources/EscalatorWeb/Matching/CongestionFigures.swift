import EscalatorCore
import EscalatorPersistence
import Fluent
import Foundation

/// "Recommended to N others, referred N": recommendation counts from the cached lists, open referrals
/// fresh from the database (docs/matching.md, "Congestion").
enum CongestionFigures {
    /// What the vacancy totals say on its candidates page.
    struct VacancyTotals: Sendable, Hashable {
        /// Clients whose plain top 10 includes it.
        var recommended: Int
        /// Clients whose spread list includes it.
        var recommendedWhenSpread: Int
        /// Open referrals to it (applied, interviewed or offered).
        var referred: Int
    }

    /// Open vacancy referrals to `vacancyIDs`, as `CongestionCounts` reads them.
    static func openReferrals(to vacancyIDs: [UUID], on db: any Database) async throws -> [Referral] {
        guard !vacancyIDs.isEmpty else { return [] }
        let open: [ReferralStatus] = ReferralStatus.allCases.filter {
            CongestionCounts.isOpen(Referral(id: UUID(), clientID: UUID(), target: .vacancy(vacancyID: UUID()), status: $0, history: []))
        }
        return try await ReferralModel.query(on: db)
            .filter(\.$kind == .vacancy)
            .filter(\.$vacancyID ~~ vacancyIDs.map { Optional($0) })
            .filter(\.$status ~~ open)
            .all().map { $0.value(history: []) }
    }

    /// For each of the client's shown vacancies: the other lists it is in and the other open referrals.
    static func forClient(
        _ clientID: UUID, vacancies: [UUID], lists: RecommendationLists, mode: MatchMode, on db: any Database
    ) async throws -> [UUID: CongestionCounts.Figures] {
        let referred = CongestionCounts(lists: [], referrals: try await openReferrals(to: vacancies, on: db))
        let own = Set(lists.list(clientID, mode: mode).map(\.vacancyID))
        let counts = lists.counts(mode)
        var figures: [UUID: CongestionCounts.Figures] = [:]
        for id in vacancies {
            let recommended = counts.others(id, client: clientID, inClientsList: own.contains(id)).recommended
            let referrals = referred.others(id, client: clientID).referred
            figures[id] = CongestionCounts.Figures(recommended: recommended, referred: referrals)
        }
        return figures
    }

    static func forVacancy(_ vacancyID: UUID, lists: RecommendationLists, on db: any Database) async throws -> VacancyTotals {
        let referred = CongestionCounts(lists: [], referrals: try await openReferrals(to: [vacancyID], on: db))
        return VacancyTotals(
            recommended: lists.plainCounts.figures(vacancyID).recommended,
            recommendedWhenSpread: lists.spreadCounts.figures(vacancyID).recommended,
            referred: referred.figures(vacancyID).referred)
    }
}
