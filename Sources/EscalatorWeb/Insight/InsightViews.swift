import EscalatorCore
import Foundation

/// The insight dashboard, as a pure function of its figures. Aggregates only: nothing here names a client.
enum InsightViews {
    typealias F = InsightFormat

    static func dashboard(_ data: InsightDashboard, authorities: [LocalAuthority], viewer: Viewer) -> String {
        let asOf = Date(isoDay: data.asOf)?.ukDate ?? data.asOf
        return Layout.page(title: "Insight", viewer: viewer, section: .insight) {
            heading(1, "Insight: \(data.area.name)", class: "heading-l")
            paragraph("Figures as of \(asOf), for \(data.area.name). Only totals are shown; no resident can be identified.", class: "body lead")
            areaFilter(authorities: authorities, state: FormState(values: ["la": data.area.localAuthorityID ?? ""], csrfToken: viewer.csrfToken))
            keyFigures(data)
            stages(data.clients)
            vacancies(data.vacancies, asOf: asOf)
            places(data.programmePlaces)
            jobStarts(data.jobStarts)
            employmentGap(data.employmentGap, area: data.area)
            skills(data.skills)
        }
    }

    /// The page for a filter that names no known local authority: the filter again, with the error.
    static func badFilter(_ errors: [FieldError], la: String, authorities: [LocalAuthority], viewer: Viewer) -> String {
        Layout.page(title: "Error: Insight", viewer: viewer, section: .insight) {
            heading(1, "Insight", class: "heading-l")
            areaFilter(authorities: authorities, state: FormState(values: ["la": la], errors: errors, csrfToken: viewer.csrfToken))
        }
    }

    static func areaFilter(authorities: [LocalAuthority], state: FormState) -> Node {
        el("form", Attribute("method", "get"), Attribute("action", "/insight"), .aria("label", "Choose an area")) {
            Form.errorSummary(state.errors)
            Form.select("la", label: "Area", state: state, options: authorities.map { ($0.id, $0.name) },
                        hint: "Show figures for one local authority, or for the whole city region.", prompt: "The whole city region")
            el("button", .type("submit"), .class("button button-secondary")) { "Show figures" }
        }
    }

    static func keyFigures(_ data: InsightDashboard) -> Node {
        let figures: [(String, Int)] = [
            ("Clients", data.clients.total),
            ("Live vacancies", data.vacancies.live),
            ("Openings", data.vacancies.openings),
            ("Free programme places", data.programmePlaces.total.free),
            ("Job starts", data.jobStarts.total),
        ]
        return el("div", .class("grid")) {
            for (label, value) in figures {
                el("div", .class("card")) {
                    el("h2", .class("heading-s")) { label }
                    el("span", .class("stat")) { String(value) }
                }
            }
        }
    }

    static func stages(_ clients: InsightDashboard.Clients) -> Node {
        let largest = clients.byStage.max { $0.count < $1.count }
        let inWork = clients.byStage.filter { $0.stage >= .inWork }.reduce(0) { $0 + $1.count }
        var summary = "\(F.count(clients.total, "client")) registered."
        if let largest, largest.count > 0 {
            summary += " The largest group is “\(largest.label)” (\(largest.count)). \(inWork) in work or sustained in work."
        }
        return fragment {
            heading(2, "Clients by journey stage")
            paragraph(summary)
            paragraph("Each client is counted once, at the furthest stage that is still current for them.", class: "body secondary-text")
            Charts.barChart(
                title: "Clients by journey stage", id: "chart-stages",
                series: [(name: "Clients", bars: clients.byStage.map { .init(label: $0.label, value: Double($0.count), display: String($0.count)) })],
                itemHeader: "Stage", description: summary)
        }
    }

    static func vacancies(_ vacancies: InsightDashboard.Vacancies, asOf: String) -> Node {
        fragment {
            heading(2, "Live vacancies")
            paragraph("\(F.count(vacancies.live, "live vacancy", "live vacancies")) with \(F.count(vacancies.openings, "opening")) on \(asOf): open, and closing on or after that day.")
        }
    }

    static func places(_ places: InsightDashboard.ProgrammePlaces) -> Node {
        let offered = places.byType.filter { $0.programmes > 0 }
        let total = places.total
        let summary = "\(F.count(total.capacity, "place")) across \(F.count(total.programmes, "programme")): \(total.enrolled) enrolled and \(total.free) free."
        return fragment {
            heading(2, "Programme places by programme type")
            paragraph(summary)
            if offered.isEmpty {
                paragraph("No programmes are offered here.")
            } else {
                Charts.barChart(
                    title: "Programme places by programme type", id: "chart-places",
                    series: [
                        (name: "Capacity", bars: offered.map { .init(label: $0.label, value: Double($0.capacity), display: String($0.capacity)) }),
                        (name: "Enrolled", bars: offered.map { .init(label: $0.label, value: Double($0.enrolled), display: String($0.enrolled)) }),
                        (name: "Free", bars: offered.map { .init(label: $0.label, value: Double($0.free), display: String($0.free)) }),
                    ],
                    itemHeader: "Programme type", description: summary)
                table(
                    caption: "Programmes and places by type",
                    headers: ["Programme type", "Programmes", "Capacity", "Enrolled", "Free"],
                    rows: (offered + [total]).map { row in
                        [text(row.label), text(String(row.programmes)), text(String(row.capacity)), text(String(row.enrolled)), text(String(row.free))]
                    },
                    numericColumns: [1, 2, 3, 4])
            }
        }
    }

