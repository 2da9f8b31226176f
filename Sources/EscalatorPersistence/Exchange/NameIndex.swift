import Foundation

/// Records found by name, ignoring case and surrounding spaces, so import files can name an
/// organisation, employer or provider instead of quoting its id.
struct NameIndex<Value> {
    enum Found {
        case one(Value)
        case none
        case several
    }

    private var byKey: [String: [Value]] = [:]

    init(_ values: [Value], name: (Value) -> String) {
        for value in values { byKey[Self.key(name(value)), default: []].append(value) }
    }

    static func key(_ name: String) -> String { name.trimmingCharacters(in: .whitespaces).lowercased() }

    func find(_ name: String) -> Found {
        let values = byKey[Self.key(name)] ?? []
        return switch values.count {
        case 0: .none
        case 1: .one(values[0])
        default: .several
        }
    }

    func contains(_ name: String) -> Bool {
        if case .none = find(name) { false } else { true }
    }
}
