import Foundation

/// One vacancy in a client's ranking from `VacancyIndex`: the id and the exact score
/// `VacancyScorer.score` gives the pair.
public struct RankedVacancy: Sendable, Hashable {
    public var vacancyID: UUID
    public var score: Double

    public init(vacancyID: UUID, score: Double) {
        self.vacancyID = vacancyID
        self.score = score
    }
}

/// One client in a vacancy's ranking from `CandidateIndex`: the id and the exact score
/// `VacancyScorer.score` gives the pair.
public struct RankedClient: Sendable, Hashable {
    public var clientID: UUID
    public var score: Double

    public init(clientID: UUID, score: Double) {
        self.clientID = clientID
        self.score = score
    }
}
