import EscalatorCore
import EscalatorPersistence
import Foundation

/// The audit pages, as pure functions of their data.
enum AuditViews {
    /// `/audit`: the whole trail for administrators, filtered and paginated, newest first.
    static func index(
        _ page: Page<AuditEntry>, filter: AuditFilter, errors: [FieldError] = [], users: [(id: UUID, label: String)],
        references: [UUID: String], viewer: Viewer
    ) -> String {
        let state = FormState(values: filter.values, errors: errors, csrfToken: viewer.csrfToken)
        return Layout.page(title: "Audit trail", viewer: viewer, section: .audit) {
            heading(1, "Audit trail", class: "heading-l")
            paragraph("Every read and change of a client's record: who, for which organisation, when, what and why. "
                + "Rows can only be added; each carries a hash of itself and of the row before, so any edit or deletion shows.")
            el("p") {
                link("Verify the chain", to: "/audit/verify", class: "button button-secondary")
                " "
                link("Download as CSV", to: "/audit/export.csv" + (filter.queryString.isEmpty ? "" : "?" + filter.queryString),
                     class: "button button-secondary")
            }
            el("form", Attribute("method", "get"), Attribute("action", "/audit"), Attribute("novalidate", nil)) {
                Form.errorSummary(errors)
                Form.input("clientID", label: "Client (id or reference)", state: state, width: "20")
                Form.select("userID", label: "Who", state: state, options: users.map { ($0.id.uuidString, $0.label) }, prompt: "Anyone")
                Form.input("from", label: "From (day)", state: state, type: "date", hint: "For example, 2026-11-01", width: "10")
                Form.input("to", label: "To (day)", state: state, type: "date", hint: "For example, 2026-11-30", width: "10")
                el("button", .type("submit"), .class("button")) { "Filter" }
            }
            entries(page, showClient: true, references: references)
            Paginator.links(page, path: "/audit", query: filter.queryItems)
        }
    }

    /// `/clients/:id/audit`: one client's trail.
    static func client(_ page: Page<AuditEntry>, clientID: UUID, client: Client?, viewer: Viewer) -> String {
        let name = client?.fullName ?? "Client \(clientID.uuidString)"
        var crumbs = [Breadcrumb("Clients", "/clients")]
        if client != nil { crumbs.append(Breadcrumb(name, "/clients/\(clientID)")) }
        return Layout.page(title: "Audit trail: \(name)", viewer: viewer, section: .clients, breadcrumbs: crumbs) {
            if let client { el("span", .class("caption")) { "Client \(client.reference)" } }
            heading(1, "Audit trail: \(name)", class: "heading-l")
            paragraph("Everyone who has read or changed this client's record, newest first, and why.")
            el("p") { link("Download as CSV", to: "/clients/\(clientID)/audit/export.csv", class: "button button-secondary") }
            entries(page, showClient: false, references: [:])
            Paginator.links(page, path: "/clients/\(clientID)/audit")
        }
    }

    static func entries(_ page: Page<AuditEntry>, showClient: Bool, references: [UUID: String]) -> Node {
        var headers = ["#", "When", "Who", "Organisation", "Action", "What"]
        if showClient { headers.append("Client") }
        headers += ["Purpose", "Channel"]
        return table(
            caption: "\(page.total) \(page.total == 1 ? "event" : "events")", headers: headers,
            rows: page.items.map { entry in
                var cells: [Node] = [
                    text(String(entry.sequence)), text(entry.at.auditTime),
                    text(entry.userName + (entry.role.flatMap(Role.init(rawValue:)).map { " (\($0.label.lowercased()))" } ?? "")),
                    text(entry.organisationName.isEmpty ? "—" : entry.organisationName),
                    text(entry.actionLabel), text(entry.object),
                ]
                if showClient {
                    cells.append(link(references[entry.clientID] ?? entry.clientID.uuidString, to: "/audit?clientID=\(entry.clientID.uuidString)"))
                }
                cells += [text(entry.purposeLabel), text(entry.channelLabel)]
                return cells
            },
            numericColumns: [0])
    }

    /// `/audit/verify`: the chain recomputed.
    static func verification(_ result: AuditVerification, viewer: Viewer) -> String {
        Layout.page(title: "Verify the audit chain", viewer: viewer, section: .audit, breadcrumbs: [Breadcrumb("Audit trail", "/audit")]) {
            heading(1, "Verify the audit chain", class: "heading-l")
            if let broken = result.firstBreak {
                el("div", .class("error-summary"), Attribute("role", "alert")) {
                    el("h2", .class("error-summary-title")) { "The chain is broken at row \(broken.sequence)" }
                    paragraph("Row \(broken.sequence): \(broken.problem.explanation). \(result.rows) rows before it check out.")
                }
            } else {
                el("div", .class("notification"), Attribute("role", "status")) {
                    result.head == nil ? "The audit trail is empty." : "The chain is intact: \(result.rows) rows."
                }
            }
            summaryList([
                ("Result", result.isIntact ? "Intact" : "Broken"),
                ("Rows checked", String(result.rows)),
                ("Head", result.head.map { "#\($0.sequence) \($0.hash)" } ?? "None"),
            ])
            paragraph("Note the head somewhere outside the database: checking later that the same row still has the same hash "
                + "(escalator audit verify --anchor SEQUENCE:HASH) shows whether rows were cut from the end.")
        }
    }
}
