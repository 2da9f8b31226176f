import Foundation

/// Where a client is on the journey to sustained work, furthest stage last.
public enum JourneyStage: String, Sendable, Codable, CaseIterable, Comparable {
    case registered
    case assessed
    case referredToProgramme = "referred-to-programme"
    case inTraining = "in-training"
    case applying
    case inWork = "in-work"
    case sustained

    public var label: String {
        switch self {
        case .registered: "Registered, not yet assessed"
        case .assessed: "Assessed"
        case .referredToProgramme: "Referred to a programme"
        case .inTraining: "In training"
        case .applying: "Applying for jobs"
        case .inWork: "In work"
        case .sustained: "Sustained 13 weeks or more"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The furthest stage that is still current for one client, given their own referrals and job starts.
    /// Precedence, furthest first:
    /// - sustained: a job start whose latest sustainment check says still in work;
    /// - in work: a job start with no check yet, or a vacancy referral at `started` whose vacancy has no job start recorded;
    /// - in training: a programme referral at `started`;
    /// - applying: a vacancy referral at applied, interviewed or offered (a proposed one, not yet accepted by
    ///   the client, does not count);
    /// - referred to programme: a programme referral at `referred`;
    /// - assessed: an assessment on record; otherwise registered.
    /// A job start whose latest check says the client left, and referrals that are completed, withdrawn
    /// or declined, no longer count: the client falls back to the next stage that applies.
    public static func stage(
        latestAssessmentID: UUID?, referrals: [Referral], jobStarts: [JobStart], checks: [SustainmentCheck] = []
    ) -> JourneyStage {
        let checksByStart = Dictionary(grouping: checks, by: \.jobStartID)
        var stages: [JourneyStage] = latestAssessmentID == nil ? [.registered] : [.assessed]
        for start in jobStarts {
            switch latestCheck(checksByStart[start.id] ?? [])?.stillInWork {
            case nil: stages.append(.inWork)
            case true?: stages.append(.sustained)
            case false?: break
            }
        }
        let startedVacancies = Set(jobStarts.compactMap(\.vacancyID))
        for referral in referrals {
            switch (referral.target, referral.status) {
            case (.programme, .referred): stages.append(.referredToProgramme)
            case (.programme, .started): stages.append(.inTraining)
            case (.vacancy, .applied), (.vacancy, .interviewed), (.vacancy, .offered): stages.append(.applying)
            case (.vacancy(let vacancyID), .started) where !startedVacancies.contains(vacancyID): stages.append(.inWork)
            default: break
            }
        }
        return stages.max()!
    }

    /// The check at the latest milestone; on the same milestone, the latest check, and "left" on a tie.
    static func latestCheck(_ checks: [SustainmentCheck]) -> SustainmentCheck? {
        checks.max { a, b in
            if a.milestone != b.milestone { return a.milestone.rawValue < b.milestone.rawValue }
            if a.checkedOn != b.checkedOn { return a.checkedOn < b.checkedOn }
            return a.stillInWork && !b.stillInWork
        }
    }
}
