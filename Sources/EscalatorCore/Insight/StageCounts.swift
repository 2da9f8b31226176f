import Foundation

/// How many clients are at each journey stage (see `JourneyStage.stage` for the precedence).
public struct StageCounts: Sendable, Hashable {
    /// Every stage, in journey order, including those with no clients.
    public var rows: [Tally<JourneyStage>]

    /// `latestAssessmentIDs` maps client id to the id of their latest assessment; clients missing from it
    /// have not been assessed.
    public init(
        clients: [Client], latestAssessmentIDs: [UUID: UUID], referrals: [Referral], jobStarts: [JobStart],
        checks: [SustainmentCheck] = []
    ) {
        self.init(
            clientIDs: clients.map(\.id), latestAssessmentIDs: latestAssessmentIDs, referrals: referrals,
            jobStarts: jobStarts, checks: checks
        )
    }

    /// The same counts from client ids alone, for callers that need not load whole client records.
    public init(
        clientIDs: [UUID], latestAssessmentIDs: [UUID: UUID], referrals: [Referral], jobStarts: [JobStart],
        checks: [SustainmentCheck] = []
    ) {
        let stages = Self.stages(
            clientIDs: clientIDs, latestAssessmentIDs: latestAssessmentIDs, referrals: referrals, jobStarts: jobStarts,
            checks: checks
        )
        rows = Distribution.countsForEveryCase(clientIDs) { stages[$0]! }
    }

    /// The same counts when only the number of clients is known, so that a large caseload need not be
    /// loaded: every client named by an assessment, referral or job start must be one of the `clientCount`,
    /// and the others are registered, not yet assessed.
    public init(
        clientCount: Int, latestAssessmentIDs: [UUID: UUID], referrals: [Referral], jobStarts: [JobStart],
        checks: [SustainmentCheck] = []
    ) {
        // Only clients with a referral or a job start can be past the assessed stage.
        let active = Set(referrals.map(\.clientID)).union(jobStarts.map(\.clientID))
        self.init(
            clientIDs: Array(active), latestAssessmentIDs: latestAssessmentIDs, referrals: referrals, jobStarts: jobStarts,
            checks: checks)
        let assessedOnly = latestAssessmentIDs.keys.reduce(0) { $0 + (active.contains($1) ? 0 : 1) }
        for index in rows.indices {
            switch rows[index].key {
            case .assessed: rows[index].count += assessedOnly
            case .registered: rows[index].count += max(0, clientCount - active.count - assessedOnly)
            default: break
            }
        }
    }

    public subscript(stage: JourneyStage) -> Int { rows.first { $0.key == stage }?.count ?? 0 }

    public var total: Int { rows.reduce(0) { $0 + $1.count } }

    /// Each client's stage, by client id.
    public static func stages(
        clients: [Client], latestAssessmentIDs: [UUID: UUID], referrals: [Referral], jobStarts: [JobStart],
        checks: [SustainmentCheck] = []
    ) -> [UUID: JourneyStage] {
        stages(
            clientIDs: clients.map(\.id), latestAssessmentIDs: latestAssessmentIDs, referrals: referrals,
            jobStarts: jobStarts, checks: checks
        )
    }

    /// Each client's stage, by client id.
    public static func stages(
        clientIDs: [UUID], latestAssessmentIDs: [UUID: UUID], referrals: [Referral], jobStarts: [JobStart],
        checks: [SustainmentCheck] = []
    ) -> [UUID: JourneyStage] {
        let referralsByClient = Dictionary(grouping: referrals, by: \.clientID)
        let startsByClient = Dictionary(grouping: jobStarts, by: \.clientID)
        let startIDs = Set(jobStarts.map(\.id))
        let relevantChecks = checks.filter { startIDs.contains($0.jobStartID) }
        let checksByStart = Dictionary(grouping: relevantChecks, by: \.jobStartID)
        var stages: [UUID: JourneyStage] = [:]
        for clientID in clientIDs {
            let starts = startsByClient[clientID] ?? []
            stages[clientID] = JourneyStage.stage(
                latestAssessmentID: latestAssessmentIDs[clientID],
                referrals: referralsByClient[clientID] ?? [],
                jobStarts: starts,
                checks: starts.flatMap { checksByStart[$0.id] ?? [] }
            )
        }
        return stages
    }
}
