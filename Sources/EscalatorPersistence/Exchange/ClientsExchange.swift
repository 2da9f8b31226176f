import EscalatorCore
import Fluent
import Foundation

/// Clients, with their registering organisation and the partners they consent to share with.
enum ClientsExchange: ExchangeFormat {
    static let kind = ImportKind.clients
    static let consentPurpose = ConsentPurpose.employmentSupport

    static let columns: [ExchangeColumn] = [
        .optional("reference"), .required("given_name"), .required("family_name"), .optional("date_of_birth"),
        .optional("email"), .optional("phone"), .required("postcode"), .required("ward_id"),
        .required("employment_status"), .required("referral_source"), .required("organisation"),
        .optional("consent_organisations"), .optional("registered_on"),
    ]

    static func importRecords(_ records: [CSVRecord], on db: any Database, now: Date) async throws -> Int {
        try await importRecords(records, on: db, now: now, auditor: nil)
    }

    /// With an auditor, the clients and one `import` audit event for each are written in one transaction.
    static func importRecords(_ records: [CSVRecord], on db: any Database, now: Date, auditor: Auditor?) async throws -> Int {
        let wardIDs = try await ExchangeLookups.wardIDs(on: db)
        let organisations = try await ExchangeLookups.organisations(on: db)
        var takenReferences = Set(try await ClientModel.query(on: db).all(\.$reference).map { $0.uppercased() })
        var referenceLines: [String: Int] = [:]
        var problems: [ImportProblem] = []
        var clients: [(client: Client, consents: [UUID])] = []

        for record in records {
            var row = RowCheck(record)
            let reference = row.optionalText("reference", max: 40)?.uppercased()
            if let reference {
                if !reference.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
                    row.fail("reference", "a reference may hold only letters, digits and hyphens")
                } else if let first = referenceLines[reference] {
                    row.fail("reference", "'\(reference)' is also on line \(first)")
                } else if takenReferences.contains(reference) {
                    row.fail("reference", "a client with reference '\(reference)' is already in the database")
                }
                referenceLines[reference] = referenceLines[reference] ?? record.line
            }
            let given = row.requiredText("given_name", max: 100)
            let family = row.requiredText("family_name", max: 100)
            let dateOfBirth = row.date("date_of_birth", required: false)
            if let dateOfBirth {
                let age = Calendar.utc.dateComponents([.year], from: dateOfBirth, to: now).year ?? 0
                if age < 16 || age > 100 { row.fail("date_of_birth", "Date of birth must make the client between 16 and 100 years old") }
            }
            let email = row.email("email")
            let phone = row.optionalText("phone", max: 30)
            let postcode = row.postcode("postcode")
            let ward = row.ward("ward_id", in: wardIDs)
            let status = row.enumValue("employment_status", EmploymentStatus.self)
            let source = row.enumValue("referral_source", ReferralSource.self)
            let organisation = row.named("organisation", in: organisations, what: "organisation")
            if let organisation, organisation.kind == .employer {
                row.fail("organisation", "'\(organisation.name)' is an employer; clients are registered by partner organisations")
            }
            var consents: [UUID] = []
            for name in row.list("consent_organisations") {
                guard let partner = row.found(name, "consent_organisations", in: organisations, what: "organisation") else { break }
                if partner.kind == .employer {
                    row.fail("consent_organisations", "'\(partner.name)' is an employer; clients consent to share with partner organisations only")
                } else if !consents.contains(partner.id) {
                    consents.append(partner.id)
                }
            }
            let registered = row.date("registered_on", required: false)
            if let registered, registered > now { row.fail("registered_on", "cannot be in the future") }

            problems += row.problems
            guard row.isValid else { continue }
            let client = Client(
                id: UUID(), reference: reference ?? "", givenName: given!, familyName: family!, dateOfBirth: dateOfBirth,
                email: email, phone: phone, postcode: postcode!, wardID: ward!, employmentStatus: status!,
                referralSource: source!, organisationID: organisation!.id, caseOwnerID: nil, registeredAt: registered ?? now)
            clients.append((client, consents))
        }
        try requireNoProblems(problems)

        takenReferences.formUnion(referenceLines.keys)
        for index in clients.indices where clients[index].client.reference.isEmpty {
            clients[index].client.reference = newReference(avoiding: &takenReferences)
        }
        let clientModels = clients.map { ClientModel(withoutEqualityMonitoring: $0.client) }
        let consentModels = clients.flatMap { entry in
            entry.consents.map { ConsentModel(clientID: entry.client.id, Consent(organisationID: $0, purpose: consentPurpose, givenAt: entry.client.registeredAt)) }
        }
        let write: @Sendable (any Database) async throws -> Void = { db in
            try await clientModels.createInBatches(on: db)
            try await consentModels.createInBatches(on: db)
        }
        if let auditor {
            let events = clients.map { auditor.event(.import, .clientRecord, client: $0.client.id, purpose: .dataImport) }
            try await auditor.change(events, on: db, write)
        } else {
            try await db.transaction(write)
        }
        return clients.count
    }

    /// `WM-` and eight characters, not yet taken.
    static func newReference(avoiding taken: inout Set<String>) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        while true {
            let reference = "WM-" + String((0..<8).map { _ in alphabet.randomElement()! })
            if taken.insert(reference).inserted { return reference }
        }
    }

    static func exportRows(on db: any Database) async throws -> [[String]] {
        let organisations = try await ExchangeLookups.organisationNames(on: db)
        var consents: [UUID: [String]] = [:]
        for consent in try await ConsentModel.query(on: db).filter(\.$withdrawnAt == nil).all() {
            consents[consent.clientID, default: []].append(organisations[consent.organisationID] ?? "")
        }
        return try await ClientModel.query(on: db).notErased().all().map(\.value).map { client in
            [
                client.reference, client.givenName, client.familyName, client.dateOfBirth?.isoDay ?? "", client.email ?? "",
                client.phone ?? "", client.postcode, client.wardID, client.employmentStatus.rawValue,
                client.referralSource.rawValue, organisations[client.organisationID] ?? "",
                ExchangeCell.list(Array(Set(consents[client.id] ?? [])).sorted()), client.registeredAt.isoDay,
            ]
        }
    }
}
