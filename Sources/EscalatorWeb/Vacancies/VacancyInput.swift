import EscalatorCore
import Foundation
import Vapor

/// A vacancy as a machine sends it (JSON, typed fields). Pages parse their form into this (`VacancyForm`),
/// so both are validated by the one `validate`. Every field is optional so that a missing one is a 422
/// naming it; a wrongly typed one is a 400 naming it.
struct VacancyInput: Content, Sendable {
    struct Requirement: Content, Sendable {
        var skillID: String?
        /// `essential` or `desirable`.
        var importance: String?
        /// 1 basic, 2 working, 3 proficient, 4 expert.
        var minimumLevel: Int?
    }

    var employerID: UUID?
    var occupationID: String?
    var title: String?
    var requirements: [Requirement]?
    /// RQF level, 0 (entry) to 8.
    var minimumQualification: Int?
    var needsGCSEEnglish: Bool?
    var needsGCSEMaths: Bool?
    var hoursPerWeek: Int?
    var hourlyPayPence: Int?
    var postcode: String?
    var wardID: String?
    var openings: Int?
    /// `yyyy-MM-dd`.
    var closingDate: String?
    var minimumAge: Int?
    var status: String?

    /// What the input is checked against.
    struct Rules: Sendable {
        /// The employers this user may scope vacancies for.
        var employerIDs: Set<UUID>
        var taxonomy: Taxonomy
        var wardIDs: Set<String>
        var today: Date
        /// New vacancies start as drafts or open; an existing one may also be filled or closed.
        var statuses: [VacancyStatus]
    }

    struct Valid: Sendable {
        var employerID: UUID
        var occupationID: String
        var title: String
        var requirements: [SkillRequirement]
        var minimumQualification: RQFLevel
        var needsGCSEEnglish: Bool
        var needsGCSEMaths: Bool
        var hoursPerWeek: Int
        var hourlyPayPence: Int
        var postcode: String
        var wardID: String
        var openings: Int
        var closingDate: Date
        var minimumAge: Int
        var status: VacancyStatus

        func vacancy(id: UUID) -> Vacancy {
            Vacancy(id: id, employerID: employerID, occupationID: occupationID, title: title, requirements: requirements,
                    minimumQualification: minimumQualification, needsGCSEEnglish: needsGCSEEnglish, needsGCSEMaths: needsGCSEMaths,
                    hoursPerWeek: hoursPerWeek, hourlyPayPence: hourlyPayPence, postcode: postcode, wardID: wardID,
                    openings: openings, closingDate: closingDate, status: status, minimumAge: minimumAge)
        }
    }

    static let maximumRequirements = 60

