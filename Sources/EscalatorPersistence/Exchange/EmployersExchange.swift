import EscalatorCore
import Fluent
import Foundation

/// Employers. Each belongs to an organisation, named in `organisation` or else by the employer's own
/// name; an organisation that does not exist yet is created as an employer organisation.
enum EmployersExchange: ExchangeFormat {
    static let kind = ImportKind.employers

    static let columns: [ExchangeColumn] = [
        .required("name"), .required("sector"), .required("size"), .required("postcode"), .required("ward_id"),
        .optional("organisation"),
    ]

    static func importRecords(_ records: [CSVRecord], on db: any Database, now: Date) async throws -> Int {
        let wardIDs = try await ExchangeLookups.wardIDs(on: db)
        let organisations = try await ExchangeLookups.organisations(on: db)
        let existing = try await ExchangeLookups.employers(on: db)
        var nameLines: [String: Int] = [:]
        var newOrganisations: [String: Organisation] = [:]
        var problems: [ImportProblem] = []
        var employers: [Employer] = []

        for record in records {
            var row = RowCheck(record)
            let name = row.requiredText("name", max: 150)
            if let name {
                let key = NameIndex<Employer>.key(name)
                if let first = nameLines[key] {
                    row.fail("name", "an employer named '\(name)' is also on line \(first)")
                } else if existing.contains(name) {
                    row.fail("name", "an employer named '\(name)' is already in the database")
                }
                nameLines[key] = nameLines[key] ?? record.line
            }
            let sector = row.enumValue("sector", Sector.self)
            let size = row.enumValue("size", EmployerSize.self)
            let postcode = row.postcode("postcode")
            let ward = row.ward("ward_id", in: wardIDs)
            let organisationName = row.optionalText("organisation", max: 200) ?? name
            var organisationID: UUID?
            if let organisationName {
                switch organisations.find(organisationName) {
                case .one(let organisation): organisationID = organisation.id
                case .several: row.fail(row.value("organisation") == nil ? "name" : "organisation", "more than one organisation is named '\(organisationName)'")
                case .none:
                    let key = NameIndex<Organisation>.key(organisationName)
                    let created = newOrganisations[key] ?? Organisation(id: UUID(), name: organisationName, kind: .employer)
                    newOrganisations[key] = created
                    organisationID = created.id
                }
            }
            problems += row.problems
            guard row.isValid else { continue }
            employers.append(Employer(
                id: UUID(), organisationID: organisationID!, name: name!, sector: sector!, size: size!, postcode: postcode!, wardID: ward!))
        }
        try requireNoProblems(problems)

        let organisationModels = newOrganisations.values.map(OrganisationModel.init)
        let employerModels = employers.map(EmployerModel.init)
        try await db.transaction { db in
            try await organisationModels.createInBatches(on: db)
            try await employerModels.createInBatches(on: db)
        }
        return employers.count
    }

    static func exportRows(on db: any Database) async throws -> [[String]] {
        let organisations = try await ExchangeLookups.organisationNames(on: db)
        return try await EmployerModel.query(on: db).all().map(\.value).map { employer in
            [
                employer.name, employer.sector.rawValue, employer.size.rawValue, employer.postcode, employer.wardID,
                organisations[employer.organisationID] ?? "",
            ]
        }
    }
}
