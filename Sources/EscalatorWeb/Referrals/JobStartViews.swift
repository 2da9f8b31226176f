import EscalatorCore
import Foundation

/// The job start pages, as pure functions of their data.
enum JobStartViews {
    /// The form that records a job start; `vacancyID` rides along when the job came through a referral.
    static func startForm(_ state: FormState, clientID: UUID) -> Node {
        Form.form(action: "/clients/\(clientID)/job-starts", state: state, submit: "Record job start") {
            if !state.value("vacancyID").isEmpty {
                voidEl("input", .type("hidden"), .name("vacancyID"), .value(state.value("vacancyID")))
            }
            Form.input("employerName", label: "Employer", state: state)
            Form.input("jobTitle", label: "Job title", state: state)
            Form.input("startedOn", label: "Start date", state: state, type: "date", hint: "For example, 2026-10-05", width: "10")
            Form.input("hoursPerWeek", label: "Hours a week", state: state, type: "number", width: "5")
            Form.input("hourlyPay", label: "Hourly pay, in pounds", state: state, hint: "For example, 12.50", width: "10")
        }
    }

    static func new(_ state: FormState, client: Client, viewer: Viewer) -> String {
        Layout.page(title: "Record a job start", viewer: viewer, section: .referrals,
                    breadcrumbs: [Breadcrumb("Clients", "/clients"), Breadcrumb(client.fullName, "/clients/\(client.id)")]) {
            el("span", .class("caption")) { "Client \(client.reference)" }
            heading(1, "Record a job \(client.fullName) found", class: "heading-l")
            paragraph("For a job found without a referral. For a job through a referral, record the start from the referral's page.")
            startForm(state, clientID: client.id)
        }
    }

    struct Forms: Sendable {
        var check: FormState
        var contact: FormState
        var progression: FormState
    }

    static func show(_ detail: JobStartQueries.Detail, viewer: Viewer, forms: Forms, notice: String?) -> String {
        let start = detail.jobStart
        let recordsOutcomes = viewer.role == .adviser || viewer.role == .administrator
        let clientNode: Node = if let name = detail.clientName, recordsOutcomes {
            link("\(name) (\(detail.clientReference))", to: "/clients/\(start.clientID)")
        } else if let name = detail.clientName {
            text("\(name) (\(detail.clientReference))")
        } else {
            text(detail.clientReference)
        }
        var facts: [(String, Node)] = [
            ("Client", clientNode),
            ("Employer", text(start.employerName)),
            ("Started", text(start.startedOn.ukDate)),
            ("Hours a week", text(String(start.hoursPerWeek))),
            ("Hourly pay", text(pounds(pence: start.hourlyPayPence))),
        ]
        if let referralID = detail.referralID { facts.append(("Came through", link("A referral to this vacancy", to: "/referrals/\(referralID)"))) }
        let outstanding = detail.milestones.filter { $0.check == nil }
        return Layout.page(title: "Job start: \(start.jobTitle)", viewer: viewer, section: .referrals, notice: notice) {
            el("span", .class("caption")) { "Job start" }
            heading(1, "\(start.jobTitle) at \(start.employerName)", class: "heading-l")
            summaryList(facts)

            heading(2, "Sustainment checks")
            table(
                caption: "Checks that the client is still in work",
                headers: ["Check", "Due", "Checked", "Still in work", "Note"],
                rows: detail.milestones.map { entry in
                    [
                        text(entry.milestone.label), text(entry.dueOn.ukDate),
                        entry.check.map { text($0.checkedOn.ukDate) } ?? (entry.isDue ? tag("Due", colour: "yellow") : tag("Not yet due", colour: "grey")),
                        text(entry.check.map { $0.stillInWork ? "Yes" : "No" } ?? ""),
                        text(entry.check?.note ?? ""),
                    ]
                })
            if recordsOutcomes, !outstanding.isEmpty {
                heading(3, "Record a check")
                Form.form(action: "/job-starts/\(start.id)/checks", state: forms.check, submit: "Record check") {
                    Form.radios("milestone", legend: "Which check", state: forms.check, options: outstanding.map {
                        (String($0.milestone.rawValue), "\($0.milestone.label) (due \($0.dueOn.ukDate))")
                    })
                    Form.input("checkedOn", label: "Date of the check", state: forms.check, type: "date", width: "10")
                    Form.radios("stillInWork", legend: "Is the client still in work?", state: forms.check, options: [("true", "Yes"), ("false", "No")])
                    Form.textarea("note", label: "Note (optional)", state: forms.check, rows: 3)
                }
            }

            heading(2, "In-work support")
            if detail.contacts.isEmpty {
                paragraph("No contacts recorded.")
            } else {
                table(
                    caption: "Contacts since the start",
                    headers: ["Date", "With", "Summary"],
                    rows: detail.contacts.map { [text($0.date.ukDate), text($0.withEmployer ? "Employer" : "Client"), text($0.summary)] })
            }
            heading(3, "Record a contact")
            Form.form(action: "/job-starts/\(start.id)/contacts", state: forms.contact, submit: "Record contact") {
                Form.input("contactedOn", label: "Date of contact", state: forms.contact, type: "date", width: "10")
                ProgrammeViews.checkbox("withEmployer", label: "The contact was with the employer", state: forms.contact)
                Form.textarea("summary", label: "Summary", state: forms.contact, rows: 3)
            }

            heading(2, "Progression")
            if detail.progressions.isEmpty {
                paragraph("No progression recorded.")
            } else {
                table(
                    caption: "Steps up in work",
                    headers: ["Date", "Kind", "Detail"],
                    rows: detail.progressions.map { [text($0.date.ukDate), text($0.kind.label), text($0.detail)] })
            }
            if recordsOutcomes {
                heading(3, "Record progression")
                Form.form(action: "/job-starts/\(start.id)/progressions", state: forms.progression, submit: "Record progression") {
                    Form.select("kind", label: "Kind of progression", state: forms.progression, options: ProgressionKind.options(\.label))
                    Form.input("progressedOn", label: "Date", state: forms.progression, type: "date", width: "10")
                    Form.textarea("detail", label: "Detail", state: forms.progression, rows: 3)
                }
            }
        }
    }
}
