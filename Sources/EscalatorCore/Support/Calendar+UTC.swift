import Foundation

extension Calendar {
    /// A Gregorian calendar in UTC, so dates computed here do not depend on the machine's zone.
    public static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

extension Date {
    /// `yyyy-MM-dd` in UTC.
    public var isoDay: String {
        let c = Calendar.utc.dateComponents([.year, .month, .day], from: self)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// Parses `yyyy-MM-dd` as midnight UTC; nil for anything else.
    public init?(isoDay text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        let components = DateComponents(calendar: .utc, timeZone: TimeZone(identifier: "UTC"), year: y, month: m, day: d)
        guard let date = Calendar.utc.date(from: components), date.isoDay == text else { return nil }
        self = date
    }
}
