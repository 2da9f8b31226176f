import Vapor

/// Query parameters the matching routes share.
enum MatchingParameters {
    static let limitRange = 1...100

    /// `?limit=`: a whole number from 1 to 100, or the default when absent; anything else is a 422 naming `limit`.
    static func limit(_ req: Request, default value: Int) throws -> Int {
        guard let raw = req.queryString("limit") else { return value }
        guard let limit = Int(raw), limitRange.contains(limit) else {
            throw AppError.validation("limit", "limit must be a whole number from \(limitRange.lowerBound) to \(limitRange.upperBound)")
        }
        return limit
    }

    /// A true/false query parameter; absent is false, anything unreadable is a 422 naming it.
    static func flag(_ req: Request, _ name: String) throws -> Bool {
        guard let raw = req.queryString(name)?.lowercased() else { return false }
        switch raw {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw AppError.validation(name, "\(name) must be true or false")
        }
    }
}
