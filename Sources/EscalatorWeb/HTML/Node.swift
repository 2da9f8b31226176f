/// A fragment of HTML. Text is escaped when rendered; `raw` is trusted markup and is used only by
/// this module's own helpers.
public indirect enum Node: Sendable {
    case element(String, [Attribute], [Node])
    case void(String, [Attribute])
    case text(String)
    case raw(String)
    case fragment([Node])

    public func render() -> String {
        var out = ""
        out.reserveCapacity(4096)
        render(into: &out)
        return out
    }

    func render(into out: inout String) {
        switch self {
        case .element(let tag, let attributes, let children):
            out += "<" + tag
            for attribute in attributes { attribute.render(into: &out) }
            out += ">"
            for child in children { child.render(into: &out) }
            out += "</" + tag + ">"
        case .void(let tag, let attributes):
            out += "<" + tag
            for attribute in attributes { attribute.render(into: &out) }
            out += ">"
        case .text(let text):
            out += Self.escape(text)
        case .raw(let markup):
            out += markup
        case .fragment(let nodes):
            for node in nodes { node.render(into: &out) }
        }
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public static let empty = Node.fragment([])
}

public struct Attribute: Sendable {
    public var name: String
    /// nil renders a bare boolean attribute such as `required`.
    public var value: String?

    public init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }

    func render(into out: inout String) {
        out += " " + name
        if let value { out += "=\"" + Node.escape(value) + "\"" }
    }
}

@resultBuilder
public enum NodeBuilder {
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    public static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    public static func buildOptional(_ nodes: [Node]?) -> [Node] { nodes ?? [] }
    public static func buildEither(first nodes: [Node]) -> [Node] { nodes }
    public static func buildEither(second nodes: [Node]) -> [Node] { nodes }
    public static func buildArray(_ parts: [[Node]]) -> [Node] { parts.flatMap { $0 } }
}
