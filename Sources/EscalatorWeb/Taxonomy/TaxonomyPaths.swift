import Foundation

/// Links to taxonomy pages. Ids may be ESCO URIs (`http://data.europa.eu/esco/skill/…`), so every
/// character outside the URL-safe unreserved set, '/' and ':' included, is percent-encoded; the router
/// decodes the path parameter again.
enum TaxonomyPaths {
    static let occupations = "/taxonomy"
    static let skills = "/taxonomy/skills"

    static func occupation(_ id: String) -> String { "/taxonomy/occupations/" + encode(id) }
    static func skill(_ id: String) -> String { "/taxonomy/skills/" + encode(id) }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: unreserved) ?? id
    }
}
