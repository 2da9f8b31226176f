import Foundation

/// A parsed JSON value that keeps true/false, whole numbers and fractions apart (JSONSerialization does not).
enum JSON: Decodable, Equatable, CustomStringConvertible {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSON]), object([String: JSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSON].self)) }
    }

    static func parse(_ text: String) throws -> JSON { try JSONDecoder().decode(JSON.self, from: Data(text.utf8)) }

    subscript(key: String) -> JSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    subscript(index: Int) -> JSON? {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] }
        return nil
    }

    var string: String? { if case .string(let s) = self { s } else { nil } }
    var array: [JSON]? { if case .array(let a) = self { a } else { nil } }
    var object: [String: JSON]? { if case .object(let o) = self { o } else { nil } }
    var number: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    /// The value with `key` set (or removed, for nil); for building request bodies from responses.
    func setting(_ key: String, _ value: JSON?) -> JSON {
        guard case .object(var o) = self else { return self }
        o[key] = value
        return .object(o)
    }

    /// Compact JSON text.
    var text: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s):
            let data = try! JSONEncoder().encode(s)
            return String(decoding: data, as: UTF8.self)
        case .array(let a): return "[" + a.map(\.text).joined(separator: ",") + "]"
        case .object(let o):
            return "{" + o.keys.sorted().map { JSON.string($0).text + ":" + o[$0]!.text }.joined(separator: ",") + "}"
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .int(let i): "\(i)"
        case .double(let d): "\(d)"
        case .string(let s): "\"\(s)\""
        case .array(let a): "[\(a.count) items]"
        case .object(let o): "{\(o.keys.sorted().joined(separator: ","))}"
        }
    }
}

/// Checks JSON values against the schemas of an OpenAPI 3.0 document: `$ref`, `allOf`/`anyOf`/`oneOf`, `nullable`,
/// types, `enum`, formats (uuid, date, date-time), ranges, lengths, `pattern`, `required`, `items`. Strict: a
/// property the schema does not list is a problem too, so the document must name everything the API sends.
struct SchemaValidator {
    let document: JSON
    var strict = true

