/// Element helpers: `el("p", .class("x")) { "text" }`. Attributes are built with the static helpers below.
public func el(_ tag: String, _ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
    .element(tag, attributes, content())
}

public func el(_ tag: String, _ attributes: [Attribute], @NodeBuilder content: () -> [Node] = { [] }) -> Node {
    .element(tag, attributes, content())
}

public func voidEl(_ tag: String, _ attributes: Attribute...) -> Node { .void(tag, attributes) }
public func voidEl(_ tag: String, _ attributes: [Attribute]) -> Node { .void(tag, attributes) }

public func text(_ string: String) -> Node { .text(string) }

public func fragment(@NodeBuilder _ content: () -> [Node]) -> Node { .fragment(content()) }

extension Attribute {
    public static func `class`(_ value: String) -> Attribute { Attribute("class", value) }
    public static func id(_ value: String) -> Attribute { Attribute("id", value) }
    public static func href(_ value: String) -> Attribute { Attribute("href", value) }
    public static func name(_ value: String) -> Attribute { Attribute("name", value) }
    public static func value(_ value: String) -> Attribute { Attribute("value", value) }
    public static func type(_ value: String) -> Attribute { Attribute("type", value) }
    public static func `for`(_ value: String) -> Attribute { Attribute("for", value) }
    public static func aria(_ name: String, _ value: String) -> Attribute { Attribute("aria-" + name, value) }
    public static func data(_ name: String, _ value: String) -> Attribute { Attribute("data-" + name, value) }
    public static func flag(_ name: String) -> Attribute { Attribute(name, nil) }
}

public func link(_ title: String, to href: String, class className: String? = nil) -> Node {
    var attributes = [Attribute.href(href)]
    if let className { attributes.append(.class(className)) }
    return .element("a", attributes, [.text(title)])
}

public func heading(_ level: Int, _ title: String, class className: String? = nil) -> Node {
    let size = ["", "xl", "l", "m", "s", "s", "s"][min(level, 6)]
    return .element("h\(level)", [.class(className ?? "heading-\(size)")], [.text(title)])
}

public func paragraph(_ string: String, class className: String = "body") -> Node {
    .element("p", [.class(className)], [.text(string)])
}

/// A `<dl>` of label/value rows, as on a GOV.UK summary list.
public func summaryList(_ rows: [(String, Node)]) -> Node {
    el("dl", .class("summary-list")) {
        for (label, value) in rows {
            el("div", .class("summary-row")) {
                el("dt") { label }
                el("dd") { value }
            }
        }
    }
}

public func summaryList(_ rows: [(String, String)]) -> Node {
    summaryList(rows.map { ($0.0, Node.text($0.1)) })
}

/// A table with a caption and a header row; each row's cells are nodes.
public func table(caption: String, headers: [String], rows: [[Node]], numericColumns: Set<Int> = []) -> Node {
    el("table", .class("table")) {
        el("caption", .class("table-caption")) { caption }
        el("thead") {
            el("tr") {
                for (index, header) in headers.enumerated() {
                    el("th", Attribute("scope", "col"), .class(numericColumns.contains(index) ? "numeric" : "")) { header }
                }
            }
        }
        el("tbody") {
            for row in rows {
                el("tr") {
                    for (index, cell) in row.enumerated() {
                        el("td", .class(numericColumns.contains(index) ? "numeric" : "")) { cell }
                    }
                }
            }
        }
    }
}

public func tag(_ title: String, colour: String = "grey") -> Node {
    el("strong", .class("tag tag-\(colour)")) { title }
}
