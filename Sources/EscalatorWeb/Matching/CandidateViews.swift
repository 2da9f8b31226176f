import EscalatorCore
import Foundation

extension MatchViews {
    /// Ranked candidates for a vacancy. Employers see references only: no names, contact details or barriers.
    static func candidates(_ result: CandidateQueries.Result, viewer: Viewer) -> String {
        let title = "Candidates for \(result.vacancy.title)"
        return Layout.page(title: title, viewer: viewer, section: .vacancies, breadcrumbs: [
            Breadcrumb("Vacancies", "/vacancies"), Breadcrumb(result.vacancy.title, "/vacancies/\(result.vacancy.id)"),
        ]) {
            heading(1, title, class: "heading-l")
            paragraph("\(result.employerName). \(result.vacancy.hoursPerWeek) hours a week, closing \(result.vacancy.closingDate.ukDate).")
            summaryList([
                ("Recommended to", "\(result.congestion.recommended) clients (in their top \(RecommendationLists.perClient))"),
                ("Recommended in spread mode to", "\(result.congestion.recommendedWhenSpread) clients"),
                ("Referred", "\(result.congestion.referred) open referrals"),
            ])
            if !result.isLive {
                el("div", .class("inset")) { "This vacancy is not open, so candidates are shown for reference only." }
            }
            if result.pseudonymised {
                paragraph("Candidates are shown by reference only, a reference for this vacancy. You see a candidate's name once they accept a referral to it; their adviser will put you in touch with those you want to meet.")
            }
            if result.rows.isEmpty {
                paragraph("No candidate who shares their record fits this vacancy's hours, travel and requirements yet.")
            } else {
                table(
                    caption: "\(result.rows.count) \(result.rows.count == 1 ? "candidate" : "candidates"), best match first",
                    headers: ["Candidate", "Score", "Skills met", "Skills missing", "Lives", "Can work"],
                    rows: result.rows.map { row in
                        let match = CandidateView.visible(row.match, pseudonymised: result.pseudonymised)
                        return [
                            candidateCell(row, pseudonymised: result.pseudonymised),
                            fragment {
                                text("\(MatchDTO.percent(match.score))% ")
                                scoreBar(MatchDTO.percent(match.score))
                                el("details") {
                                    el("summary") { "How the score is made up" }
                                    el("ul") {
                                        for c in match.components {
                                            el("li") { "\(c.name): \(String(format: "%.1f", c.contribution * 100)) of \(MatchDTO.percent(c.weight)) points. \(c.explanation)" }
                                        }
                                    }
                                }
                            },
                            text(match.skillsMet.isEmpty ? "None" : match.skillsMet.map { result.taxonomy.skillName($0.skillID) }.joined(separator: ", ")),
                            text(match.skillsMissing.isEmpty ? "None" : match.skillsMissing.map { gapText($0, taxonomy: result.taxonomy) }.joined(separator: "; ")),
                            text(CandidateQueries.distanceBand(match.travelKm) + " away"),
                            text("\(row.minHoursPerWeek) to \(row.maxHoursPerWeek) hours a week"),
                        ]
                    })
            }
        }
    }

    static func candidateCell(_ row: CandidateQueries.Row, pseudonymised: Bool) -> Node {
        guard let name = row.name else { return text(row.reference) }
        return fragment {
            if pseudonymised {
                text(row.reference)
                voidEl("br")
                el("span", .class("secondary-text")) { name }
            } else {
                link(name, to: "/clients/\(row.match.clientID)")
                voidEl("br")
                el("span", .class("secondary-text")) { row.reference }
            }
        }
    }
}
