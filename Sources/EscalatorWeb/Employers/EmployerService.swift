import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Changes to employers, shared by the pages and the API.
enum EmployerService {
    static func create(_ input: EmployerInput, by user: AuthenticatedUser, on db: any Database) async throws -> Employer {
        guard user.role == .adviser || user.role == .administrator else {
            throw AppError.forbidden("Only advisers and administrators can add employers.")
        }
        if input.picksOrganisation, user.role != .administrator {
            throw AppError.forbidden("Only administrators can attach an employer to an existing organisation.")
        }
        let wardIDs = Set(try await WardModel.query(on: db).all().compactMap(\.id))
        let employerOrganisations = Set(try await OrganisationModel.query(on: db).filter(\.$kind == .employer).all().compactMap(\.id))
        let valid = try input.validate(wardIDs: wardIDs, employerOrganisationIDs: employerOrganisations)
        return try await db.transaction { db in
            let organisationID: UUID
            if let chosen = valid.organisationID {
                organisationID = chosen
            } else {
                let organisation = Organisation(id: UUID(), name: valid.name, kind: .employer)
                try await OrganisationModel(organisation).create(on: db)
                organisationID = organisation.id
            }
            let employer = Employer(id: UUID(), organisationID: organisationID, name: valid.name, sector: valid.sector,
                                    size: valid.size, postcode: valid.postcode, wardID: valid.wardID)
            try await EmployerModel(employer).create(on: db)
            return employer
        }
    }

    static func addEngagement(employerID: UUID, _ input: EngagementInput, by user: AuthenticatedUser, environment: AppEnvironment, on db: any Database) async throws -> UUID {
        _ = try await EmployerAccess.findForChange(employerID, for: user, on: db)
        let entry = try input.validate(today: environment.now())
        let model = EngagementModel(employerID: employerID, entry, recordedBy: user.id)
        try await model.create(on: db)
        return model.id!
    }

    static func addPledge(employerID: UUID, _ input: PledgeInput, by user: AuthenticatedUser, environment: AppEnvironment, on db: any Database) async throws -> UUID {
        _ = try await EmployerAccess.findForChange(employerID, for: user, on: db)
        let pledge = try input.validate(today: environment.now())
        let model = PledgeModel(employerID: employerID, pledge)
        try await model.create(on: db)
        return model.id!
    }
}
