import EscalatorCore
import Vapor

/// The home page: the journey's stages this user can work on.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home).needs(.useOwnAccount)
    }

    func home(req: Request) async throws -> Response {
        let viewer = try req.viewer
        let stages: [(NavSection, String)] = [
            (.clients, "Register residents, assess their skills and barriers, and plan their steps up the escalator."),
            (.employers, "Employers, their engagement with the partnership and their pledges."),
            (.vacancies, "Scope vacancies down to the skills they need, and find candidates."),
            (.programmes, "Courses and schemes from colleges, universities, providers and charities."),
            (.referrals, "Referrals to programmes and jobs, job starts, sustainment checks and progression."),
            (.insight, "Demand against supply of skills, job outcomes and the employment-rate gap."),
            (.taxonomy, "The shared skills taxonomy: occupations and the skills they need."),
            (.users, "The people who sign in: add them, reset their passwords, deactivate them and revoke their API tokens."),
            (.audit, "Who read or changed each client's record and why, and a check that nobody has tampered with that trail."),
        ]
        let html = Layout.page(title: "Home", viewer: viewer, section: .home) {
            heading(1, "West Midlands employment and skills", class: "heading-l")
            paragraph("One shared system that follows a resident from first contact to a job they keep.", class: "body lead")
            el("div", .class("grid")) {
                for (section, blurb) in stages where section.visible(to: viewer.role) {
                    el("div", .class("card")) {
                        el("h2", .class("heading-m")) { link(section.title, to: section.path) }
                        paragraph(blurb)
                    }
                }
            }
        }
        return .html(html)
    }
}
