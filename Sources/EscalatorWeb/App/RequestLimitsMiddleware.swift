import Foundation
import NIOCore
import Vapor

/// Refuses hostile requests before any handler sees them: a body over the size limit (413, whether its length
/// is announced, already read or still streaming), a NUL character anywhere in the path, a query value or the
/// body (400 naming the field: PostgreSQL cannot store NUL in text, and C libraries such as Bcrypt stop at it),
/// and a query value over `maxQueryValueLength` characters (400 naming it).
struct RequestLimitsMiddleware: AsyncMiddleware {
    let maxBodyBytes: Int
    static let maxQueryValueLength = 2000

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let announced = request.headers.first(name: .contentLength).flatMap(Int.init), announced > maxBodyBytes {
            throw AppError.payloadTooLarge
        }
        if request.body.data == nil {
            _ = try await request.body.collect(max: maxBodyBytes).get()
        }
        if let body = request.body.data, body.readableBytes > maxBodyBytes { throw AppError.payloadTooLarge }
        let raw = request.url.string
        if raw.contains("\0") || raw.range(of: "%00", options: .caseInsensitive) != nil {
            if let field = Self.fieldWithNUL(inForm: request.url.query ?? "") {
                throw AppError.badParameter(field, "\(field) must not contain a NUL character.")
            }
            throw AppError.badRequest("The address contains a NUL character.")
        }
        for (name, value) in Self.pairs(request.url.query ?? "") where value.count > Self.maxQueryValueLength {
            throw AppError.badParameter(name, "\(name) must be \(Self.maxQueryValueLength) characters or fewer.")
        }
        if let body = request.body.data, let problem = Self.nulProblem(in: body, contentType: request.headers.contentType) {
            throw problem
        }
        return try await next.respond(to: request)
    }

    /// A 400 naming the field whose value holds a NUL, if the body has one.
    static func nulProblem(in body: ByteBuffer, contentType: HTTPMediaType?) -> AppError? {
        let bytes = body.readableBytesView
        if contentType?.subType == "json" {
            guard bytes.contains(0) || contains(bytes, Array(#"\u0000"#.utf8)) else { return nil }
            guard let json = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else { return nil }
            return fieldWithNUL(inJSON: json, path: "").map { AppError.badParameter($0.isEmpty ? "body" : $0, "\($0.isEmpty ? "The body" : $0) must not contain a NUL character.") }
        }
        if contentType == .urlEncodedForm {
            guard bytes.contains(0) || contains(bytes, Array("%00".utf8)) else { return nil }
            let field = fieldWithNUL(inForm: String(decoding: bytes, as: UTF8.self)) ?? "body"
            return AppError.badParameter(field, "\(field) must not contain a NUL character.")
        }
        return bytes.contains(0) ? AppError.badRequest("The body contains a NUL character.") : nil
    }

    static func fieldWithNUL(inJSON value: Any, path: String) -> String? {
        switch value {
        case let string as String:
            return string.contains("\0") ? path : nil
        case let object as [String: Any]:
            for (key, child) in object.sorted(by: { $0.key < $1.key }) {
                let childPath = path.isEmpty ? key : path + "." + key
                if key.contains("\0") { return path.isEmpty ? "body" : path }
                if let found = fieldWithNUL(inJSON: child, path: childPath) { return found }
            }
            return nil
        case let array as [Any]:
            for (index, child) in array.enumerated() {
                if let found = fieldWithNUL(inJSON: child, path: path + "[\(index)]") { return found }
            }
            return nil
        default:
            return nil
        }
    }

    static func fieldWithNUL(inForm form: String) -> String? {
        pairs(form).first { $0.name.contains("\0") || $0.value.contains("\0") }
            .map { $0.name.contains("\0") ? "body" : $0.name }
    }

    /// `name=value` pairs of a query string or form body, decoded; a name keeps no `[]` suffix.
    static func pairs(_ encoded: String) -> [(name: String, value: String)] {
        encoded.split(separator: "&").map { pair in
            let name = decode(pair.prefix { $0 != "=" })
            let value = pair.contains("=") ? decode(pair.drop { $0 != "=" }.dropFirst()) : ""
            return (name.hasSuffix("[]") ? String(name.dropLast(2)) : name, value)
        }
    }

    static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    static func contains(_ bytes: ByteBufferView, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, bytes.count >= needle.count else { return false }
        let array = Array(bytes)
        return (0...(array.count - needle.count)).contains { start in array[start..<(start + needle.count)].elementsEqual(needle) }
    }
}
