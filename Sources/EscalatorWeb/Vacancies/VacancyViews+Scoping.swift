import EscalatorCore
import Foundation

/// Scoping a vacancy: first choose the employer and occupation, then confirm the skills the occupation
/// suggests, add others, and describe the job.
extension VacancyViews {
    static func chooseStep(_ state: FormState, employers: [Employer], occupations: [Occupation], viewer: Viewer) -> String {
        Layout.page(title: "Scope a new vacancy", viewer: viewer, section: .vacancies,
                    breadcrumbs: [Breadcrumb("Vacancies", "/vacancies")]) {
            el("span", .class("caption")) { "Step 1 of 2" }
            heading(1, "Scope a new vacancy", class: "heading-l")
            paragraph("Choose the employer and the occupation closest to the job. The next step suggests the skills that occupation needs, for you to confirm or change.")
            el("form", Attribute("method", "get"), Attribute("action", "/vacancies/new"), Attribute("novalidate", nil)) {
                Form.errorSummary(state.errors)
                Form.select("employerID", label: "Employer", state: state, options: employers.map { ($0.id.uuidString, $0.name) })
                Form.select("occupationID", label: "Occupation", state: state,
                            options: occupations.map { ($0.id, $0.name + ($0.sector.map { " (\($0.label))" } ?? "")) })
                el("button", .type("submit"), .class("button")) { "Continue" }
            }
        }
    }

    static func scopingForm(_ state: FormState, employer: Employer, occupation: Occupation?, taxonomy: Taxonomy, wards: [Ward],
                            viewer: Viewer, editing vacancy: Vacancy? = nil) -> String {
        let occupationName = occupation?.name ?? state.value("occupationID")
        let title = vacancy.map { "Change \($0.title)" } ?? "Scope a vacancy: \(occupationName)"
        let action = vacancy.map { "/vacancies/\($0.id)/edit" } ?? "/vacancies"
        let statuses = vacancy == nil ? [VacancyStatus.draft, .open] : VacancyStatus.allCases
        var breadcrumbs = [Breadcrumb("Vacancies", "/vacancies")]
        if let vacancy { breadcrumbs.append(Breadcrumb(vacancy.title, "/vacancies/\(vacancy.id)")) }
        return Layout.page(title: title, viewer: viewer, section: .vacancies, breadcrumbs: breadcrumbs) {
            el("span", .class("caption")) { vacancy == nil ? "Step 2 of 2 — \(employer.name)" : employer.name }
            heading(1, title, class: "heading-l")
            Form.form(action: action, state: state, submit: vacancy == nil ? "Save vacancy" : "Save changes") {
                voidEl("input", .type("hidden"), .name("employerID"), .value(state.value("employerID")))
                voidEl("input", .type("hidden"), .name("occupationID"), .value(state.value("occupationID")))
                summaryList([("Employer", employer.name), ("Occupation", occupationName)])
                Form.input("title", label: "Job title", state: state)
                skillsTable(state, taxonomy: taxonomy)
                Form.select("minimumQualification", label: "Minimum qualification", state: state,
                            options: RQFLevel.allCases.map { (String($0.rawValue), $0.label) })
                el("div", .class("form-group")) {
                    el("fieldset", .class("fieldset")) {
                        el("legend", .class("fieldset-legend")) { "GCSEs needed (grade 4 or above)" }
                        checkbox("needsGCSEEnglish", label: "English", state: state)
                        checkbox("needsGCSEMaths", label: "Maths", state: state)
                    }
                }
                Form.input("hoursPerWeek", label: "Hours per week", state: state, type: "number", width: "5")
                Form.input("hourlyPay", label: "Hourly pay, in pounds", state: state,
                           hint: "For example, 12.50. An open vacancy must pay at least \(pounds(pence: NationalMinimumWage.aged21AndOverPence)), the National Minimum Wage for workers aged 21 and over.",
                           width: "5")
                Form.input("postcode", label: "Postcode where the job is", state: state, width: "10")
                Form.select("wardID", label: "Ward where the job is", state: state,
                            options: wards.map { ($0.id, $0.name + ($0.isTargetWard ? " (target ward)" : "")) })
                Form.input("openings", label: "Number of openings", state: state, type: "number", width: "5")
                Form.input("closingDate", label: "Closing date", state: state, type: "date", hint: "For example, 2027-01-31", width: "10")
                Form.input("minimumAge", label: "Minimum age", state: state, type: "number", width: "5")
                Form.select("status", label: "Status", state: state, options: statuses.map { ($0.rawValue, $0.label) },
                            hint: "Drafts are not matched to candidates; open vacancies are.", prompt: nil)
            }
        }
    }

