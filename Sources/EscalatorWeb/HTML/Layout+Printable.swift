extension Layout {
    /// A document to print or save as PDF: the shared stylesheet (whose print rules apply), a title and the
    /// content, without the service's header, navigation, banner or footer.
    public static func printable(title: String, @NodeBuilder content: () -> [Node]) -> String {
        let body = content()
        return fragment {
            Node.raw("<!DOCTYPE html>")
            el("html", Attribute("lang", "en-GB")) {
                el("head") {
                    voidEl("meta", Attribute("charset", "utf-8"))
                    voidEl("meta", .name("viewport"), Attribute("content", "width=device-width, initial-scale=1"))
                    el("title") { "\(title) – Escalator" }
                    voidEl("link", Attribute("rel", "stylesheet"), .href("/styles.css"))
                }
                el("body", .class("printable")) {
                    el("main", .id("main"), Attribute("role", "main"), .class("printable-page")) { body }
                }
            }
        }.render()
    }
}
