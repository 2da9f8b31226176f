import EscalatorCore
import Foundation

/// The client pages, as pure functions of their data.
enum ClientViews {
    static func index(_ page: Page<ClientQueries.Row>, search: String?, viewer: Viewer, notice: String? = nil) -> String {
        Layout.page(title: "Clients", viewer: viewer, section: .clients, notice: notice) {
            heading(1, "Clients", class: "heading-l")
            if viewer.role == .adviser || viewer.role == .administrator {
                link("Register a client", to: "/clients/new", class: "button")
            }
            el("form", Attribute("method", "get"), Attribute("action", "/clients"), Attribute("role", "search")) {
                el("div", .class("form-group")) {
                    el("label", .class("label"), .for("q")) { "Search by reference, name or postcode" }
                    voidEl("input", .class("input input-20"), .id("q"), .name("q"), .type("search"), .value(search ?? ""))
                    el("button", .type("submit"), .class("button button-secondary")) { "Search" }
                }
            }
            table(
                caption: "\(page.total) clients",
                headers: ["Reference", "Name", "Ward", "Status", "Distance from work", "Registered"],
                rows: page.items.map { row in
                    [
                        link(row.client.reference, to: "/clients/\(row.client.id)"),
                        text(row.client.fullName),
                        text(row.wardName),
                        text(row.client.employmentStatus.label),
                        text(row.distanceFromWork.map { "\($0) of 100" } ?? "Not assessed"),
                        text(row.client.registeredAt.ukDate),
                    ]
                })
            Paginator.links(page, path: "/clients", query: [("q", search ?? "")])
        }
    }

    /// `showEqualityMonitoring`: only the client's own organisation and administrators see and record it.
    static func form(
        _ state: FormState, wards: [Ward], partners: [Organisation], viewer: Viewer, editing client: Client? = nil, showEqualityMonitoring: Bool
    ) -> String {
        let title = client == nil ? "Register a client" : "Correct \(client!.fullName)'s details"
        let action = client.map { "/clients/\($0.id)/edit" } ?? "/clients"
        return Layout.page(title: title, viewer: viewer, section: .clients,
                           breadcrumbs: [Breadcrumb("Clients", "/clients")]) {
            heading(1, title, class: "heading-l")
            paragraph("Record only what is needed to help the client into work. The client must agree before you register them.")
            Form.form(action: action, state: state, submit: client == nil ? "Register client" : "Save changes") {
                Form.input("givenName", label: "First name", state: state, width: "20")
                Form.input("familyName", label: "Last name", state: state, width: "20")
                Form.input("dateOfBirth", label: "Date of birth (optional)", state: state, type: "date", hint: "For example, 1990-03-27", width: "10")
                Form.input("email", label: "Email address (optional)", state: state, type: "email")
                Form.input("phone", label: "Phone number (optional)", state: state, type: "tel", width: "20")
                Form.input("postcode", label: "Postcode", state: state, width: "10")
                Form.select("wardID", label: "Ward", state: state, options: wards.map { ($0.id, $0.name + ($0.isTargetWard ? " (target ward)" : "")) })
                Form.select("employmentStatus", label: "Employment status", state: state, options: EmploymentStatus.options(\.label))
                Form.select("referralSource", label: "How the client came to us", state: state, options: ReferralSource.options(\.label))
                if client == nil {
                    Form.checkboxes(
                        "consentOrganisationIDs", legend: "The client agrees to share their record with",
                        state: state, options: partners.map { ($0.id.uuidString, $0.name) },
                        hint: "Purpose: employment support. The client can withdraw consent at any time.")
                }
                if showEqualityMonitoring { EqualityMonitoringViews.fieldset(state) }
            }
        }
    }

