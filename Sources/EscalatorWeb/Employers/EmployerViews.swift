import EscalatorCore
import Foundation

/// The employer pages, as pure functions of their data.
enum EmployerViews {
    static func index(_ page: Page<EmployerQueries.Row>, search: String?, sector: Sector?, viewer: Viewer) -> String {
        Layout.page(title: "Employers", viewer: viewer, section: .employers) {
            heading(1, "Employers", class: "heading-l")
            if viewer.role == .adviser || viewer.role == .administrator {
                link("Add an employer", to: "/employers/new", class: "button")
            }
            el("form", Attribute("method", "get"), Attribute("action", "/employers"), Attribute("role", "search")) {
                let state = FormState(values: ["q": search ?? "", "sector": sector?.rawValue ?? ""], csrfToken: viewer.csrfToken)
                Form.input("q", label: "Search by name", state: state, type: "search", width: "20")
                Form.select("sector", label: "Sector", state: state, options: Sector.options(\.label), prompt: "All sectors")
                el("button", .type("submit"), .class("button button-secondary")) { "Search" }
            }
            table(
                caption: page.total == 1 ? "1 employer" : "\(page.total) employers",
                headers: ["Employer", "Sector", "Size", "Ward", "Open vacancies"],
                rows: page.items.map { row in
                    [
                        link(row.employer.name, to: "/employers/\(row.employer.id)"),
                        text(row.employer.sector.label),
                        text(row.employer.size.label),
                        text(row.wardName),
                        text(String(row.openVacancies)),
                    ]
                },
                numericColumns: [4])
            Paginator.links(page, path: "/employers", query: [("q", search ?? ""), ("sector", sector?.rawValue ?? "")])
        }
    }

    static func form(_ state: FormState, wards: [Ward], organisations: [Organisation], viewer: Viewer) -> String {
        Layout.page(title: "Add an employer", viewer: viewer, section: .employers,
                    breadcrumbs: [Breadcrumb("Employers", "/employers")]) {
            heading(1, "Add an employer", class: "heading-l")
            Form.form(action: "/employers", state: state, submit: "Add employer") {
                Form.input("name", label: "Employer name", state: state)
                Form.select("sector", label: "Sector", state: state, options: Sector.options(\.label))
                Form.select("size", label: "Size (employees)", state: state, options: EmployerSize.options(\.label))
                Form.input("postcode", label: "Postcode", state: state, width: "10")
                Form.select("wardID", label: "Ward", state: state, options: wards.map { ($0.id, $0.name + ($0.isTargetWard ? " (target ward)" : "")) })
                if viewer.role == .administrator {
                    Form.select("organisationID", label: "Employer organisation", state: state,
                                options: organisations.map { ($0.id.uuidString, $0.name) },
                                hint: "Leave this to give the employer an organisation of its own, for its users to sign in as.",
                                prompt: "Create a new organisation")
                }
            }
        }
    }

    static func show(_ detail: EmployerQueries.Detail, engagementForm: FormState, pledgeForm: FormState, viewer: Viewer, canAct: Bool, notice: String?) -> String {
        let employer = detail.employer
        return Layout.page(title: employer.name, viewer: viewer, section: .employers,
                           breadcrumbs: [Breadcrumb("Employers", "/employers")], notice: notice) {
            el("span", .class("caption")) { "Employer" }
            heading(1, employer.name, class: "heading-l")
            summaryList([
                ("Sector", employer.sector.label),
                ("Size", employer.size.label),
                ("Postcode", employer.postcode),
                ("Ward", (detail.ward?.name ?? employer.wardID) + (detail.ward?.isTargetWard == true ? " (target ward)" : "")),
                ("Organisation", detail.organisationName),
            ])
            engagements(detail, form: engagementForm, canAct: canAct)
            pledges(detail, form: pledgeForm, canAct: canAct)
            vacancies(detail, canAct: canAct)
        }
    }

