import EscalatorCore
import Foundation

/// The referral pages, as pure functions of their data.
extension ReferralViews {
    static func kindLabel(_ kind: ReferralKind) -> String { kind == .programme ? "Programme" : "Vacancy" }

    static func index(_ page: Page<ReferralQueries.Row>, filter: ReferralQueries.Filter, viewer: Viewer) -> String {
        let filterState = FormState(values: ["status": filter.status?.rawValue ?? "", "kind": filter.kind?.rawValue ?? ""],
                                    csrfToken: viewer.csrfToken)
        return Layout.page(title: "Referrals", viewer: viewer, section: .referrals) {
            heading(1, "Referrals", class: "heading-l")
            if viewer.role == .employer {
                paragraph("Candidates referred to your vacancies, each under a reference for that vacancy. You see a candidate's name and contact details once they accept the referral, for as long as they consent to share them with you.")
            }
            el("form", Attribute("method", "get"), Attribute("action", "/referrals"), Attribute("role", "search")) {
                Form.select("status", label: "Status", state: filterState, options: ReferralStatus.options(\.label), prompt: "Any status")
                Form.select("kind", label: "Referred to", state: filterState,
                            options: ReferralKind.allCases.map { ($0.rawValue, kindLabel($0)) }, prompt: "Programmes and vacancies")
                el("button", .type("submit"), .class("button button-secondary")) { "Filter referrals" }
            }
            table(
                caption: "\(page.total) referrals",
                headers: ["Client", "To", "With", "Kind", "Status", "Last change", "Client's details"],
                rows: page.items.map { row in
                    [
                        text(row.person.reference),
                        link(row.targetTitle, to: "/referrals/\(row.referral.id)"),
                        text(row.targetOwner),
                        text(kindLabel(row.referral.target.kind)),
                        statusTag(row.referral.status),
                        text(row.referral.history.last?.at.ukDate ?? ""),
                        row.person.name.map { text($0) } ?? sharingTag(row.person),
                    ]
                })
            Paginator.links(page, path: "/referrals", query: filter.queryItems)
        }
    }

    static func show(_ detail: ReferralQueries.Detail, viewer: Viewer, statusState: FormState,
                     jobStartState: FormState?, notice: String?) -> String {
        let referral = detail.referral
        let row = detail.row
        let targetLink: Node = switch referral.target {
        case .programme(let programmeID, _): link(row.targetTitle, to: "/programmes/\(programmeID)")
        case .vacancy(let vacancyID): link(row.targetTitle, to: "/vacancies/\(vacancyID)")
        }
        let person = detail.person
        let clientNode: Node = if let name = person.name, let clientID = person.clientID {
            link("\(name) (\(person.reference))", to: "/clients/\(clientID)")
        } else if let name = person.name {
            text("\(name) (\(person.reference))")
        } else {
            fragment {
                text(person.reference)
                " "
                sharingTag(person)
            }
        }
        var facts: [(String, Node)] = [("Client", clientNode)]
        if viewer.role == .employer || viewer.role == .provider, person.isShown {
            facts.append(("Email", text(person.email ?? "Not recorded")))
            facts.append(("Phone", text(person.phone ?? "Not recorded")))
        }
        facts += [
            ("Referred to", targetLink),
            (referral.target.kind == .programme ? "Provider" : "Employer", text(row.targetOwner)),
        ]
        if let cohort = detail.cohort {
            facts.append(("Cohort", text("Starts \(cohort.startsOn.ukDate): \(cohort.enrolled) of \(cohort.capacity) places taken")))
        }
        if let vacancy = detail.vacancy {
            facts.append(("Job", text("\(vacancy.hoursPerWeek) hours a week at \(pounds(pence: vacancy.hourlyPayPence)) an hour; closes \(vacancy.closingDate.ukDate)")))
        }
        facts.append(("Status", statusTag(referral.status)))
        facts.append(("Referred on", text(referral.history.first?.at.ukDate ?? "")))
        return Layout.page(title: "Referral to \(row.targetTitle)", viewer: viewer, section: .referrals,
                           breadcrumbs: [Breadcrumb("Referrals", "/referrals")], notice: notice) {
            el("span", .class("caption")) { "Referral to a \(referral.target.kind.rawValue)" }
            heading(1, row.targetTitle, class: "heading-l")
            summaryList(facts)
            if let needs = detail.supportNeeds { SpecialCategoryViews.supportNeeds(needs) }
            heading(2, "History")
            table(
                caption: "Status changes, oldest first",
                headers: ["Status", "Date", "By", "Note"],
                rows: detail.history.map { entry in
                    [statusTag(entry.change.status), text(entry.change.at.ukDate), text(entry.byName ?? "Unknown"), text(entry.change.note)]
                })
            if viewer.role == .employer, !person.isShown {
                paragraph(person.visibility == .notAccepted
                    ? "The candidate has not accepted this referral. You will see their name and contact details if they do."
                    : "The candidate no longer consents to share their details with you, so only their reference is shown.")
            }
            heading(2, "Move this referral on")
            if detail.allowedNext.isEmpty {
                paragraph(referral.status == .proposed
                    ? "Proposed to the client: their adviser records whether they accept."
                    : "This referral is closed: it cannot move on from \(referral.status.label.lowercased()).")
            } else {
                Form.form(action: "/referrals/\(referral.id)/status", state: statusState, submit: "Save status") {
                    Form.radios("status", legend: referral.status == .proposed ? "The client's answer" : "New status", state: statusState,
                                options: detail.allowedNext.map { ($0.rawValue, moveLabel(from: referral.status, to: $0)) })
                    Form.textarea("note", label: "Note (optional)", state: statusState, rows: 3)
                }
            }
            if referral.target.kind == .vacancy, referral.status == .started {
                heading(2, "Job start")
                if let jobStartID = detail.jobStartID {
                    el("p") { link("Sustainment checks, in-work support and progression", to: "/job-starts/\(jobStartID)") }
                } else if let jobStartState {
                    paragraph("The client has started this job. Record the start to follow up at 13, 26 and 52 weeks.")
                    JobStartViews.startForm(jobStartState, clientID: referral.clientID)
                } else {
                    paragraph("The client's adviser records the job start.")
                }
            }
        }
    }

