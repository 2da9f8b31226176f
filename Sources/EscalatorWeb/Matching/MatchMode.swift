import Vapor

/// Which vacancy list a client's matches show: their own best (`best`), or the list from spreading
/// recommendations over the whole caseload (`spread`).
enum MatchMode: String, Sendable, CaseIterable, Codable {
    case best, spread

    /// `?mode=`: `best` when absent; anything else is a 400 naming `mode`.
    static func parse(_ req: Request) throws -> MatchMode {
        guard let raw = req.queryString("mode") else { return .best }
        guard let mode = MatchMode(rawValue: raw) else {
            throw AppError.badParameter("mode", "mode must be best or spread")
        }
        return mode
    }
}
