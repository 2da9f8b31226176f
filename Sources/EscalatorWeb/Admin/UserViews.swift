import EscalatorCore
import Foundation

/// The user-management pages, as pure functions of their data.
enum UserViews {
    static func index(_ page: Page<UserQueries.Row>, search: String?, viewer: Viewer) -> String {
        Layout.page(title: "Users", viewer: viewer, section: .users) {
            heading(1, "Users", class: "heading-l")
            link("Add a user", to: "/admin/users/new", class: "button")
            el("form", Attribute("method", "get"), Attribute("action", "/admin/users"), Attribute("role", "search")) {
                el("div", .class("form-group")) {
                    el("label", .class("label"), .for("q")) { "Search by email or name" }
                    voidEl("input", .class("input input-20"), .id("q"), .name("q"), .type("search"), .value(search ?? ""))
                    el("button", .type("submit"), .class("button button-secondary")) { "Search" }
                }
            }
            table(
                caption: "\(page.total) user\(page.total == 1 ? "" : "s")",
                headers: ["Name", "Email", "Role", "Organisation", "Status", "Last signed in"],
                rows: page.items.map { row in
                    [
                        link(row.displayName, to: "/admin/users/\(row.id)"), text(row.email), text(row.role.label),
                        text(row.organisationName), status(row), text(row.lastSignedInAt.map(AccountViews.dateTime) ?? "Never"),
                    ]
                })
            Paginator.links(page, path: "/admin/users", query: [("q", search ?? "")])
        }
    }

    static func status(_ row: UserQueries.Row) -> Node {
        if !row.active { return tag("Deactivated", colour: "grey") }
        if row.mustChangePassword { return tag("Temporary password", colour: "yellow") }
        return tag("Active", colour: "green")
    }

    static func form(_ state: FormState, organisations: [Organisation], viewer: Viewer) -> String {
        Layout.page(title: "Add a user", viewer: viewer, section: .users, breadcrumbs: [Breadcrumb("Users", "/admin/users")]) {
            heading(1, "Add a user", class: "heading-l")
            paragraph("They get a temporary password, shown to you once, and choose their own when they first sign in.")
            Form.form(action: "/admin/users", state: state, submit: "Add user") {
                Form.input("displayName", label: "Name", state: state, width: "20")
                Form.input("email", label: "Email address", state: state, type: "email", extra: [Attribute("autocomplete", "off")])
                Form.select("role", label: "Role", state: state, options: Role.options(\.label))
                Form.select("organisationID", label: "Organisation", state: state,
                            options: organisations.map { ($0.id.uuidString, "\($0.name) (\($0.kind.label.lowercased()))") })
            }
        }
    }

    static func show(_ user: UserQueries.Row, tokens: Page<TokenInfo>, isSelf: Bool, viewer: Viewer, notice: String?) -> String {
        Layout.page(title: user.displayName, viewer: viewer, section: .users, breadcrumbs: [Breadcrumb("Users", "/admin/users")], notice: notice) {
            heading(1, user.displayName, class: "heading-l")
            summaryList([
                ("Email address", text(user.email)),
                ("Role", text(user.role.label)),
                ("Organisation", text(user.organisationName)),
                ("Status", status(user)),
                ("Last signed in", text(user.lastSignedInAt.map(AccountViews.dateTime) ?? "Never")),
            ])
            if isSelf {
                paragraph("This is you. Change your own password from your account.")
            } else {
                el("p") {
                    Form.actionButton("Reset password", action: "/admin/users/\(user.id)/reset-password", csrfToken: viewer.csrfToken, secondary: false)
                    " "
                    if user.active {
                        Form.actionButton("Deactivate", action: "/admin/users/\(user.id)/deactivate", csrfToken: viewer.csrfToken)
                    } else {
                        Form.actionButton("Reactivate", action: "/admin/users/\(user.id)/reactivate", csrfToken: viewer.csrfToken)
                    }
                }
                paragraph("Resetting gives them a temporary password to choose their own with, ends their sessions and revokes their API tokens. Deactivating stops them signing in and revokes their tokens.")
            }
            heading(2, "API tokens")
            AccountViews.tokenTable(tokens, csrfToken: viewer.csrfToken) { "/admin/users/\(user.id)/tokens/\($0.id)/revoke" }
            Paginator.links(tokens, path: "/admin/users/\(user.id)")
        }
    }

    static func temporaryPassword(_ result: UserService.WithPassword, isNew: Bool, viewer: Viewer) -> String {
        let user = result.user
        let title = isNew ? "User added" : "Password reset"
        return Layout.page(title: title, viewer: viewer, section: .users, breadcrumbs: [Breadcrumb("Users", "/admin/users")]) {
            heading(1, title, class: "heading-l")
            el("div", .class("notification"), Attribute("role", "status")) {
                el("p", .class("body")) { "Temporary password for \(user.displayName) (\(user.email)):" }
                el("p") { el("code", .class("secret")) { result.temporaryPassword } }
                el("p", .class("body")) { "Give it to them in person or by phone, not by email. It is shown only this once. They must choose their own password when they sign in with it." }
            }
            link("Back to \(user.displayName)", to: "/admin/users/\(user.id)")
        }
    }
}
