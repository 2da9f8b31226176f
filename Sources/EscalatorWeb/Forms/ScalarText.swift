import Foundation

/// One scalar of an input, kept as text for `Validator`: a form sends text, JSON may send text, a
/// number or true/false. Anything else (an object, a list) is a 400 naming the field.
struct ScalarText: Codable, Sendable, Hashable, ExpressibleByStringLiteral {
    var text: String

    init(_ text: String) { self.text = text }
    init(stringLiteral value: String) { text = value }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            text = string
        } else if let int = try? container.decode(Int.self) {
            text = String(int)
        } else if let double = try? container.decode(Double.self) {
            text = String(double)
        } else if let bool = try? container.decode(Bool.self) {
            text = bool ? "true" : "false"
        } else {
            throw DecodingError.typeMismatch(String.self, DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "Expected text, a number or true/false."))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

extension Optional where Wrapped == ScalarText {
    var text: String? { self?.text }
}

extension Validator {
    /// A yes/no answer that must be given ("true"/"false", "yes"/"no").
    mutating func yesNo(_ value: String?, _ field: String, missing: String) -> Bool? {
        guard let text = Self.trimmed(value)?.lowercased() else { fail(field, missing); return nil }
        if ["true", "yes", "on", "1"].contains(text) { return true }
        if ["false", "no", "off", "0"].contains(text) { return false }
        fail(field, "\(field) must be true or false")
        return nil
    }

    /// Pence sent directly (JSON `...Pence`) or as pounds (a form's pounds field).
    mutating func moneyPence(pence: String?, pounds: String?, penceField: String, poundsField: String, label: String, range: ClosedRange<Int>) -> Int? {
        if Self.trimmed(pence) != nil {
            return int(pence, penceField, label: label + " in pence", range: range)
        }
        return self.pence(pounds, poundsField, label: label, range: range)
    }

    /// A date on or before today (and, when given, on or after `earliest`).
    mutating func dateUpToToday(_ value: String?, _ field: String, label: String, today: Date, earliest: Date? = nil) -> Date? {
        guard let date = requiredDate(value, field, label: label) else { return nil }
        if date > today { fail(field, "\(label) cannot be in the future"); return nil }
        if let earliest, date < earliest { fail(field, "\(label) cannot be before \(earliest.ukDate)"); return nil }
        return date
    }
}

/// Pounds for a form's money field, from pence: 1250 → "12.50".
func formPounds(pence: Int) -> String {
    String(format: "%d.%02d", pence / 100, pence % 100)
}
