import Foundation

extension Freshness {
    /// "Computed at 14:32 on 7 December 2026 (UK time)." and, while newer figures are computed, how far they have got.
    var sentence: String {
        guard let computed = ISO8601DateFormatter().date(from: computedAt) else { return "" }
        var calendar = Calendar(identifier: .gregorian)
        let zone = TimeZone(identifier: "Europe/London")
        calendar.timeZone = zone ?? TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: computed)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        var text = String(format: "Computed at %02d:%02d on %d %@ %d (%@).", c.hour!, c.minute!, c.day!, months[c.month! - 1], c.year!,
                          zone == nil ? "UTC" : "UK time")
        if !current {
            text += " Changes have been made since: newer figures are being computed"
            if let updating { text += String(format: " (about %d%% done)", Int((updating * 100).rounded(.down))) }
            text += "; reload the page in a moment."
        }
        return text
    }
}
