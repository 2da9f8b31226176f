import EscalatorCore
import Vapor

/// The query a taxonomy list takes: `?q=` (name contains), `?sector=`, and for skills `?kind=`.
struct TaxonomyFilter: Sendable {
    var search: String?
    var sector: Sector?
    var kind: Skill.Kind?

    /// The raw values, to put back into the filter form and the pagination links.
    var raw: [String: String] = [:]

    /// Reads the filter, naming every bad parameter in one 422.
    static func read(_ req: Request, allowKind: Bool) throws -> TaxonomyFilter {
        var v = Validator()
        let q = req.queryString("q"), sector = req.queryString("sector"), kind = allowKind ? req.queryString("kind") : nil
        var filter = TaxonomyFilter(raw: rawValues(req))
        filter.search = v.optionalText(q, "q", max: 100)
        if let sector { filter.sector = v.enumValue(sector, "sector", Sector.self, missing: "") }
        if let kind { filter.kind = v.enumValue(kind, "kind", Skill.Kind.self, missing: "") }
        try v.throwIfFailed()
        return filter
    }

    static func rawValues(_ req: Request) -> [String: String] {
        ["q": req.queryString("q") ?? "", "sector": req.queryString("sector") ?? "", "kind": req.queryString("kind") ?? ""]
    }

    var query: [(String, String)] {
        ["q", "kind", "sector"].map { ($0, raw[$0] ?? "") }
    }
}

extension Skill.Kind {
    /// The heading a list of skills of this kind goes under.
    var label: String {
        switch self {
        case .basic: "Basic skills"
        case .licence: "Licences and checks"
        case .occupational: "Occupational skills"
        }
    }
}
