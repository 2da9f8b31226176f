import EscalatorCore
import Vapor

/// What `/matching/allocation` and `/api/v1/matching/allocation` read from the query: the CLI's options
/// (`escalator allocate`), with the target wards always the wards marked as target wards.
struct AllocationParameters: Sendable {
    enum Only: String, Sendable, CaseIterable { case both, vacancies, cohorts }

    static let names = ["only", "candidates", "programmeWeight", "reserveShare", "releaseUnused"]
    static let candidatesRange = 1...100
    static let defaultCandidates = 20

    var only: Only = .both
    var candidates = defaultCandidates
    var programmeWeight = 1.0
    var reserveShare: Double?
    var releaseUnused = false

    /// The parameters as typed, for the form and the CSV link.
    var values: [String: String] = [:]

    var queryString: String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return Self.names.compactMap { name in values[name].map { "\(name)=\($0.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "")" } }
            .joined(separator: "&")
    }

    /// Every problem with the query, each naming its parameter; the parameters are those read without a problem.
    static func read(_ req: Request) -> (parameters: AllocationParameters, errors: [FieldError]) {
        var p = AllocationParameters()
        var errors: [FieldError] = []
        for name in names { if let value = req.queryString(name) { p.values[name] = value } }
        if let raw = p.values["only"] {
            if let only = Only(rawValue: raw.lowercased()) { p.only = only } else {
                errors.append(FieldError("only", "only must be both, vacancies or cohorts"))
            }
        }
        if let raw = p.values["candidates"] {
            if let value = Int(raw), candidatesRange.contains(value) { p.candidates = value } else {
                errors.append(FieldError("candidates", "candidates must be a whole number from \(candidatesRange.lowerBound) to \(candidatesRange.upperBound)"))
            }
        }
        if let raw = p.values["programmeWeight"] {
            if let value = Double(raw), (0...1).contains(value) { p.programmeWeight = value } else {
                errors.append(FieldError("programmeWeight", "programmeWeight must be a number from 0 to 1"))
            }
        }
        if let raw = p.values["reserveShare"] {
            if let value = Double(raw), (0...1).contains(value) { p.reserveShare = value } else {
                errors.append(FieldError("reserveShare", "reserveShare must be a number from 0 to 1"))
            }
        }
        if let raw = p.values["releaseUnused"]?.lowercased() {
            switch raw {
            case "true", "1", "yes", "on": p.releaseUnused = true
            case "false", "0", "no", "off": p.releaseUnused = false
            default: errors.append(FieldError("releaseUnused", "releaseUnused must be true or false"))
            }
            if p.releaseUnused && p.reserveShare == nil && p.values["reserveShare"] == nil {
                errors.append(FieldError("releaseUnused", "releaseUnused needs reserveShare: only reserved places can be released"))
            }
        }
        return (p, errors)
    }

    /// For the API: the parameters, or a 400 naming the first bad one.
    static func parse(_ req: Request) throws -> AllocationParameters {
        let (parameters, errors) = read(req)
        if let first = errors.first { throw AppError.badParameter(first.field, first.message) }
        return parameters
    }

    func options(targetWards: Set<String>) -> AllocationOptions {
        AllocationOptions(
            candidatesPerClient: candidates, programmeWeight: programmeWeight, includeVacancies: only != .cohorts,
            includeCohorts: only != .vacancies,
            reservation: reserveShare.map { PlaceReservation(share: $0, wards: targetWards, releaseUnused: releaseUnused) })
    }
}
