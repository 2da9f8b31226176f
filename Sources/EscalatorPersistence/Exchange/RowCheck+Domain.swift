import EscalatorCore
import Foundation

/// Checks that need the domain's rules or the database's reference data.
extension RowCheck {
    mutating func postcode(_ column: String) -> String? {
        guard let text = value(column) else { fail(column, "Enter a postcode"); return nil }
        guard let postcode = Postcode.normalised(text) else { fail(column, "Enter a real postcode, like B1 1AA"); return nil }
        return postcode
    }

    mutating func ward(_ column: String, in wardIDs: Set<String>) -> String? {
        guard let id = value(column) else { fail(column, "a ward id is required"); return nil }
        guard wardIDs.contains(id) else { fail(column, "'\(id)' is not a known ward; import area-statistics first"); return nil }
        return id
    }

    mutating func email(_ column: String) -> String? {
        guard let text = value(column) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), text.count <= 254, !text.contains(" ") else {
            fail(column, "Enter an email address in the correct format, like name@example.com")
            return nil
        }
        return text.lowercased()
    }

    /// The record a name refers to: exactly one must match.
    mutating func named<V>(_ column: String, in index: NameIndex<V>, what: String) -> V? {
        guard let name = value(column) else { fail(column, "the \(what)'s name is required"); return nil }
        return found(name, column, in: index, what: what)
    }

    mutating func found<V>(_ name: String, _ column: String, in index: NameIndex<V>, what: String) -> V? {
        switch index.find(name) {
        case .one(let value): return value
        case .none: fail(column, "no \(what) is named '\(name)'"); return nil
        case .several: fail(column, "more than one \(what) is named '\(name)'"); return nil
        }
    }

    /// `SKILLID:level;…` with levels 1 to 4 (or basic, working, proficient, expert). Blank is nil, so a
    /// format can give it a meaning; `none` is an empty list. A skill may appear once.
    mutating func skills(_ column: String, taxonomy: Taxonomy) -> [(id: String, level: Proficiency)]? {
        guard let text = value(column) else { return nil }
        if text.lowercased() == "none" { return [] }
        var result: [(id: String, level: Proficiency)] = []
        for item in list(column) {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                fail(column, "'\(item)' must be a skill id and a level, like B.DIGITAL:2")
                return []
            }
            guard taxonomy.skill(parts[0]) != nil else { fail(column, "'\(parts[0])' is not a skill in the taxonomy"); return [] }
            guard let level = Self.proficiency(parts[1]) else {
                fail(column, "the level of \(parts[0]) must be 1 to 4 (basic, working, proficient, expert), not '\(parts[1])'")
                return []
            }
            guard !result.contains(where: { $0.id == parts[0] }) else { fail(column, "\(parts[0]) appears more than once"); return [] }
            result.append((parts[0], level))
        }
        return result
    }

    static func proficiency(_ text: String) -> Proficiency? {
        if let number = Int(text) { return Proficiency(rawValue: number) }
        return Proficiency.allCases.first { $0.label.lowercased() == text.lowercased() }
    }

    /// A `;`-separated list of an enumeration's raw values, each kept once, in order.
    mutating func enumList<E: RawRepresentable & CaseIterable & Equatable>(_ column: String, _ type: E.Type) -> [E] where E.RawValue == String {
        var result: [E] = []
        for item in list(column) {
            guard let value = E(rawValue: item) ?? E(rawValue: item.lowercased()) else {
                fail(column, "'\(item)' is not one of: \(Self.allowed(E.self))")
                return []
            }
            if !result.contains(value) { result.append(value) }
        }
        return result
    }
}