    static func show(_ detail: ClientQueries.Detail, taxonomy: Taxonomy, partners: [Organisation], viewer: Viewer, notice: String?) -> String {
        let client = detail.client
        let canChange = viewer.role == .adviser || viewer.role == .administrator
        let isCaseOwner = ClientAccess.mayAsCaseOwner(.correctClientRecord, client, role: viewer.role, organisationID: viewer.organisationID)
        return Layout.page(title: client.fullName, viewer: viewer, section: .clients,
                           breadcrumbs: [Breadcrumb("Clients", "/clients")], notice: notice) {
            el("span", .class("caption")) { "Client \(client.reference)" }
            heading(1, client.fullName, class: "heading-l")
            if canChange {
                el("p") {
                    link("Assess", to: "/clients/\(client.id)/assessments/new", class: "button")
                    " "
                    link("Find jobs and programmes", to: "/clients/\(client.id)/matches", class: "button button-secondary")
                    if isCaseOwner {
                        " "
                        link("Correct details", to: "/clients/\(client.id)/edit", class: "button button-secondary")
                    }
                }
            }
            summaryList([
                ("Reference", client.reference),
                ("Date of birth", client.dateOfBirth?.ukDate ?? "Not recorded"),
                ("Email", client.email ?? "Not recorded"),
                ("Phone", client.phone ?? "Not recorded"),
                ("Postcode", client.postcode),
                ("Ward", (detail.ward?.name ?? client.wardID) + (detail.ward?.isTargetWard == true ? " (target ward)" : "")),
                ("Employment status", client.employmentStatus.label),
                ("Came to us through", client.referralSource.label),
                ("Registered by", detail.organisationName),
                ("Case owner", detail.caseOwnerName ?? "None"),
                ("Registered on", client.registeredAt.ukDate),
            ])
            if isCaseOwner {
                el("p") { link("Who has seen or changed this record (audit trail)", to: "/clients/\(client.id)/audit") }
            }
            if detail.view.equalityMonitoring { EqualityMonitoringViews.section(client.equalityMonitoring) }
            distanceFromWork(detail, taxonomy: taxonomy)
            if let withheld = SpecialCategoryViews.withheldNotice(detail.view) { withheld }
            consents(detail, partners: partners, viewer: viewer, canChange: isCaseOwner)
            assessments(detail)
            if canChange {
                heading(2, "Plan a pathway")
                PathwayViews.chooser(clientID: client.id, taxonomy: taxonomy,
                                     state: FormState(values: ["objective": PathwayObjective.weeksToJobReady.rawValue], csrfToken: viewer.csrfToken))
            }
            ReferralViews.clientReferrals(detail.referrals, jobStarts: detail.jobStarts, clientID: client.id, canChange: canChange)
            PrivacyViews.clientRights(clientID: client.id, answersRequests: detail.view == .everything, viewer: viewer)
        }
    }

    static func distanceFromWork(_ detail: ClientQueries.Detail, taxonomy: Taxonomy) -> Node {
        guard let score = detail.latestScore, let latest = detail.assessments.first else {
            return fragment {
                heading(2, "Distance from work")
                paragraph("Not yet assessed.")
            }
        }
        return AssessmentViews.scoreAndPlan(score: score, assessment: latest, taxonomy: taxonomy)
    }

    static func consents(_ detail: ClientQueries.Detail, partners: [Organisation], viewer: Viewer, canChange: Bool) -> Node {
        fragment {
            heading(2, "Consent to share")
            table(
                caption: "Organisations the client has agreed to share with",
                headers: ["Organisation", "Purpose", "Given", "Status", ""],
                rows: detail.consents.map { entry in
                    [
                        text(entry.organisationName), text(entry.consent.purposeLabel), text(entry.consent.givenAt.ukDate),
                        entry.consent.isActive ? tag("Active", colour: "green") : tag("Withdrawn \(entry.consent.withdrawnAt!.ukDate)", colour: "grey"),
                        canChange && entry.consent.isActive
                            ? Form.actionButton("Withdraw", action: "/clients/\(detail.client.id)/consents/\(entry.id)/withdraw", csrfToken: viewer.csrfToken)
                            : .empty,
                    ]
                })
            paragraph("Another organisation sees this record only while a consent to it stands; withdrawing one takes effect at once, including for referrals still open. Employers get a candidate's name and contact details only when the client accepts a referral to their vacancy.",
                      class: "body secondary-text")
            if canChange, !partners.isEmpty {
                let state = FormState(values: ["purpose": ClientService.defaultPurpose.rawValue], csrfToken: viewer.csrfToken)
                el("form", Attribute("method", "post"), Attribute("action", "/clients/\(detail.client.id)/consents")) {
                    voidEl("input", .type("hidden"), .name("_csrf"), .value(viewer.csrfToken))
                    Form.select("organisationID", label: "Record consent to share with", state: state,
                                options: partners.map { ($0.id.uuidString, $0.name) })
                    Form.select("purpose", label: "For the purpose of", state: state, options: ConsentPurpose.options(\.label), prompt: nil)
                    el("button", .type("submit"), .class("button button-secondary")) { "Record consent" }
                }
            }
        }
    }

    static func assessments(_ detail: ClientQueries.Detail) -> Node {
        fragment {
            heading(2, "Assessments")
            if detail.assessments.isEmpty {
                paragraph("No assessments yet.")
            } else {
                table(
                    caption: "Assessments, latest first",
                    headers: ["Date", "Highest qualification", "Skills", "Barriers", ""],
                    rows: detail.assessments.map { a in
                        [
                            text(a.assessedOn.ukDate), text(a.highestQualification.shortLabel), text(String(a.skills.count)),
                            text(String(a.barriers.count)),
                            link("View", to: "/clients/\(detail.client.id)/assessments/\(a.id)"),
                        ]
                    })
            }
        }
    }
}