    /// How a move reads on the form: answering a proposal is the client's acceptance or refusal.
    static func moveLabel(from current: ReferralStatus, to next: ReferralStatus) -> String {
        switch (current, next) {
        case (.proposed, .applied): "Client accepts: share their name and contact details with the employer"
        case (.proposed, .withdrawn): "Client declines"
        default: next.label
        }
    }

    /// Why the viewer sees only a reference.
    static func sharingTag(_ person: ReferredPerson) -> Node {
        person.isShown ? .empty : tag(person.visibility.label, colour: "grey")
    }

    /// The adviser's confirmation that the client agrees to share with the programme's provider, needed
    /// unless a consent to that provider already stands.
    static func consentCheckbox(_ state: FormState) -> Node {
        let name = "consentConfirmed"
        let error = state.error(name)
        let checked = ["true", "on", "yes", "1"].contains(state.value(name).lowercased())
        return el("div", .class(error == nil ? "form-group" : "form-group form-group-error")) {
            if let error { el("p", .class("error-message")) { error } }
            el("div", .class("checkbox")) {
                voidEl("input", [.type("checkbox"), .id(Form.fieldID(name)), .name(name), .value("true")] + (checked ? [.flag("checked")] : []))
                el("label", .for(Form.fieldID(name))) {
                    "The client agrees to share their details with the programme's provider for a training referral (needed unless they already consent to share with that provider)"
                }
            }
        }
    }

    static func new(client: Client, choices: ReferralQueries.Choices, search: String?, programmeState: FormState,
                    vacancyState: FormState, viewer: Viewer) -> String {
        Layout.page(title: "Make a referral", viewer: viewer, section: .referrals,
                    breadcrumbs: [Breadcrumb("Clients", "/clients"), Breadcrumb(client.fullName, "/clients/\(client.id)")]) {
            el("span", .class("caption")) { "Client \(client.reference)" }
            heading(1, "Refer \(client.fullName)", class: "heading-l")
            el("p") { link("See the best matches for this client", to: "/clients/\(client.id)/matches") }
            el("form", Attribute("method", "get"), Attribute("action", "/referrals/new"), Attribute("role", "search")) {
                voidEl("input", .type("hidden"), .name("clientID"), .value(client.id.uuidString))
                Form.input("q", label: "Programme or vacancy title contains", state: FormState(values: ["q": search ?? ""], csrfToken: viewer.csrfToken),
                           type: "search", width: "20")
                el("button", .type("submit"), .class("button button-secondary")) { "Search" }
            }
            heading(2, "Refer to a programme")
            if choices.moreCohorts { paragraph("Showing the first \(ReferralQueries.Choices.limit) cohorts. Search by title to narrow the list.") }
            Form.form(action: "/referrals", state: programmeState, submit: "Refer to programme") {
                voidEl("input", .type("hidden"), .name("clientID"), .value(client.id.uuidString))
                voidEl("input", .type("hidden"), .name("returnTo"), .value("/clients/\(client.id)"))
                Form.select("cohortID", label: "Cohort with free places", state: programmeState,
                            options: choices.cohorts.map { ($0.id.uuidString, $0.label) })
                consentCheckbox(programmeState)
            }
            heading(2, "Refer to a vacancy")
            if choices.moreVacancies { paragraph("Showing the \(ReferralQueries.Choices.limit) vacancies closing soonest. Search by title to narrow the list.") }
            Form.form(action: "/referrals", state: vacancyState, submit: "Refer to vacancy") {
                voidEl("input", .type("hidden"), .name("clientID"), .value(client.id.uuidString))
                voidEl("input", .type("hidden"), .name("returnTo"), .value("/clients/\(client.id)"))
                Form.select("vacancyID", label: "Open vacancy", state: vacancyState,
                            options: choices.vacancies.map { ($0.id.uuidString, $0.label) })
            }
        }
    }
}
