import EscalatorCore
import Fluent
import Foundation

/// Wards with their labour-market figures and local authorities. Rows add new wards and local
/// authorities and replace the figures of existing ones (an upsert keyed by the ONS codes).
enum AreaStatisticsExchange: ExchangeFormat {
    static let kind = ImportKind.areaStatistics

    static let columns: [ExchangeColumn] = [
        .required("ward_id"), .required("ward_name"), .required("local_authority_id"), .required("local_authority_name"),
        .required("latitude"), .required("longitude"), .required("is_target_ward"), .required("working_age_population"),
        .required("employed"), .required("looking_for_work"), .required("with_level2"), .required("with_degree"),
    ]

    static func importRecords(_ records: [CSVRecord], on db: any Database, now: Date) async throws -> Int {
        let existingWards = Dictionary(try await WardModel.query(on: db).all().map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        let existingAuthorities = Dictionary(
            try await LocalAuthorityModel.query(on: db).all().map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        var wardLines: [String: Int] = [:]
        var authorityNames: [String: (name: String, line: Int)] = [:]
        var problems: [ImportProblem] = []
        var wards: [Ward] = []

        for record in records {
            var row = RowCheck(record)
            let wardID = code(&row, "ward_id")
            if let wardID {
                if let first = wardLines[wardID] { row.fail("ward_id", "ward '\(wardID)' is also on line \(first)") }
                wardLines[wardID] = wardLines[wardID] ?? record.line
            }
            let wardName = row.requiredText("ward_name", max: 100)
            let authorityID = code(&row, "local_authority_id")
            let authorityName = row.requiredText("local_authority_name", max: 100)
            if let authorityID, let authorityName {
                if let earlier = authorityNames[authorityID], earlier.name != authorityName {
                    row.fail("local_authority_name", "local authority \(authorityID) is called '\(earlier.name)' on line \(earlier.line)")
                }
                authorityNames[authorityID] = authorityNames[authorityID] ?? (authorityName, record.line)
            }
            let latitude = row.double("latitude", -90...90)
            let longitude = row.double("longitude", -180...180)
            let target = row.bool("is_target_ward")
            let statistics = parseStatistics(&row)

            problems += row.problems
            guard row.isValid else { continue }
            wards.append(Ward(
                id: wardID!, name: wardName!, localAuthorityID: authorityID!,
                centre: GeoPoint(latitude: latitude!, longitude: longitude!), isTargetWard: target, statistics: statistics!))
        }
        try requireNoProblems(problems)

        var newAuthorities: [LocalAuthorityModel] = []
        var renamedAuthorities: [LocalAuthorityModel] = []
        for (id, entry) in authorityNames.sorted(by: { $0.key < $1.key }) {
            if let existing = existingAuthorities[id] {
                if existing.name != entry.name {
                    existing.name = entry.name
                    renamedAuthorities.append(existing)
                }
            } else {
                let members = wards.filter { $0.localAuthorityID == id }
                let centre = GeoPoint(
                    latitude: members.map(\.centre.latitude).reduce(0, +) / Double(members.count),
                    longitude: members.map(\.centre.longitude).reduce(0, +) / Double(members.count))
                newAuthorities.append(LocalAuthorityModel(LocalAuthority(id: id, name: entry.name, centre: centre)))
            }
        }
        var newWards: [WardModel] = []
        var changedWards: [WardModel] = []
        for ward in wards {
            if let existing = existingWards[ward.id] {
                existing.update(from: ward)
                changedWards.append(existing)
            } else {
                newWards.append(WardModel(ward))
            }
        }
        let (added, renamed, changed) = (newAuthorities, renamedAuthorities, changedWards)
        let created = newWards
        try await db.transaction { db in
            try await added.createInBatches(on: db)
            for authority in renamed { try await authority.save(on: db) }
            try await created.createInBatches(on: db)
            for ward in changed { try await ward.save(on: db) }
        }
        return wards.count
    }

    /// An ONS-style code: letters, digits, hyphens and underscores, up to 20.
    private static func code(_ row: inout RowCheck, _ column: String) -> String? {
        guard let text = row.requiredText(column, max: 20) else { return nil }
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            row.fail(column, "'\(text)' must be a code of letters, digits and hyphens, like E05011111")
            return nil
        }
        return text
    }

    /// The counts, each at most the working-age population, and degrees at most level 2 or above.
    private static func parseStatistics(_ row: inout RowCheck) -> AreaStatistics? {
        let range = 0...100_000_000
        let population = row.int("working_age_population", range)
        let employed = row.int("employed", range)
        let looking = row.int("looking_for_work", range)
        let level2 = row.int("with_level2", range)
        let degree = row.int("with_degree", range)
        guard let population, let employed, let looking, let level2, let degree else { return nil }
        for (column, count) in [("employed", employed), ("looking_for_work", looking), ("with_level2", level2)] where count > population {
            row.fail(column, "\(count) is more than the working-age population (\(population))")
        }
        if degree > level2 { row.fail("with_degree", "\(degree) is more than those qualified to level 2 or above (\(level2))") }
        return AreaStatistics(workingAgePopulation: population, employed: employed, lookingForWork: looking, withLevel2: level2, withDegree: degree)
    }

    static func exportRows(on db: any Database) async throws -> [[String]] {
        let authorities = Dictionary(
            try await LocalAuthorityModel.query(on: db).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        return try await WardModel.query(on: db).all().map(\.value).map { ward in
            let s = ward.statistics
            return [
                ward.id, ward.name, ward.localAuthorityID, authorities[ward.localAuthorityID] ?? "",
                ExchangeCell.number(ward.centre.latitude), ExchangeCell.number(ward.centre.longitude), ExchangeCell.bool(ward.isTargetWard),
                String(s.workingAgePopulation), String(s.employed), String(s.lookingForWork), String(s.withLevel2), String(s.withDegree),
            ]
        }
    }
}
