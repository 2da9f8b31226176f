import EscalatorCore
import EscalatorPersistence
import Fluent
import FluentSQL
import Vapor

/// The reads behind the programme and provider pages and endpoints.
enum ProgrammeQueries {
    struct Filter: Sendable {
        var type: ProgrammeType?
        var providerID: UUID?
        var skillID: String?
        var search: String?

        /// `?type=&providerID=&skillID=&q=`; an unknown type or a malformed provider id is a 422 naming it.
        init(_ req: Request) throws {
            var v = Validator()
            if let raw = req.queryString("type") { type = v.enumValue(raw, "type", ProgrammeType.self, missing: "") }
            if let raw = req.queryString("providerID") { providerID = v.uuid(raw, "providerID", missing: "") }
            skillID = req.queryString("skillID")
            search = req.queryString("q")
            try v.throwIfFailed()
        }

        var queryItems: [(String, String)] {
            [("q", search ?? ""), ("type", type?.rawValue ?? ""), ("providerID", providerID?.uuidString ?? ""), ("skillID", skillID ?? "")]
        }
    }

    struct Row: Sendable {
        var programme: Programme
        var providerName: String

        var nextCohort: Cohort? { programme.cohorts.first { $0.freePlaces > 0 } ?? programme.cohorts.last }
    }

    static func list(for user: AuthenticatedUser, filter: Filter, page request: PageRequest, on db: any Database) async throws -> Page<Row> {
        let visible = try await ProgrammeAccess.visibleProviderIDs(for: user, on: db)
        if let visible, visible.isEmpty { return Page(items: [], request: request, total: 0) }
        let query = ProgrammeModel.query(on: db)
        if let visible { query.filter(\.$providerID ~~ visible) }
        if let type = filter.type { query.filter(\.$type == type) }
        if let provider = filter.providerID { query.filter(\.$providerID == provider) }
        if let search = filter.search {
            query.filter(TextSearch.contains(ProgrammeModel.schema, "title", search))
        }
        query.sort(\.$title).sort(\.$id)
        let models: [ProgrammeModel], total: Int
        if let skill = filter.skillID {
            // Skills taught are a JSON document; filtering them in memory works the same on SQLite and PostgreSQL.
            let matching = try await query.all().filter { $0.skillsTaught.items.contains { $0.skillID == skill } }
            total = matching.count
            models = Array(matching.dropFirst(request.offset).prefix(request.size))
        } else {
            total = try await query.count()
            models = try await query.range(request.offset..<(request.offset + request.size)).all()
        }
        return Page(items: try await rows(for: models, on: db), request: request, total: total)
    }

    static func rows(for models: [ProgrammeModel], on db: any Database) async throws -> [Row] {
        guard !models.isEmpty else { return [] }
        let cohorts = try await cohorts(for: models.compactMap(\.id), on: db)
        let providerIDs = Array(Set(models.map(\.providerID)))
        let providers = Dictionary(try await ProviderModel.query(on: db).filter(\.$id ~~ providerIDs).all().map { ($0.id!, $0.name) },
                                   uniquingKeysWith: { a, _ in a })
        return models.map { Row(programme: $0.value(cohorts: cohorts[$0.id!] ?? []), providerName: providers[$0.providerID] ?? "") }
    }

    /// Cohorts by programme, earliest start first.
    static func cohorts(for programmeIDs: [UUID], on db: any Database) async throws -> [UUID: [Cohort]] {
        guard !programmeIDs.isEmpty else { return [:] }
        let models = try await CohortModel.query(on: db).filter(\.$programmeID ~~ programmeIDs).sort(\.$startsOn).sort(\.$id).all()
        return Dictionary(grouping: models, by: \.programmeID).mapValues { $0.map(\.value) }
    }

    struct Detail: Sendable {
        var programme: Programme
        var provider: Provider
        var wardName: String
        var skillNames: [String: String]
        var employerNames: [UUID: String]
    }

    static func detail(_ id: UUID, for user: AuthenticatedUser, on db: any Database) async throws -> Detail {
        let model = try await ProgrammeAccess.find(id, for: user, on: db)
        let programme = model.value(cohorts: try await cohorts(for: [id], on: db)[id] ?? [])
        guard let provider = try await ProviderModel.find(programme.providerID, on: db)?.value else { throw AppError.notFound("Provider") }
        let wardName = try await WardModel.find(programme.wardID, on: db)?.name ?? programme.wardID
        let skillIDs = Set(programme.skillsTaught.map(\.skillID) + programme.entryRequirements.requiredSkills.map(\.skillID))
        let skillNames = skillIDs.isEmpty ? [:] : Dictionary(
            try await SkillModel.query(on: db).filter(\.$id ~~ Array(skillIDs)).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let employerIDs = programme.coDesigningEmployerIDs
        let employerNames = employerIDs.isEmpty ? [:] : Dictionary(
            try await EmployerModel.query(on: db).filter(\.$id ~~ employerIDs).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        return Detail(programme: programme, provider: provider, wardName: wardName, skillNames: skillNames, employerNames: employerNames)
    }

    struct ProviderRow: Sendable {
        var provider: Provider
        var organisationName: String
        var wardName: String
        var programmes: [Row]
    }

    static func providers(for user: AuthenticatedUser, on db: any Database) async throws -> [ProviderRow] {
        let visible = try await ProgrammeAccess.visibleProviderIDs(for: user, on: db)
        let query = ProviderModel.query(on: db).sort(\.$name).sort(\.$id)
        if let visible {
            guard !visible.isEmpty else { return [] }
            query.filter(\.$id ~~ visible)
        }
        let providers = try await query.all().map(\.value)
        guard !providers.isEmpty else { return [] }
        let programmes = try await rows(
            for: ProgrammeModel.query(on: db).filter(\.$providerID ~~ providers.map(\.id)).sort(\.$title).all(), on: db)
        let byProvider = Dictionary(grouping: programmes, by: \.programme.providerID)
        let organisations = try await Lookups.organisationNames(on: db)
        let wards = try await Lookups.wardNames(on: db)
        return providers.map {
            ProviderRow(provider: $0, organisationName: organisations[$0.organisationID] ?? "", wardName: wards[$0.wardID] ?? $0.wardID,
                        programmes: byProvider[$0.id] ?? [])
        }
    }

    /// Providers a user may filter the list by.
    static func filterProviders(for user: AuthenticatedUser, on db: any Database) async throws -> [Provider] {
        let visible = try await ProgrammeAccess.visibleProviderIDs(for: user, on: db)
        let query = ProviderModel.query(on: db).sort(\.$name)
        if let visible { query.filter(\.$id ~~ visible) }
        return visible?.isEmpty == true ? [] : try await query.all().map(\.value)
    }

    /// What the programme form offers.
    struct FormOptions: Sendable {
        var providers: [Provider]
        var wards: [Ward]
        var skills: [Skill]
        var employers: [(id: UUID, name: String)]
    }

    static func formOptions(for user: AuthenticatedUser, on db: any Database) async throws -> FormOptions {
        FormOptions(
            providers: try await ProgrammeAccess.changeableProviders(for: user, on: db),
            wards: try await Lookups.wards(on: db),
            skills: try await Lookups.taxonomy(on: db).sortedSkills,
            employers: try await EmployerModel.query(on: db).sort(\.$name).all().map { (id: $0.id!, name: $0.name) })
    }
}
