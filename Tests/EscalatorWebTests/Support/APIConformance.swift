import EscalatorCore
@testable import EscalatorWeb
import Foundation
import NIOCore
import Vapor
import XCTVapor
import XCTest

/// Sends real requests and holds each answer to the OpenAPI document: the status must be one the operation
/// documents and the JSON body must match the schema documented for that status. Remembers what it checked.
final class APIConformance: @unchecked Sendable {
    let t: TestApp
    let validator: SchemaValidator
    private var tokens: [TestRole: String] = [:]
    /// `METHOD /vapor/style/:path` of every operation checked with a success status.
    private(set) var succeeded: Set<String> = []

    init(_ t: TestApp) throws {
        self.t = t
        validator = SchemaValidator(document: try JSON.parse(OpenAPIDocument.json))
    }

    static func openAPIPath(_ route: String) -> String {
        route.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
    }

    /// Calls `url` (default: `route` itself) as `role`, expects `status`, and checks the answer against the
    /// document's `route` operation. Returns the parsed body.
    @discardableResult
    func check(_ method: HTTPMethod, _ route: String, _ url: String? = nil, as role: TestRole?, body: String? = nil,
               expect status: HTTPStatus, file: StaticString = #filePath, line: UInt = #line) async throws -> JSON {
        try await call(method, route, url, as: role, body: body, expect: status, file: file, line: line).json
    }

    /// As `check`, without expecting a particular status: whatever comes back must be documented and conform.
    func call(_ method: HTTPMethod, _ route: String, _ url: String? = nil, as role: TestRole?, body: String? = nil,
              expect status: HTTPStatus? = nil, file: StaticString = #filePath, line: UInt = #line) async throws -> (status: HTTPStatus, json: JSON) {
        let label = "\(method.rawValue) \(url ?? route)"
        guard let operation = validator.operation(method.rawValue, Self.openAPIPath(route)) else {
            XCTFail("\(method.rawValue) \(route) is not in the OpenAPI document", file: file, line: line)
            return (.internalServerError, .null)
        }
        var headers = HTTPHeaders()
        if let role { headers.bearerAuthorization = BearerAuthorization(token: try await token(role)) }
        if body != nil { headers.contentType = .json }
        var answer: (status: HTTPStatus, body: String) = (.internalServerError, "")
        try await t.app.test(method, url ?? route, headers: headers, body: body.map { ByteBuffer(string: $0) }) { res async throws in
            answer = (res.status, res.body.string)
        }
        if let status {
            XCTAssertEqual(answer.status, status, "\(label) as \(role?.rawValue ?? "nobody"): \(answer.body.prefix(400))", file: file, line: line)
        }
        let json = try conform(answer.status, answer.body, to: operation, label: label, file: file, line: line)
        if (200..<300).contains(Int(answer.status.code)), status == nil || answer.status == status {
            succeeded.insert("\(method.rawValue) \(route)")
        }
        return (answer.status, json)
    }

    /// Checks a status and body against an operation's documented responses; returns the parsed body.
    func conform(_ status: HTTPStatus, _ body: String, to operation: JSON, label: String,
                 file: StaticString = #filePath, line: UInt = #line) throws -> JSON {
        guard let schema = validator.responseSchema(operation, status: Int(status.code)) else {
            XCTFail("\(label) answered \(status.code), which the document does not list for it", file: file, line: line)
            return .null
        }
        guard schema != .null else {
            XCTAssertTrue(body.isEmpty, "\(label) answered \(status.code) with a body the document does not describe", file: file, line: line)
            return .null
        }
        let json: JSON
        do { json = try JSON.parse(body) } catch {
            XCTFail("\(label) answered \(status.code) without a JSON body: \(body.prefix(200))", file: file, line: line)
            return .null
        }
        for problem in validator.problems(json, schema) { XCTFail("\(label) → \(status.code): \(problem)", file: file, line: line) }
        return json
    }

    func token(_ role: TestRole) async throws -> String {
        if let token = tokens[role] { return token }
        let token = try await t.token(role)
        tokens[role] = token
        return token
    }

    /// The documented operations with this tag, as `METHOD /vapor/style/:path`.
    static func operations(tagged tag: String) -> Set<String> {
        Set(APICatalogue.operations.filter { $0.tag == tag }.map(\.routeKey))
    }

    /// Fails unless every documented operation with this tag answered a checked success.
    func assertCovered(_ tag: String, file: StaticString = #filePath, line: UInt = #line) {
        let missing = Self.operations(tagged: tag).subtracting(succeeded).sorted()
        XCTAssertEqual(missing, [], "\(tag) operations never checked with a real success response", file: file, line: line)
    }
}

extension TestRole {
    /// The role the fixture user of this test role has.
    var role: Role {
        switch self {
        case .adviser, .otherAdviser: .adviser
        case .employer: .employer
        case .provider: .provider
        case .analyst: .analyst
        case .administrator: .administrator
        }
    }
}
