import EscalatorCore
import Foundation

extension AssessmentViews {
    /// One assessment, with its distance-from-work score and action plan. Only advisers and
    /// administrators reach this page; `detail` is already cut down to what this one may see.
    static func show(_ detail: AssessmentQueries.Detail, taxonomy: Taxonomy, viewer: Viewer) -> String {
        let client = detail.client, assessment = detail.assessment
        let title = "Assessment of \(client.fullName), \(assessment.assessedOn.ukDate)"
        return Layout.page(title: title, viewer: viewer, section: .clients, breadcrumbs: [
            Breadcrumb("Clients", "/clients"), Breadcrumb(client.fullName, "/clients/\(client.id)"),
        ]) {
            heading(1, title, class: "heading-l")
            el("p", .class("body")) {
                link("Start a new assessment from this one", to: "/clients/\(client.id)/assessments/new", class: "button button-secondary")
                " "
                link("See matched vacancies and programmes", to: "/clients/\(client.id)/matches", class: "button button-secondary")
                if detail.view == .everything {
                    " "
                    link("Correct this assessment", to: "/clients/\(client.id)/assessments/\(assessment.id)/edit", class: "button button-secondary")
                }
            }
            summaryList([
                ("Client", "\(client.fullName) (\(client.reference))"),
                ("Assessed on", assessment.assessedOn.ukDate),
                ("Assessed by", detail.adviserName ?? "Not recorded"),
                ("Highest qualification", assessment.highestQualification.label),
                ("GCSE English at grade 4 or above", assessment.gcseEnglish ? "Yes" : "No"),
                ("GCSE maths at grade 4 or above", assessment.gcseMaths ? "Yes" : "No"),
            ])
            skillsTable(assessment, taxonomy: taxonomy)
            barriersTable(assessment)
            heading(2, "Job goals")
            if assessment.aspirations.isEmpty {
                paragraph("No job goal recorded.")
            } else {
                el("ul", .class("list")) {
                    for id in assessment.aspirations { el("li") { taxonomy.occupation(id)?.name ?? id } }
                }
            }
            heading(2, "Work the client can manage")
            let c = assessment.constraints
            summaryList([
                ("Hours a week", "\(c.minHoursPerWeek) to \(c.maxHoursPerWeek)"),
                ("Furthest travel", "\(AssessmentForm.kmText(c.maxTravelKm)) km"),
                ("Can travel by", c.travelModes.isEmpty ? "Not recorded" : c.travelModes.map(\.label).joined(separator: ", ")),
            ])
            if detail.view.notes && !assessment.notes.isEmpty {
                heading(2, "Notes")
                paragraph(assessment.notes)
            }
            if let withheld = SpecialCategoryViews.withheldNotice(detail.view) { withheld }
            scoreAndPlan(score: detail.score, assessment: assessment, taxonomy: taxonomy)
        }
    }

    static func skillsTable(_ assessment: Assessment, taxonomy: Taxonomy) -> Node {
        fragment {
            heading(2, "Skills")
            if assessment.skills.isEmpty {
                paragraph("No skills recorded.")
            } else {
                table(
                    caption: "\(assessment.skills.count) skills held",
                    headers: ["Skill", "Kind", "Level", "Evidence"],
                    rows: assessment.skills.map { holding in
                        let skill = taxonomy.skill(holding.skillID)
                        return [text(skill?.name ?? holding.skillID), text(kindLabel(skill)), text(holding.level.label), text(holding.evidence.label)]
                    })
            }
        }
    }

    static func kindLabel(_ skill: Skill?) -> String {
        guard let skill else { return "Unknown" }
        switch skill.kind {
        case .basic: return "Basic skill"
        case .licence: return "Licence or check"
        case .occupational: return skill.sector?.label ?? "Occupational"
        }
    }

    static func barriersTable(_ assessment: Assessment) -> Node {
        fragment {
            heading(2, "Barriers to work")
            if assessment.barriers.isEmpty {
                paragraph("No barriers recorded.")
            } else {
                table(
                    caption: "Barriers, most severe first",
                    headers: ["Barrier", "Severity", "Support offered"],
                    rows: assessment.barriers.sorted { $0.severity > $1.severity }.map { barrier in
                        [
                            fragment {
                                barrier.kind.label
                                if barrier.kind.isSpecialCategory {
                                    " "
                                    tag("Special category", colour: "yellow")
                                }
                            },
                            text(barrier.severity.label), text(barrier.kind.supportOffered),
                        ]
                    })
            }
        }
    }
}
