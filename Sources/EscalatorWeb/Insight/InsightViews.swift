import EscalatorCore
import Foundation

/// The insight dashboard, as a pure function of its published figures. Aggregates only: nothing here names
/// a client, and a count from 1 to 4 (or one that would give such a count away) shows as its symbol.
enum InsightViews {
    typealias F = InsightFormat

    static func dashboard(_ data: InsightDashboard, authorities: [LocalAuthority], viewer: Viewer) -> String {
        let asOf = Date(isoDay: data.asOf)?.ukDate ?? data.asOf
        return Layout.page(title: "Insight", viewer: viewer, section: .insight) {
            heading(1, "Insight: \(data.area.name)", class: "heading-l")
            paragraph("Figures as of \(asOf), for \(data.area.name). Only totals are shown; no resident can be identified.", class: "body lead")
            if let freshness = data.freshness { paragraph(freshness.sentence, class: "body secondary-text") }
            paragraph("So that no one can be recognised from a small number, counts from 1 to 4 are shown as “<5”, and “x” marks a figure hidden so that one of those cannot be worked out from a total. Rates worked out from a hidden count are hidden too. This applies to everyone who sees this page.",
                      class: "body secondary-text")
            el("p", .class("body")) { link("Commissioning advice: skills that block clients, programme impact, skills no programme teaches", to: "/insight/commissioning") }
            el("p", .class("body")) { link("How concentrated vacancy recommendations are, before and after spread mode", to: "/matching/concentration") }
            if viewer.role == .administrator {
                el("p", .class("body")) { link("Allocate clients to vacancies and cohorts: the plan with the highest total score", to: "/matching/allocation") }
            }
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
        let figures: [(String, PublishedCount)] = [
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
                    el("span", .class("stat")) { value.display }
                }
            }
        }
    }

    static func stages(_ clients: InsightDashboard.Clients) -> Node {
        let shown = clients.byStage.filter { $0.count.value != nil }
        let largest = shown.max { ($0.count.value ?? 0) < ($1.count.value ?? 0) }
        let working = clients.byStage.filter { $0.stage >= .inWork }
        var summary = "\(F.count(clients.total, "client")) registered."
        if let largest, let count = largest.count.value, count > 0 {
            summary += " The largest group is “\(largest.label)” (\(count))."
            // A sum of hidden counts could give one of them away, so it is given only when all are shown.
            if working.allSatisfy({ $0.count.value != nil }) {
                summary += " \(working.reduce(0) { $0 + ($1.count.value ?? 0) }) in work or sustained in work."
            }
        }
        return fragment {
            heading(2, "Clients by journey stage")
            paragraph(summary)
            paragraph("Each client is counted once, at the furthest stage that is still current for them.", class: "body secondary-text")
            Charts.barChart(
                title: "Clients by journey stage", id: "chart-stages",
                series: [(name: "Clients", bars: clients.byStage.map { bar($0.label, $0.count) })],
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
        // A type with a hidden number of programmes has some; one shown as 0 has none.
        let offered = places.byType.filter { $0.programmes.value != 0 }
        let total = places.total
        let summary = "\(F.count(total.capacity, "place")) across \(F.count(total.programmes, "programme")): \(total.enrolled.display) enrolled and \(total.free.display) free."
        return fragment {
            heading(2, "Programme places by programme type")
            paragraph(summary)
            if offered.isEmpty {
                paragraph("No programmes are offered here.")
            } else {
                Charts.barChart(
                    title: "Programme places by programme type", id: "chart-places",
                    series: [
                        (name: "Capacity", bars: offered.map { bar($0.label, $0.capacity) }),
                        (name: "Enrolled", bars: offered.map { bar($0.label, $0.enrolled) }),
                        (name: "Free", bars: offered.map { bar($0.label, $0.free) }),
                    ],
                    itemHeader: "Programme type", description: summary)
                table(
                    caption: "Programmes and places by type",
                    headers: ["Programme type", "Programmes", "Capacity", "Enrolled", "Free"],
                    rows: (offered + [total]).map { row in
                        [text(row.label), text(row.programmes.display), text(row.capacity.display), text(row.enrolled.display), text(row.free.display)]
                    },
                    numericColumns: [1, 2, 3, 4])
            }
        }
    }

    static func jobStarts(_ starts: InsightDashboard.JobStarts) -> Node {
        var summary = "\(F.count(starts.total, "job start")) recorded."
        if let first = starts.sustainment.first, first.due.value != 0 {
            summary += " Of the \(first.due.display) due a \(first.weeks)-week check, \(first.stillInWork.display) were still in work (\(rate(first.rate)))."
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
                bars: starts.sustainment.map { .init(label: "\($0.weeks) weeks", value: $0.rate.value.map { $0 * 100 }, display: rate($0.rate)) },
                itemHeader: "Milestone", description: summary)
            table(
                caption: "Sustainment checks by milestone",
                headers: ["Milestone", "Due", "Checked", "Still in work", "Rate"],
                rows: starts.sustainment.map {
                    [text("\($0.weeks) weeks"), text($0.due.display), text($0.checked.display), text($0.stillInWork.display), text(rate($0.rate))]
                },
                numericColumns: [1, 2, 3, 4])
        }
    }

    static func employmentGap(_ gap: InsightFigures.EmploymentGapFigures, area: InsightFigures.Area) -> Node {
        let areaLabel = area.localAuthorityID == nil ? "Region" : area.name
        var summary = "The employment rate is \(F.percent(gap.areaRate)) in \(area.name) and \(F.percent(gap.targetWardsRate)) in its \(F.count(area.targetWardCount, "target ward")), against \(F.percent(gap.nationalRate)) nationally."
        if let points = gap.gapPoints {
            summary += " The target wards are \(F.points(points)) percentage points behind \(area.name)"
            summary += gap.targetWardsBehindNationalPoints.map { " and \(F.points($0)) points behind the national rate." } ?? "."
        }
        return fragment {
            heading(2, "The employment-rate gap")
            paragraph(summary)
            paragraph("From the published statistics for each ward's working-age residents, not from clients' records.", class: "body secondary-text")
            Charts.percentChart(
                title: "Employment rate (% of working-age residents in work)", id: "chart-gap", seriesName: "Employment rate",
                bars: [
                    .init(label: areaLabel, value: gap.areaRate.map { $0 * 100 }, display: F.percent(gap.areaRate)),
                    .init(label: "Target wards", value: gap.targetWardsRate.map { $0 * 100 }, display: F.percent(gap.targetWardsRate)),
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
        // Compared only where both figures are shown: comparing hidden ones would say something about them.
        let compared = skills.filter { $0.supply.value != nil && $0.demand.value != nil }
        let short = compared.filter { Double($0.supply.value!) < $0.demand.value! }
        var summary = "No live vacancy asks for a skill."
        if let top = skills.first {
            summary = "The skill most in demand is \(top.name): demand \(figure(top.demand)), held by \(F.count(top.supply, "assessed client"))."
            summary += " \(short.count) of the \(compared.count) of these skills with both figures shown are held by fewer clients than the demand for them."
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
                        (name: "Demand", bars: skills.map { .init(label: $0.name, value: $0.demand.value, display: figure($0.demand)) }),
                        (name: "Supply", bars: skills.map { bar($0.name, $0.supply) }),
                    ],
                    itemHeader: "Skill", description: summary)
                table(
                    caption: "Demand, supply and ratio of supply to demand",
                    headers: ["Skill", "Demand", "Supply", "Ratio"],
                    rows: skills.map {
                        [link($0.name, to: TaxonomyPaths.skill($0.skillID)), text(figure($0.demand)), text($0.supply.display), text(ratio($0.ratio))]
                    },
                    numericColumns: [1, 2, 3])
            }
        }
    }

    /// A bar for a count: none drawn when the count is hidden, only its symbol.
    static func bar(_ label: String, _ count: PublishedCount) -> Charts.Bar {
        .init(label: label, value: count.value.map(Double.init), display: count.display)
    }

    static func rate(_ rate: PublishedFigure) -> String {
        rate.symbol ?? (rate.value == nil ? "None due" : F.percent(rate.value))
    }

    static func ratio(_ ratio: PublishedFigure) -> String {
        ratio.symbol ?? F.ratio(ratio.value)
    }

    static func figure(_ figure: PublishedFigure) -> String {
        figure.symbol ?? figure.value.map(F.number) ?? ""
    }
}
