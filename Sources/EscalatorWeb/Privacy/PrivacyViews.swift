import EscalatorCore
import EscalatorPersistence
import Foundation

/// The record-of-processing page and the erasure confirmation page.
enum PrivacyViews {
    static func processing(retentionMonths: Int, viewer: Viewer) -> String {
        Layout.page(title: "Record of processing", viewer: viewer) {
            heading(1, "Record of processing", class: "heading-l")
            paragraph("What personal data this service holds about residents, why, on what lawful basis, who receives it, "
                + "how long it is kept and where. The partner organisations are joint controllers; the combined authority "
                + "runs the service.", class: "body lead")
            heading(2, "How long it is kept")
            paragraph("Unless it says otherwise, each category below is kept for \(retentionMonths) months\(years(retentionMonths)) after the client's last "
                + "activity: registration, an assessment, a change to a referral, a job start or a sustainment check. Then it is "
                + "erased by anonymisation, as the last column shows: what identifies the client goes, and only the facts the "
                + "partnership's figures are counted from remain.")
            for category in ProcessingRecord.categories {
                el("section", .aria("labelledby", anchor(category.name))) {
                    el("h2", .class("heading-m"), .id(anchor(category.name))) {
                        category.name
                        if category.specialCategory {
                            " "
                            tag("Special category", colour: "red")
                        }
                    }
                    summaryList([
                        ("Why", category.purpose),
                        ("Lawful basis", category.lawfulBasis),
                        ("Who receives it", category.recipients.joined(separator: " ")),
                        ("How long", category.retention ?? "\(retentionMonths) months after the client's last activity"),
                    ])
                    table(caption: "\(category.name): what is stored", headers: ["Item", "Where", "After erasure"],
                          rows: category.fields.map { field in
                              [
                                  text(field.label),
                                  fragment {
                                      el("code") { "\(field.table).\(field.column)" }
                                      if field.sealed {
                                          " "
                                          tag("Sealed", colour: "blue")
                                      }
                                  },
                                  text(field.afterErasure.label),
                              ]
                          })
                }
            }
            heading(2, "Where it is stored")
            el("ul") { for line in ProcessingRecord.storage { el("li") { line } } }
            heading(2, "How to exercise your rights")
            summaryList(ProcessingRecord.rights.map { ($0.right, $0.how) })
        }
    }

    static func erase(_ client: Client, state: FormState, viewer: Viewer) -> String {
        let title = "Erase \(client.fullName)'s personal data"
        return Layout.page(title: title, viewer: viewer, section: .clients,
                           breadcrumbs: [Breadcrumb("Clients", "/clients"), Breadcrumb(client.fullName, "/clients/\(client.id)")]) {
            el("span", .class("caption")) { "Client \(client.reference)" }
            heading(1, title, class: "heading-l")
            el("div", .class("inset")) {
                paragraph("This cannot be undone. The client will disappear from every list, search and match at once.")
            }
            heading(2, "What will be removed")
            summaryList(erasureSummary { $0.afterErasure != .kept && !$0.isErasureMark })
            heading(2, "What will stay")
            paragraph("Anonymous facts the partnership's figures are counted from, so that published statistics do not change:")
            summaryList(erasureSummary { $0.afterErasure == .kept })
            paragraph("The audit trail stays too: it holds no personal data, and the erasure is added to it.")
            Form.form(action: "/clients/\(client.id)/erase", state: state, submit: "Erase personal data") {
                Form.radios("reason", legend: "Why is the client's personal data being erased?", state: state,
                            options: ErasureReason.onRequest.map { ($0.rawValue, $0.label) })
            }
            link("Cancel and go back to the record", to: "/clients/\(client.id)")
        }
    }

    /// For each category of the client's own records, the fields whose rule passes `include`, with the rule.
    static func erasureSummary(_ include: (ProcessingRecord.Field) -> Bool) -> [(String, String)] {
        ProcessingRecord.categories.compactMap { category in
            let fields = category.fields.filter { $0.table != AuditEventModel.schema && !$0.isLink && include($0) }
            guard !fields.isEmpty else { return nil }
            let items = fields.map { field in
                field.afterErasure == .kept ? field.label : "\(field.label) (\(field.afterErasure.label.prefix(1).lowercased() + field.afterErasure.label.dropFirst()))"
            }
            return (category.name, items.joined(separator: "; "))
        }
    }

    /// " (6 years)" for 72 months; nothing under a year.
    static func years(_ months: Int) -> String {
        if months % 12 == 0 { return " (\(months / 12) year\(months == 12 ? "" : "s"))" }
        return months > 12 ? " (about \(Int((Double(months) / 12).rounded())) years)" : ""
    }

    static func anchor(_ name: String) -> String {
        "c-" + name.lowercased().map { $0.isLetter ? String($0) : "-" }.joined()
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension PrivacyViews {
    /// The data-protection links on a client's record: a subject access copy for the controller's staff (the
    /// registering organisation's advisers and administrators), erasure for administrators.
    static func clientRights(clientID: UUID, answersRequests: Bool, viewer: Viewer) -> Node {
        guard answersRequests else { return .empty }
        return fragment {
            heading(2, "Data protection")
            el("ul") {
                el("li") { link("Subject access copy to print", to: "/clients/\(clientID)/subject-access") }
                el("li") { link("Subject access copy as JSON", to: "/api/v1/clients/\(clientID)/subject-access") }
                if viewer.role == .administrator {
                    el("li") { link("Erase this client's personal data", to: "/clients/\(clientID)/erase") }
                }
            }
        }
    }
}
