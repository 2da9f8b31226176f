import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// `/api/v1/vacancies` and `/api/v1/occupations/:occupationID/prefill`: vacancy scoping for machines.
/// A vacancy's JSON (`VacancyDTO`) can be sent back, changed, as the body of a PUT.
struct VacanciesAPIController: RouteCollection {
    let environment: AppEnvironment

    func boot(routes: any RoutesBuilder) throws {
        let vacancies = routes.grouped("vacancies")
        vacancies.get(use: list).needs(.readEmployersAndVacancies)
        vacancies.post(use: create).needs(.scopeVacancy)
        vacancies.get(":vacancyID", use: show).needs(.readEmployersAndVacancies)
        vacancies.put(":vacancyID", use: update).needs(.scopeVacancy)
        routes.grouped("occupations").get(":occupationID", "prefill", use: prefill).needs(.readReferenceData)
    }

    struct RequirementDTO: Content {
        var skillID: String
        var skillName: String
        var importance: Importance
        /// 1 basic, 2 working, 3 proficient, 4 expert.
        var minimumLevel: Int
    }

    struct VacancySummaryDTO: Content {
        var id: UUID
        var title: String
        var employerID: UUID
        var employerName: String
        var occupationID: String
        var occupationName: String
        var status: VacancyStatus
        var hourlyPayPence: Int
        var wardID: String
        var wardName: String
        var openings: Int
        var closingDate: String
    }

    struct VacancyDTO: Content {
        var id: UUID
        var employerID: UUID
        var employerName: String
        var occupationID: String
        var occupationName: String
        var title: String
        var requirements: [RequirementDTO]
        var minimumQualification: Int
        var needsGCSEEnglish: Bool
        var needsGCSEMaths: Bool
        var hoursPerWeek: Int
        var hourlyPayPence: Int
        var postcode: String
        var wardID: String
        var wardName: String
        var openings: Int
        /// `yyyy-MM-dd`.
        var closingDate: String
        var minimumAge: Int
        var status: VacancyStatus
    }

    struct PrefillDTO: Content {
        var occupationID: String
        var occupationName: String
        var typicalQualification: Int
        var requirements: [RequirementDTO]
    }

    func list(req: Request) async throws -> Response {
        let page = try await VacancyQueries.list(for: try req.user, filters: try req.vacancyFilters(), page: try req.pageRequest(), on: req.db)
        return try .json(PagedResponse(page.map {
            VacancySummaryDTO(id: $0.vacancy.id, title: $0.vacancy.title, employerID: $0.vacancy.employerID, employerName: $0.employerName,
                              occupationID: $0.vacancy.occupationID, occupationName: $0.occupationName, status: $0.vacancy.status,
                              hourlyPayPence: $0.vacancy.hourlyPayPence, wardID: $0.vacancy.wardID, wardName: $0.wardName,
                              openings: $0.vacancy.openings, closingDate: $0.vacancy.closingDate.isoDay)
        }))
    }

    func create(req: Request) async throws -> Response {
        let user = try req.user
        try VacancyAccess.requireScoper(user)
        let vacancy = try await VacancyService.create(try req.content.decode(VacancyInput.self), by: user, environment: environment,
                                                      on: req.db)
        return try .json(try await detail(vacancy.id, req), status: .created)
    }

    func show(req: Request) async throws -> Response {
        try .json(try await detail(try req.uuid("vacancyID", "Vacancy"), req))
    }

    func update(req: Request) async throws -> Response {
        let user = try req.user
        let id = try req.uuid("vacancyID", "Vacancy")
        _ = try await VacancyAccess.findForChange(id, for: user, on: req.db)
        _ = try await VacancyService.update(id, with: try req.content.decode(VacancyInput.self), by: user, environment: environment,
                                            on: req.db)
        return try .json(try await detail(id, req))
    }

    func prefill(req: Request) async throws -> Response {
        _ = try req.user
        guard let raw = req.parameters.get("occupationID"),
              let occupation = try await OccupationModel.find(raw, on: req.db)?.value else { throw AppError.notFound("Occupation") }
        let names = try await skillNames(VacancyScoping.prefilledRequirements(for: occupation).map(\.skillID), req)
        return try .json(PrefillDTO(
            occupationID: occupation.id, occupationName: occupation.name, typicalQualification: occupation.typicalQualification.rawValue,
            requirements: VacancyScoping.prefilledRequirements(for: occupation).map { Self.requirement($0, names) }))
    }

    private func detail(_ id: UUID, _ req: Request) async throws -> VacancyDTO {
        let detail = try await VacancyQueries.detail(id, for: try req.user, on: req.db)
        let vacancy = detail.vacancy
        let names = try await skillNames(vacancy.requirements.map(\.skillID), req)
        return VacancyDTO(
            id: vacancy.id, employerID: vacancy.employerID, employerName: detail.employer.name, occupationID: vacancy.occupationID,
            occupationName: detail.occupation?.name ?? vacancy.occupationID, title: vacancy.title,
            requirements: vacancy.requirements.map { Self.requirement($0, names) },
            minimumQualification: vacancy.minimumQualification.rawValue, needsGCSEEnglish: vacancy.needsGCSEEnglish,
            needsGCSEMaths: vacancy.needsGCSEMaths, hoursPerWeek: vacancy.hoursPerWeek, hourlyPayPence: vacancy.hourlyPayPence,
            postcode: vacancy.postcode, wardID: vacancy.wardID, wardName: detail.ward?.name ?? vacancy.wardID, openings: vacancy.openings,
            closingDate: vacancy.closingDate.isoDay, minimumAge: vacancy.minimumAge, status: vacancy.status)
    }

    private func skillNames(_ ids: [String], _ req: Request) async throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(try await SkillModel.query(on: req.db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.name) },
                          uniquingKeysWith: { a, _ in a })
    }

    private static func requirement(_ requirement: SkillRequirement, _ names: [String: String]) -> RequirementDTO {
        RequirementDTO(skillID: requirement.skillID, skillName: names[requirement.skillID] ?? requirement.skillID,
                       importance: requirement.importance, minimumLevel: requirement.minimumLevel.rawValue)
    }
}
