import EscalatorCore
import Foundation

/// The matching pages, as pure functions of their data. Every score is shown with the components that
/// make it up, so an adviser can explain a match to the client.
enum MatchViews {
    /// `sharedProviders`: the programmes' providers the client already consents to share with; referring
    /// to another provider's programme asks the adviser to confirm the client agrees.
    static func clientMatches(_ result: ClientMatchQueries.Result, sharedProviders: Set<UUID> = [], viewer: Viewer, notice: String? = nil) -> String {
        let client = result.client
        let title = "Matches for \(client.fullName)"
        let path = "/clients/\(client.id)/matches"
        return Layout.page(title: title, viewer: viewer, section: .clients, breadcrumbs: [
            Breadcrumb("Clients", "/clients"), Breadcrumb(client.fullName, "/clients/\(client.id)"),
        ], notice: notice) {
            heading(1, title, class: "heading-l")
            if let assessment = result.assessment {
                paragraph("From the assessment of \(assessment.assessedOn.ukDate). Scores run from 0 to 100%; each is the sum of the parts shown beneath it.")
                modeToggle(result, path: path)
                if result.mode == .best {
                    el("p", .class("body")) {
                        if result.includeIneligible {
                            link("Show only vacancies they can apply for", to: path)
                        } else {
                            link("Also show near misses (vacancies a hard requirement rules out)", to: path + "?nearMisses=1")
                        }
                    }
                }
                vacancies(result, returnTo: result.mode == .spread ? path + "?mode=spread" : result.includeIneligible ? path + "?nearMisses=1" : path, viewer: viewer)
                programmes(result, sharedProviders: sharedProviders, returnTo: path, viewer: viewer)
            } else {
                paragraph("\(client.fullName) has not been assessed yet, so there is nothing to match on.")
                link("Assess \(client.fullName)", to: "/clients/\(client.id)/assessments/new", class: "button")
            }
        }
    }

    static func vacancies(_ result: ClientMatchQueries.Result, returnTo: String, viewer: Viewer) -> Node {
        fragment {
            heading(2, "Vacancies")
            if result.vacancies.isEmpty {
                paragraph(result.includeIneligible ? "No open vacancies." : "No open vacancy fits their hours, travel and requirements.")
            }
            for (rank, row) in result.vacancies.enumerated() {
                el("section", .class("card match"), .id("vacancy-\(row.vacancy.id)"), .aria("labelledby", "vacancy-\(row.vacancy.id)-title")) {
                    el("h3", .class("heading-m"), .id("vacancy-\(row.vacancy.id)-title")) {
                        "\(rank + 1). \(row.vacancy.title), \(row.employerName)"
                    }
                    scoreLine(row.match)
                    congestionLine(row.congestion)
                    summaryList([
                        ("Hours and pay", text("\(row.vacancy.hoursPerWeek) hours a week at \(pounds(pence: row.vacancy.hourlyPayPence)) an hour")),
                        ("Travel", text(km(row.match.travelKm))),
                        ("Closes", text(row.vacancy.closingDate.ukDate)),
                    ])
                    components(row.match.components, caption: "How the score is made up")
                    skills(row.match, taxonomy: result.taxonomy)
                    notes(row.match)
                    el("p") { link("Pathway to this job", to: PathwayViews.path(result.client.id, .vacancy(row.vacancy.id), objective: .weeksToJobReady)) }
                    referButton("Refer to this vacancy", hidden: [
                        ("clientID", result.client.id.uuidString), ("vacancyID", row.vacancy.id.uuidString), ("returnTo", returnTo),
                    ], viewer: viewer)
                }
            }
        }
    }

    /// Best or spread lists, as links (no script); says what spread mode does.
    static func modeToggle(_ result: ClientMatchQueries.Result, path: String) -> Node {
        el("div", .class("inset")) {
            el("p", .class("body")) {
                if result.mode == .spread {
                    el("strong") { "Spread mode. " }
                    link("Show their best matches instead", to: path)
                } else {
                    el("strong") { "Best matches. " }
                    link("Show spread mode instead", to: path + "?mode=spread")
                }
            }
            paragraph("Spread mode shares vacancies out across everyone's recommendations, so no vacancy is shown to more than \(result.spreadMultiple) clients per opening, keeping each list as good as possible.")
        }
    }

    /// "Recommended to N others · referred N".
    static func congestionLine(_ figures: CongestionCounts.Figures) -> Node {
        el("p", .class("secondary-text congestion")) {
            "Recommended to \(figures.recommended) \(figures.recommended == 1 ? "other" : "others") · referred \(figures.referred)"
        }
    }

    static func scoreLine(_ match: VacancyMatch) -> Node {
        let percent = MatchDTO.percent(match.score)
        return el("p", .class("body")) {
            el("span", .class("stat")) { "\(percent)%" }
            scoreBar(percent)
            if !match.isEligible {
                " "
                tag("Near miss", colour: "yellow")
            } else if match.isJobReady {
                " "
                tag("Job ready", colour: "green")
            }
        }
    }

    /// A bar drawn with SVG attributes (the content security policy forbids inline styles); the
    /// percentage beside it says the same thing in words.
    static func scoreBar(_ percent: Int) -> Node {
        let width = String(max(0, min(100, percent)))
        return el("svg", Attribute("xmlns", "http://www.w3.org/2000/svg"), Attribute("viewBox", "0 0 100 12"), Attribute("width", "120"),
                  Attribute("height", "12"), .aria("hidden", "true"), .class("score-bar-svg")) {
            el("rect", Attribute("width", "100"), Attribute("height", "12"), Attribute("fill", "#eeefef"))
            el("rect", Attribute("width", width), Attribute("height", "12"), Attribute("fill", "#1d70b8"))
        }
    }

