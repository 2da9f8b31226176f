import EscalatorCore
import EscalatorPersistence
import Fluent
import FluentSQL
import Vapor

/// The reads behind the taxonomy pages and endpoints. Every signed-in role may read the taxonomy.
enum TaxonomyQueries {
    struct OccupationRow: Content, Sendable {
        var id: String
        var name: String
        var socCode: String?
        var sector: Sector?
        var typicalQualification: RQFLevel
        var essentialSkillCount: Int
        var optionalSkillCount: Int
    }

    static func occupations(_ filter: TaxonomyFilter, page request: PageRequest, on db: any Database) async throws -> Page<OccupationRow> {
        var query = OccupationModel.query(on: db)
        if let search = filter.search {
            query = query.group(.or) { group in
                group.filter(TextSearch.contains(OccupationModel.schema, "name", search))
                group.filter(\.$socCode == search)
                group.filter(\.$id == search)
            }
        }
        if let sector = filter.sector { query = query.filter(\.$sector == sector) }
        let total = try await query.count()
        let models = try await query.sort(\.$name).sort(\.$id).range(request.offset..<(request.offset + request.size)).all()
        return Page(items: models.map { row($0.value) }, request: request, total: total)
    }

    static func row(_ occupation: Occupation) -> OccupationRow {
        OccupationRow(
            id: occupation.id, name: occupation.name, socCode: occupation.socCode, sector: occupation.sector,
            typicalQualification: occupation.typicalQualification, essentialSkillCount: occupation.essentialSkills.count,
            optionalSkillCount: occupation.optionalSkills.count)
    }

    /// A skill as an occupation or a programme uses it. `kind` is absent for a skill missing from the taxonomy.
    struct SkillLine: Content, Sendable {
        var skillID: String
        var name: String
        var kind: Skill.Kind?
        var level: Proficiency
        var levelLabel: String
    }

    struct OccupationDetail: Content, Sendable {
        var id: String
        var name: String
        var socCode: String?
        var sector: Sector?
        var typicalQualification: RQFLevel
        var typicalQualificationLabel: String
        var description: String
        var essentialSkills: [SkillLine]
        var optionalSkills: [SkillLine]
        /// Open vacancies for this occupation closing on or after today.
        var liveVacancies: Int
    }

    static func occupation(_ id: String, now: Date, on db: any Database) async throws -> OccupationDetail {
        guard let occupation = try await OccupationModel.find(id, on: db)?.value else { throw AppError.notFound("Occupation") }
        let skillIDs = (occupation.essentialSkills + occupation.optionalSkills).map(\.skillID)
        let skills = Dictionary(
            try await SkillModel.query(on: db).filter(\.$id ~~ skillIDs).all().map { ($0.id!, $0.value) },
            uniquingKeysWith: { a, _ in a })
        func line(_ entry: OccupationSkill) -> SkillLine {
            let skill = skills[entry.skillID]
            return SkillLine(skillID: entry.skillID, name: skill?.name ?? entry.skillID, kind: skill?.kind, level: entry.level, levelLabel: entry.level.label)
        }
        let live = try await VacancyModel.query(on: db).filter(\.$occupationID == id).live(on: now).count()
        return OccupationDetail(
            id: occupation.id, name: occupation.name, socCode: occupation.socCode, sector: occupation.sector,
            typicalQualification: occupation.typicalQualification, typicalQualificationLabel: occupation.typicalQualification.label,
            description: occupation.description, essentialSkills: occupation.essentialSkills.map(line),
            optionalSkills: occupation.optionalSkills.map(line), liveVacancies: live)
    }

    /// Skills by kind (basic, licences, occupational), occupational skills by sector (cross-sector first), then by name.
    static func skills(_ filter: TaxonomyFilter, page request: PageRequest, on db: any Database) async throws -> Page<Skill> {
        var query = SkillModel.query(on: db)
        if let kind = filter.kind { query = query.filter(\.$kind == kind) }
        if let sector = filter.sector { query = query.filter(\.$sector == sector) }
        if let search = filter.search { query = query.filter(TextSearch.contains(SkillModel.schema, "name", search)) }
        let total = try await query.count()
        let table = SkillModel.schema
        let models = try await query
            .sort(\.$kind)
            .sort(.sql(embed: """
                CASE WHEN \(ident: table).\(ident: "kind") = \(bind: Skill.Kind.occupational.rawValue) \
                THEN COALESCE(\(ident: table).\(ident: "sector"), '') ELSE '' END
                """))
            .sort(\.$name).sort(\.$id)
            .range(request.offset..<(request.offset + request.size)).all()
        return Page(items: models.map(\.value), request: request, total: total)
    }

    struct OccupationUse: Content, Sendable {
        var occupationID: String
        var name: String
        var sector: Sector?
        var importance: String
        var level: Proficiency
        var levelLabel: String
    }

    struct ProgrammeUse: Content, Sendable {
        var programmeID: UUID
        var title: String
        var type: ProgrammeType
        var providerName: String
        var levelReached: Proficiency
        var levelReachedLabel: String
    }

    struct SkillDetail: Content, Sendable {
        var skill: Skill
        /// Occupations needing the skill, essential before optional, then by name.
        var occupations: [OccupationUse]
        /// Programmes teaching it that this user may see (all for advisers and administrators, their own for providers).
        var programmes: [ProgrammeUse]
        /// Every programme teaching it, whether listed or not.
        var programmeCount: Int
    }

    static func skill(_ id: String, for user: AuthenticatedUser, on db: any Database) async throws -> SkillDetail {
        guard let skill = try await SkillModel.find(id, on: db)?.value else { throw AppError.notFound("Skill") }
        var uses: [(rank: Int, use: OccupationUse)] = []
        for occupation in try await OccupationModel.query(on: db).all().map(\.value) {
            if let entry = occupation.essentialSkills.first(where: { $0.skillID == id }) {
                uses.append((0, OccupationUse(occupationID: occupation.id, name: occupation.name, sector: occupation.sector,
                                              importance: "essential", level: entry.level, levelLabel: entry.level.label)))
            } else if let entry = occupation.optionalSkills.first(where: { $0.skillID == id }) {
                uses.append((1, OccupationUse(occupationID: occupation.id, name: occupation.name, sector: occupation.sector,
                                              importance: "optional", level: entry.level, levelLabel: entry.level.label)))
            }
        }
        uses.sort { ($0.rank, $0.use.name, $0.use.occupationID) < ($1.rank, $1.use.name, $1.use.occupationID) }

        let programmes = try await ProgrammeModel.query(on: db)
            .field(\.$id).field(\.$providerID).field(\.$title).field(\.$type).field(\.$skillsTaught).all()
            .compactMap { model in model.skillsTaught.items.first { $0.skillID == id }.map { (model, $0) } }
        let providers = Dictionary(try await ProviderModel.query(on: db).all().map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let visible = programmes.filter { model, _ in
            switch user.role {
            case .administrator, .adviser: true
            case .provider: providers[model.providerID]?.organisationID == user.organisationID
            case .employer, .analyst: false
            }
        }
        let listed = visible.map { model, taught in
            ProgrammeUse(programmeID: model.id!, title: model.title, type: model.type,
                         providerName: providers[model.providerID]?.name ?? "Unknown provider",
                         levelReached: taught.levelReached, levelReachedLabel: taught.levelReached.label)
        }.sorted { ($0.title, $0.programmeID.uuidString) < ($1.title, $1.programmeID.uuidString) }
        return SkillDetail(skill: skill, occupations: uses.map(\.use), programmes: listed, programmeCount: programmes.count)
    }
}
