import Foundation

/// A client starting a job: through a vacancy referral or found another way.
public struct JobStart: Sendable, Hashable, Codable, Identifiable {
    public let id: UUID
    public var clientID: UUID
    public var vacancyID: UUID?
    public var employerName: String
    public var jobTitle: String
    public var startedOn: Date
    public var hoursPerWeek: Int
    public var hourlyPayPence: Int

    public init(id: UUID, clientID: UUID, vacancyID: UUID?, employerName: String, jobTitle: String, startedOn: Date, hoursPerWeek: Int, hourlyPayPence: Int) {
        self.id = id
        self.clientID = clientID
        self.vacancyID = vacancyID
        self.employerName = employerName
        self.jobTitle = jobTitle
        self.startedOn = startedOn
        self.hoursPerWeek = hoursPerWeek
        self.hourlyPayPence = hourlyPayPence
    }

    public func checkDue(_ milestone: SustainmentMilestone) -> Date {
        Calendar.utc.date(byAdding: .day, value: milestone.rawValue * 7, to: startedOn)!
    }
}

/// The points after a job start at which the partnership checks the client is still in work.
public enum SustainmentMilestone: Int, Sendable, Codable, CaseIterable {
    case week13 = 13
    case week26 = 26
    case week52 = 52

    public var label: String { "\(rawValue) weeks" }
}

public struct SustainmentCheck: Sendable, Hashable, Codable {
    public var jobStartID: UUID
    public var milestone: SustainmentMilestone
    public var checkedOn: Date
    public var stillInWork: Bool
    public var note: String

    public init(jobStartID: UUID, milestone: SustainmentMilestone, checkedOn: Date, stillInWork: Bool, note: String = "") {
        self.jobStartID = jobStartID
        self.milestone = milestone
        self.checkedOn = checkedOn
        self.stillInWork = stillInWork
        self.note = note
    }
}

/// A contact with a client (or their employer) after the job start.
public struct InWorkSupportContact: Sendable, Hashable, Codable {
    public var jobStartID: UUID
    public var date: Date
    public var withEmployer: Bool
    public var summary: String

    public init(jobStartID: UUID, date: Date, withEmployer: Bool, summary: String) {
        self.jobStartID = jobStartID
        self.date = date
        self.withEmployer = withEmployer
        self.summary = summary
    }
}

public struct Progression: Sendable, Hashable, Codable {
    public var jobStartID: UUID
    public var kind: ProgressionKind
    public var date: Date
    public var detail: String

    public init(jobStartID: UUID, kind: ProgressionKind, date: Date, detail: String) {
        self.jobStartID = jobStartID
        self.kind = kind
        self.date = date
        self.detail = detail
    }
}

public enum ProgressionKind: String, Sendable, Codable, CaseIterable {
    case payRise = "pay-rise"
    case promotion
    case qualificationGained = "qualification-gained"
    case moreHours = "more-hours"

    public var label: String {
        switch self {
        case .payRise: "Pay rise"
        case .promotion: "Promotion"
        case .qualificationGained: "Qualification gained"
        case .moreHours: "More hours"
        }
    }
}
