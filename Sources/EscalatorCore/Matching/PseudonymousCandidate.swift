import Foundation

/// What an employer sees of a candidate for its vacancy before the client accepts a referral: each of the
/// vacancy's skill requirements met or not, and the score, distance and hours only in coarse bands. Nothing
/// finer, so that candidates look alike within a list and cannot be followed from one list to another
/// (docs/security.md, "Employers see candidates pseudonymised").
public struct PseudonymousCandidate: Sendable, Hashable, Codable {
    /// The score in whole percent, rounded down to a multiple of 5.
    public var scoreStep: Int
    public var requirements: [RequirementOutcome]
    public var distanceBand: TravelBand
    public var hoursBand: HoursBand

    /// Lists shorter than this show their length only.
    public static let smallestListShown = 5

    public init(_ match: VacancyMatch, vacancy: Vacancy, maxHoursPerWeek: Int) {
        scoreStep = Self.scoreStep(match.score)
        let met = Set(match.skillsMet.map(\.skillID))
        requirements = vacancy.requirements.map { RequirementOutcome(skillID: $0.skillID, importance: $0.importance, met: met.contains($0.skillID)) }
        distanceBand = TravelBand(km: match.travelKm)
        hoursBand = HoursBand(maxHoursPerWeek: maxHoursPerWeek)
    }

    public static func scoreStep(_ score: Double) -> Int {
        let percent = Int((min(max(score, 0), 1) * 100).rounded(.down))
        return percent - percent % 5
    }
}

public struct RequirementOutcome: Sendable, Hashable, Codable {
    public var skillID: String
    public var importance: Importance
    public var met: Bool
}

/// How far someone lives from a place, in bands of miles.
public enum TravelBand: String, Sendable, Hashable, Codable, CaseIterable {
    case underTwoMiles = "under 2 miles"
    case twoToFiveMiles = "2–5 miles"
    case fiveToTenMiles = "5–10 miles"
    case overTenMiles = "over 10 miles"

    public static let kilometresPerMile = 1.609344

    public init(km: Double) {
        switch km / Self.kilometresPerMile {
        case ..<2: self = .underTwoMiles
        case ..<5: self = .twoToFiveMiles
        case ..<10: self = .fiveToTenMiles
        default: self = .overTenMiles
        }
    }
}

/// The most hours a week someone can work, in bands.
public enum HoursBand: String, Sendable, Hashable, Codable, CaseIterable {
    case upToFifteen = "up to 15 hours a week"
    case sixteenToTwentyNine = "16 to 29 hours a week"
    case thirtyOrMore = "30 or more hours a week"

    public init(maxHoursPerWeek: Int) {
        switch maxHoursPerWeek {
        case ..<16: self = .upToFifteen
        case ..<30: self = .sixteenToTwentyNine
        default: self = .thirtyOrMore
        }
    }
}

extension Vacancy {
    /// Everything that decides who is a candidate for the vacancy and how they score. Candidates' pseudonyms
    /// are keyed by it, so that changing the terms gives everyone a new pseudonym: an employer cannot see who
    /// moved in or out of the list by changing, say, the minimum age.
    public var candidateTerms: String {
        let skills = requirements.map { "\($0.skillID)/\($0.importance.rawValue)/\($0.minimumLevel.rawValue)" }.joined(separator: ",")
        return [occupationID, skills, "\(minimumQualification.rawValue)", "\(needsGCSEEnglish)", "\(needsGCSEMaths)",
                "\(hoursPerWeek)", postcode, wardID, "\(minimumAge)"].joined(separator: "|")
    }
}
