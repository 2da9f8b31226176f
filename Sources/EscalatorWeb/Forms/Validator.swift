import EscalatorCore
import Foundation

/// Collects every problem with an input, field by field, so one answer names them all.
struct Validator {
    private(set) var errors: [FieldError] = []

    mutating func fail(_ field: String, _ message: String) {
        if !errors.contains(where: { $0.field == field }) { errors.append(FieldError(field, message)) }
    }

    func throwIfFailed() throws {
        if !errors.isEmpty { throw AppError.validation(errors) }
    }

    static func trimmed(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    mutating func requiredText(_ value: String?, _ field: String, _ missing: String, max: Int = 200) -> String? {
        guard let text = Self.trimmed(value) else { fail(field, missing); return nil }
        guard text.count <= max else { fail(field, "\(field) must be \(max) characters or fewer"); return nil }
        return text
    }

    mutating func optionalText(_ value: String?, _ field: String, max: Int = 2000) -> String? {
        guard let text = Self.trimmed(value) else { return nil }
        guard text.count <= max else { fail(field, "\(field) must be \(max) characters or fewer"); return nil }
        return text
    }

    mutating func optionalEmail(_ value: String?, _ field: String) -> String? {
        guard let text = Self.trimmed(value) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), text.count <= 254, !text.contains(" ") else {
            fail(field, "Enter an email address in the correct format, like name@example.com")
            return nil
        }
        return text.lowercased()
    }

    /// A UK postcode, normalised to upper case with one space before the inward code.
    mutating func postcode(_ value: String?, _ field: String) -> String? {
        guard let text = Self.trimmed(value) else { fail(field, "Enter a postcode"); return nil }
        guard let postcode = Postcode.normalised(text) else {
            fail(field, "Enter a real postcode, like B1 1AA")
            return nil
        }
        return postcode
    }

    mutating func optionalDate(_ value: String?, _ field: String, label: String) -> Date? {
        guard let text = Self.trimmed(value) else { return nil }
        guard let date = Date(isoDay: text) else { fail(field, "\(label) must be a real date in the form 2026-03-31"); return nil }
        return date
    }

    mutating func requiredDate(_ value: String?, _ field: String, label: String) -> Date? {
        guard Self.trimmed(value) != nil else { fail(field, "Enter the \(label.lowercased())"); return nil }
        return optionalDate(value, field, label: label)
    }

    mutating func choice(_ value: String?, _ field: String, in allowed: Set<String>, missing: String) -> String? {
        guard let text = Self.trimmed(value) else { fail(field, missing); return nil }
        guard allowed.contains(text) else { fail(field, "\(field) '\(text)' is not one of the known values"); return nil }
        return text
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ value: String?, _ field: String, _ type: E.Type, missing: String) -> E? where E.RawValue == String {
        guard let text = Self.trimmed(value) else { fail(field, missing); return nil }
        guard let parsed = E(rawValue: text) else {
            fail(field, "\(field) must be one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return parsed
    }

    mutating func int(_ value: String?, _ field: String, label: String, range: ClosedRange<Int>, required: Bool = true) -> Int? {
        guard let text = Self.trimmed(value) else {
            if required { fail(field, "Enter the \(label.lowercased())") }
            return nil
        }
        guard let number = Int(text) else { fail(field, "\(label) must be a whole number"); return nil }
        guard range.contains(number) else { fail(field, "\(label) must be between \(range.lowerBound) and \(range.upperBound)"); return nil }
        return number
    }

    mutating func double(_ value: String?, _ field: String, label: String, range: ClosedRange<Double>) -> Double? {
        guard let text = Self.trimmed(value) else { fail(field, "Enter the \(label.lowercased())"); return nil }
        guard let number = Double(text), number.isFinite else { fail(field, "\(label) must be a number"); return nil }
        guard range.contains(number) else {
            fail(field, "\(label) must be between \(Int(range.lowerBound)) and \(Int(range.upperBound))")
            return nil
        }
        return number
    }

    /// Money in pounds ("12.50") to pence.
    mutating func pence(_ value: String?, _ field: String, label: String, range: ClosedRange<Int>) -> Int? {
        guard let text = Self.trimmed(value)?.replacingOccurrences(of: "£", with: "") else { fail(field, "Enter the \(label.lowercased())"); return nil }
        guard let amount = Decimal(string: text), amount >= 0 else { fail(field, "\(label) must be an amount in pounds, like 12.50"); return nil }
        let pence = NSDecimalNumber(decimal: amount * 100).rounding(accordingToBehavior: nil).intValue
        guard range.contains(pence) else {
            fail(field, "\(label) must be between \(pounds(range.lowerBound)) and \(pounds(range.upperBound))")
            return nil
        }
        return pence
    }

    private func pounds(_ pence: Int) -> String { String(format: "£%d.%02d", pence / 100, pence % 100) }

    mutating func bool(_ value: String?) -> Bool {
        guard let text = Self.trimmed(value)?.lowercased() else { return false }
        return ["true", "on", "yes", "1"].contains(text)
    }

    mutating func uuid(_ value: String?, _ field: String, missing: String) -> UUID? {
        guard let text = Self.trimmed(value) else { fail(field, missing); return nil }
        guard let id = UUID(uuidString: text) else { fail(field, "\(field) must be an id like 3F2504E0-4F89-11D3-9A0C-0305E82C3301"); return nil }
        return id
    }

    mutating func uuidList(_ values: [String], _ field: String, allowed: Set<UUID>, what: String) -> [UUID] {
        var result: [UUID] = []
        for (index, raw) in values.enumerated() where Self.trimmed(raw) != nil {
            guard let id = UUID(uuidString: raw.trimmingCharacters(in: .whitespaces)), allowed.contains(id) else {
                fail(field, "\(field)[\(index)] is not a known \(what)")
                continue
            }
            if !result.contains(id) { result.append(id) }
        }
        return result
    }
}
