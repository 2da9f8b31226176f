import EscalatorCore
import Foundation

extension ProgrammeViews {
    /// Empty skill rows offered below the ones already filled in.
    static let spareSkillRows = 3

    static func form(_ state: FormState, options: ProgrammeQueries.FormOptions, viewer: Viewer, editing programme: Programme? = nil) -> String {
        let title = programme == nil ? "Add a programme" : "Change \(programme!.title)"
        let action = programme.map { "/programmes/\($0.id)/edit" } ?? "/programmes"
        let crumbs = [Breadcrumb("Programmes", "/programmes")] + (programme.map { [Breadcrumb($0.title, "/programmes/\($0.id)")] } ?? [])
        return Layout.page(title: title, viewer: viewer, section: .programmes, breadcrumbs: crumbs) {
            heading(1, title, class: "heading-l")
            if options.providers.isEmpty {
                paragraph("Your organisation has no providers yet. Ask an administrator to add one.")
            } else {
                Form.form(action: action, state: state, submit: programme == nil ? "Add programme" : "Save changes") {
                    Form.select("providerID", label: "Provider", state: state, options: options.providers.map { ($0.id.uuidString, $0.name) })
                    Form.input("title", label: "Title", state: state)
                    Form.select("type", label: "Type of programme", state: state, options: ProgrammeType.options(\.label))
                    skillRows(legend: "Skills taught", skillName: "skillID", levelName: "level", levelLabel: "Level reached",
                              state: state, skills: options.skills,
                              hint: "Choose each skill and the level a learner reaches. Leave spare rows empty.")
                    Form.select("qualificationAwarded", label: "Qualification awarded", state: state,
                                options: RQFLevel.allCases.map { (String($0.rawValue), $0.label) }, prompt: "None")
                    Form.input("weeks", label: "Length in weeks", state: state, type: "number", width: "5")
                    Form.input("hoursPerWeek", label: "Hours a week", state: state, type: "number", width: "5")
                    Form.input("postcode", label: "Postcode where it runs", state: state, width: "10")
                    Form.select("wardID", label: "Ward", state: state, options: options.wards.map { ($0.id, $0.name) })
                    Form.input("cost", label: "Cost to the learner or funder, in pounds", state: state, hint: "0 if free", width: "10")
                    Form.checkboxes("barrierSupport", legend: "Support given with barriers", state: state, options: BarrierKind.options(\.label))
                    Form.checkboxes("coDesigningEmployerIDs", legend: "Employers who co-designed the programme", state: state,
                                    options: options.employers.map { ($0.id.uuidString, $0.name) })
                    checkbox("guaranteedInterview", label: "Learners who complete get a guaranteed interview with a co-designing employer", state: state)
                    heading(2, "Entry requirements")
                    Form.select("minimumQualification", label: "Minimum qualification", state: state,
                                options: RQFLevel.allCases.map { (String($0.rawValue), $0.label) }, prompt: nil)
                    checkbox("needsGCSEEnglish", label: "Needs GCSE English (grade 4 or above)", state: state)
                    checkbox("needsGCSEMaths", label: "Needs GCSE maths (grade 4 or above)", state: state)
                    skillRows(legend: "Skills needed to start", skillName: "requiredSkillID", levelName: "requiredLevel", levelLabel: "Level needed",
                              state: state, skills: options.skills, hint: "Leave empty if anyone can start.")
                }
            }
        }
    }

    /// Rows of skill and level selects, posted as parallel lists `skillName[]` and `levelName[]`.
    static func skillRows(legend: String, skillName: String, levelName: String, levelLabel: String, state: FormState, skills: [Skill], hint: String) -> Node {
        let chosen = state.list(skillName), levels = state.list(levelName)
        let posted = max(chosen.count, levels.count)
        let used = (0..<posted).filter { index in
            (index < chosen.count && !chosen[index].isEmpty) || (index < levels.count && !levels[index].isEmpty)
                || state.error("\(skillName)[\(index)]") != nil || state.error("\(levelName)[\(index)]") != nil
        }
        let filled = (used.last ?? -1) + 1
        let skillOptions = skills.map { ($0.id, $0.name) }
        let levelOptions = Proficiency.allCases.map { (String($0.rawValue), $0.label) }
        return el("fieldset", .class("fieldset form-group")) {
            el("legend", .class("fieldset-legend")) { legend }
            el("div", .class("hint")) { hint }
            for index in 0..<(filled + spareSkillRows) {
                let skillField = "\(skillName)[\(index)]", levelField = "\(levelName)[\(index)]"
                let rowState = FormState(
                    values: [skillField: index < chosen.count ? chosen[index] : "", levelField: index < levels.count ? levels[index] : ""],
                    errors: state.errors.filter { $0.field == skillField || $0.field == levelField }, csrfToken: state.csrfToken)
                el("div", .class("inset")) {
                    listSelect(skillField, postedAs: skillName, label: "Skill \(index + 1)", state: rowState, options: skillOptions)
                    listSelect(levelField, postedAs: levelName, label: "\(levelLabel) \(index + 1)", state: rowState, options: levelOptions)
                }
            }
        }
    }

