import Foundation

/// How many job starts reached a sustainment milestone, were checked, and were still in work.
public struct SustainmentRate: Sendable, Hashable, Codable {
    public var milestone: SustainmentMilestone
    /// Job starts whose milestone date (start + weeks) is on or before the as-of date.
    public var due: Int
    /// Due job starts with a check recorded for the milestone.
    public var checked: Int
    /// Due job starts whose latest check for the milestone says still in work.
    public var stillInWork: Int

    public init(milestone: SustainmentMilestone, due: Int, checked: Int, stillInWork: Int) {
        self.milestone = milestone
        self.due = due
        self.checked = checked
        self.stillInWork = stillInWork
    }

    /// Still in work over due: an unchecked start counts against the rate. Nil when none are due.
    public var rate: Double? { due == 0 ? nil : Double(stillInWork) / Double(due) }
}

public enum SustainmentRates {
    /// One row per milestone, in milestone order.
    public static func compute(jobStarts: [JobStart], checks: [SustainmentCheck], asOf date: Date) -> [SustainmentRate] {
        var latest: [UUID: [SustainmentMilestone: SustainmentCheck]] = [:]
        for check in checks {
            let current = latest[check.jobStartID]?[check.milestone]
            if current.map({ isLater(check, than: $0) }) ?? true {
                latest[check.jobStartID, default: [:]][check.milestone] = check
            }
        }
        return SustainmentMilestone.allCases.map { milestone in
            let due = jobStarts.filter { $0.checkDue(milestone) <= date }
            let found = due.compactMap { latest[$0.id]?[milestone] }
            return SustainmentRate(
                milestone: milestone, due: due.count, checked: found.count, stillInWork: found.filter(\.stillInWork).count
            )
        }
    }

    /// The later check wins; on the same date, "left" wins.
    private static func isLater(_ a: SustainmentCheck, than b: SustainmentCheck) -> Bool {
        a.checkedOn != b.checkedOn ? a.checkedOn > b.checkedOn : (!a.stillInWork && b.stillInWork)
    }
}
