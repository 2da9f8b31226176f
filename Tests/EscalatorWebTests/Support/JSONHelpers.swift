import Foundation
import XCTVapor

extension XCTHTTPResponse {
    /// The body as a JSON object; fails the test (by throwing) when it is not one.
    func jsonObject() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(body.string.utf8)) as? [String: Any] else {
            throw JSONShapeError("body is not a JSON object: \(body.string.prefix(200))")
        }
        return object
    }

    /// The values of `key` in each element of the list under `list`.
    func values<T>(_ list: String, _ key: String, as type: T.Type = T.self) throws -> [T] {
        let items = try jsonObject()[list] as? [[String: Any]] ?? []
        return items.compactMap { $0[key] as? T }
    }
}

struct JSONShapeError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
