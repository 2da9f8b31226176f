import EscalatorCore
import Fluent
import Foundation

/// Vacancies of employers already in the database, scoped down to skills.
enum VacanciesExchange: ExchangeFormat {
    static let kind = ImportKind.vacancies

    static let columns: [ExchangeColumn] = [
        .required("employer"), .required("occupation_id"), .required("title"), .optional("essential_skills"),
        .optional("desirable_skills"), .required("minimum_qualification"), .optional("needs_gcse_english"),
        .optional("needs_gcse_maths"), .required("hours_per_week"), .required("hourly_pay"), .required("postcode"),
        .required("ward_id"), .required("openings"), .required("closing_date"), .required("status"), .optional("minimum_age"),
    ]

    static func importRecords(_ records: [CSVRecord], on db: any Database, now: Date) async throws -> Int {
        let wardIDs = try await ExchangeLookups.wardIDs(on: db)
        let employers = try await ExchangeLookups.employers(on: db)
        let taxonomy = try await TaxonomyWriter.load(from: db)
        var problems: [ImportProblem] = []
        var vacancies: [Vacancy] = []

        for record in records {
            var row = RowCheck(record)
            let employer = row.named("employer", in: employers, what: "employer")
            var occupation: Occupation?
            if let id = row.value("occupation_id") {
                occupation = taxonomy.occupation(id)
                if occupation == nil { row.fail("occupation_id", "'\(id)' is not an occupation in the taxonomy") }
            } else {
                row.fail("occupation_id", "an occupation id is required")
            }
            let title = row.requiredText("title", max: 200)
            let requirements = parseRequirements(&row, occupation: occupation, taxonomy: taxonomy)
            let qualification = row.rqfLevel("minimum_qualification", fallback: nil)
            if row.value("minimum_qualification") == nil { row.fail("minimum_qualification", "a level from 0 (entry) to 8 is required") }
            let english = row.bool("needs_gcse_english")
            let maths = row.bool("needs_gcse_maths")
            let hours = row.int("hours_per_week", 1...60)
            let pay = row.pence("hourly_pay", 1...50_000)
            let postcode = row.postcode("postcode")
            let ward = row.ward("ward_id", in: wardIDs)
            let openings = row.int("openings", 1...500)
            let closing = row.date("closing_date", required: true)
            let status = row.enumValue("status", VacancyStatus.self)
            let minimumAge = row.int("minimum_age", 16...75, fallback: 16)

            problems += row.problems
            guard row.isValid else { continue }
            vacancies.append(Vacancy(
                id: UUID(), employerID: employer!.id, occupationID: occupation!.id, title: title!, requirements: requirements,
                minimumQualification: qualification!, needsGCSEEnglish: english, needsGCSEMaths: maths, hoursPerWeek: hours!,
                hourlyPayPence: pay!, postcode: postcode!, wardID: ward!, openings: openings!, closingDate: closing!,
                status: status!, minimumAge: minimumAge!))
        }
        try requireNoProblems(problems)

        let models = vacancies.map(VacancyModel.init)
        try await db.transaction { db in try await models.createInBatches(on: db) }
        return vacancies.count
    }

    /// Essential then desirable requirements. A blank column takes the occupation's skills (essential
    /// skills as essential, optional ones as desirable); `none` means no skills.
    private static func parseRequirements(_ row: inout RowCheck, occupation: Occupation?, taxonomy: Taxonomy) -> [SkillRequirement] {
        let essential = row.skills("essential_skills", taxonomy: taxonomy)
            ?? occupation?.essentialSkills.map { ($0.skillID, $0.level) } ?? []
        let desirable = row.skills("desirable_skills", taxonomy: taxonomy)
            ?? occupation?.optionalSkills.map { ($0.skillID, $0.level) } ?? []
        if let both = essential.first(where: { skill in desirable.contains { $0.id == skill.id } }) {
            row.fail("desirable_skills", "\(both.id) is already an essential skill")
        }
        return essential.map { SkillRequirement(skillID: $0.id, importance: .essential, minimumLevel: $0.level) }
            + desirable.map { SkillRequirement(skillID: $0.id, importance: .desirable, minimumLevel: $0.level) }
    }

    static func exportRows(on db: any Database) async throws -> [[String]] {
        let employers = try await ExchangeLookups.employerNames(on: db)
        return try await VacancyModel.query(on: db).all().map { row($0.value, employer: employers[$0.employerID] ?? "") }
    }

    private static func row(_ vacancy: Vacancy, employer: String) -> [String] {
        let essential: [(id: String, level: Proficiency)] = vacancy.essential.map { ($0.skillID, $0.minimumLevel) }
        let desirable: [(id: String, level: Proficiency)] = vacancy.desirable.map { ($0.skillID, $0.minimumLevel) }
        var fields = [employer, vacancy.occupationID, vacancy.title, ExchangeCell.skills(essential), ExchangeCell.skills(desirable)]
        fields += [String(vacancy.minimumQualification.rawValue), ExchangeCell.bool(vacancy.needsGCSEEnglish), ExchangeCell.bool(vacancy.needsGCSEMaths)]
        fields += [String(vacancy.hoursPerWeek), ExchangeCell.pounds(vacancy.hourlyPayPence), vacancy.postcode, vacancy.wardID]
        fields += [String(vacancy.openings), vacancy.closingDate.isoDay, vacancy.status.rawValue, String(vacancy.minimumAge)]
        return fields
    }
}
