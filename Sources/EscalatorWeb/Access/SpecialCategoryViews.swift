import EscalatorCore

/// Page parts that say what of a client's special-category data is not shown, and why.
enum SpecialCategoryViews {
    /// A sentence for viewers who see less than everything; nil for those who see it all.
    static func withheldNotice(_ view: SpecialCategoryView) -> Node? {
        guard !view.withheld.isEmpty else { return nil }
        let sentence = view.showsAllBarriers
            ? "Assessment notes and equality monitoring are shown only to the client's own organisation."
            : "You see only the barriers your organisation's programmes give this client support with; other barriers, assessment notes and equality monitoring are shown only to the client's own organisation."
        return el("p", .class("body secondary-text"), .id("special-category-withheld")) { sentence }
    }

    /// The client's barriers a programme supports: what the provider needs to know to help.
    static func supportNeeds(_ needed: [Barrier]) -> Node {
        fragment {
            heading(2, "Support the client needs from this programme")
            if needed.isEmpty {
                paragraph("None recorded that this programme supports.")
            } else {
                table(
                    caption: "Barriers this programme gives support with",
                    headers: ["Barrier", "Severity", "Support offered"],
                    rows: needed.map { [text($0.kind.label), text($0.severity.label), text($0.kind.supportOffered)] })
            }
        }
    }
}
