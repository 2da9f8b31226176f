import EscalatorCore
import Foundation

/// The transparency records as a page: tier 1 for everyone first, then tier 2's detail, then the live parameters.
enum TransparencyViews {
    static func records(_ records: [TransparencyRecord], viewer: Viewer?) -> String {
        Layout.page(title: "How Escalator's algorithms work", viewer: viewer) {
            heading(1, "How Escalator's algorithms work", class: "heading-l")
            paragraph("Escalator uses three algorithms to support advisers, employers and commissioners: matching, pathways and allocation. None of them decides anything about a person; people make every decision. These records follow the UK Algorithmic Transparency Recording Standard. They are also published as JSON at /api/v1/transparency.")
            el("ul") {
                for record in records { el("li") { link(record.tier1.name, to: "#\(record.id)") } }
            }
            for record in records { section(record) }
        }
    }

    static func section(_ record: TransparencyRecord) -> Node {
        let t1 = record.tier1, t2 = record.tier2
        return el("section", Attribute("id", record.id), Attribute("aria-labelledby", "\(record.id)-title")) {
            el("h2", .class("heading-m"), Attribute("id", "\(record.id)-title")) { t1.name }
            paragraph("Last changed: \(Date(isoDay: record.lastChanged)?.ukDate ?? record.lastChanged).")
            heading(3, "In brief (tier 1)")
            summaryList([
                ("What it does", t1.description), ("How it works", t1.howItWorks), ("Why it is used", t1.whyItIsUsed),
                ("The human decision it supports", t1.humanDecision), ("Who is responsible", t1.organisation),
                ("Contact", t1.contact), ("Phase", t1.phase),
            ])
            heading(3, "Parameters in use now")
            table(caption: "Parameters of \(t1.name.lowercased())", headers: ["Parameter", "Value", "Meaning"],
                  rows: record.parameters.map { [text($0.name), text($0.value), text($0.meaning)] })
            el("details") {
                el("summary") { "In detail (tier 2)" }
                heading(4, "Owner and responsibility")
                summaryList([("Organisation", t2.owner.organisation), ("Team", t2.owner.team),
                             ("Senior responsible owner", t2.owner.seniorResponsibleOwner), ("Supplier", t2.owner.supplier)])
                heading(4, "Description and rationale")
                summaryList([
                    ("Detailed description", t2.descriptionAndRationale.detailedDescription), ("Scope", t2.descriptionAndRationale.scope),
                    ("Benefits", t2.descriptionAndRationale.benefits.joined(separator: " ")),
                    ("Before this tool", t2.descriptionAndRationale.previousProcess),
                    ("Alternatives considered", t2.descriptionAndRationale.alternativesConsidered.joined(separator: " ")),
                ])
                heading(4, "Decision-making process")
                summaryList([
                    ("Where it is used", t2.decisionMaking.processIntegration), ("What people are shown", t2.decisionMaking.informationProvided),
                    ("How often and how much", t2.decisionMaking.frequencyAndScale), ("Human decisions and review", t2.decisionMaking.humanDecisionsAndReview),
                    ("Training", t2.decisionMaking.requiredTraining), ("Appeals and review", t2.decisionMaking.appealsAndReview),
                ])
                heading(4, "Tool specification")
                summaryList([
                    ("System", t2.toolSpecification.systemArchitecture), ("Type of model", t2.toolSpecification.modelType),
                    ("Evaluation", t2.toolSpecification.evaluation), ("Maintenance", t2.toolSpecification.maintenance),
                    ("Documentation", t2.toolSpecification.documentation),
                ])
                heading(4, "Data")
                for source in t2.data {
                    summaryList([("Data", source.name), ("Description", source.description), ("Collection", source.collection),
                                 ("Sensitive attributes", source.sensitiveAttributes), ("Access and storage", source.accessAndStorage)])
                }
                heading(4, "Risks and how they are mitigated")
                table(caption: "Risks of \(t1.name.lowercased())", headers: ["Risk", "Mitigation"],
                      rows: t2.risks.map { [text($0.risk), text($0.mitigation)] })
                heading(4, "Impact assessments")
                el("ul") { for item in t2.impactAssessments { el("li") { item } } }
            }
        }
    }
}
