import EscalatorCore

/// A problem with one field of a form or a JSON body. `field` is the form name / JSON key.
public struct FieldError: Sendable, Hashable, Codable {
    public var field: String
    public var message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

/// What a form shows: the values entered (or the record's current values) and any errors.
public struct FormState: Sendable {
    public var values: [String: String]
    public var lists: [String: [String]]
    public var errors: [FieldError]
    public var csrfToken: String

    public init(values: [String: String] = [:], lists: [String: [String]] = [:], errors: [FieldError] = [], csrfToken: String) {
        self.values = values
        self.lists = lists
        self.errors = errors
        self.csrfToken = csrfToken
    }

    public func value(_ name: String) -> String { values[name] ?? "" }
    public func error(_ name: String) -> String? { errors.first { $0.field == name }?.message }
    public func list(_ name: String) -> [String] { lists[name] ?? [] }
}

public enum Form {
    /// The error summary at the top of a form, linking each message to its field.
    public static func errorSummary(_ errors: [FieldError]) -> Node {
        guard !errors.isEmpty else { return .empty }
        return el("div", .class("error-summary"), Attribute("role", "alert"), Attribute("tabindex", "-1"), .aria("labelledby", "error-summary-title")) {
            el("h2", .class("error-summary-title"), .id("error-summary-title")) { "There is a problem" }
            el("ul", .class("error-summary-list")) {
                for error in errors {
                    el("li") { link(error.message, to: "#\(fieldID(error.field))") }
                }
            }
        }
    }

    public static func fieldID(_ name: String) -> String {
        "f-" + name.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    public static func form(action: String, state: FormState, submit: String, @NodeBuilder fields: () -> [Node]) -> Node {
        el("form", Attribute("method", "post"), Attribute("action", action), Attribute("novalidate", nil)) {
            errorSummary(state.errors)
            voidEl("input", .type("hidden"), .name("_csrf"), .value(state.csrfToken))
            fields()
            el("button", .type("submit"), .class("button")) { submit }
        }
    }

    static func group(_ name: String, state: FormState, label: String, hint: String?, @NodeBuilder control: () -> [Node]) -> Node {
        let error = state.error(name)
        return el("div", .class(error == nil ? "form-group" : "form-group form-group-error")) {
            el("label", .class("label"), .for(fieldID(name))) { label }
            if let hint { el("div", .class("hint"), .id(fieldID(name) + "-hint")) { hint } }
            if let error {
                el("p", .class("error-message"), .id(fieldID(name) + "-error")) {
                    el("span", .class("visually-hidden")) { "Error: " }
                    error
                }
            }
            control()
        }
    }

    static func describedBy(_ name: String, state: FormState, hint: String?) -> [Attribute] {
        var ids: [String] = []
        if hint != nil { ids.append(fieldID(name) + "-hint") }
        if state.error(name) != nil { ids.append(fieldID(name) + "-error") }
        return ids.isEmpty ? [] : [.aria("describedby", ids.joined(separator: " "))]
    }

    public static func input(_ name: String, label: String, state: FormState, type: String = "text", hint: String? = nil, width: String? = nil, extra: [Attribute] = []) -> Node {
        group(name, state: state, label: label, hint: hint) {
            voidEl("input", [
                .class("input" + (width.map { " input-\($0)" } ?? "") + (state.error(name) == nil ? "" : " input-error")),
                .id(fieldID(name)), .name(name), .type(type), .value(state.value(name)),
            ] + describedBy(name, state: state, hint: hint) + extra)
        }
    }

    public static func textarea(_ name: String, label: String, state: FormState, hint: String? = nil, rows: Int = 4) -> Node {
        group(name, state: state, label: label, hint: hint) {
            el("textarea", [.class("textarea"), .id(fieldID(name)), .name(name), Attribute("rows", String(rows))]
                + describedBy(name, state: state, hint: hint)) { state.value(name) }
        }
    }

    /// A select whose options are (value, label) pairs. An empty first option is added unless `required` is false.
    public static func select(_ name: String, label: String, state: FormState, options: [(String, String)], hint: String? = nil, prompt: String? = "Choose…") -> Node {
        group(name, state: state, label: label, hint: hint) {
            el("select", [.class("select"), .id(fieldID(name)), .name(name)] + describedBy(name, state: state, hint: hint)) {
                if let prompt { el("option", .value("")) { prompt } }
                for (value, title) in options {
                    el("option", value == state.value(name) ? [.value(value), .flag("selected")] : [.value(value)]) { title }
                }
            }
        }
    }

    /// A fieldset of checkboxes sharing one name (`name[]` in the form body).
    public static func checkboxes(_ name: String, legend: String, state: FormState, options: [(String, String)], hint: String? = nil) -> Node {
        let selected = Set(state.list(name))
        let error = state.error(name)
        return el("div", .class(error == nil ? "form-group" : "form-group form-group-error"), .id(fieldID(name))) {
            el("fieldset", .class("fieldset")) {
                el("legend", .class("fieldset-legend")) { legend }
                if let hint { el("div", .class("hint")) { hint } }
                if let error { el("p", .class("error-message")) { error } }
                el("div", .class("checkboxes")) {
                    for (index, option) in options.enumerated() {
                        let id = fieldID(name) + "-\(index)"
                        el("div", .class("checkbox")) {
                            voidEl("input", [.type("checkbox"), .id(id), .name(name + "[]"), .value(option.0)]
                                + (selected.contains(option.0) ? [.flag("checked")] : []))
                            el("label", .for(id)) { option.1 }
                        }
                    }
                }
            }
        }
    }

    public static func radios(_ name: String, legend: String, state: FormState, options: [(String, String)]) -> Node {
        let error = state.error(name)
        return el("div", .class(error == nil ? "form-group" : "form-group form-group-error"), .id(fieldID(name))) {
            el("fieldset", .class("fieldset")) {
                el("legend", .class("fieldset-legend")) { legend }
                if let error { el("p", .class("error-message")) { error } }
                for (index, option) in options.enumerated() {
                    let id = fieldID(name) + "-\(index)"
                    el("div", .class("radio")) {
                        voidEl("input", [.type("radio"), .id(id), .name(name), .value(option.0)]
                            + (state.value(name) == option.0 ? [.flag("checked")] : []))
                        el("label", .for(id)) { option.1 }
                    }
                }
            }
        }
    }

    /// A small POST form with only a button, for actions such as "Withdraw consent".
    public static func actionButton(_ title: String, action: String, csrfToken: String, hidden: [(String, String)] = [], secondary: Bool = true) -> Node {
        el("form", Attribute("method", "post"), Attribute("action", action), .class("inline-form")) {
            voidEl("input", .type("hidden"), .name("_csrf"), .value(csrfToken))
            for (name, value) in hidden { voidEl("input", .type("hidden"), .name(name), .value(value)) }
            el("button", .type("submit"), .class(secondary ? "button button-secondary" : "button")) { title }
        }
    }
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// (raw value, label) pairs for a select or checkboxes.
    static func options(_ label: (Self) -> String) -> [(String, String)] {
        allCases.map { ($0.rawValue, label($0)) }
    }
}
