import EscalatorCore
import Foundation

/// Who is looking at a page, as much as the page chrome needs.
public struct Viewer: Sendable {
    public var displayName: String
    public var role: Role
    public var organisationName: String
    public var csrfToken: String
    /// The viewer's organisation, for pages that offer more to the organisation that owns a record.
    public var organisationID: UUID?

    public init(displayName: String, role: Role, organisationName: String, csrfToken: String, organisationID: UUID? = nil) {
        self.displayName = displayName
        self.role = role
        self.organisationName = organisationName
        self.csrfToken = csrfToken
        self.organisationID = organisationID
    }
}

public struct Breadcrumb: Sendable {
    public var title: String
    public var href: String

    public init(_ title: String, _ href: String) {
        self.title = title
        self.href = href
    }
}

/// The page chrome: header, the journey's navigation for the viewer's role, breadcrumbs and main content.
public enum Layout {
    public static func page(
        title: String, viewer: Viewer?, section: NavSection? = nil, breadcrumbs: [Breadcrumb] = [],
        notice: String? = nil, @NodeBuilder content: () -> [Node]
    ) -> String {
        let body = content()
        let document = fragment {
            Node.raw("<!DOCTYPE html>")
            el("html", Attribute("lang", "en-GB")) {
                el("head") {
                    voidEl("meta", Attribute("charset", "utf-8"))
                    voidEl("meta", .name("viewport"), Attribute("content", "width=device-width, initial-scale=1"))
                    el("title") { "\(title) – Escalator" }
                    voidEl("link", Attribute("rel", "stylesheet"), .href("/styles.css"))
                }
                el("body") {
                    link("Skip to main content", to: "#main", class: "skip-link")
                    header(viewer: viewer)
                    if let viewer { navigation(for: viewer.role, current: section) }
                    el("div", .class("width-container")) {
                        el("p", .class("phase-banner")) {
                            tag("Synthetic data", colour: "blue")
                            " Every resident, employer and figure in this service is synthetic."
                        }
                        if !breadcrumbs.isEmpty {
                            el("nav", .class("breadcrumbs"), .aria("label", "Breadcrumb")) {
                                el("ol") {
                                    for crumb in breadcrumbs { el("li") { link(crumb.title, to: crumb.href) } }
                                }
                            }
                        }
                        el("main", .id("main"), Attribute("role", "main")) {
                            if let notice {
                                el("div", .class("notification"), Attribute("role", "status")) { notice }
                            }
                            body
                        }
                    }
                    el("footer", .class("footer")) {
                        el("div", .class("width-container")) {
                            "Escalator — the West Midlands Integrated Employment and Skills System. "
                            link("API documentation (OpenAPI)", to: "/api/v1/openapi.json")
                            " · "
                            link("How our algorithms work", to: "/transparency")
                            if viewer != nil {
                                " · "
                                link("How we use personal data", to: "/privacy/processing")
                            }
                        }
                    }
                }
            }
        }
        return document.render()
    }

    static func header(viewer: Viewer?) -> Node {
        el("header", .class("header")) {
            el("div", .class("width-container header-inner")) {
                link("Escalator", to: "/", class: "header-logo")
                if let viewer {
                    el("div", .class("header-user")) {
                        el("span") { "\(viewer.displayName), \(viewer.role.label), \(viewer.organisationName)" }
                        link("Your account", to: "/account")
                        Form.actionButton("Sign out", action: "/sign-out", csrfToken: viewer.csrfToken)
                    }
                }
            }
        }
    }

    static func navigation(for role: Role, current: NavSection?) -> Node {
        el("nav", .class("service-nav"), .aria("label", "Journey")) {
            el("ul", .class("width-container")) {
                for section in NavSection.allCases where section.visible(to: role) {
                    el("li", section == current ? [.class("current")] : []) {
                        el("a", section == current ? [.href(section.path), .aria("current", "page")] : [.href(section.path)]) {
                            section.title
                        }
                    }
                }
            }
        }
    }
}

/// The journey's stages as the navigation shows them.
public enum NavSection: String, CaseIterable, Sendable {
    case home, clients, employers, vacancies, programmes, referrals, insight, taxonomy, audit, users

    public var title: String {
        switch self {
        case .home: "Home"
        case .clients: "Clients"
        case .employers: "Employers"
        case .vacancies: "Vacancies"
        case .programmes: "Programmes"
        case .referrals: "Referrals and outcomes"
        case .insight: "Insight"
        case .taxonomy: "Skills taxonomy"
        case .audit: "Audit trail"
        case .users: "Users"
        }
    }

    public var path: String {
        switch self {
        case .home: "/"
        case .users: "/admin/users"
        default: "/\(rawValue)"
        }
    }

    public func visible(to role: Role) -> Bool {
        switch (self, role) {
        case (.home, _), (.taxonomy, _), (_, .administrator): true
        case (.clients, .adviser), (.employers, .adviser), (.vacancies, .adviser), (.programmes, .adviser),
             (.referrals, .adviser), (.insight, .adviser):
            true
        case (.vacancies, .employer), (.employers, .employer), (.programmes, .employer), (.referrals, .employer): true
        case (.programmes, .provider), (.referrals, .provider): true
        case (.insight, .analyst): true
        default: false
        }
    }
}
