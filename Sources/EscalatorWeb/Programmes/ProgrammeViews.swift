import EscalatorCore
import Foundation

/// The programme pages, as pure functions of their data.
enum ProgrammeViews {
    static func index(_ page: Page<ProgrammeQueries.Row>, filter: ProgrammeQueries.Filter, providers: [Provider], skills: [Skill],
                      viewer: Viewer, canAdd: Bool, notice: String? = nil) -> String {
        let filterState = FormState(values: [
            "q": filter.search ?? "", "type": filter.type?.rawValue ?? "", "providerID": filter.providerID?.uuidString ?? "",
            "skillID": filter.skillID ?? "",
        ], csrfToken: viewer.csrfToken)
        return Layout.page(title: "Programmes", viewer: viewer, section: .programmes, notice: notice) {
            heading(1, "Programmes", class: "heading-l")
            el("p") {
                if canAdd {
                    link("Add a programme", to: "/programmes/new", class: "button")
                    " "
                }
                link("Providers", to: "/programmes/providers", class: "button button-secondary")
            }
            el("form", Attribute("method", "get"), Attribute("action", "/programmes"), Attribute("role", "search")) {
                Form.input("q", label: "Title contains", state: filterState, type: "search", width: "20")
                Form.select("type", label: "Type", state: filterState, options: ProgrammeType.options(\.label), prompt: "Any type")
                Form.select("providerID", label: "Provider", state: filterState,
                            options: providers.map { ($0.id.uuidString, $0.name) }, prompt: "Any provider")
                Form.select("skillID", label: "Teaches the skill", state: filterState,
                            options: skills.map { ($0.id, $0.name) }, prompt: "Any skill")
                el("button", .type("submit"), .class("button button-secondary")) { "Filter programmes" }
            }
            table(
                caption: "\(page.total) programmes",
                headers: ["Programme", "Provider", "Type", "Weeks", "Next start", "Free places"],
                rows: page.items.map { row in
                    [
                        link(row.programme.title, to: "/programmes/\(row.programme.id)"),
                        text(row.providerName),
                        text(row.programme.type.label),
                        text(String(row.programme.weeks)),
                        text(row.nextCohort?.startsOn.ukDate ?? "No cohorts"),
                        text(String(row.programme.freePlaces)),
                    ]
                },
                numericColumns: [3, 5])
            Paginator.links(page, path: "/programmes", query: filter.queryItems)
        }
    }

    static func show(_ detail: ProgrammeQueries.Detail, viewer: Viewer, canChange: Bool, cohortState: FormState, notice: String?) -> String {
        let programme = detail.programme
        let entry = programme.entryRequirements
        return Layout.page(title: programme.title, viewer: viewer, section: .programmes,
                           breadcrumbs: [Breadcrumb("Programmes", "/programmes")], notice: notice) {
            el("span", .class("caption")) { "\(detail.provider.name) (\(detail.provider.kind.label))" }
            heading(1, programme.title, class: "heading-l")
            if canChange {
                link("Change programme details", to: "/programmes/\(programme.id)/edit", class: "button button-secondary")
            }
            summaryList([
                ("Provider", detail.provider.name),
                ("Type", programme.type.label),
                ("Qualification awarded", programme.qualificationAwarded?.label ?? "None"),
                ("Length", "\(programme.weeks) weeks, \(programme.hoursPerWeek) hours a week"),
                ("Location", "\(programme.postcode), \(detail.wardName)"),
                ("Cost", programme.costPence == 0 ? "Free" : pounds(pence: programme.costPence)),
                ("Support with barriers", programme.barrierSupport.isEmpty ? "None" : programme.barrierSupport.map(\.label).joined(separator: ", ")),
                ("Co-designed with", programme.coDesigningEmployerIDs.isEmpty ? "No employers"
                    : programme.coDesigningEmployerIDs.map { detail.employerNames[$0] ?? "Unknown employer" }.joined(separator: ", ")),
                ("Guaranteed interview", programme.guaranteedInterview ? "Yes, with a co-designing employer" : "No"),
                ("Free places", "\(programme.freePlaces) of \(programme.totalPlaces)"),
            ])
            heading(2, "Skills taught")
            table(
                caption: "Skills and the level the programme reaches",
                headers: ["Skill", "Level reached"],
                rows: programme.skillsTaught.map { [text(detail.skillNames[$0.skillID] ?? $0.skillID), text($0.levelReached.label)] })
            heading(2, "Entry requirements")
            summaryList([
                ("Minimum qualification", entry.minimumQualification.label),
                ("GCSE English", entry.needsGCSEEnglish ? "Needed" : "Not needed"),
                ("GCSE maths", entry.needsGCSEMaths ? "Needed" : "Not needed"),
                ("Skills needed", entry.requiredSkills.isEmpty ? "None"
                    : entry.requiredSkills.map { "\(detail.skillNames[$0.skillID] ?? $0.skillID) (\($0.level.label.lowercased()))" }.joined(separator: ", ")),
            ])
            heading(2, "Cohorts")
            if programme.cohorts.isEmpty {
                paragraph("No cohorts yet.")
            } else {
                table(
                    caption: "Intakes of this programme",
                    headers: ["Starts", "Places", "Enrolled", "Free places"],
                    rows: programme.cohorts.map {
                        [text($0.startsOn.ukDate), text(String($0.capacity)), text(String($0.enrolled)), text(String($0.freePlaces))]
                    },
                    numericColumns: [1, 2, 3])
            }
            if canChange {
                heading(3, "Add a cohort")
                Form.form(action: "/programmes/\(programme.id)/cohorts", state: cohortState, submit: "Add cohort") {
                    Form.input("startsOn", label: "Start date", state: cohortState, type: "date", hint: "For example, 2027-01-11", width: "10")
                    Form.input("capacity", label: "Places", state: cohortState, type: "number", width: "5")
                }
            }
        }
    }
}
