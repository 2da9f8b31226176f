import EscalatorCore
import Foundation

/// `/matching/allocation`: the form, and the plan's summary with its busiest slots.
enum AllocationViews {
    static let title = "Allocate clients to vacancies and cohorts"

    static func page(_ parameters: AllocationParameters, plan: StoredAllocation?, errors: [FieldError] = [], viewer: Viewer) -> String {
        var values = ["only": parameters.only.rawValue, "candidates": String(parameters.candidates),
                      "programmeWeight": formatted(parameters.programmeWeight)]
        values.merge(parameters.values) { _, typed in typed }
        let state = FormState(values: values, errors: errors, csrfToken: viewer.csrfToken)
        return Layout.page(title: title, viewer: viewer, section: .insight, breadcrumbs: [Breadcrumb("Insight", "/insight")]) {
            heading(1, title, class: "heading-l")
            paragraph("Gives every assessed client at most one vacancy opening or cohort place so that the total match score is as high "
                + "as it can be, with no vacancy or cohort given more people than it has openings or free places. "
                + "The plan names clients, so only administrators can see it.")
            paragraph("Working out the plan for the whole region takes a few seconds; it is kept, and worked out again after changes.",
                      class: "body secondary-text")
            el("form", Attribute("method", "get"), Attribute("action", "/matching/allocation"), Attribute("novalidate", nil)) {
                Form.errorSummary(errors)
                Form.select("only", label: "What to allocate", state: state,
                            options: [("both", "Vacancies and cohorts, competing"), ("vacancies", "Vacancies only"), ("cohorts", "Cohorts only")],
                            prompt: nil)
                Form.input("candidates", label: "Options considered per client", state: state, type: "number",
                           hint: "The client's best options the plan chooses among, from 1 to 100 (usually 20).", width: "3")
                Form.input("programmeWeight", label: "Programme weight", state: state,
                           hint: "Multiplies cohort scores before they compete with vacancy scores, from 0 to 1 (usually 1).", width: "5")
                Form.input("reserveShare", label: "Share of places reserved for target-ward residents (optional)", state: state,
                           hint: "From 0 to 1; for example 0.3 keeps 30% of every vacancy's openings and cohort's places (rounded up) for residents of the target wards.",
                           width: "5")
                releaseCheckbox(state)
                el("button", .type("submit"), .class("button")) { "Allocate" }
            }
            if let plan { results(plan, parameters: parameters) }
        }
    }

    private static func releaseCheckbox(_ state: FormState) -> Node {
        let id = Form.fieldID("releaseUnused"), error = state.error("releaseUnused")
        let checked = ["true", "1", "yes", "on"].contains(state.value("releaseUnused").lowercased())
        return el("div", .class(error == nil ? "form-group" : "form-group form-group-error")) {
            if let error { el("p", .class("error-message")) { error } }
            el("div", .class("checkbox")) {
                voidEl("input", [.type("checkbox"), .id(id), .name("releaseUnused"), .value("true")] + (checked ? [.flag("checked")] : []))
                el("label", .for(id)) { "Offer reserved places left empty to the clients still unallocated (needs a reserved share)" }
            }
        }
    }

    private static func results(_ stored: StoredAllocation, parameters: AllocationParameters) -> Node {
        let summary = stored.plan.summary
        var rows: [(String, String)] = [
            ("Clients allocated", "\(summary.allocated) of \(summary.assessedClients) assessed clients (\(summary.clientsWithOptions) with an option)"),
            ("To vacancies", String(summary.toVacancies)),
            ("To cohorts", String(summary.toCohorts)),
            ("Vacancies and cohorts", "\(summary.slots), with \(summary.places) places"),
            ("Total score", String(format: "%.6f", summary.totalScore)),
        ]
        if let share = parameters.reserveShare {
            rows.append(("Reserved places", "\(summary.reservedPlaces ?? 0) (\(formatted(share * 100))% of every slot's places, rounded up, for \(summary.targetWards?.count ?? 0) target wards)"))
            rows.append(("Target-ward residents allocated", String(summary.residentsAllocated ?? 0)))
            if let released = summary.releasedAllocated {
                rows.append(("Allocated when unused reserved places were released", String(released)))
            }
        }
        let busiest = stored.busiest
        return el("div") {
            heading(2, "The plan", class: "heading-m")
            if let freshness = stored.plan.freshness { paragraph(freshness.sentence, class: "body secondary-text") }
            summaryList(rows)
            el("p") {
                link("Download the whole plan as CSV", to: "/matching/allocation.csv" + (parameters.queryString.isEmpty ? "" : "?" + parameters.queryString),
                     class: "button button-secondary")
            }
            if !busiest.isEmpty {
                table(
                    caption: "The busiest \(busiest.count == 1 ? "vacancy or cohort" : "\(busiest.count) vacancies and cohorts")",
                    headers: ["Vacancy or cohort", "Places", "Allocated", "Reserved"],
                    rows: busiest.map { row in
                        [text(row.startsOn.map { "\(row.title), cohort starting \($0.ukDate)" } ?? row.title),
                         text(String(row.places)), text(String(row.allocated)), text(String(row.reserved))]
                    },
                    numericColumns: [1, 2, 3])
            }
        }
    }

    private static func formatted(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