    static func engagements(_ detail: EmployerQueries.Detail, form: FormState, canAct: Bool) -> Node {
        fragment {
            heading(2, "Engagement log")
            if detail.engagements.isEmpty {
                paragraph("No engagement logged yet.")
            } else {
                table(
                    caption: "Contacts with the employer, latest first",
                    headers: ["Date", "Kind", "Summary", "Recorded by"],
                    rows: detail.engagements.map { logged in
                        [
                            text(logged.entry.date.ukDate),
                            text(EngagementKind(rawValue: logged.entry.kind)?.label ?? logged.entry.kind),
                            text(logged.entry.summary),
                            text(logged.recordedBy ?? ""),
                        ]
                    })
            }
            if canAct {
                heading(3, "Log an engagement", class: "heading-s")
                Form.form(action: "/employers/\(detail.employer.id)/engagements", state: form, submit: "Log engagement") {
                    Form.input("date", label: "Date", state: form, type: "date", hint: "For example, 2026-10-30", width: "10")
                    Form.select("kind", label: "Kind of engagement", state: form, options: EngagementKind.options(\.label))
                    Form.textarea("summary", label: "Summary", state: form, hint: "What was discussed and agreed. Do not record personal details.")
                }
            }
        }
    }

    static func pledges(_ detail: EmployerQueries.Detail, form: FormState, canAct: Bool) -> Node {
        fragment {
            heading(2, "Pledges")
            if detail.pledges.isEmpty {
                paragraph("No pledges recorded yet.")
            } else {
                table(
                    caption: "What the employer has pledged",
                    headers: ["Pledge", "Quantity", "Made on"],
                    rows: detail.pledges.map { recorded in
                        [text(recorded.pledge.kind.label), text(String(recorded.pledge.quantity)), text(recorded.pledge.madeOn.ukDate)]
                    },
                    numericColumns: [1])
            }
            if canAct {
                heading(3, "Record a pledge", class: "heading-s")
                // The engagement form on the same page also has a `kind` field, so these ids get their own prefix.
                prefixingFieldIDs(
                    Form.form(action: "/employers/\(detail.employer.id)/pledges", state: form, submit: "Record pledge") {
                        Form.select("kind", label: "Pledge", state: form, options: PledgeKind.options(\.label))
                        Form.input("quantity", label: "Quantity", state: form, type: "number", hint: "Places, interviews or encounters pledged", width: "5")
                        Form.input("madeOn", label: "Date the pledge was made", state: form, type: "date", hint: "For example, 2026-10-30", width: "10")
                    },
                    with: "pledge-")
            }
        }
    }

    static func vacancies(_ detail: EmployerQueries.Detail, canAct: Bool) -> Node {
        fragment {
            heading(2, "Vacancies")
            if canAct {
                link("Scope a new vacancy", to: "/vacancies/new?employerID=\(detail.employer.id)", class: "button")
            }
            if detail.vacancies.isEmpty {
                paragraph("No vacancies yet.")
            } else {
                table(
                    caption: "The employer's vacancies",
                    headers: ["Title", "Status", "Openings", "Closing date"],
                    rows: detail.vacancies.map { vacancy in
                        [
                            link(vacancy.title, to: "/vacancies/\(vacancy.id)"),
                            VacancyViews.statusTag(vacancy.status),
                            text(String(vacancy.openings)),
                            text(vacancy.closingDate.ukDate),
                        ]
                    },
                    numericColumns: [2])
            }
        }
    }

    /// Prefixes the `f-` field ids (and the labels, hints and error links that point at them) inside `node`.
    static func prefixingFieldIDs(_ node: Node, with prefix: String) -> Node {
        func rewrite(_ attribute: Attribute) -> Attribute {
            guard let value = attribute.value else { return attribute }
            switch attribute.name {
            case "id", "for":
                return value.hasPrefix("f-") ? Attribute(attribute.name, prefix + value) : attribute
            case "aria-describedby":
                return Attribute(attribute.name, value.split(separator: " ").map { $0.hasPrefix("f-") ? prefix + $0 : String($0) }.joined(separator: " "))
            case "href":
                return value.hasPrefix("#f-") ? Attribute(attribute.name, "#" + prefix + value.dropFirst()) : attribute
            default:
                return attribute
            }
        }
        switch node {
        case .element(let tag, let attributes, let children):
            return .element(tag, attributes.map(rewrite), children.map { prefixingFieldIDs($0, with: prefix) })
        case .void(let tag, let attributes):
            return .void(tag, attributes.map(rewrite))
        case .fragment(let nodes):
            return .fragment(nodes.map { prefixingFieldIDs($0, with: prefix) })
        case .text, .raw:
            return node
        }
    }
}
