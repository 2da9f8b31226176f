import Foundation

/// A page of a list. Pages are 1-based.
public struct PageRequest: Sendable, Hashable {
    public static let defaultSize = 25
    public static let maximumSize = 200
    /// Far beyond any list, and small enough that `offset` cannot overflow.
    public static let maximumPage = 1_000_000

    public var page: Int
    public var size: Int

    public init(page: Int = 1, size: Int = PageRequest.defaultSize) {
        self.page = min(max(1, page), Self.maximumPage)
        self.size = min(max(1, size), Self.maximumSize)
    }

    public var offset: Int { (page - 1) * size }
}

public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var request: PageRequest
    public var total: Int

    public init(items: [Item], request: PageRequest, total: Int) {
        self.items = items
        self.request = request
        self.total = total
    }

    public var pageCount: Int { max(1, (total + request.size - 1) / request.size) }

    public func map<T>(_ transform: (Item) throws -> T) rethrows -> Page<T> {
        Page<T>(items: try items.map(transform), request: request, total: total)
    }
}

public enum Paginator {
    /// "Previous / Page n of m / Next" links that keep the other query items.
    public static func links(_ page: Page<some Sendable>, path: String, query: [(String, String)] = []) -> Node {
        guard page.pageCount > 1 else { return .empty }
        func href(_ number: Int) -> String {
            let items = query.filter { !$0.1.isEmpty } + [("page", String(number))]
            return path + "?" + items.map { "\($0.0)=\(percentEncode($0.1))" }.joined(separator: "&")
        }
        return el("nav", .class("pagination"), .aria("label", "Pagination")) {
            if page.request.page > 1 { link("Previous page", to: href(page.request.page - 1), class: "pagination-prev") }
            el("span") { "Page \(page.request.page) of \(page.pageCount) (\(page.total) in all)" }
            if page.request.page < page.pageCount { link("Next page", to: href(page.request.page + 1), class: "pagination-next") }
        }
    }

    static func percentEncode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
