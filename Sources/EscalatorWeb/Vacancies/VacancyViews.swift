import EscalatorCore
import Foundation

/// The vacancy list and page, as pure functions of their data.
enum VacancyViews {
    static func index(_ page: Page<VacancyQueries.Row>, filters: VacancyQueries.Filters, employers: [Employer], occupations: [Occupation],
                      viewer: Viewer) -> String {
        Layout.page(title: "Vacancies", viewer: viewer, section: .vacancies) {
            heading(1, "Vacancies", class: "heading-l")
            if canScope(viewer.role) {
                link("Scope a new vacancy", to: "/vacancies/new", class: "button")
            }
            el("form", Attribute("method", "get"), Attribute("action", "/vacancies"), Attribute("role", "search")) {
                let state = FormState(values: [
                    "q": filters.search ?? "", "status": filters.status?.rawValue ?? "",
                    "occupationID": filters.occupationID ?? "", "employerID": filters.employerID?.uuidString ?? "",
                ], csrfToken: viewer.csrfToken)
                Form.input("q", label: "Search job titles", state: state, type: "search", width: "20")
                Form.select("status", label: "Status", state: state, options: VacancyStatus.options(\.label), prompt: "Any status")
                Form.select("occupationID", label: "Occupation", state: state, options: occupations.map { ($0.id, $0.name) }, prompt: "Any occupation")
                Form.select("employerID", label: "Employer", state: state, options: employers.map { ($0.id.uuidString, $0.name) }, prompt: "Any employer")
                el("button", .type("submit"), .class("button button-secondary")) { "Filter" }
            }
            table(
                caption: page.total == 1 ? "1 vacancy" : "\(page.total) vacancies",
                headers: ["Title", "Employer", "Occupation", "Ward", "Pay per hour", "Status", "Closing date"],
                rows: page.items.map { row in
                    [
                        link(row.vacancy.title, to: "/vacancies/\(row.vacancy.id)"),
                        text(row.employerName),
                        text(row.occupationName),
                        text(row.wardName),
                        text(pounds(pence: row.vacancy.hourlyPayPence)),
                        statusTag(row.vacancy.status),
                        text(row.vacancy.closingDate.ukDate),
                    ]
                },
                numericColumns: [4])
            Paginator.links(page, path: "/vacancies", query: filters.query)
        }
    }

    static func show(_ detail: VacancyQueries.Detail, taxonomy: Taxonomy, viewer: Viewer, canChange: Bool, notice: String?) -> String {
        let vacancy = detail.vacancy
        return Layout.page(title: vacancy.title, viewer: viewer, section: .vacancies,
                           breadcrumbs: [Breadcrumb("Vacancies", "/vacancies")], notice: notice) {
            el("span", .class("caption")) { "Vacancy at \(detail.employer.name)" }
            heading(1, vacancy.title, class: "heading-l")
            el("p") {
                if canChange {
                    link("Change the scoping", to: "/vacancies/\(vacancy.id)/edit", class: "button")
                    " "
                }
                if viewer.role != .provider {
                    link("See candidates", to: "/vacancies/\(vacancy.id)/candidates", class: "button button-secondary")
                }
            }
            summaryList([
                ("Employer", link(detail.employer.name, to: "/employers/\(detail.employer.id)")),
                ("Occupation", text(detail.occupation?.name ?? vacancy.occupationID)),
                ("Status", statusTag(vacancy.status)),
                ("Openings", text(String(vacancy.openings))),
                ("Closing date", text(vacancy.closingDate.ukDate)),
                ("Hours per week", text(String(vacancy.hoursPerWeek))),
                ("Pay per hour", text(pounds(pence: vacancy.hourlyPayPence))),
                ("Minimum qualification", text(vacancy.minimumQualification.label)),
                ("GCSE English (grade 4 or above)", text(vacancy.needsGCSEEnglish ? "Needed" : "Not needed")),
                ("GCSE maths (grade 4 or above)", text(vacancy.needsGCSEMaths ? "Needed" : "Not needed")),
                ("Minimum age", text(String(vacancy.minimumAge))),
                ("Postcode", text(vacancy.postcode)),
                ("Ward", text((detail.ward?.name ?? vacancy.wardID) + (detail.ward?.isTargetWard == true ? " (target ward)" : ""))),
            ])
            heading(2, "Skills the job needs")
            table(
                caption: "\(vacancy.essential.count) essential and \(vacancy.desirable.count) desirable skills",
                headers: ["Skill", "Importance", "Minimum level"],
                rows: (vacancy.essential + vacancy.desirable).map { requirement in
                    [
                        text(taxonomy.skillName(requirement.skillID)),
                        requirement.importance == .essential ? tag("Essential", colour: "green") : tag("Desirable", colour: "grey"),
                        text(requirement.minimumLevel.label),
                    ]
                })
        }
    }

    static func statusTag(_ status: VacancyStatus) -> Node {
        let colour = switch status {
        case .draft: "grey"
        case .open: "green"
        case .filled: "blue"
        case .closed: "red"
        }
        return tag(status.label, colour: colour)
    }

    static func canScope(_ role: Role) -> Bool {
        role == .adviser || role == .administrator || role == .employer
    }
}
