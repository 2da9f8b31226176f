import EscalatorCore
import Foundation

/// A client's pathway to a vacancy or an occupation, and the small form that asks for one.
enum PathwayViews {
    static func page(_ result: PathwayQueries.Result, viewer: Viewer) -> String {
        let client = result.client
        let objective = result.parameters.objective
        return Layout.page(title: "Pathway to \(result.target.title)", viewer: viewer, section: .clients,
                           breadcrumbs: breadcrumbs(client)) {
            el("span", .class("caption")) { "\(client.fullName), \(client.reference)" }
            heading(1, "Pathway to \(result.target.title)", class: "heading-l")
            el("p", .class("body")) {
                objective == .cost ? "Least total cost, planned from \(result.today.ukDate). " : "Job-ready soonest, planned from \(result.today.ukDate). "
                link(objective == .cost ? "Plan for job-ready soonest instead" : "Plan for least cost instead",
                     to: path(client.id, result.parameters.target, objective: objective == .cost ? .weeksToJobReady : .cost))
            }
            if result.request == nil {
                paragraph("\(client.fullName) has not been assessed, so there is nothing to plan from.")
                el("p") { link("Assess \(client.fullName)", to: "/clients/\(client.id)/assessments/new", class: "button") }
            } else if let pathway = result.result?.pathway {
                plan(pathway, result)
            } else {
                blockers(result.result?.blockers ?? [], taxonomy: result.taxonomy)
            }
        }
    }

    /// The target chooser again, with what was wrong, for a bad or unknown parameter.
    static func badRequest(client: Client, errors: [FieldError], values: [String: String], taxonomy: Taxonomy, viewer: Viewer) -> String {
        Layout.page(title: "Plan a pathway", viewer: viewer, section: .clients, breadcrumbs: breadcrumbs(client)) {
            el("span", .class("caption")) { "\(client.fullName), \(client.reference)" }
            heading(1, "Plan a pathway", class: "heading-l")
            chooser(clientID: client.id, taxonomy: taxonomy, state: FormState(values: values, errors: errors, csrfToken: viewer.csrfToken))
        }
    }

    /// A GET form choosing an occupation and an objective; it changes nothing, so it carries no CSRF token.
    static func chooser(clientID: UUID, taxonomy: Taxonomy, state: FormState) -> Node {
        el("form", Attribute("method", "get"), Attribute("action", "/clients/\(clientID)/pathway"), .class("pathway-chooser"), Attribute("novalidate", nil)) {
            Form.errorSummary(state.errors)
            if state.errors.contains(where: { $0.field == "vacancy" }) {
                el("p", .class("error-message"), .id(Form.fieldID("vacancy"))) { state.error("vacancy")! }
            }
            Form.select("occupation", label: "Occupation to plan a pathway to", state: state,
                        options: taxonomy.sortedOccupations.map { ($0.id, $0.name) })
            Form.radios("objective", legend: "Plan for", state: state, options: [
                (PathwayObjective.weeksToJobReady.rawValue, "Job-ready soonest"), (PathwayObjective.cost.rawValue, "Least cost"),
            ])
            el("button", .type("submit"), .class("button button-secondary")) { "Plan a pathway" }
        }
    }

    static func path(_ clientID: UUID, _ target: PathwayParameters.Target, objective: PathwayObjective) -> String {
        let query = switch target {
        case .vacancy(let id): "vacancy=\(id.uuidString)"
        case .occupation(let id): "occupation=\(Paginator.percentEncode(id))"
        }
        return "/clients/\(clientID)/pathway?\(query)&objective=\(objective.rawValue)"
    }

    private static func breadcrumbs(_ client: Client) -> [Breadcrumb] {
        [Breadcrumb("Clients", "/clients"), Breadcrumb(client.fullName, "/clients/\(client.id)"),
         Breadcrumb("Jobs and programmes", "/clients/\(client.id)/matches")]
    }

