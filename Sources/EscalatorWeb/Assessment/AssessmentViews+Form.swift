import EscalatorCore
import Foundation

extension AssessmentViews {
    static let levelOptions: [(String, String)] =
        [(AssessmentForm.none, "Not held")] + Proficiency.allCases.map { (String($0.rawValue), $0.label) }
    static let evidenceOptions: [(String, String)] = Evidence.allCases.map { ($0.rawValue, $0.label) }
    static let severityOptions: [(String, String)] =
        [(AssessmentForm.none, "None")] + Severity.allCases.map { (String($0.rawValue), $0.label) }

    /// The assessment form: one fieldset per group of skills, then qualifications, barriers, job goals,
    /// what work the client can manage, and notes.
    /// `title`, `action` and `submit` differ when correcting an existing assessment (`RectificationController`).
    static func form(
        client: Client, state: FormState, taxonomy: Taxonomy, viewer: Viewer, title: String? = nil, action: String? = nil, submit: String = "Save assessment"
    ) -> String {
        let title = title ?? "Assess \(client.fullName)"
        return Layout.page(title: title, viewer: viewer, section: .clients, breadcrumbs: [
            Breadcrumb("Clients", "/clients"), Breadcrumb(client.fullName, "/clients/\(client.id)"),
        ]) {
            heading(1, title, class: "heading-l")
            paragraph(action == nil
                ? "Record what the client can do now, what holds them back and what work they want. "
                    + "The form starts from their latest assessment when there is one."
                : "Change what was recorded wrongly. The assessment keeps its place in the client's history, and the correction is recorded.")
            Form.form(action: action ?? "/clients/\(client.id)/assessments", state: state, submit: submit) {
                Form.input("assessedOn", label: "Date of assessment", state: state, type: "date", hint: "For example, 2026-03-31", width: "10")
                heading(2, "Skills")
                paragraph("For each skill the client holds, choose the level and how you know. Leave the rest as not held.", class: "body secondary-text")
                for group in AssessmentQueries.skillGroups(taxonomy) {
                    skillFieldset(group.title, skills: group.skills, state: state)
                }
                heading(2, "Qualifications")
                Form.select("highestQualification", label: "Highest qualification", state: state,
                            options: RQFLevel.allCases.map { (String($0.rawValue), $0.label) })
                checkbox("gcseEnglish", label: "GCSE English at grade 4 (C) or above, or equivalent", state: state)
                checkbox("gcseMaths", label: "GCSE maths at grade 4 (C) or above, or equivalent", state: state)
                barrierFieldset(state)
                el("fieldset", .class("fieldset")) {
                    el("legend", .class("fieldset-legend heading-m")) { "Job goals" }
                    for index in 1...AssessmentInput.maximumAspirations {
                        Form.select("aspiration\(index)", label: "Job goal \(index)", state: state,
                                    options: taxonomy.sortedOccupations.map { ($0.id, $0.name) }, prompt: "None")
                    }
                }
                el("fieldset", .class("fieldset")) {
                    el("legend", .class("fieldset-legend heading-m")) { "Work the client can manage" }
                    Form.input(AssessmentForm.minHoursField, label: "Fewest hours a week", state: state, type: "number", width: "5")
                    Form.input(AssessmentForm.maxHoursField, label: "Most hours a week", state: state, type: "number", width: "5")
                    Form.input(AssessmentForm.travelField, label: "Furthest they can travel to work, in km", state: state,
                               hint: "0 to 100", width: "5", extra: [Attribute("inputmode", "decimal")])
                    Form.checkboxes(AssessmentForm.travelModesField, legend: "How they can travel", state: state,
                                    options: TravelMode.allCases.map { ($0.rawValue, $0.label) })
                }
                Form.textarea("notes", label: "Notes", state: state, hint: "Do not record health details here.")
            }
        }
    }

    /// A table of skills with a level and an evidence select each; the labels are read out, not shown.
    static func skillFieldset(_ title: String, skills: [Skill], state: FormState) -> Node {
        el("fieldset", .class("fieldset")) {
            el("legend", .class("fieldset-legend heading-s")) { title }
            el("table", .class("table")) {
                el("thead") {
                    el("tr") {
                        el("th", Attribute("scope", "col")) { "Skill" }
                        el("th", Attribute("scope", "col")) { "Level" }
                        el("th", Attribute("scope", "col")) { "Evidence" }
                    }
                }
                el("tbody") {
                    for skill in skills {
                        el("tr") {
                            el("th", Attribute("scope", "row")) { skill.name }
                            el("td") { compactSelect(AssessmentForm.levelField(skill.id), label: "Level of \(skill.name)", state: state, options: levelOptions) }
                            el("td") { compactSelect(AssessmentForm.evidenceField(skill.id), label: "Evidence of \(skill.name)", state: state, options: evidenceOptions) }
                        }
                    }
                }
            }
        }
    }

    static func barrierFieldset(_ state: FormState) -> Node {
        el("fieldset", .class("fieldset")) {
            el("legend", .class("fieldset-legend heading-m")) { "Barriers to work" }
            el("div", .class("hint")) {
                "Health, disability and convictions are special category data: record them only with the client's agreement."
            }
            el("table", .class("table")) {
                el("thead") {
                    el("tr") {
                        el("th", Attribute("scope", "col")) { "Barrier" }
                        el("th", Attribute("scope", "col")) { "How much it holds them back" }
                    }
                }
                el("tbody") {
                    for kind in BarrierKind.allCases {
                        el("tr") {
                            el("th", Attribute("scope", "row")) { kind.label }
                            el("td") { compactSelect(AssessmentForm.severityField(kind), label: "Severity of \(kind.label.lowercased())", state: state, options: severityOptions) }
                        }
                    }
                }
            }
        }
    }

    static func compactSelect(_ name: String, label: String, state: FormState, options: [(String, String)]) -> Node {
        let id = Form.fieldID(name)
        let error = state.error(name)
        return fragment {
            el("label", .class("visually-hidden"), .for(id)) { label }
            if let error {
                el("p", .class("error-message"), .id(id + "-error")) {
                    el("span", .class("visually-hidden")) { "Error: " }
                    error
                }
            }
            el("select", [.class(error == nil ? "select" : "select input-error"), .id(id), .name(name)]
                + (error == nil ? [] : [.aria("describedby", id + "-error")])) {
                for (value, title) in options {
                    el("option", value == state.value(name) ? [.value(value), .flag("selected")] : [.value(value)]) { title }
                }
            }
        }
    }

    static func checkbox(_ name: String, label: String, state: FormState) -> Node {
        let id = Form.fieldID(name)
        let checked = ["true", "on", "yes", "1"].contains(state.value(name).lowercased())
        return el("div", .class(state.error(name) == nil ? "form-group checkbox" : "form-group form-group-error checkbox")) {
            if let error = state.error(name) { el("p", .class("error-message")) { error } }
            voidEl("input", [.type("checkbox"), .id(id), .name(name), .value("true")] + (checked ? [.flag("checked")] : []))
            el("label", .for(id)) { label }
        }
    }
}
