import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// The reads behind referral lists.
enum ReferralQueries {
    struct Row: Sendable {
        var referral: Referral
        /// The programme's or vacancy's title.
        var targetTitle: String
        /// The provider's or employer's name.
        var targetOwner: String
        /// Who the client is, as far as the viewer may see: set by `disclosed(_:for:pseudonyms:on:)`; until
        /// then the reference only.
        var person: ReferredPerson
    }

    /// The rows with what `user` may see of each client (`Disclosure`).
    static func disclosed(_ rows: [Row], for user: AuthenticatedUser, pseudonyms: Pseudonyms, on db: any Database) async throws -> [Row] {
        let people = try await Disclosure.people(behind: rows.map(\.referral), for: user, pseudonyms: pseudonyms, on: db)
        return rows.map { row in
            var row = row
            row.person = people[row.referral.id] ?? ReferredPerson(visibility: .noConsent, reference: "")
            return row
        }
    }

    static func rows(clientID: UUID, on db: any Database) async throws -> [Row] {
        try await rows(for: ReferralModel.query(on: db).filter(\.$clientID == clientID).sort(\.$createdAt, .descending).all(), on: db)
    }

    /// Titles and owners for a batch of referrals, with their status histories.
    static func rows(for models: [ReferralModel], on db: any Database) async throws -> [Row] {
        guard !models.isEmpty else { return [] }
        let ids = models.compactMap(\.id)
        let history = Dictionary(grouping: try await StatusChangeModel.query(on: db).filter(\.$referralID ~~ ids).sort(\.$sequence).all(), by: \.referralID)
        let programmeIDs = Set(models.compactMap(\.programmeID))
        let vacancyIDs = Set(models.compactMap(\.vacancyID))
        let programmes = programmeIDs.isEmpty ? [] : try await ProgrammeModel.query(on: db).filter(\.$id ~~ programmeIDs).all()
        let vacancies = vacancyIDs.isEmpty ? [] : try await VacancyModel.query(on: db).filter(\.$id ~~ vacancyIDs).all()
        let providerIDs = Set(programmes.map(\.providerID))
        let employerIDs = Set(vacancies.map(\.employerID))
        let providers = providerIDs.isEmpty ? [:] : Dictionary(try await ProviderModel.query(on: db).filter(\.$id ~~ providerIDs).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let employers = employerIDs.isEmpty ? [:] : Dictionary(try await EmployerModel.query(on: db).filter(\.$id ~~ employerIDs).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let programmeByID = Dictionary(programmes.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let vacancyByID = Dictionary(vacancies.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let clientIDs = Set(models.map(\.clientID))
        let references = Dictionary(try await ClientModel.query(on: db).filter(\.$id ~~ clientIDs).all().map { ($0.id!, $0.reference) }, uniquingKeysWith: { a, _ in a })
        return models.map { model in
            let title: String, owner: String
            if let programmeID = model.programmeID, let programme = programmeByID[programmeID] {
                title = programme.title
                owner = providers[programme.providerID] ?? ""
            } else if let vacancyID = model.vacancyID, let vacancy = vacancyByID[vacancyID] {
                title = vacancy.title
                owner = employers[vacancy.employerID] ?? ""
            } else {
                title = "Unknown"
                owner = ""
            }
            return Row(referral: model.value(history: (history[model.id!] ?? []).map(\.value)), targetTitle: title,
                       targetOwner: owner, person: ReferredPerson(visibility: .noConsent, reference: references[model.clientID] ?? ""))
        }
    }
}
