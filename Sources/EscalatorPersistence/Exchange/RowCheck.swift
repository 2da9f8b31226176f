import EscalatorCore
import Foundation

/// Reads one record field by field, collecting every problem (the first for each column) so one
/// report names them all. Values are trimmed, and an exporter's formula guard (`'=…`) is undone.
struct RowCheck {
    let record: CSVRecord
    private(set) var problems: [ImportProblem] = []

    init(_ record: CSVRecord) { self.record = record }

    var line: Int { record.line }
    var isValid: Bool { problems.isEmpty }

    func hasProblem(_ column: String) -> Bool { problems.contains { $0.column == column } }

    mutating func fail(_ column: String, _ reason: String) {
        if !problems.contains(where: { $0.column == column }) {
            problems.append(ImportProblem(line: record.line, column: column, reason: reason))
        }
    }

    /// The cleaned field, or nil when it is blank or the file has no such column.
    func value(_ column: String) -> String? {
        guard let raw = record[column] else { return nil }
        let text = ExchangeCell.read(raw)
        return text.isEmpty ? nil : text
    }

    mutating func requiredText(_ column: String, max: Int = 200) -> String? {
        guard let text = value(column) else { fail(column, "a value is required"); return nil }
        return limited(text, column, max: max)
    }

    mutating func optionalText(_ column: String, max: Int = 200) -> String? {
        value(column).flatMap { limited($0, column, max: max) }
    }

    private mutating func limited(_ text: String, _ column: String, max: Int) -> String? {
        guard text.count <= max else { fail(column, "must be \(max) characters or fewer"); return nil }
        return text
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ column: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let text = value(column) else { fail(column, "a value is required; one of: \(Self.allowed(E.self))"); return nil }
        guard let parsed = E(rawValue: text) ?? E(rawValue: text.lowercased()) else {
            fail(column, "'\(text)' is not one of: \(Self.allowed(E.self))")
            return nil
        }
        return parsed
    }

    static func allowed<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> String where E.RawValue == String {
        E.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// A whole number in `range`; `fallback` when blank, or a problem when there is none.
    mutating func int(_ column: String, _ range: ClosedRange<Int>, fallback: Int? = nil) -> Int? {
        guard let text = value(column) else {
            if fallback == nil { fail(column, "a whole number from \(range.lowerBound) to \(range.upperBound) is required") }
            return fallback
        }
        guard let number = Int(text) else { fail(column, "'\(text)' is not a whole number"); return nil }
        guard range.contains(number) else { fail(column, "must be from \(range.lowerBound) to \(range.upperBound)"); return nil }
        return number
    }

    mutating func double(_ column: String, _ range: ClosedRange<Double>) -> Double? {
        guard let text = value(column) else { fail(column, "a number is required"); return nil }
        guard let number = Double(text), number.isFinite else { fail(column, "'\(text)' is not a number"); return nil }
        guard range.contains(number) else { fail(column, "must be from \(range.lowerBound) to \(range.upperBound)"); return nil }
        return number
    }

    /// `true` or `false` (also yes/no, 1/0); blank is `fallback`.
    mutating func bool(_ column: String, fallback: Bool = false) -> Bool {
        guard let text = value(column)?.lowercased() else { return fallback }
        if ["true", "yes", "1"].contains(text) { return true }
        if ["false", "no", "0"].contains(text) { return false }
        fail(column, "'\(text)' must be true or false")
        return fallback
    }

    /// A `yyyy-MM-dd` date; blank is nil, with a problem when `required`.
    mutating func date(_ column: String, required: Bool) -> Date? {
        guard let text = value(column) else {
            if required { fail(column, "a date like 2026-03-31 is required") }
            return nil
        }
        guard let date = Date(isoDay: text) else { fail(column, "'\(text)' must be a real date in the form 2026-03-31"); return nil }
        return date
    }

    /// Pounds (`12.50`, `£12.50`) to pence, within `range` pence.
    mutating func pence(_ column: String, _ range: ClosedRange<Int>) -> Int? {
        guard let text = value(column)?.replacingOccurrences(of: "£", with: "") else {
            fail(column, "an amount in pounds, like 12.50, is required")
            return nil
        }
        guard let pence = ExchangeCell.pence(fromPounds: text) else {
            fail(column, "'\(text)' must be an amount in pounds with at most two decimal places, like 12.50")
            return nil
        }
        guard range.contains(pence) else {
            fail(column, "must be from \(ExchangeCell.pounds(range.lowerBound)) to \(ExchangeCell.pounds(range.upperBound))")
            return nil
        }
        return pence
    }

    /// An RQF level, 0 (entry) to 8; blank is `fallback` (nil: optional).
    mutating func rqfLevel(_ column: String, fallback: RQFLevel?) -> RQFLevel? {
        guard let text = value(column) else { return fallback }
        guard let number = Int(text), let level = RQFLevel(rawValue: number) else {
            fail(column, "'\(text)' must be a level from 0 (entry) to 8")
            return nil
        }
        return level
    }

    /// The items of a `;`-separated list, trimmed, blanks dropped.
    func list(_ column: String) -> [String] {
        guard let text = value(column) else { return [] }
        return text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
