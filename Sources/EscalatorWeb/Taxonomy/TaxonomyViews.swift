import EscalatorCore
import Foundation

/// The taxonomy pages, as pure functions of their data.
enum TaxonomyViews {
    static let breadcrumbs = [Breadcrumb("Skills taxonomy", TaxonomyPaths.occupations)]

    static func occupations(_ page: Page<TaxonomyQueries.OccupationRow>?, state: FormState, viewer: Viewer) -> String {
        Layout.page(title: state.errors.isEmpty ? "Skills taxonomy" : "Error: Skills taxonomy", viewer: viewer, section: .taxonomy) {
            heading(1, "Skills taxonomy", class: "heading-l")
            paragraph("The shared classification every partner uses: occupations, the skills each needs, and the skills, licences and checks they are made of.")
            el("p", .class("body")) { link("Browse skills, licences and checks", to: TaxonomyPaths.skills) }
            el("form", Attribute("method", "get"), Attribute("action", TaxonomyPaths.occupations), Attribute("role", "search")) {
                Form.errorSummary(state.errors)
                Form.input("q", label: "Search occupations by name or SOC 2020 code", state: state, type: "search", width: "20")
                Form.select("sector", label: "Sector", state: state, options: Sector.allCases.map { ($0.rawValue, $0.label) }, prompt: "All sectors")
                el("button", .type("submit"), .class("button button-secondary")) { "Find occupations" }
            }
            if let page {
                table(
                    caption: "\(page.total) occupations",
                    headers: ["Occupation", "SOC 2020 code", "Sector", "Essential skills", "Optional skills"],
                    rows: page.items.map { row in
                        [
                            link(row.name, to: TaxonomyPaths.occupation(row.id)),
                            text(row.socCode ?? "Not assigned"),
                            text(sectorLabel(row.sector)),
                            text(String(row.essentialSkillCount)),
                            text(String(row.optionalSkillCount)),
                        ]
                    },
                    numericColumns: [3, 4])
                Paginator.links(page, path: TaxonomyPaths.occupations, query: [("q", state.value("q")), ("sector", state.value("sector"))])
            }
        }
    }

    static func occupation(_ detail: TaxonomyQueries.OccupationDetail, viewer: Viewer) -> String {
        Layout.page(title: detail.name, viewer: viewer, section: .taxonomy, breadcrumbs: breadcrumbs) {
            el("span", .class("caption")) { "Occupation" }
            heading(1, detail.name, class: "heading-l")
            if !detail.description.isEmpty { paragraph(detail.description) }
            summaryList([
                ("SOC 2020 code", detail.socCode ?? "Not assigned"),
                ("Sector", sectorLabel(detail.sector)),
                ("Typical qualification", detail.typicalQualificationLabel),
                ("Live vacancies", String(detail.liveVacancies)),
                ("Taxonomy id", detail.id),
            ])
            skillTable("Essential skills", detail.essentialSkills, empty: "No essential skills are recorded.")
            skillTable("Optional skills", detail.optionalSkills, empty: "No optional skills are recorded.")
        }
    }

    static func skillTable(_ title: String, _ lines: [TaxonomyQueries.SkillLine], empty: String) -> Node {
        fragment {
            heading(2, title)
            if lines.isEmpty {
                paragraph(empty)
            } else {
                table(
                    caption: "\(title) and the level a new starter usually needs",
                    headers: ["Skill", "Kind", "Level"],
                    rows: lines.map { line in
                        [link(line.name, to: TaxonomyPaths.skill(line.skillID)), text(line.kind?.label ?? "Not in the taxonomy"), text(line.levelLabel)]
                    })
            }
        }
    }