    /// The problems with `value`, each naming its JSON path; empty when it conforms.
    func problems(_ value: JSON, _ schema: JSON, at path: String = "$") -> [String] {
        guard let s = schema.object else { return ["\(path): schema is not an object"] }
        if let ref = s["$ref"]?.string {
            guard let target = resolve(ref) else { return ["\(path): unresolvable \(ref)"] }
            return problems(value, target, at: path)
        }
        if value == .null {
            if s["nullable"] == .bool(true) { return [] }
            // A null passes a composition only when the composition allows it.
            if s["type"] == nil, s["allOf"] == nil, s["anyOf"] == nil, s["oneOf"] == nil { return [] }
            if s["type"] == nil, let any = s["anyOf"]?.array, any.contains(where: { problems(.null, $0, at: path).isEmpty }) { return [] }
            return ["\(path): null where \(s["type"]?.string ?? "a value") is documented (not nullable)"]
        }
        var found: [String] = []
        if let all = s["allOf"]?.array {
            for sub in all { found += problems(value, sub, at: path) }
        }
        if let any = s["anyOf"]?.array {
            let results = any.map { problems(value, $0, at: path) }
            if !results.contains(where: \.isEmpty) {
                found.append("\(path): \(value) matches none of anyOf (\(results.map { $0.first ?? "" }.joined(separator: " | ")))")
            }
        }
        if let one = s["oneOf"]?.array {
            let passing = one.filter { problems(value, $0, at: path).isEmpty }.count
            if passing != 1 { found.append("\(path): \(value) matches \(passing) of oneOf, not exactly one") }
        }
        if let type = s["type"]?.string, !Self.hasType(value, type) {
            return found + ["\(path): \(value) is not of type \(type)"]
        }
        if let allowed = s["enum"]?.array, !allowed.contains(where: { Self.same($0, value) }) {
            found.append("\(path): \(value) is not one of \(allowed)")
        }
        switch value {
        case .string(let text):
            if let format = s["format"]?.string, !Self.hasFormat(text, format) { found.append("\(path): \"\(text)\" is not a \(format)") }
            if let min = s["minLength"]?.number, Double(text.count) < min { found.append("\(path): shorter than \(Int(min))") }
            if let max = s["maxLength"]?.number, Double(text.count) > max { found.append("\(path): longer than \(Int(max))") }
            if let pattern = s["pattern"]?.string, text.range(of: pattern, options: .regularExpression) == nil {
                found.append("\(path): \"\(text)\" does not match \(pattern)")
            }
        case .int, .double:
            let number = value.number!
            if let min = s["minimum"]?.number, number < min { found.append("\(path): \(number) is below \(min)") }
            if let max = s["maximum"]?.number, number > max { found.append("\(path): \(number) is above \(max)") }
        case .array(let items):
            if let min = s["minItems"]?.number, Double(items.count) < min { found.append("\(path): fewer than \(Int(min)) items") }
            if let max = s["maxItems"]?.number, Double(items.count) > max { found.append("\(path): more than \(Int(max)) items") }
            if let itemSchema = s["items"] {
                for (index, item) in items.enumerated() { found += problems(item, itemSchema, at: "\(path)[\(index)]") }
            }
        case .object(let members):
            for name in s["required"]?.array?.compactMap(\.string) ?? [] where members[name] == nil {
                found.append("\(path): required property \(name) is missing")
            }
            let properties = s["properties"]?.object ?? [:]
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                if let propertySchema = properties[name] {
                    found += problems(member, propertySchema, at: "\(path).\(name)")
                } else if let extra = s["additionalProperties"], extra.object != nil {
                    found += problems(member, extra, at: "\(path).\(name)")
                } else if strict, s["properties"] != nil, s["additionalProperties"] != .bool(true) {
                    found.append("\(path): property \(name) is not documented")
                }
            }
        default:
            break
        }
        return found
    }

    /// The schema a JSON pointer (`items`, `0`, `id`) reaches inside `schema`, following `$ref`, `allOf` and array items.
    func schema(at pointer: [String], in schema: JSON) -> JSON? {
        var node = schema
        if let ref = node["$ref"]?.string, let target = resolve(ref) { node = target }
        if let wrapped = node["allOf"]?.array?.first, node["properties"] == nil { return self.schema(at: pointer, in: wrapped) }
        guard let first = pointer.first else { return node }
        if Int(first) != nil, let items = node["items"] { return self.schema(at: Array(pointer.dropFirst()), in: items) }
        guard let property = node["properties"]?[first] else { return nil }
        return self.schema(at: Array(pointer.dropFirst()), in: property)
    }

    func resolve(_ ref: String) -> JSON? {
        let parts = ref.split(separator: "/").map(String.init)
        guard parts.first == "#" else { return nil }
        var node: JSON? = document
        for part in parts.dropFirst() { node = node?[part] }
        return node
    }

    /// The documented operation for a method and an OpenAPI path (`/api/v1/clients/{clientID}`).
    func operation(_ method: String, _ path: String) -> JSON? {
        document["paths"]?[path]?[method.lowercased()]
    }

    /// The schema of the JSON body documented for this status, following `$ref`s to shared responses; nil when the
    /// status is not documented at all, `.null` when it is documented without a body.
    func responseSchema(_ operation: JSON, status: Int) -> JSON? {
        guard var response = operation["responses"]?[String(status)] else { return nil }
        if let ref = response["$ref"]?.string, let shared = resolve(ref) { response = shared }
        return response["content"]?["application/json"]?["schema"] ?? .null
    }

    static func hasType(_ value: JSON, _ type: String) -> Bool {
        switch (type, value) {
        case ("string", .string), ("integer", .int), ("number", .int), ("number", .double), ("boolean", .bool),
             ("array", .array), ("object", .object): true
        default: false
        }
    }

    static func same(_ a: JSON, _ b: JSON) -> Bool {
        if let x = a.number, let y = b.number { return x == y }
        return a == b
    }

    static func hasFormat(_ text: String, _ format: String) -> Bool {
        switch format {
        case "uuid":
            return UUID(uuidString: text) != nil
        case "date":
            guard text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil else { return false }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd"
            return formatter.date(from: text).map { formatter.string(from: $0) == text } ?? false
        case "date-time":
            let plain = ISO8601DateFormatter()
            let fractional = ISO8601DateFormatter()
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return plain.date(from: text) != nil || fractional.date(from: text) != nil
        default:
            return true
        }
    }
}