    /// One row per skill: the occupation's (or the vacancy's) first, then blank rows to add others.
    static func skillsTable(_ state: FormState, taxonomy: Taxonomy) -> Node {
        let skillIDs = state.list("skillID"), importances = state.list("importance"), levels = state.list("level")
        let submitted = max(skillIDs.count, importances.count, levels.count)
        let blank = (0..<submitted).filter { $0 >= skillIDs.count || skillIDs[$0].trimmingCharacters(in: .whitespaces).isEmpty }.count
        let rowCount = submitted + max(0, VacancyForm.extraRows - blank)
        func value(_ list: [String], _ row: Int) -> String { row < list.count ? list[row] : "" }
        let skillOptions = taxonomy.sortedSkills.map { ($0.id, $0.name + ($0.kind == .licence ? " (licence or check)" : "")) }
        let importanceOptions = [(Importance.essential.rawValue, "Essential"), (Importance.desirable.rawValue, "Desirable"), (VacancyForm.notNeeded, "Not needed")]
        let levelOptions = Proficiency.allCases.map { (String($0.rawValue), "\($0.rawValue) \($0.label)") }
        let error = state.error("requirements")

        return el("div", .class(error == nil ? "form-group" : "form-group form-group-error"), .id(Form.fieldID("requirements"))) {
            el("fieldset", .class("fieldset")) {
                el("legend", .class("fieldset-legend")) { "Skills the job needs" }
                el("div", .class("hint")) {
                    "Suggested from the occupation. Mark each as essential, desirable or not needed, and set the lowest level a new starter needs. Add other skills in the blank rows."
                }
                if let error { el("p", .class("error-message")) { error } }
                el("table", .class("table")) {
                    el("thead") {
                        el("tr") {
                            el("th", Attribute("scope", "col")) { "Skill" }
                            el("th", Attribute("scope", "col")) { "Importance" }
                            el("th", Attribute("scope", "col")) { "Minimum level" }
                        }
                    }
                    el("tbody") {
                        for row in 0..<rowCount {
                            let skillID = value(skillIDs, row).trimmingCharacters(in: .whitespaces)
                            let name = skillID.isEmpty ? "new skill \(row + 1)" : taxonomy.skillName(skillID)
                            el("tr") {
                                el("td") {
                                    if skillID.isEmpty {
                                        rowSelect("skillID[]", field: "requirements[\(row)].skillID", label: "Other skill (row \(row + 1))",
                                                  state: state, selected: "", options: [("", "Choose a skill…")] + skillOptions)
                                    } else {
                                        voidEl("input", .type("hidden"), .name("skillID[]"), .value(skillID))
                                        text(name)
                                        cellError(state, "requirements[\(row)].skillID")
                                    }
                                }
                                el("td") {
                                    rowSelect("importance[]", field: "requirements[\(row)].importance", label: "Importance of \(name)", state: state,
                                              selected: skillID.isEmpty && value(importances, row).isEmpty ? Importance.desirable.rawValue : value(importances, row),
                                              options: importanceOptions)
                                }
                                el("td") {
                                    rowSelect("level[]", field: "requirements[\(row)].minimumLevel", label: "Minimum level of \(name)", state: state,
                                              selected: value(levels, row).isEmpty ? String(Proficiency.working.rawValue) : value(levels, row),
                                              options: levelOptions)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func rowSelect(_ name: String, field: String, label: String, state: FormState, selected: String, options: [(String, String)]) -> Node {
        let id = Form.fieldID(field)
        return fragment {
            el("label", .class("visually-hidden"), .for(id)) { label }
            cellError(state, field)
            el("select", .class("select"), .id(id), .name(name)) {
                for (value, title) in options {
                    el("option", value == selected ? [.value(value), .flag("selected")] : [.value(value)]) { title }
                }
            }
        }
    }

    private static func cellError(_ state: FormState, _ field: String) -> Node {
        guard let message = state.error(field) else { return .empty }
        return el("p", .class("error-message")) {
            el("span", .class("visually-hidden")) { "Error: " }
            message
        }
    }

    private static func checkbox(_ name: String, label: String, state: FormState) -> Node {
        let id = Form.fieldID(name)
        let checked = ["true", "on", "yes", "1"].contains(state.value(name).lowercased())
        return el("div", .class("checkbox")) {
            voidEl("input", [.type("checkbox"), .id(id), .name(name), .value("true")] + (checked ? [.flag("checked")] : []))
            el("label", .for(id)) { label }
        }
    }
}
