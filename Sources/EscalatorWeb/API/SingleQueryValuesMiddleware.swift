import Vapor

/// Refuses an API request that gives a query parameter more than once (`?page=1&page=2`): which value was
/// meant is ambiguous, and the handlers read one value per name. A 422 names the parameter.
struct SingleQueryValuesMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let repeated = Self.repeatedNames(request.url.query), !repeated.isEmpty {
            throw AppError.validation(repeated.map { FieldError($0, "\($0) is given more than once; give it once.") })
        }
        return try await next.respond(to: request)
    }

    /// The names given more than once, in order of their second appearance; nil without a query.
    static func repeatedNames(_ query: String?) -> [String]? {
        guard let query, !query.isEmpty else { return nil }
        var seen = Set<String>(), repeated: [String] = []
        for pair in query.split(separator: "&") {
            let raw = pair.prefix { $0 != "=" }.replacingOccurrences(of: "+", with: " ")
            let name = raw.removingPercentEncoding ?? raw
            guard !name.isEmpty else { continue }
            if !seen.insert(name).inserted, !repeated.contains(name) { repeated.append(name) }
        }
        return repeated
    }
}
