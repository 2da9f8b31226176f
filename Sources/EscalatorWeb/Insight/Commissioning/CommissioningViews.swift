import EscalatorCore
import Foundation

/// The commissioning advice page: aggregates only, every count of people under the small-number rule.
enum CommissioningViews {
    typealias F = InsightFormat

    static func page(_ report: CommissioningReport, viewer: Viewer) -> String {
        let asOf = Date(isoDay: report.asOf)?.ukDate ?? report.asOf
        return Layout.page(title: "Commissioning advice", viewer: viewer, section: .insight, breadcrumbs: [Breadcrumb("Insight", "/insight")]) {
            heading(1, "Commissioning advice", class: "heading-l")
            paragraph("As of \(asOf): the missing skills that keep assessed clients from live vacancies they could otherwise do, the programmes whose free places would make the most clients job-ready, and the skills employers ask for that no programme teaches.",
                      class: "body lead")
            if let freshness = report.freshness { paragraph(freshness.sentence, class: "body secondary-text") }
            paragraph("So that no one can be recognised from a small number, counts from 1 to 4 are shown as “<5”, and a figure worked out from a hidden count is hidden too. This applies to everyone who sees this page. How each figure is defined: docs/commissioning.md.",
                      class: "body secondary-text")
            counts(report)
            blockers(report.blockers)
            programmes(report.programmes)
            untaught(report.untaught)
        }
    }

    static func counts(_ report: CommissioningReport) -> Node {
        el("div", .class("grid")) {
            for (label, value) in [("Clients job-ready for a vacancy in reach", report.clientsJobReady),
                                   ("Clients kept from every vacancy in reach only by skills", report.clientsBlockedOnlyBySkills)] {
                el("div", .class("card")) {
                    el("h2", .class("heading-s")) { label }
                    el("span", .class("stat")) { value.display }
                }
            }
        }
    }

    static func blockers(_ rows: [CommissioningReport.Blocker]) -> Node {
        fragment {
            heading(2, "Skill blockers")
            if rows.isEmpty {
                paragraph("No assessed client is missing an essential skill for a live vacancy in reach.")
            } else {
                table(
                    caption: "Missing essential skills, by clients for whom it is the only gap to at least one vacancy",
                    headers: ["Skill", "Level asked", "Clients one skill away", "Vacancies it would unlock", "Client–vacancy pairs", "Clients missing it", "Programmes teaching it"],
                    rows: rows.map {
                        [link($0.skillName, to: TaxonomyPaths.skill($0.skillID)), text($0.levelLabel), text($0.clientsOneSkillAway.display),
                         text($0.vacanciesUnlocked.display), text($0.pairsOneSkillAway.display), text($0.clientsMissing.display),
                         text(String($0.programmesTeaching))]
                    },
                    numericColumns: [2, 3, 4, 5, 6])
            }
        }
    }

    static func programmes(_ rows: [CommissioningReport.Programme]) -> Node {
        fragment {
            heading(2, "Programme impact")
            if rows.isEmpty {
                paragraph("No programme has a cohort with free places.")
            } else {
                table(
                    caption: "Programmes with free places, by job matches unlocked per place",
                    headers: ["Programme", "Provider", "Free places", "Clients it would make job-ready", "Matches unlocked", "Matches per place"],
                    rows: rows.map {
                        [link($0.title, to: "/programmes/\($0.programmeID)"), text($0.providerName), text(String($0.freePlaces)),
                         text($0.clientsUnlocked.display), text($0.matchesUnlocked.display),
                         text($0.matchesPerPlace.symbol ?? $0.matchesPerPlace.value.map { String(format: "%.2f", $0) } ?? "")]
                    },
                    numericColumns: [2, 3, 4, 5])
            }
        }
    }

    static func untaught(_ rows: [CommissioningReport.Untaught]) -> Node {
        fragment {
            heading(2, "Skills no programme teaches")
            if rows.isEmpty {
                paragraph("Every essential skill live vacancies ask for is taught by some programme to the level asked.")
            } else {
                table(
                    caption: "Essential skills of live vacancies above the highest level any programme teaches",
                    headers: ["Skill", "Vacancies", "Openings", "Highest level asked", "Highest level taught"],
                    rows: rows.map {
                        [link($0.skillName, to: TaxonomyPaths.skill($0.skillID)), text($0.vacancies.display), text($0.openings.display),
                         text(level($0.levelAsked)), text($0.highestLevelTaught.map(level) ?? "Not taught")]
                    },
                    numericColumns: [1, 2])
            }
        }
    }

    static func level(_ raw: Int) -> String { Proficiency(rawValue: raw)?.label ?? String(raw) }
}
