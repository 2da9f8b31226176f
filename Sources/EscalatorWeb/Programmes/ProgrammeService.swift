import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Changes to providers, programmes and cohorts, shared by the pages and the API. Every change to a
/// programme or its cohorts clears the matcher's snapshot.
enum ProgrammeService {
    static func createProvider(_ input: ProviderInput, by user: AuthenticatedUser, on db: any Database) async throws -> Provider {
        guard user.role == .administrator else { throw AppError.forbidden("Only administrators can add providers.") }
        let organisationIDs = Set(try await Lookups.partnerOrganisations(on: db).map(\.id))
        let wardIDs = Set(try await WardModel.query(on: db).all().compactMap(\.id))
        let valid = try input.validate(organisationIDs: organisationIDs, wardIDs: wardIDs)
        let sameOrganisation = try await ProviderModel.query(on: db).filter(\.$organisationID == valid.organisationID).all()
        if sameOrganisation.contains(where: { $0.name.lowercased() == valid.name.lowercased() }) {
            throw AppError.conflict("That organisation already has a provider called \(valid.name).")
        }
        let provider = Provider(id: UUID(), organisationID: valid.organisationID, name: valid.name, kind: valid.kind,
                                postcode: valid.postcode, wardID: valid.wardID)
        try await ProviderModel(provider).create(on: db)
        return provider
    }

    static func create(_ input: ProgrammeInput, by user: AuthenticatedUser, on db: any Database) async throws -> Programme {
        let valid = try await validate(input, for: user, on: db)
        let programme = valid.programme(id: UUID(), cohorts: [])
        try await ProgrammeModel(programme).create(on: db)
        return programme
    }

    static func update(_ id: UUID, with input: ProgrammeInput, by user: AuthenticatedUser, on db: any Database) async throws -> Programme {
        let model = try await ProgrammeAccess.findForChange(id, for: user, on: db)
        let valid = try await validate(input, for: user, on: db)
        let cohorts = try await ProgrammeQueries.cohorts(for: [id], on: db)[id] ?? []
        let programme = valid.programme(id: id, cohorts: cohorts)
        model.update(from: programme)
        try await model.save(on: db)
        return programme
    }

    static func addCohort(to programmeID: UUID, _ input: CohortInput, by user: AuthenticatedUser, environment: AppEnvironment,
                          on db: any Database) async throws -> Cohort {
        _ = try await ProgrammeAccess.findForChange(programmeID, for: user, on: db)
        let valid = try input.validate(today: environment.now())
        let cohort = Cohort(id: UUID(), startsOn: valid.startsOn, capacity: valid.capacity, enrolled: 0)
        try await CohortModel(programmeID: programmeID, cohort).create(on: db)
        return cohort
    }

    private static func validate(_ input: ProgrammeInput, for user: AuthenticatedUser, on db: any Database) async throws -> ProgrammeInput.Valid {
        let providers = try await ProgrammeAccess.changeableProviders(for: user, on: db)
        let skillIDs = Set(try await SkillModel.query(on: db).all().compactMap(\.id))
        let wardIDs = Set(try await WardModel.query(on: db).all().compactMap(\.id))
        let employerIDs = Set(try await EmployerModel.query(on: db).all().compactMap(\.id))
        return try input.validate(providerIDs: Set(providers.map(\.id)), skillIDs: skillIDs, wardIDs: wardIDs, employerIDs: employerIDs)
    }
}