    /// Collects every problem, including any the form found while parsing (`parseErrors` win for their field).
    func validate(_ rules: Rules, parseErrors: [FieldError] = []) throws -> Valid {
        var v = Validator()
        for error in parseErrors { v.fail(error.field, error.message) }

        if employerID == nil { v.fail("employerID", "Choose the employer") }
        if let employerID, !rules.employerIDs.contains(employerID) {
            v.fail("employerID", "employerID is not an employer you can scope vacancies for")
        }
        let occupation = v.choice(occupationID, "occupationID", in: Set(rules.taxonomy.occupations.keys), missing: "Choose the occupation")
        let title = v.requiredText(title, "title", "Enter the job title", max: 150)
        let requirements = validRequirements(&v, taxonomy: rules.taxonomy)
        let qualification = v.number(minimumQualification, "minimumQualification", label: "Minimum qualification", range: 0...8)
        let hours = v.number(hoursPerWeek, "hoursPerWeek", label: "Hours per week", range: 1...60)
        let pay = v.number(hourlyPayPence, "hourlyPayPence", label: "Hourly pay in pence", range: 1...100_000)
        let postcode = v.postcode(postcode, "postcode")
        let ward = v.choice(wardID, "wardID", in: rules.wardIDs, missing: "Choose the ward where the job is")
        let openings = v.number(openings, "openings", label: "Openings", range: 1...1000)
        let closing = v.requiredDate(closingDate, "closingDate", label: "Closing date")
        let age = v.number(minimumAge, "minimumAge", label: "Minimum age", range: 16...70)
        let status = v.enumValue(status, "status", VacancyStatus.self, missing: "Choose the vacancy's status")
        if let status, !rules.statuses.contains(status) {
            v.fail("status", "A new vacancy's status must be one of: \(rules.statuses.map(\.rawValue).joined(separator: ", "))")
        }
        if let closing, let status, status == .draft || status == .open, closing.isoDay < rules.today.isoDay {
            v.fail("closingDate", "The closing date must be today or later")
        }
        if let pay, let status, status != .draft, pay < NationalMinimumWage.aged21AndOverPence {
            v.fail("hourlyPayPence", "Hourly pay must be at least \(pounds(pence: NationalMinimumWage.aged21AndOverPence)), the National Minimum Wage for workers aged 21 and over (a draft may be saved below it)")
        }
        try v.throwIfFailed()
        return Valid(
            employerID: employerID!, occupationID: occupation!, title: title!, requirements: requirements,
            minimumQualification: RQFLevel(rawValue: qualification!)!, needsGCSEEnglish: needsGCSEEnglish ?? false,
            needsGCSEMaths: needsGCSEMaths ?? false, hoursPerWeek: hours!, hourlyPayPence: pay!, postcode: postcode!,
            wardID: ward!, openings: openings!, closingDate: closing!, minimumAge: age!, status: status!)
    }

    private func validRequirements(_ v: inout Validator, taxonomy: Taxonomy) -> [SkillRequirement] {
        let entries = requirements ?? []
        guard entries.count <= Self.maximumRequirements else {
            v.fail("requirements", "A vacancy can list at most \(Self.maximumRequirements) skills")
            return []
        }
        var result: [SkillRequirement] = []
        var seen = Set<String>()
        for (index, entry) in entries.enumerated() {
            let path = "requirements[\(index)]"
            let skill = Validator.trimmed(entry.skillID).flatMap { taxonomy.skill($0) }
            let name = skill?.name ?? "skill \(index + 1)"
            if Validator.trimmed(entry.skillID) == nil {
                v.fail(path + ".skillID", "Choose the skill for requirement \(index + 1)")
            } else if skill == nil {
                v.fail(path + ".skillID", "\(path).skillID '\(entry.skillID!)' is not a skill in the taxonomy")
            } else if !seen.insert(skill!.id).inserted {
                v.fail(path + ".skillID", "\(name) is listed more than once")
            }
            let importance = Validator.trimmed(entry.importance).flatMap(Importance.init(rawValue:))
            if importance == nil { v.fail(path + ".importance", "Choose whether \(name) is essential or desirable") }
            let level = entry.minimumLevel.flatMap(Proficiency.init(rawValue:))
            if level == nil { v.fail(path + ".minimumLevel", "Choose the minimum level of \(name), from 1 (basic) to 4 (expert)") }
            if let skill, let importance, let level {
                result.append(SkillRequirement(skillID: skill.id, importance: importance, minimumLevel: level))
            }
        }
        if !entries.contains(where: { Validator.trimmed($0.importance) == Importance.essential.rawValue }) {
            v.fail("requirements", "Mark at least one skill as essential")
        }
        return result
    }
}

extension Validator {
    /// A typed whole number (JSON) within a range.
    mutating func number(_ value: Int?, _ field: String, label: String, range: ClosedRange<Int>) -> Int? {
        guard let value else { fail(field, "Enter the \(label.lowercased())"); return nil }
        guard range.contains(value) else { fail(field, "\(label) must be between \(range.lowerBound) and \(range.upperBound)"); return nil }
        return value
    }
}
