import EscalatorCore
import Foundation

extension MatchViews {
    /// Ranked candidates for a vacancy. Employers see `PseudonymousCandidate` rows only: no names (until a client
    /// accepts), contact details, barriers or exact figures.
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
                pseudonymisedCandidates(result)
            } else if result.rows.isEmpty {
                paragraph("No candidate you may see fits this vacancy's hours, travel and requirements yet.")
            } else {
                table(
                    caption: "\(result.rows.count) \(result.rows.count == 1 ? "candidate" : "candidates"), best match first",
                    headers: ["Candidate", "Score", "Skills met", "Skills missing", "Lives", "Can work"],
                    rows: result.rows.map { row in
                        let match = row.match
                        return [
                            candidateCell(row),
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
                            text(TravelBand(km: match.travelKm).rawValue + " away"),
                            text("\(row.minHoursPerWeek) to \(row.maxHoursPerWeek) hours a week"),
                        ]
                    })
            }
        }
    }

    /// The employer's view: `PseudonymousCandidate` rows, or only how many when fewer than 5.
    static func pseudonymisedCandidates(_ result: CandidateQueries.Result) -> Node {
        fragment {
            if result.unpublished {
                paragraph("Candidates are matched once the vacancy is published. A draft has none.")
            } else if result.total == 0 {
                paragraph("No candidate who shares their record fits this vacancy's hours, travel and requirements yet.")
            } else if result.countOnly {
                paragraph("\(result.total) \(result.total == 1 ? "candidate fits" : "candidates fit") this vacancy. Fewer than \(PseudonymousCandidate.smallestListShown) are never listed, so that nobody can be singled out; their advisers may propose them to you.")
            } else {
                paragraph("Candidates are shown by a reference for this vacancy, which changes if the vacancy's terms change, with scores, distances and hours in bands. You see a candidate's name once they accept a referral to it; their adviser will put you in touch with those you want to meet.")
                table(
                    caption: "\(result.rows.count) candidates, best match first",
                    headers: ["Candidate", "Score", "Requirements met", "Lives", "Can work"],
                    rows: result.rows.compactMap { row in
                        guard let p = row.pseudonymous else { return nil }
                        let met = p.requirements.filter(\.met).count
                        return [
                            candidateCell(row),
                            text("\(p.scoreStep)% or more"),
                            fragment {
                                text("\(met) of \(p.requirements.count)")
                                if !p.requirements.isEmpty {
                                    el("details") {
                                        el("summary") { "Which" }
                                        el("ul") {
                                            for r in p.requirements {
                                                el("li") { "\(result.taxonomy.skillName(r.skillID)) (\(r.importance.label.lowercased())): \(r.met ? "met" : "not met")" }
                                            }
                                        }
                                    }
                                }
                            },
                            text(p.distanceBand.rawValue + " away"),
                            text(p.hoursBand.rawValue),
                        ]
                    })
            }
        }
    }

    static func candidateCell(_ row: CandidateQueries.Row) -> Node {
        guard let name = row.name else { return text(row.reference) }
        return fragment {
            if row.pseudonymous != nil {
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
