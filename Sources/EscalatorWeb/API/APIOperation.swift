import EscalatorCore

/// One documented endpoint of `/api/v1`. The catalogue of them builds the OpenAPI document, and a
/// test checks it against the routes the app really registers.
struct APIOperation: Sendable {
    struct QueryParameter: Sendable {
        var name: String
        var schema: JSONValue
        var description: String
        var required: Bool = false
    }

    var method: String
    /// Vapor style, e.g. `/api/v1/clients/:clientID`.
    var path: String
    var summary: String
    var tag: String
    /// Roles that may call it; empty for open endpoints.
    var roles: [Role]
    var query: [QueryParameter] = []
    var body: JSONValue? = nil
    var bodyIsForm = false
    var status: Int = 200
    var response: JSONValue? = nil
    /// Error statuses besides 400 and 401 (always possible on authenticated endpoints).
    var errors: [Int] = []

    var openAPIPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map {
            $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0)
        }.joined(separator: "/")
    }

    var pathParameters: [String] {
        path.split(separator: "/").filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
    }

    var routeKey: String { method.uppercased() + " " + path }
}

/// Shorthands for JSON Schema fragments.
enum S {
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static let string: JSONValue = ["type": "string"]
    static let integer: JSONValue = ["type": "integer"]
    static let number: JSONValue = ["type": "number"]
    static let boolean: JSONValue = ["type": "boolean"]
    static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    static let date: JSONValue = ["type": "string", "format": "date"]
    static let dateTime: JSONValue = ["type": "string", "format": "date-time"]
    static func nullable(_ schema: JSONValue) -> JSONValue {
        if case .object(let pairs) = schema, schema["$ref"] == nil { return .object(pairs + [("nullable", true)]) }
        return ["allOf": [schema], "nullable": true]
    }
    static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    static func integer(_ range: ClosedRange<Int>) -> JSONValue {
        ["type": "integer", "minimum": .number(Double(range.lowerBound)), "maximum": .number(Double(range.upperBound))]
    }
    static func enumeration<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> JSONValue where E.RawValue == String {
        ["type": "string", "enum": .array(E.allCases.map { .string($0.rawValue) })]
    }
    static func intEnumeration<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> JSONValue where E.RawValue == Int {
        ["type": "integer", "enum": .array(E.allCases.map { .number(Double($0.rawValue)) })]
    }
    /// An object; properties marked required are listed in `required`. Extra properties are allowed.
    static func object(_ properties: [(String, JSONValue)], required: [String] = []) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("type", "object"), ("properties", .object(properties))]
        if !required.isEmpty { pairs.append(("required", .array(required.map { .string($0) }))) }
        return .object(pairs)
    }
    static func paged(_ item: String) -> JSONValue {
        object([("items", array(ref(item))), ("page", S.integer(1...PageRequest.maximumPage)), ("size", integer(1...PageRequest.maximumSize)),
                ("total", ["type": "integer", "minimum": 0])],
               required: ["items", "page", "size", "total"])
    }
    /// Text the validator requires to be non-blank and at most `max` characters long.
    static func text(max: Int) -> JSONValue { ["type": "string", "minLength": 1, "maxLength": .number(Double(max))] }
    static func string(maxLength: Int) -> JSONValue { ["type": "string", "maxLength": .number(Double(maxLength))] }
    static func number(_ range: ClosedRange<Double>) -> JSONValue {
        ["type": "number", "minimum": .number(range.lowerBound), "maximum": .number(range.upperBound)]
    }
    /// The schema with a description (not for a bare `$ref`, whose siblings OpenAPI 3.0 ignores).
    static func described(_ schema: JSONValue, _ description: String) -> JSONValue {
        guard case .object(let pairs) = schema, schema["$ref"] == nil else { return ["allOf": [schema], "description": .string(description)] }
        return .object(pairs + [("description", .string(description))])
    }
    static func anyOf(_ schemas: JSONValue...) -> JSONValue { ["anyOf": .array(schemas)] }
    static func oneOf(_ schemas: JSONValue...) -> JSONValue { ["oneOf": .array(schemas)] }
    /// A string with one of the given values (for enums the core does not list as `CaseIterable`).
    static func strings(_ values: [String]) -> JSONValue { ["type": "string", "enum": .array(values.map { .string($0) })] }
    static func array(_ items: JSONValue, maxItems: Int) -> JSONValue { ["type": "array", "items": items, "maxItems": .number(Double(maxItems))] }
    /// A whole number an input also accepts as text (`"3"`), as a form would send it.
    static func wholeNumberOrText(_ schema: JSONValue) -> JSONValue { anyOf(schema, ["type": "string", "pattern": "^\\s*-?[0-9]+\\s*$"]) }
    /// A number an input also accepts as text (`"12.5"`).
    static func numberOrText(_ schema: JSONValue) -> JSONValue { anyOf(schema, ["type": "string"]) }
    /// A yes/no an input accepts as `true`/`false`, `1`/`0` or the text `true`, `false`, `yes`, `no`, `on`, `off`, `1`, `0`.
    static let flag: JSONValue = anyOf(boolean, ["type": "integer", "enum": [0, 1]],
                                       strings(["true", "false", "yes", "no", "on", "off", "1", "0"]))
}

extension APIOperation {
    static let pagination: [QueryParameter] = [
        QueryParameter(name: "page", schema: S.integer(1...PageRequest.maximumPage), description: "Page number, from 1."),
        QueryParameter(name: "size", schema: ["type": "integer", "minimum": 1],
                       description: "Items per page (default \(PageRequest.defaultSize); more than \(PageRequest.maximumSize) is treated as \(PageRequest.maximumSize))."),
    ]
}
