import EscalatorCore
import Foundation
import Vapor

/// The scoping form as the browser posts it: text for every field, and the skills as parallel arrays
/// (`skillID[]`, `importance[]`, `level[]`, one entry per table row). `parse()` turns it into a
/// `VacancyInput`, noting what could not be read; rows left blank or marked "not needed" are dropped.
struct VacancyForm: Content, Sendable {
    static let notNeeded = "not-needed"
    /// Blank rows offered for skills beyond the occupation's own.
    static let extraRows = 3

    var employerID: String?
    var occupationID: String?
    var title: String?
    var skillID: [String]?
    var importance: [String]?
    var level: [String]?
    var minimumQualification: String?
    var needsGCSEEnglish: String?
    var needsGCSEMaths: String?
    var hoursPerWeek: String?
    /// Pounds, like 12.50.
    var hourlyPay: String?
    var postcode: String?
    var wardID: String?
    var openings: String?
    var closingDate: String?
    var minimumAge: String?
    var status: String?

    struct Parsed: Sendable {
        var input: VacancyInput
        /// Problems reading the form, named as `VacancyInput`'s fields are.
        var errors: [FieldError]
        /// The form row each of `input.requirements` came from.
        var rowOfRequirement: [Int]
    }

    func parse() -> Parsed {
        var errors: [FieldError] = []
        func whole(_ text: String?, _ field: String, _ label: String) -> Int? {
            guard let text = Validator.trimmed(text) else { return nil }
            guard let number = Int(text) else { errors.append(FieldError(field, "\(label) must be a whole number")); return nil }
            return number
        }

        var employer: UUID?
        if let text = Validator.trimmed(employerID) {
            employer = UUID(uuidString: text)
            if employer == nil { errors.append(FieldError("employerID", "employerID is not an employer you can scope vacancies for")) }
        }

        var requirements: [VacancyInput.Requirement] = []
        var rows: [Int] = []
        let skills = skillID ?? [], importances = importance ?? [], levels = level ?? []
        for row in 0..<max(skills.count, importances.count, levels.count) {
            let skill = row < skills.count ? Validator.trimmed(skills[row]) : nil
            let importance = row < importances.count ? Validator.trimmed(importances[row]) : nil
            guard let skill, importance != Self.notNeeded else { continue }
            let levelText = row < levels.count ? Validator.trimmed(levels[row]) : nil
            let level = levelText.flatMap { Int($0) }
            if levelText != nil, level == nil {
                errors.append(FieldError("requirements[\(requirements.count)].minimumLevel", "The minimum level must be a number from 1 to 4"))
            }
            requirements.append(VacancyInput.Requirement(skillID: skill, importance: importance, minimumLevel: level))
            rows.append(row)
        }

        var payPence: Int?
        if Validator.trimmed(hourlyPay) == nil {
            errors.append(FieldError("hourlyPayPence", "Enter the hourly pay, in pounds"))
        } else {
            var pay = Validator()
            payPence = pay.pence(hourlyPay, "hourlyPayPence", label: "Hourly pay", range: 1...100_000)
            errors += pay.errors
        }

        var checks = Validator()
        let input = VacancyInput(
            employerID: employer, occupationID: occupationID, title: title, requirements: requirements,
            minimumQualification: whole(minimumQualification, "minimumQualification", "Minimum qualification"),
            needsGCSEEnglish: checks.bool(needsGCSEEnglish), needsGCSEMaths: checks.bool(needsGCSEMaths),
            hoursPerWeek: whole(hoursPerWeek, "hoursPerWeek", "Hours per week"), hourlyPayPence: payPence,
            postcode: postcode, wardID: wardID, openings: whole(openings, "openings", "Openings"),
            closingDate: closingDate, minimumAge: whole(minimumAge, "minimumAge", "Minimum age"), status: status)
        return Parsed(input: input, errors: errors, rowOfRequirement: rows)
    }

    /// Renames errors from `VacancyInput`'s fields to this form's: pay is in pounds, and requirement
    /// `n` is the row it came from.
    static func formErrors(_ errors: [FieldError], rowOfRequirement rows: [Int]) -> [FieldError] {
        errors.map { error in
            if error.field == "hourlyPayPence" { return FieldError("hourlyPay", error.message) }
            guard error.field.hasPrefix("requirements["), let close = error.field.firstIndex(of: "]"),
                  let index = Int(error.field[error.field.index(error.field.startIndex, offsetBy: 13)..<close]),
                  index < rows.count else { return error }
            return FieldError("requirements[\(rows[index])]" + error.field[error.field.index(after: close)...], error.message)
        }
    }

    /// The form as submitted, with its errors, to show again.
    func state(errors: [FieldError], csrf: String) -> FormState {
        FormState(
            values: [
                "employerID": employerID ?? "", "occupationID": occupationID ?? "", "title": title ?? "",
                "minimumQualification": minimumQualification ?? "", "needsGCSEEnglish": needsGCSEEnglish ?? "",
                "needsGCSEMaths": needsGCSEMaths ?? "", "hoursPerWeek": hoursPerWeek ?? "", "hourlyPay": hourlyPay ?? "",
                "postcode": postcode ?? "", "wardID": wardID ?? "", "openings": openings ?? "", "closingDate": closingDate ?? "",
                "minimumAge": minimumAge ?? "", "status": status ?? "",
            ],
            lists: ["skillID": skillID ?? [], "importance": importance ?? [], "level": level ?? []],
            errors: errors, csrfToken: csrf)
    }

    /// A new vacancy's form, its skills pre-filled from the occupation and its place from the employer.
    static func prefilled(employer: Employer, occupation: Occupation, csrf: String) -> FormState {
        let requirements = VacancyScoping.prefilledRequirements(for: occupation)
        return FormState(
            values: [
                "employerID": employer.id.uuidString, "occupationID": occupation.id, "title": occupation.name,
                "minimumQualification": String(occupation.typicalQualification.rawValue), "postcode": employer.postcode,
                "wardID": employer.wardID, "openings": "1", "minimumAge": "16", "status": VacancyStatus.draft.rawValue,
            ],
            lists: lists(requirements), csrfToken: csrf)
    }

    /// An existing vacancy's form.
    static func state(for vacancy: Vacancy, csrf: String) -> FormState {
        FormState(
            values: [
                "employerID": vacancy.employerID.uuidString, "occupationID": vacancy.occupationID, "title": vacancy.title,
                "minimumQualification": String(vacancy.minimumQualification.rawValue),
                "needsGCSEEnglish": vacancy.needsGCSEEnglish ? "true" : "", "needsGCSEMaths": vacancy.needsGCSEMaths ? "true" : "",
                "hoursPerWeek": String(vacancy.hoursPerWeek), "hourlyPay": String(format: "%d.%02d", vacancy.hourlyPayPence / 100, vacancy.hourlyPayPence % 100),
                "postcode": vacancy.postcode, "wardID": vacancy.wardID, "openings": String(vacancy.openings),
                "closingDate": vacancy.closingDate.isoDay, "minimumAge": String(vacancy.minimumAge), "status": vacancy.status.rawValue,
            ],
            lists: lists(vacancy.requirements), csrfToken: csrf)
    }

    private static func lists(_ requirements: [SkillRequirement]) -> [String: [String]] {
        [
            "skillID": requirements.map(\.skillID),
            "importance": requirements.map(\.importance.rawValue),
            "level": requirements.map { String($0.minimumLevel.rawValue) },
        ]
    }
}
