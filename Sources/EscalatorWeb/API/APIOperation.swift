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
        object([("items", array(ref(item))), ("page", integer), ("size", integer), ("total", integer)],
               required: ["items", "page", "size", "total"])
    }
}

extension APIOperation {
    static let pagination: [QueryParameter] = [
        QueryParameter(name: "page", schema: ["type": "integer", "minimum": 1], description: "Page number, from 1."),
        QueryParameter(name: "size", schema: ["type": "integer", "minimum": 1, "maximum": 200], description: "Items per page (default 25)."),
    ]
}