    static func components(_ components: [ScoreComponent], caption: String) -> Node {
        table(
            caption: caption,
            headers: ["Part", "Weight", "How well it fits", "Adds", "Why"],
            rows: components.map { c in
                [text(c.name), text("\(MatchDTO.percent(c.weight))%"), text("\(MatchDTO.percent(c.value))%"),
                 text(String(format: "%.1f points", c.contribution * 100)), text(c.explanation)]
            },
            numericColumns: [1, 2, 3])
    }

    static func skills(_ match: VacancyMatch, taxonomy: Taxonomy) -> Node {
        let met = match.skillsMet.map { "\(taxonomy.skillName($0.skillID)) (\($0.importance.label.lowercased()))" }
        return summaryList([
            ("Skills met", text(met.isEmpty ? "None" : met.joined(separator: ", "))),
            ("Skills missing", text(match.skillsMissing.isEmpty ? "None" : match.skillsMissing.map { gapText($0, taxonomy: taxonomy) }.joined(separator: "; "))),
        ])
    }

    static func gapText(_ gap: SkillGap, taxonomy: Taxonomy) -> String {
        let held = gap.held.map { "held at \($0.label.lowercased())" } ?? "not held"
        return "\(taxonomy.skillName(gap.skillID)) (\(gap.importance.label.lowercased()), \(gap.required.label.lowercased()) needed, \(held))"
    }

    static func notes(_ match: VacancyMatch) -> Node {
        fragment {
            if !match.blockers.isEmpty {
                el("div", .class("inset")) {
                    el("strong") { "Rules them out: " }
                    el("ul") { for note in match.blockers { el("li") { note.message } } }
                }
            }
            if !match.warnings.isEmpty {
                el("div", .class("inset")) {
                    el("strong") { "Worth checking: " }
                    el("ul") { for note in match.warnings { el("li") { note.message } } }
                }
            }
        }
    }

    static func programmes(_ result: ClientMatchQueries.Result, sharedProviders: Set<UUID>, returnTo: String, viewer: Viewer) -> Node {
        fragment {
            heading(2, "Programmes that close their skill gaps")
            if result.programmes.isEmpty {
                paragraph("No programme within reach, with places, teaches the essential skills their top matches are missing.")
            } else {
                table(
                    caption: "Programmes teaching the essential skills missing for the vacancies above",
                    headers: ["Programme", "Why", "Free places", "Next cohort", "Support with barriers", "Guaranteed interview", ""],
                    rows: result.programmes.map { row in
                        [
                            fragment {
                                link(row.programme.title, to: "/programmes/\(row.programme.id)")
                                voidEl("br")
                                el("span", .class("secondary-text")) { "\(row.providerName), \(row.programme.type.label.lowercased())" }
                            },
                            el("ul") { for reason in row.suggestion.reasons { el("li") { reason } } },
                            text(String(row.suggestion.freePlaces)),
                            text(row.nextCohort.map { "\($0.startsOn.ukDate) (\($0.freePlaces) free)" } ?? "None with places"),
                            text(row.suggestion.supportsBarriers.isEmpty ? "None of theirs" : row.suggestion.supportsBarriers.map(\.label).joined(separator: ", ")),
                            text(row.programme.guaranteedInterview ? "Yes" : "No"),
                            row.nextCohort.map { cohort in
                                let hidden = [
                                    ("clientID", result.client.id.uuidString), ("programmeID", row.programme.id.uuidString),
                                    ("cohortID", cohort.id.uuidString), ("returnTo", returnTo),
                                ]
                                if sharedProviders.contains(row.programme.providerID) {
                                    return referButton("Refer to this programme", hidden: hidden, viewer: viewer)
                                }
                                return referWithConsent(programmeID: row.programme.id, providerName: row.providerName, hidden: hidden, viewer: viewer)
                            } ?? .empty,
                        ]
                    },
                    numericColumns: [2])
            }
        }
    }

    /// A small POST form to `/referrals`, which makes the referral and returns to `returnTo`.
    static func referButton(_ title: String, hidden: [(String, String)], viewer: Viewer) -> Node {
        Form.actionButton(title, action: "/referrals", csrfToken: viewer.csrfToken, hidden: hidden, secondary: false)
    }

    /// The refer button with the confirmation that the client agrees to share with the provider.
    static func referWithConsent(programmeID: UUID, providerName: String, hidden: [(String, String)], viewer: Viewer) -> Node {
        let id = "consent-\(programmeID)"
        return el("form", Attribute("method", "post"), Attribute("action", "/referrals"), .class("inline-form")) {
            voidEl("input", .type("hidden"), .name("_csrf"), .value(viewer.csrfToken))
            for (name, value) in hidden { voidEl("input", .type("hidden"), .name(name), .value(value)) }
            el("div", .class("checkbox")) {
                voidEl("input", .type("checkbox"), .id(id), .name("consentConfirmed"), .value("true"))
                el("label", .for(id)) { "The client agrees to share their details with \(providerName) for a training referral" }
            }
            el("button", .type("submit"), .class("button")) { "Refer to this programme" }
        }
    }

    static func km(_ value: Double) -> String { String(format: "%.1f km", value) }
}
