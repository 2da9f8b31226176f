import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Works out `ReferredPerson` for a viewer, from the referrals they may already see (their scope is the
/// caller's business). One place, so that lists, pages, the API and job starts agree.
enum Disclosure {
    /// For each referral (by id), what `user` sees of its client.
    static func people(
        behind referrals: [Referral], for user: AuthenticatedUser, pseudonyms: Pseudonyms, on db: any Database
    ) async throws -> [UUID: ReferredPerson] {
        guard !referrals.isEmpty else { return [:] }
        let clientIDs = Set(referrals.map(\.clientID))
        let consent: [UUID: ConsentState] = [.provider, .employer].contains(user.role)
            ? try await ConsentCheck.states(of: clientIDs, towards: user.organisationID, on: db) : [:]

        /// How the viewer stands to the client behind a referral it reached (advisers reach only clients they may see).
        func relationships(_ referral: Referral) -> Set<Relationship> {
            let standing = consent[referral.clientID] == .standing
            return switch user.role {
            case .administrator, .adviser: [.caseOwner, .consentedPartner]
            case .provider: standing ? [.referredWithConsent, .ownOrganisation] : [.ownOrganisation]
            case .employer: referral.clientAccepted && standing ? [.acceptedCandidate, .ownOrganisation] : [.ownOrganisation]
            case .analyst: []
            }
        }
        func visibility(_ referral: Referral) -> ReferredPerson.Visibility {
            if PersonalFields.shows(.nameAndContact, to: user.role, through: relationships(referral)) { return .shown }
            if user.role == .employer && !referral.clientAccepted { return .notAccepted }
            return consent[referral.clientID] == .withdrawn ? .consentWithdrawn : .noConsent
        }
        let visibilities = Dictionary(referrals.map { ($0.id, visibility($0)) }, uniquingKeysWith: { a, _ in a })
        let clients = Dictionary(
            try await ClientModel.query(on: db).filter(\.$id ~~ Array(clientIDs)).all().map { ($0.id!, $0) },
            uniquingKeysWith: { a, _ in a })

        var vacancies: [UUID: Vacancy] = [:]
        if user.role == .employer {
            let vacancyIDs = Array(Set(referrals.compactMap { if case .vacancy(let id) = $0.target { id } else { nil } }))
            if !vacancyIDs.isEmpty {
                for model in try await VacancyModel.query(on: db).filter(\.$id ~~ vacancyIDs).all() { vacancies[model.id!] = model.value }
            }
        }
        var people: [UUID: ReferredPerson] = [:]
        for referral in referrals {
            let client = clients[referral.clientID]
            let visible = visibilities[referral.id] ?? .noConsent
            let through = relationships(referral)
            var reference = PersonalFields.shows(.reference, to: user.role, through: through) ? client?.reference ?? "" : ""
            if user.role == .employer {
                // Never the client's own reference: the vacancy's pseudonym, or nothing if the vacancy is gone.
                reference = if case .vacancy(let vacancyID) = referral.target, let vacancy = vacancies[vacancyID] {
                    pseudonyms.candidate(referral.clientID, vacancy: vacancy)
                } else { "" }
            }
            var person = ReferredPerson(visibility: visible, reference: reference, relationships: through)
            if visible == .shown, let client {
                person.clientID = user.role == .employer ? nil : client.id
                person.name = "\(client.givenName) \(client.familyName)"
                person.email = client.email
                person.phone = client.phone
            }
            people[referral.id] = person
        }
        return people
    }

    /// For an employer: the clients, among `clientIDs`, whose details are released to it for `vacancyID`:
    /// those who accepted a referral to the vacancy and whose consent to share with the employer stands.
    static func released(
        _ clientIDs: some Collection<UUID>, vacancy vacancyID: UUID, employerOrganisation organisationID: UUID, on db: any Database
    ) async throws -> Set<UUID> {
        guard !clientIDs.isEmpty else { return [] }
        let referrals = try await ReferralModel.query(on: db).filter(\.$vacancyID == vacancyID).filter(\.$clientID ~~ Array(Set(clientIDs))).all()
        guard !referrals.isEmpty else { return [] }
        let acceptedReferralIDs = Set(try await StatusChangeModel.query(on: db).filter(\.$referralID ~~ referrals.compactMap(\.id))
            .filter(\.$status == .applied).all().map(\.referralID))
        let accepted = Set(referrals.filter { $0.status == .applied || acceptedReferralIDs.contains($0.id!) }.map(\.clientID))
        let consent = try await ConsentCheck.states(of: accepted, towards: organisationID, on: db)
        return accepted.filter { consent[$0] == .standing }
    }
}