    static func skills(_ page: Page<Skill>?, state: FormState, viewer: Viewer) -> String {
        Layout.page(title: state.errors.isEmpty ? "Skills, licences and checks" : "Error: Skills, licences and checks",
                    viewer: viewer, section: .taxonomy, breadcrumbs: breadcrumbs) {
            heading(1, "Skills, licences and checks", class: "heading-l")
            paragraph("Basic skills every programme needs, the licences and checks vacancies ask for, and occupational skills by sector.")
            el("form", Attribute("method", "get"), Attribute("action", TaxonomyPaths.skills), Attribute("role", "search")) {
                Form.errorSummary(state.errors)
                Form.input("q", label: "Search skills by name", state: state, type: "search", width: "20")
                Form.select("kind", label: "Kind", state: state, options: Skill.Kind.allCases.map { ($0.rawValue, $0.label) }, prompt: "All kinds")
                Form.select("sector", label: "Sector", state: state, options: Sector.allCases.map { ($0.rawValue, $0.label) }, prompt: "All sectors")
                el("button", .type("submit"), .class("button button-secondary")) { "Find skills" }
            }
            if let page {
                paragraph("\(page.total) skills found.")
                for group in groups(page.items) {
                    heading(2, group.title)
                    table(
                        caption: "\(group.title): \(group.skills.count) on this page",
                        headers: ["Skill", "Description"],
                        rows: group.skills.map { [link($0.name, to: TaxonomyPaths.skill($0.id)), text($0.description)] })
                }
                Paginator.links(page, path: TaxonomyPaths.skills,
                                query: [("q", state.value("q")), ("kind", state.value("kind")), ("sector", state.value("sector"))])
            }
        }
    }

    /// Consecutive skills under one heading: a kind, and for occupational skills a sector too.
    static func groups(_ skills: [Skill]) -> [(title: String, skills: [Skill])] {
        var groups: [(title: String, skills: [Skill])] = []
        for skill in skills {
            let title = skill.kind == .occupational ? "\(skill.kind.label): \(sectorLabel(skill.sector).lowercased())" : skill.kind.label
            if groups.last?.title == title { groups[groups.count - 1].skills.append(skill) } else { groups.append((title, [skill])) }
        }
        return groups
    }

    static func skill(_ detail: TaxonomyQueries.SkillDetail, viewer: Viewer) -> String {
        let skill = detail.skill
        return Layout.page(title: skill.name, viewer: viewer, section: .taxonomy,
                           breadcrumbs: breadcrumbs + [Breadcrumb("Skills", TaxonomyPaths.skills)]) {
            el("span", .class("caption")) { skill.kind.label }
            heading(1, skill.name, class: "heading-l")
            if !skill.description.isEmpty { paragraph(skill.description) }
            summaryList([
                ("Kind", skill.kind.label),
                ("Sector", sectorLabel(skill.sector)),
                ("Taxonomy id", skill.id),
            ])
            heading(2, "Occupations that need it")
            if detail.occupations.isEmpty {
                paragraph("No occupation in the taxonomy lists this skill.")
            } else {
                table(
                    caption: "\(detail.occupations.count) occupations need this skill",
                    headers: ["Occupation", "Sector", "Essential or optional", "Level"],
                    rows: detail.occupations.map { use in
                        [link(use.name, to: TaxonomyPaths.occupation(use.occupationID)), text(sectorLabel(use.sector)),
                         text(use.importance.capitalized), text(use.levelLabel)]
                    })
            }
            heading(2, "Programmes that teach it")
            paragraph(programmeSummary(detail, role: viewer.role))
            if !detail.programmes.isEmpty {
                table(
                    caption: "Programmes teaching this skill",
                    headers: ["Programme", "Provider", "Type", "Level reached"],
                    rows: detail.programmes.map { [text($0.title), text($0.providerName), text($0.type.label), text($0.levelReachedLabel)] })
            }
        }
    }

    static func programmeSummary(_ detail: TaxonomyQueries.SkillDetail, role: Role) -> String {
        let count = detail.programmeCount
        let all = count == 1 ? "1 programme teaches this skill." : "\(count) programmes teach this skill."
        if count == 0 || detail.programmes.count == count { return all }
        return role == .provider ? all + " Your organisation's are listed below." : all
    }

    static func sectorLabel(_ sector: Sector?) -> String { sector?.label ?? "Cross-sector" }
}
