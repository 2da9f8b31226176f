import Foundation

/// A job an employer wants filled, scoped down to its skills.
public struct Vacancy: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public var employerID: UUID
    public var occupationID: String
    public var title: String
    public var requirements: [SkillRequirement]
    public var minimumQualification: RQFLevel
    public var needsGCSEEnglish: Bool
    public var needsGCSEMaths: Bool
    public var hoursPerWeek: Int
    /// Pay in pence per hour.
    public var hourlyPayPence: Int
    public var postcode: String
    public var wardID: String
    public var openings: Int
    public var closingDate: Date
    public var status: VacancyStatus
    public var minimumAge: Int

    public init(
        id: UUID, employerID: UUID, occupationID: String, title: String, requirements: [SkillRequirement],
        minimumQualification: RQFLevel, needsGCSEEnglish: Bool = false, needsGCSEMaths: Bool = false,
        hoursPerWeek: Int, hourlyPayPence: Int, postcode: String, wardID: String, openings: Int,
        closingDate: Date, status: VacancyStatus, minimumAge: Int = 16
    ) {
        self.id = id
        self.employerID = employerID
        self.occupationID = occupationID
        self.title = title
        self.requirements = requirements
        self.minimumQualification = minimumQualification
        self.needsGCSEEnglish = needsGCSEEnglish
        self.needsGCSEMaths = needsGCSEMaths
        self.hoursPerWeek = hoursPerWeek
        self.hourlyPayPence = hourlyPayPence
        self.postcode = postcode
        self.wardID = wardID
        self.openings = openings
        self.closingDate = closingDate
        self.status = status
        self.minimumAge = minimumAge
    }

    public var essential: [SkillRequirement] { requirements.filter { $0.importance == .essential } }
    public var desirable: [SkillRequirement] { requirements.filter { $0.importance == .desirable } }

    /// The one rule for a live vacancy (docs/matching.md, "Live vacancies"): open, and its closing day not yet
    /// past — a vacancy is live through the whole of its closing day (UTC).
    public func isLive(on date: Date) -> Bool { status == .open && closingDate >= Self.firstLiveClosingDate(on: date) }

    /// The earliest closing date a vacancy live on `date` can have: the start of that day (UTC).
    public static func firstLiveClosingDate(on date: Date) -> Date { Calendar.utc.startOfDay(for: date) }
}

public struct SkillRequirement: Sendable, Hashable, Codable {
    public var skillID: String
    public var importance: Importance
    public var minimumLevel: Proficiency

    public init(skillID: String, importance: Importance, minimumLevel: Proficiency) {
        self.skillID = skillID
        self.importance = importance
        self.minimumLevel = minimumLevel
    }
}

public enum Importance: String, Sendable, Codable, CaseIterable {
    case essential, desirable
    public var label: String { self == .essential ? "Essential" : "Desirable" }
}

public enum VacancyStatus: String, Sendable, Codable, CaseIterable {
    case draft, open, filled, closed
    public var label: String { rawValue.capitalized }
}
