import EscalatorCore
import Foundation

/// How the dashboard writes its figures for people.
enum InsightFormat {
    /// A rate from 0 to 1 as a percentage with one decimal place: "55.0%".
    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "No data" }
        return String(format: "%.1f%%", rate * 100)
    }

    /// Percentage points with one decimal place: "10.9".
    static func points(_ points: Double?) -> String {
        guard let points else { return "No data" }
        return String(format: "%.1f", points)
    }

    /// A count that may be fractional (demand weighs desirable skills by a half): "7" or "3.5".
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func ratio(_ ratio: Double?) -> String {
        guard let ratio else { return "No demand" }
        return String(format: "%.2f", ratio)
    }

    static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(value) " + (value == 1 ? singular : plural ?? singular + "s")
    }

    /// A published count with its noun: "12 clients", "<5 clients".
    static func count(_ value: PublishedCount, _ singular: String, _ plural: String? = nil) -> String {
        "\(value.display) " + (value.value == 1 ? singular : plural ?? singular + "s")
    }
}
