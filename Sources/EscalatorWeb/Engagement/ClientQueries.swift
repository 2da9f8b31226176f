import EscalatorCore
import EscalatorPersistence
import Fluent
import SQLKit
import Vapor

/// The reads behind the client pages and endpoints.
enum ClientQueries {
    struct Row: Sendable {
        var client: Client
        var wardName: String
        var distanceFromWork: Int?
    }

    static func list(for user: AuthenticatedUser, search: String?, page request: PageRequest, on db: any Database) async throws -> Page<Row> {
        var query = try ClientAccess.scope(ClientModel.query(on: db), for: user)
        // Every word typed is found in the reference, a name or the postcode: "grace okafor", "B1 1".
        for word in (search ?? "").split(whereSeparator: \.isWhitespace).map(String.init) {
            query = query.group(.or) { group in
                for column in ["reference", "given_name", "family_name", "postcode"] {
                    group.filter(TextSearch.contains(ClientModel.schema, column, word))
                }
            }
        }
        let total = try await query.count()
        let models = try await query.sort(\.$registeredAt, .descending).sort(\.$id).range(request.offset..<(request.offset + request.size)).all()
        let ids = models.compactMap(\.id)
        let wards = try await Lookups.wardNames(on: db)
        let scores = try await latestScores(for: ids, on: db)
        let rows = models.map { Row(client: $0.value, wardName: wards[$0.wardID] ?? $0.wardID, distanceFromWork: scores[$0.id!]) }
        return Page(items: rows, request: request, total: total)
    }

    static func latestScores(for ids: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await (db as! any SQLDatabase).select().column("client_id").column("distance_from_work").from(AssessmentModel.schema)
            .where("client_id", .in, SQLBind.group(ids)).orderBy(SQLRaw(AssessmentModel.latestLastOrder)).all()
        var result: [UUID: Int] = [:]
        for row in rows { result[try row.decode(column: "client_id", as: UUID.self)] = try row.decode(column: "distance_from_work", as: Int.self) }
        return result
    }

    struct Detail: Sendable {
        var client: Client
        var ward: Ward?
        var consents: [(id: UUID, consent: Consent, organisationName: String)]
        var assessments: [Assessment]
        var latestScore: DistanceFromWorkScore?
        var referrals: [ReferralQueries.Row]
        var jobStarts: [JobStart]
        var caseOwnerName: String?
        var organisationName: String
        /// What of the client's special-category data this viewer sees: `client`, `assessments` and
        /// `latestScore` are already cut down to it.
        var view: SpecialCategoryView
    }

    static func detail(_ id: UUID, for user: AuthenticatedUser, cipher: ColumnCipher, on db: any Database) async throws -> Detail {
        let model = try await ClientAccess.find(id, for: user, on: db)
        let view = try await SpecialCategoryAccess.view(of: model.value, for: user, on: db)
        let client = try view.equalityMonitoring ? model.value(cipher) : model.value
        let ward = try await WardModel.find(client.wardID, on: db)?.value
        let consentModels = try await ConsentModel.query(on: db).filter(\.$clientID == id).sort(\.$givenAt).all()
        let organisations = try await Lookups.organisationNames(Set(consentModels.map(\.organisationID) + [client.organisationID]), on: db)
        let consents = consentModels
            .map { (id: $0.id!, consent: $0.value, organisationName: organisations[$0.organisationID] ?? "Unknown organisation") }
        let assessments = try await AssessmentModel.query(on: db).filter(\.$clientID == id).latestFirst().all()
            .map { try $0.value(cipher) }
        let latestScore = assessments.first.map {
            view.visible(DistanceFromWork.score($0, employmentStatus: client.employmentStatus, monthsOutOfWork: nil))
        }
        let referrals = try await ReferralQueries.rows(clientID: id, on: db)
        let jobStarts = try await JobStartModel.query(on: db).filter(\.$clientID == id).sort(\.$startedOn, .descending).all().map(\.value)
        let caseOwner: String? = if let owner = client.caseOwnerID { try await UserModel.find(owner, on: db)?.displayName } else { nil }
        return Detail(
            client: view.visible(client), ward: ward, consents: consents, assessments: assessments.map { view.visible($0) }, latestScore: latestScore,
            referrals: referrals, jobStarts: jobStarts, caseOwnerName: caseOwner,
            organisationName: organisations[client.organisationID] ?? "Unknown organisation", view: view)
    }
}

/// Small lookup tables many pages need.
enum Lookups {
    /// Every ward's name by id: two columns as plain rows (every list page reads it).
    static func wardNames(on db: any Database) async throws -> [String: String] {
        let rows = try await (db as! any SQLDatabase).raw("SELECT id, name FROM \(unsafeRaw: WardModel.schema)").all()
        return Dictionary(try rows.map { (try $0.decode(column: "id", as: String.self), try $0.decode(column: "name", as: String.self)) },
                          uniquingKeysWith: { a, _ in a })
    }

    static func wards(on db: any Database) async throws -> [Ward] {
        try await WardModel.query(on: db).sort(\.$name).all().map(\.value)
    }

    /// Organisations' names by id, as plain rows: all of them, or only `ids` (a region has thousands of employers).
    static func organisationNames(_ ids: Set<UUID>? = nil, on db: any Database) async throws -> [UUID: String] {
        let sql = db as! any SQLDatabase
        let rows: [any SQLRow]
        if let ids {
            guard !ids.isEmpty else { return [:] }
            rows = try await sql.select().column("id").column("name").from(OrganisationModel.schema)
                .where("id", .in, SQLBind.group(Array(ids))).all()
        } else {
            rows = try await sql.raw("SELECT id, name FROM \(unsafeRaw: OrganisationModel.schema)").all()
        }
        return Dictionary(try rows.map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "name", as: String.self)) },
                          uniquingKeysWith: { a, _ in a })
    }

    /// Partner organisations a client can consent to share with (everyone but employers).
    static func partnerOrganisations(on db: any Database) async throws -> [Organisation] {
        try await OrganisationModel.query(on: db).filter(\.$kind != .employer).sort(\.$name).all().map(\.value)
    }

    static func taxonomy(on db: any Database) async throws -> Taxonomy {
        try await TaxonomyWriter.load(from: db)
    }
}
