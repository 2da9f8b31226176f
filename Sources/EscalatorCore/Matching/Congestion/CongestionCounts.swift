import Foundation

/// For each vacancy, how many clients it is recommended to and how many open referrals it has, so
/// every recommendation can say "recommended to N others, referred N".
public struct CongestionCounts: Sendable, Hashable {
    public struct Figures: Sendable, Hashable {
        public var recommended: Int
        public var referred: Int

        public init(recommended: Int, referred: Int) {
            self.recommended = recommended
            self.referred = referred
        }
    }

    private struct ClientVacancy: Sendable, Hashable {
        var client: UUID
        var vacancy: UUID
    }

    /// Vacancy id → the number of lists it appears in.
    public private(set) var recommended: [UUID: Int] = [:]
    /// Vacancy id → the number of open referrals to it.
    public private(set) var referred: [UUID: Int] = [:]
    private var referredBy: [ClientVacancy: Int] = [:]

    /// `lists`: every client's recommendations (for example `VacancyIndex.topVacancies(forAll:k:)`, or
    /// the spread lists), each vacancy at most once per list.
    public init(lists: [[RankedVacancy]], referrals: [Referral]) {
        for list in lists {
            for entry in list { recommended[entry.vacancyID, default: 0] += 1 }
        }
        for referral in referrals where Self.isOpen(referral) {
            guard case .vacancy(let vacancyID) = referral.target else { continue }
            referred[vacancyID, default: 0] += 1
            referredBy[ClientVacancy(client: referral.clientID, vacancy: vacancyID), default: 0] += 1
        }
    }

    /// A vacancy referral still in progress: applied, interviewed or offered (not yet started, declined
    /// or withdrawn).
    public static func isOpen(_ referral: Referral) -> Bool {
        referral.target.kind == .vacancy && [.applied, .interviewed, .offered].contains(referral.status)
    }

    public func figures(_ vacancyID: UUID) -> Figures {
        Figures(recommended: recommended[vacancyID] ?? 0, referred: referred[vacancyID] ?? 0)
    }

    /// The figures without the client: the other clients the vacancy is recommended to (the client's
    /// own list counts once when `inClientsList`) and the other open referrals.
    public func others(_ vacancyID: UUID, client: UUID, inClientsList: Bool = true) -> Figures {
        let own = referredBy[ClientVacancy(client: client, vacancy: vacancyID)] ?? 0
        let all = figures(vacancyID)
        return Figures(recommended: max(0, all.recommended - (inClientsList ? 1 : 0)), referred: all.referred - own)
    }
}
