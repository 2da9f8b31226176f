import EscalatorCore
import Foundation

/// How values are written to and read from exchange cells.
enum ExchangeCell {
    /// A field as read: `CSVWriter` puts `'` before a cell starting with `=`, `+`, `-`, `@`, tab or
    /// carriage return so spreadsheets do not run it as a formula; that quote is removed, then the
    /// value is trimmed.
    static func read(_ raw: String) -> String {
        var text = Substring(raw)
        if text.first == "'", let second = text.dropFirst().first?.asciiValue, CSVWriter.formulaTriggers.contains(second) {
            text = text.dropFirst()
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `1250` → `12.50`
    static func pounds(_ pence: Int) -> String {
        String(format: "%@%d.%02d", pence < 0 ? "-" : "", abs(pence) / 100, abs(pence) % 100)
    }

    /// `12.5` or `12.50` → 1250; nil unless digits with at most two decimal places.
    static func pence(fromPounds text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 9,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }), let pounds = Int(whole) else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : "0"
        guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if fraction.count == 1 { fraction += "0" }
        return pounds * 100 + Int(fraction)!
    }

    static func bool(_ value: Bool) -> String { value ? "true" : "false" }

    /// A number as Swift prints it, the shortest text that reads back as the same `Double`.
    static func number(_ value: Double) -> String { "\(value)" }

    /// `SKILLID:level;…`, or `none` for an empty list (blank would mean "pre-fill" in some formats).
    static func skills(_ skills: [(id: String, level: Proficiency)]) -> String {
        skills.isEmpty ? "none" : skills.map { "\($0.id):\($0.level.rawValue)" }.joined(separator: ";")
    }

    static func list(_ items: [String]) -> String { items.joined(separator: ";") }
}