    private static func plan(_ pathway: Pathway, _ result: PathwayQueries.Result) -> Node {
        let taxonomy = result.taxonomy
        return fragment {
            summaryList([
                ("Job-ready on", pathway.steps.isEmpty ? "Now: nothing stands in the way" : pathway.jobReadyOn.ukDate),
                ("Weeks to job-ready", String(pathway.weeksToJobReady)),
                ("Total cost", money(pathway.totalCostPence)),
                ("Steps", String(pathway.activeStepCount)),
            ])
            if !pathway.steps.isEmpty {
                table(
                    caption: "Steps, in order",
                    headers: ["Step", "Kind", "Programme or support", "Provider", "Starts", "Ends", "Weeks", "Cost", "Closes"],
                    rows: pathway.steps.enumerated().map { index, step in
                        [
                            text(String(index + 1)),
                            text(step.phase.label),
                            title(step),
                            text(step.programmeID.flatMap { result.providerNames[$0] } ?? "—"),
                            text(step.startsOn.ukDate),
                            text(step.endsOn.ukDate),
                            text(String(PathwayDTO.weeks(from: step.startsOn, to: step.endsOn))),
                            text(money(step.costPence)),
                            closes(step, taxonomy: taxonomy),
                        ]
                    },
                    numericColumns: [0, 6, 7])
            }
            if !pathway.notes.isEmpty {
                heading(2, "Notes")
                el("ul", .class("list")) { for note in pathway.notes { el("li") { note } } }
            }
            afterEmployment(pathway, result)
        }
    }

    private static func title(_ step: PathwayStep) -> Node {
        guard let id = step.programmeID else { return text(step.title) }
        return fragment {
            link(step.title, to: "/programmes/\(id)")
            if let km = step.travelKm { el("span", .class("secondary-text")) { " (\(MatchViews.km(km)))" } }
        }
    }

    private static func closes(_ step: PathwayStep, taxonomy: Taxonomy) -> Node {
        let lines = step.closes.map { "Meets " + $0.label(taxonomy) }
            + step.addresses.map { "Addresses " + $0.label.lowercased() }
            + step.prepares.map { "Opens the way with " + $0.label(taxonomy) }
        guard !lines.isEmpty else { return text("—") }
        return el("ul", .class("list")) { for line in lines { el("li") { line } } }
    }

    private static func afterEmployment(_ pathway: Pathway, _ result: PathwayQueries.Result) -> Node {
        let taxonomy = result.taxonomy
        return fragment {
            heading(2, "After starting work")
            if pathway.inWorkSupport.isEmpty {
                paragraph("In-work support: no in-work programme within reach.")
            } else {
                table(caption: "In-work support", headers: ["Programme", "Provider", "Starts", "Ends", "Cost", "Raises"],
                      rows: pathway.inWorkSupport.map { option(result.providerNames, $0, taxonomy) }, numericColumns: [4])
            }
            if let next = pathway.progression {
                heading(3, "Next progression: \(next.occupationName)")
                summaryList([
                    ("Typical qualification", next.typicalQualification.shortLabel),
                    ("Still needs", next.missing.isEmpty ? "Nothing" : next.missing.map { $0.label(taxonomy) }.joined(separator: ", ")),
                    ("First programme", next.firstProgramme.map { "\($0.title), \($0.startsOn.ukDate) to \($0.endsOn.ukDate), \(money($0.costPence))" }
                        ?? "None within reach"),
                ])
            } else {
                paragraph("Next progression: none in the taxonomy for this sector.")
            }
        }
    }

    private static func option(_ names: [UUID: String], _ option: PathwayProgrammeOption, _ taxonomy: Taxonomy) -> [Node] {
        [
            link(option.title, to: "/programmes/\(option.programmeID)"),
            text(names[option.programmeID] ?? "—"),
            text(option.startsOn.ukDate),
            text(option.endsOn.ukDate),
            text(money(option.costPence)),
            text(option.teaches.isEmpty ? "—" : option.teaches.map { $0.label(taxonomy) }.joined(separator: ", ")),
        ]
    }

    private static func blockers(_ blockers: [PathwayBlocker], taxonomy: Taxonomy) -> Node {
        fragment {
            heading(2, "No pathway reaches this target")
            paragraph("These requirements cannot be met by any sequence of support and programmes:")
            table(caption: "What blocks every pathway", headers: ["Requirement", "Why"],
                  rows: blockers.map { [text($0.requirement.label(taxonomy)), text($0.message)] })
        }
    }

    static func money(_ pence: Int) -> String { pence == 0 ? "Free" : pounds(pence: pence) }
}
