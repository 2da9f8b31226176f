import EscalatorCore
import Foundation

/// The account pages, as pure functions of their data.
enum AccountViews {
    static func show(_ user: AuthenticatedUser, lastSignedInAt: Date?, viewer: Viewer, notice: String?) -> String {
        Layout.page(title: "Your account", viewer: viewer, notice: notice) {
            heading(1, "Your account", class: "heading-l")
            summaryList([
                ("Name", user.displayName),
                ("Email address", user.email),
                ("Role", user.role.label),
                ("Organisation", user.organisationName),
                ("Last signed in", lastSignedInAt.map(dateTime) ?? "Not recorded"),
            ])
            el("p") {
                link("Change your password", to: RequireChosenPassword.changePath, class: "button")
                " "
                link("API tokens", to: "/account/tokens", class: "button button-secondary")
            }
        }
    }

    static func passwordForm(_ state: FormState, forced: Bool, viewer: Viewer) -> String {
        let title = forced ? "Choose a new password" : "Change your password"
        return Layout.page(title: title, viewer: viewer, breadcrumbs: forced ? [] : [Breadcrumb("Your account", "/account")]) {
            heading(1, title, class: "heading-l")
            if forced {
                el("div", .class("inset")) {
                    paragraph("An administrator has given you a temporary password. Choose your own before you continue.")
                }
            }
            Form.form(action: RequireChosenPassword.changePath, state: state, submit: "Change password") {
                Form.input("currentPassword", label: forced ? "Temporary password" : "Current password", state: state, type: "password",
                           extra: [Attribute("autocomplete", "current-password")])
                Form.input("newPassword", label: "New password", state: state, type: "password",
                           hint: "At least \(PasswordRules.minimumLength) characters. Not a common password, and not your email address. Three random words work well.",
                           extra: [Attribute("autocomplete", "new-password")])
                Form.input("confirmPassword", label: "New password again", state: state, type: "password",
                           extra: [Attribute("autocomplete", "new-password")])
            }
        }
    }

    static func tokens(_ page: Page<TokenInfo>, issued: TokenService.Issued?, state: FormState, viewer: Viewer, notice: String?) -> String {
        Layout.page(title: "API tokens", viewer: viewer, breadcrumbs: [Breadcrumb("Your account", "/account")], notice: notice) {
            heading(1, "API tokens", class: "heading-l")
            if let issued {
                el("div", .class("notification"), Attribute("role", "status")) {
                    el("p", .class("body")) { "Your new token “\(issued.info.name)”. Copy it now: it is not stored and will not be shown again." }
                    el("p") { el("code", .class("secret")) { issued.token } }
                    el("p", .class("body")) { "Send it as the header Authorization: Bearer followed by the token. It expires on \(issued.info.expiresAt.ukDate)." }
                }
            }
            paragraph("Programs use a token to call the API as you. A read-only token can look but not change anything. Revoke a token you no longer use.")
            tokenTable(page, csrfToken: viewer.csrfToken) { "/account/tokens/\($0.id)/revoke" }
            Paginator.links(page, path: "/account/tokens")
            heading(2, "Create a token")
            Form.form(action: "/account/tokens", state: state, submit: "Create token") {
                Form.input("name", label: "Name", state: state, hint: "What will use it, for example “weekly report script”.", width: "20")
                Form.radios("scope", legend: "What it may do", state: state, options: TokenScope.options(\.label))
            }
        }
    }

    /// Tokens with a Revoke button on each live one; `revokePath` gives the button's action.
    static func tokenTable(_ page: Page<TokenInfo>, csrfToken: String, revokePath: (TokenInfo) -> String) -> Node {
        table(
            caption: "\(page.total) token\(page.total == 1 ? "" : "s")",
            headers: ["Name", "May", "Created", "Expires", "Last used", "Status", ""],
            rows: page.items.map { token in
                [
                    text(token.name), text(token.scope.label), text(token.createdAt.ukDate), text(token.expiresAt.ukDate),
                    text(token.lastUsedAt.map(\.ukDate) ?? "Never"),
                    statusTag(token.status),
                    token.status == .active ? Form.actionButton("Revoke", action: revokePath(token), csrfToken: csrfToken) : .empty,
                ]
            })
    }

    static func statusTag(_ status: TokenInfo.Status) -> Node {
        switch status {
        case .active: tag("Active", colour: "green")
        case .expired: tag("Expired", colour: "grey")
        case .revoked: tag("Revoked", colour: "red")
        }
    }

    static func dateTime(_ date: Date) -> String {
        let c = Calendar.utc.dateComponents([.hour, .minute], from: date)
        return date.ukDate + String(format: " at %02d:%02d UTC", c.hour ?? 0, c.minute ?? 0)
    }
}
