import EscalatorCore

enum AssessmentViews {
    /// The distance-from-work score with every factor's contribution, and the action plan it leads to.
    static func scoreAndPlan(score: DistanceFromWorkScore, assessment: Assessment, taxonomy: Taxonomy) -> Node {
        let plan = ActionPlan.make(for: assessment, score: score, taxonomy: taxonomy)
        return fragment {
            heading(2, "Distance from work")
            el("p", .class("body"), .id("distance-score")) {
                el("span", .class("stat")) { "\(score.total) of 100" }
                tag(score.band.label, colour: score.band <= .nearlyReady ? "green" : (score.band == .someWay ? "yellow" : "red"))
                " — assessed \(assessment.assessedOn.ukDate). Higher means further from work."
            }
            table(
                caption: "How the score is made up",
                headers: ["Factor", "Points", "Why"],
                rows: score.factors.map { [text($0.name), text(String($0.points)), text($0.explanation)] },
                numericColumns: [1])
            heading(2, "Action plan: steps up the escalator")
            el("ol", .class("action-plan"), .id("action-plan")) {
                for step in plan {
                    el("li") {
                        el("strong") { "\(step.stage.label): \(step.title)" }
                        voidEl("br")
                        el("span", .class("secondary-text")) { step.reason }
                    }
                }
            }
        }
    }
}
