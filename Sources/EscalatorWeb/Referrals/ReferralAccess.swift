import EscalatorCore
import EscalatorPersistence
import Fluent
import FluentSQL
import Vapor

/// Which referrals a user may see and move on. Advisers see referrals of the clients they can see;
/// providers see referrals to their organisation's programmes; employers see referrals to their
/// organisation's vacancies; administrators see all; analysts see aggregates only. Anyone who can
/// see a referral may move its status (the scopes already keep providers to programme referrals
/// and employers to vacancy referrals), except a proposed one, which only the client's adviser moves.
/// What each sees of the client is `Disclosure`'s business.
enum ReferralAccess {
    static func scope(_ query: QueryBuilder<ReferralModel>, for user: AuthenticatedUser) throws -> QueryBuilder<ReferralModel> {
        switch user.role {
        case .administrator:
            return query
        case .adviser:
            return query.filter(.sql(embed: """
                \(ident: "referrals").\(ident: "client_id") IN (SELECT \(ident: "id") FROM \(ident: "clients") \
                WHERE \(ident: "organisation_id") = \(bind: user.organisationID) \
                UNION SELECT \(ident: "client_id") FROM \(ident: "consents") \
                WHERE \(ident: "organisation_id") = \(bind: user.organisationID) AND \(ident: "withdrawn_at") IS NULL)
                """))
        case .provider:
            return query.filter(.sql(embed: """
                \(ident: "referrals").\(ident: "programme_id") IN (SELECT p.\(ident: "id") FROM \(ident: "programmes") p \
                JOIN \(ident: "providers") pr ON pr.\(ident: "id") = p.\(ident: "provider_id") \
                WHERE pr.\(ident: "organisation_id") = \(bind: user.organisationID))
                """))
        case .employer:
            return query.filter(.sql(embed: """
                \(ident: "referrals").\(ident: "vacancy_id") IN (SELECT v.\(ident: "id") FROM \(ident: "vacancies") v \
                JOIN \(ident: "employers") e ON e.\(ident: "id") = v.\(ident: "employer_id") \
                WHERE e.\(ident: "organisation_id") = \(bind: user.organisationID))
                """))
        case .analyst:
            throw AppError.forbidden("Your role (analyst) sees referrals only in aggregate, on the insight pages.")
        }
    }

    /// The referral, if this user may see it; a 404 otherwise.
    static func find(_ id: UUID, for user: AuthenticatedUser, on db: any Database) async throws -> ReferralModel {
        guard let model = try await scope(ReferralModel.query(on: db), for: user).filter(\.$id == id).first() else {
            throw AppError.notFound("Referral")
        }
        return model
    }

    /// The moves this user may make: only the client's adviser (or an administrator) answers for the client
    /// whether they accept a proposed referral.
    static func allowedNext(_ referral: Referral, for user: AuthenticatedUser) -> [ReferralStatus] {
        if referral.status == .proposed, user.role != .adviser, user.role != .administrator { return [] }
        return referral.status.next(for: referral.target.kind)
    }
}
