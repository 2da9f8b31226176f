import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Who may read a client's special-category data (barriers, assessment notes, equality monitoring):
/// least privilege, the one rule every page, endpoint and export applies.
///
/// - Advisers of the client's own organisation (case management) and administrators see all of it.
/// - Advisers of a partner organisation the client consented to share with see barriers, which they
///   need to support the client, but not assessment notes or equality monitoring.
/// - Providers see only the barriers their open programme referrals of the client offer support with,
///   never notes or equality monitoring.
/// - Employers and analysts see none of it (analysts see aggregates only).
///
/// The rule assumes the client is one the user may see (`ClientAccess`); it never widens that.
enum SpecialCategoryAccess {
    static func view(of client: Client, for user: AuthenticatedUser, on db: any Database) async throws -> SpecialCategoryView {
        switch user.role {
        case .administrator, .adviser:
            // As AccessPolicy grants reading assessments, their notes and equality monitoring by relationship.
            let kinds: [Permission] = [.readAssessments, .readAssessmentNotes, .readEqualityMonitoring]
            let coversAll = kinds.allSatisfy { AccessPolicy.allows(user.role, $0, through: []) }
            let through = coversAll ? [] : try await ClientAccess.relationships(to: client, for: user, on: db)
            guard AccessPolicy.allows(user.role, .readAssessments, through: through) else { return .nothing }
            return SpecialCategoryView(
                barriers: .all, notes: AccessPolicy.allows(user.role, .readAssessmentNotes, through: through),
                equalityMonitoring: AccessPolicy.allows(user.role, .readEqualityMonitoring, through: through))
        case .provider:
            return .barriersOnly(try await supportedBarrierKinds(clientID: client.id, providerOrganisationID: user.organisationID, on: db))
        case .employer, .analyst:
            return .nothing
        }
    }

    /// The barrier kinds the provider organisation's programmes support, over the client's open
    /// referrals to them.
    static func supportedBarrierKinds(clientID: UUID, providerOrganisationID: UUID, on db: any Database) async throws -> Set<BarrierKind> {
        let openStatuses = ReferralStatus.allCases.filter { !$0.isFinal }
        let programmeIDs = try await ReferralModel.query(on: db).filter(\.$clientID == clientID).filter(\.$kind == .programme)
            .filter(\.$status ~~ openStatuses).all().compactMap(\.programmeID)
        guard !programmeIDs.isEmpty else { return [] }
        let programmes = try await ProgrammeModel.query(on: db).filter(\.$id ~~ programmeIDs).all()
        let ownProviders = Set(try await ProviderModel.query(on: db).filter(\.$id ~~ programmes.map(\.providerID))
            .filter(\.$organisationID == providerOrganisationID).all().compactMap(\.id))
        return Set(programmes.filter { ownProviders.contains($0.providerID) }.flatMap(\.barrierSupport.items))
    }
}

/// What of one client's special-category data one viewer sees, and the helpers that cut values down to it.
struct SpecialCategoryView: Sendable, Hashable {
    enum Barriers: Sendable, Hashable {
        case all
        case only(Set<BarrierKind>)
    }

    var barriers: Barriers
    var notes: Bool
    var equalityMonitoring: Bool

    static let everything = SpecialCategoryView(barriers: .all, notes: true, equalityMonitoring: true)
    static let nothing = SpecialCategoryView(barriers: .only([]), notes: false, equalityMonitoring: false)
    static func barriersOnly(_ kinds: Set<BarrierKind>) -> SpecialCategoryView {
        SpecialCategoryView(barriers: .only(kinds), notes: false, equalityMonitoring: false)
    }

    func shows(_ kind: BarrierKind) -> Bool {
        switch barriers {
        case .all: true
        case .only(let kinds): kinds.contains(kind)
        }
    }

    var showsAllBarriers: Bool { barriers == .all }

    /// The JSON fields (and page sections) left out or cut down for this viewer: `barriers` (only some
    /// kinds shown), `notes`, `equalityMonitoring`.
    var withheld: [String] {
        (showsAllBarriers ? [] : ["barriers"]) + (notes ? [] : ["notes"]) + (equalityMonitoring ? [] : ["equalityMonitoring"])
    }

    func visible(_ client: Client) -> Client {
        guard !equalityMonitoring else { return client }
        var cut = client
        cut.equalityMonitoring = nil
        return cut
    }

    /// The assessment with the barriers this viewer may not see removed and, unless allowed, no notes.
    func visible(_ assessment: Assessment) -> Assessment {
        var cut = assessment
        cut.barriers = assessment.barriers.filter { shows($0.kind) }
        if !notes { cut.notes = "" }
        return cut
    }

    func visible(_ kinds: [BarrierKind]) -> [BarrierKind] { kinds.filter(shows) }

    /// The score with the factors of hidden barriers folded into one "Other barriers" factor, so the
    /// total still adds up without naming them.
    func visible(_ score: DistanceFromWorkScore) -> DistanceFromWorkScore {
        guard !showsAllBarriers else { return score }
        let hiddenNames = Set(BarrierKind.allCases.filter { !shows($0) }.map(DistanceFromWork.barrierFactorName))
        let hidden = score.factors.filter { hiddenNames.contains($0.name) }
        guard !hidden.isEmpty else { return score }
        var factors = score.factors.filter { !hiddenNames.contains($0.name) }
        let firstHidden = score.factors.firstIndex { hiddenNames.contains($0.name) }!
        let insertAt = score.factors[..<firstHidden].filter { !hiddenNames.contains($0.name) }.count
        factors.insert(DistanceFactor(
            name: Self.otherBarriersFactor, points: hidden.reduce(0) { $0 + $1.points },
            explanation: "Barriers recorded by the client's adviser that are not shared with your organisation."
        ), at: insertAt)
        return DistanceFromWorkScore(total: score.total, factors: factors)
    }

    static let otherBarriersFactor = "Other barriers"
}
