import EscalatorCore
import Foundation

extension MatchViews {
    /// How concentrated recommendations are, before and after spread mode.
    static func concentration(_ report: ConcentrationReport, viewer: Viewer) -> String {
        let title = "How concentrated recommendations are"
        let dto = MatchDTO.Concentration(report)
        return Layout.page(title: title, viewer: viewer, section: .insight, breadcrumbs: [Breadcrumb("Insight", "/insight")]) {
            heading(1, title, class: "heading-l")
            paragraph("Each of \(shown(dto.clients)) assessed clients gets up to \(report.perClient) vacancy recommendations. "
                + "Recommending one vacancy to many people wastes their time and the employer's. Spread mode shows each vacancy to "
                + "at most \(report.multiple) clients per opening, keeping each client's list as good as possible.")
            table(
                caption: "Recommendations over \(report.before.figures.vacancies) live vacancies",
                headers: ["Figure", "Top \(report.perClient) (best matches)", "Spread mode"],
                rows: [
                    row("Recommendations", dto.before.recommendations, dto.after.recommendations),
                    [text("Share going to the top 1% of vacancies (\(report.before.figures.topPercentVacancies))"),
                     text(percent(report.before.figures.topPercentShare)), text(percent(report.after.figures.topPercentShare))],
                    row("Most recommendations of one vacancy", dto.before.maximumPerVacancy, dto.after.maximumPerVacancy),
                    [text("Gini coefficient (0 = even, towards 1 = all on one)"),
                     text(String(format: "%.3f", report.before.figures.gini)), text(String(format: "%.3f", report.after.figures.gini))],
                    row("Vacancies recommended to more than \(report.multiple) × openings clients", dto.before.vacanciesOverCap, dto.after.vacanciesOverCap),
                ],
                numericColumns: [1, 2])
            summaryList([("Clients whose list is shorter in spread mode", dto.clientsWithShorterListsShown)])
            paragraph("Counts of fewer than 5 people are shown as <5.", class: "secondary-text")
        }
    }

    private static func row(_ name: String, _ before: Int?, _ after: Int?) -> [Node] {
        [text(name), text(shown(before)), text(shown(after))]
    }

    /// A count of people as published: the number, or <5 when it was suppressed.
    private static func shown(_ count: Int?) -> String { count.map(String.init) ?? "<5" }

    private static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}