    /// A select posted as one entry of a list (`name[]`), with its own id so errors link to it.
    static func listSelect(_ field: String, postedAs name: String, label: String, state: FormState, options: [(String, String)]) -> Node {
        let error = state.error(field)
        return el("div", .class(error == nil ? "form-group" : "form-group form-group-error")) {
            el("label", .class("label"), .for(Form.fieldID(field))) { label }
            if let error {
                el("p", .class("error-message"), .id(Form.fieldID(field) + "-error")) {
                    el("span", .class("visually-hidden")) { "Error: " }
                    error
                }
            }
            el("select", [.class("select"), .id(Form.fieldID(field)), .name(name + "[]")]
                + (error == nil ? [] : [.aria("describedby", Form.fieldID(field) + "-error")])) {
                el("option", .value("")) { "None" }
                for (value, title) in options {
                    el("option", value == state.value(field) ? [.value(value), .flag("selected")] : [.value(value)]) { title }
                }
            }
        }
    }

    /// One yes/no checkbox posting `name=true` when ticked.
    static func checkbox(_ name: String, label: String, state: FormState) -> Node {
        let checked = ["true", "on", "yes", "1"].contains(state.value(name).lowercased())
        return el("div", .class("form-group")) {
            el("div", .class("checkbox")) {
                voidEl("input", [.type("checkbox"), .id(Form.fieldID(name)), .name(name), .value("true")] + (checked ? [.flag("checked")] : []))
                el("label", .for(Form.fieldID(name))) { label }
            }
        }
    }

    static func providers(_ rows: [ProgrammeQueries.ProviderRow], viewer: Viewer, canAdd: Bool, notice: String?) -> String {
        Layout.page(title: "Providers", viewer: viewer, section: .programmes,
                    breadcrumbs: [Breadcrumb("Programmes", "/programmes")], notice: notice) {
            heading(1, "Providers", class: "heading-l")
            if canAdd { link("Add a provider", to: "/programmes/providers/new", class: "button") }
            if rows.isEmpty { paragraph("No providers.") }
            for row in rows {
                el("section", .class("card"), .id("provider-\(row.provider.id)")) {
                    heading(2, row.provider.name, class: "heading-m")
                    paragraph("\(row.provider.kind.label), run by \(row.organisationName). \(row.provider.postcode), \(row.wardName).", class: "body secondary-text")
                    if row.programmes.isEmpty {
                        paragraph("No programmes yet.")
                    } else {
                        table(
                            caption: "\(row.programmes.count) programmes",
                            headers: ["Programme", "Type", "Free places"],
                            rows: row.programmes.map {
                                [link($0.programme.title, to: "/programmes/\($0.programme.id)"), text($0.programme.type.label),
                                 text(String($0.programme.freePlaces))]
                            },
                            numericColumns: [2])
                    }
                }
            }
        }
    }

    static func providerForm(_ state: FormState, organisations: [Organisation], wards: [Ward], viewer: Viewer) -> String {
        Layout.page(title: "Add a provider", viewer: viewer, section: .programmes,
                    breadcrumbs: [Breadcrumb("Programmes", "/programmes"), Breadcrumb("Providers", "/programmes/providers")]) {
            heading(1, "Add a provider", class: "heading-l")
            Form.form(action: "/programmes/providers", state: state, submit: "Add provider") {
                Form.select("organisationID", label: "Organisation that runs it", state: state,
                            options: organisations.map { ($0.id.uuidString, $0.name) },
                            hint: "Users of this organisation with the provider role will manage its programmes.")
                Form.input("name", label: "Name", state: state)
                Form.select("kind", label: "Kind of provider", state: state, options: ProviderKind.options(\.label))
                Form.input("postcode", label: "Postcode", state: state, width: "10")
                Form.select("wardID", label: "Ward", state: state, options: wards.map { ($0.id, $0.name) })
            }
        }
    }
}