    static func jobStarts(_ starts: InsightDashboard.JobStarts) -> Node {
        var summary = "\(F.count(starts.total, "job start")) recorded."
        if let first = starts.sustainment.first, first.due > 0 {
            summary += " Of the \(first.due) due a \(first.weeks)-week check, \(first.stillInWork) were still in work (\(F.percent(first.rate)))."
        } else {
            summary += " None has yet reached a sustainment check."
        }
        return fragment {
            heading(2, "Job starts and sustainment")
            paragraph(summary)
            paragraph("A job start is due a check once 13, 26 or 52 weeks have passed. The rate is still in work over due, so an unchecked start counts against it.",
                      class: "body secondary-text")
            Charts.percentChart(
                title: "Still in work at each milestone (% of those due)", id: "chart-sustainment", seriesName: "Rate",
                bars: starts.sustainment.map {
                    .init(label: "\($0.weeks) weeks", value: ($0.rate ?? 0) * 100, display: $0.rate == nil ? "None due" : F.percent($0.rate))
                },
                itemHeader: "Milestone", description: summary)
            table(
                caption: "Sustainment checks by milestone",
                headers: ["Milestone", "Due", "Checked", "Still in work", "Rate"],
                rows: starts.sustainment.map {
                    [text("\($0.weeks) weeks"), text(String($0.due)), text(String($0.checked)), text(String($0.stillInWork)),
                     text($0.rate == nil ? "None due" : F.percent($0.rate))]
                },
                numericColumns: [1, 2, 3, 4])
        }
    }

    static func employmentGap(_ gap: InsightDashboard.EmploymentGapFigures, area: InsightDashboard.Area) -> Node {
        let areaLabel = area.localAuthorityID == nil ? "Region" : area.name
        var summary = "The employment rate is \(F.percent(gap.areaRate)) in \(area.name) and \(F.percent(gap.targetWardsRate)) in its \(F.count(area.targetWardCount, "target ward")), against \(F.percent(gap.nationalRate)) nationally."
        if let points = gap.gapPoints {
            summary += " The target wards are \(F.points(points)) percentage points behind \(area.name)"
            summary += gap.targetWardsBehindNationalPoints.map { " and \(F.points($0)) points behind the national rate." } ?? "."
        }
        return fragment {
            heading(2, "The employment-rate gap")
            paragraph(summary)
            Charts.percentChart(
                title: "Employment rate (% of working-age residents in work)", id: "chart-gap", seriesName: "Employment rate",
                bars: [
                    .init(label: areaLabel, value: (gap.areaRate ?? 0) * 100, display: F.percent(gap.areaRate)),
                    .init(label: "Target wards", value: (gap.targetWardsRate ?? 0) * 100, display: F.percent(gap.targetWardsRate)),
                    .init(label: "National", value: gap.nationalRate * 100, display: F.percent(gap.nationalRate)),
                ],
                itemHeader: "Area", description: summary)
            summaryList([
                ("Gap between \(area.name) and its target wards", gap.gapPoints.map { "\(F.points($0)) percentage points" } ?? "No data"),
                ("Gap between \(area.name) and the national rate", gap.areaBehindNationalPoints.map { "\(F.points($0)) percentage points" } ?? "No data"),
                ("Gap between the target wards and the national rate", gap.targetWardsBehindNationalPoints.map { "\(F.points($0)) percentage points" } ?? "No data"),
            ])
            table(
                caption: "Employment rate by local authority",
                headers: ["Local authority", "Employment rate", "Target wards", "Target-ward rate", "Gap (percentage points)"],
                rows: gap.byLocalAuthority.map {
                    [text($0.name), text(F.percent($0.rate)), text(String($0.targetWardCount)), text(F.percent($0.targetWardsRate)),
                     text(F.points($0.gapPoints))]
                },
                numericColumns: [1, 2, 3, 4])
            paragraph("The gap for a local authority is how far its target wards are behind \(area.name) as a whole.", class: "body secondary-text")
        }
    }

    static func skills(_ skills: [InsightDashboard.SkillRow]) -> Node {
        let short = skills.filter { Double($0.supply) < $0.demand }
        var summary = "No live vacancy asks for a skill."
        if let top = skills.first {
            summary = "The skill most in demand is \(top.name): demand \(F.number(top.demand)), held by \(F.count(top.supply, "assessed client"))."
            summary += " \(short.count) of these \(skills.count) skills are held by fewer clients than the demand for them."
        }
        return fragment {
            heading(2, "Skills in demand against skills held")
            paragraph(summary)
            paragraph("Demand counts each live vacancy's openings: 1 for an essential skill, 0.5 for a desirable one. Supply counts assessed clients whose latest assessment holds the skill at working level or above.",
                      class: "body secondary-text")
            if !skills.isEmpty {
                Charts.barChart(
                    title: "Top \(skills.count) skills by demand: demand and supply", id: "chart-skills",
                    series: [
                        (name: "Demand", bars: skills.map { .init(label: $0.name, value: $0.demand, display: F.number($0.demand)) }),
                        (name: "Supply", bars: skills.map { .init(label: $0.name, value: Double($0.supply), display: String($0.supply)) }),
                    ],
                    itemHeader: "Skill", description: summary)
                table(
                    caption: "Demand, supply and ratio of supply to demand",
                    headers: ["Skill", "Demand", "Supply", "Ratio"],
                    rows: skills.map {
                        [link($0.name, to: TaxonomyPaths.skill($0.skillID)), text(F.number($0.demand)), text(String($0.supply)), text(F.ratio($0.ratio))]
                    },
                    numericColumns: [1, 2, 3])
            }
        }
    }
}
