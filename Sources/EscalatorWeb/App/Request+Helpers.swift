import EscalatorCore
import Vapor

extension Request {
    /// A UUID path parameter; a 400 naming the parameter when it is not a UUID (a UUID of nothing is the caller's 404).
    func uuid(_ name: String, _ what: String) throws -> UUID {
        guard let raw = parameters.get(name) else { throw AppError.notFound(what) }
        guard let id = UUID(uuidString: raw) else {
            throw AppError.badParameter(name, "\(name) must be an id like 3F2504E0-4F89-11D3-9A0C-0305E82C3301.")
        }
        return id
    }

    /// `?page=&size=` with defaults; a page that is not a whole number from 1 to `PageRequest.maximumPage`, or a size
    /// that is not a whole number of 1 or more, is a 422 naming it. A size over the maximum is treated as the maximum.
    func pageRequest() throws -> PageRequest {
        func positive(_ name: String, upTo maximum: Int = .max) throws -> Int? {
            guard let raw = try? query.get(String.self, at: name), !raw.isEmpty else { return nil }
            guard let value = Int(raw), value >= 1, value <= maximum else {
                throw AppError.validation(name, maximum == .max ? "\(name) must be a whole number of 1 or more."
                                                                : "\(name) must be a whole number from 1 to \(maximum).")
            }
            return value
        }
        return PageRequest(page: try positive("page", upTo: PageRequest.maximumPage) ?? 1,
                           size: min(try positive("size") ?? PageRequest.defaultSize, PageRequest.maximumSize))
    }

    func queryString(_ name: String) -> String? {
        guard let raw = try? query.get(String.self, at: name) else { return nil }
        let value = raw.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        return value
    }
}

extension Response {
    static func html(_ html: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: html))
    }

    static func json<T: Encodable>(_ value: T, status: HTTPStatus = .ok) throws -> Response {
        let response = Response(status: status)
        try response.content.encode(value, using: JSONEncoder.api)
        return response
    }
}

extension JSONEncoder {
    /// ISO 8601 dates, sorted keys: stable output for machines and tests.
    static let api: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
}

/// A list response: `{"items": [...], "page", "size", "total"}`.
struct PagedResponse<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var page: Int
    var size: Int
    var total: Int

    init(_ page: Page<Item>) {
        items = page.items
        self.page = page.request.page
        size = page.request.size
        total = page.total
    }
}

extension Date {
    var ukDate: String {
        let c = Calendar.utc.dateComponents([.year, .month, .day], from: self)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(c.day!) \(months[c.month! - 1]) \(c.year!)"
    }
}

func pounds(pence: Int) -> String {
    String(format: "£%d.%02d", pence / 100, pence % 100)
}
