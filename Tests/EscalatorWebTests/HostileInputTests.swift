import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Vapor
import XCTVapor
import XCTest

/// Size limits, NUL characters, malformed ids and query values, and a battery of malformed requests sent to every
/// route in the route table: nothing may answer 5xx, and the clear cases answer 4xx naming what was wrong.
final class HostileInputTests: WebTestCase {
    private func json(_ method: HTTPMethod, _ path: String, _ body: String, token: String) async throws -> XCTHTTPResponse {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
        headers.contentType = .json
        return try await t.app.sendRequest(method, path, headers: headers, body: ByteBuffer(string: body))
    }

    private func form(_ session: PageSession, _ path: String, _ body: String) async throws -> XCTHTTPResponse {
        var headers = session.headers
        headers.contentType = .urlEncodedForm
        return try await t.app.sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    private func expect(_ status: HTTPStatus, _ response: XCTHTTPResponse, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(response.status, status, message.isEmpty ? String(response.body.string.prefix(300)) : message, file: file, line: line)
    }

    private func field(_ res: XCTHTTPResponse) throws -> String? {
        try res.content.decode(ErrorBody.self).error.fields.first?.field
    }

    // MARK: - Sizes

    func testAnOversizedBodyIs413AsJSONForTheAPIAndAPageForForms() async throws {
        let token = try await t.token(.adviser)
        let before = try await ClientModel.query(on: t.app.db).count()
        let huge = #"{"givenName": ""# + String(repeating: "x", count: 1_100_000) + #""}"#
        let api = try await json(.POST, "/api/v1/clients", huge, token: token)
        XCTAssertEqual(api.status, .payloadTooLarge)
        XCTAssertEqual(try api.content.decode(ErrorBody.self).error.code, "payload_too_large")

        var session = try await t.pageSession(.adviser)
        session.absorb(try await t.page(session, "/clients/new"))
        let page = try await form(session, "/clients", "_csrf=\(session.csrf)&givenName=" + String(repeating: "y", count: 1_100_000))
        XCTAssertEqual(page.status, .payloadTooLarge)
        XCTAssertTrue(page.headers.first(name: .contentType)?.hasPrefix("text/html") ?? false)
        XCTAssertTrue(page.body.string.contains("What you sent is too large"), page.body.string.prefix(800).description)
        let after = try await ClientModel.query(on: t.app.db).count()
        XCTAssertEqual(after, before)

        // Just under the limit is read (and refused for what it says, not for its size).
        let under = #"{"givenName": ""# + String(repeating: "x", count: 1_000_000) + #""}"#
        expect(.unprocessableEntity, try await json(.POST, "/api/v1/clients", under, token: token))
    }

    func testTheBodyLimitIsConfigurable() async throws {
        let small = try await TestApp.make { $0.maxBodyBytes = 2048 }
        do {
            let token = try await small.token(.adviser)
            var headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            headers.contentType = .json
            let res = try await small.app.sendRequest(.POST, "/api/v1/clients", headers: headers,
                                                      body: ByteBuffer(string: #"{"givenName": ""# + String(repeating: "x", count: 3000) + #""}"#))
            XCTAssertEqual(res.status, .payloadTooLarge)
        } catch {
            try await small.shutdown()
            throw error
        }
        try await small.shutdown()
    }

    // MARK: - NUL, ids, query values

    func testNULCharactersAreRefusedNamingTheField() async throws {
        let token = try await t.token(.adviser)
        let before = try await ClientModel.query(on: t.app.db).count()
        var res = try await json(.POST, "/api/v1/clients", #"{"givenName": "Ada\u0000", "familyName": "Nul"}"#, token: token)
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(try field(res), "givenName")
        res = try await json(.POST, "/api/v1/clients", #"{"consentOrganisationIDs": ["x", "\u0000"]}"#, token: token)
        XCTAssertEqual(try field(res), "consentOrganisationIDs[1]")
        res = try await t.app.sendRequest(.GET, "/api/v1/clients?q=WM%00", headers: ["Authorization": "Bearer \(token)"])
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(try field(res), "q")
        res = try await t.app.sendRequest(.GET, "/api/v1/clients/ab%00cd", headers: ["Authorization": "Bearer \(token)"])
        XCTAssertEqual(res.status, .badRequest)

        var session = try await t.pageSession(.adviser)
        session.absorb(try await t.page(session, "/clients/new"))
        res = try await form(session, "/clients", "_csrf=\(session.csrf.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&givenName=A&familyName=B%00C")
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertTrue(res.body.string.contains("familyName must not contain a NUL character"))
        let after = try await ClientModel.query(on: t.app.db).count()
        XCTAssertEqual(after, before)
    }

    func testIdsThatAreNotIdsAre400NamingTheParameter() async throws {
        let res = try await t.send(.GET, "/api/v1/clients/not-a-uuid")
        XCTAssertEqual(res.status, .badRequest)
        let error = try res.content.decode(ErrorBody.self).error
        XCTAssertEqual(error.code, "bad_request")
        XCTAssertEqual(error.fields.map(\.field), ["clientID"])
        expect(.notFound, try await t.send(.GET, "/api/v1/clients/\(UUID())"))
        let session = try await t.pageSession(.adviser)
        let page = try await t.page(session, "/clients/12345")
        XCTAssertEqual(page.status, .badRequest)
        XCTAssertTrue(page.body.string.contains("clientID must be an id"))
    }

    func testOverlongQueryValuesAre400NamingThem() async throws {
        let res = try await t.send(.GET, "/api/v1/clients?q=" + String(repeating: "a", count: 2001))
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(try field(res), "q")
        expect(.ok, try await t.send(.GET, "/api/v1/clients?q=" + String(repeating: "a", count: 2000)))
    }

    func testMalformedJSONWrongTypesAndWrongContentTypesAre4xxNamingTheField() async throws {
        let token = try await t.token(.adviser)
        var res = try await json(.POST, "/api/v1/clients", #"{"givenName": "#, token: token)
        XCTAssertEqual(res.status, .badRequest)
        res = try await json(.POST, "/api/v1/clients", #"{"givenName": {"a": 1}}"#, token: token)
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(try field(res), "givenName")
        res = try await json(.POST, "/api/v1/vacancies", #"{"title": "Big", "hoursPerWeek": 1e400}"#, token: token)
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(try field(res), "hoursPerWeek")
        res = try await json(.POST, "/api/v1/vacancies", #"{"title": "Big", "hourlyPayPence": 99999999999999999999999}"#, token: token)
        XCTAssertEqual(res.status, .badRequest)
        XCTAssertEqual(try field(res), "hourlyPayPence")
        res = try await t.app.sendRequest(.POST, "/api/v1/clients", headers: ["Authorization": "Bearer \(token)", "Content-Type": "text/plain"],
                                          body: ByteBuffer(string: "givenName=Ada"))
        XCTAssertEqual(res.status, .unsupportedMediaType)
        XCTAssertEqual(try res.content.decode(ErrorBody.self).error.code, "unsupported_media_type")
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        res = try await json(.POST, "/api/v1/clients", deep, token: token)
        XCTAssertEqual(res.status, .badRequest)
    }

    // MARK: - The battery

    /// Ids from the fixture for each path parameter name, so handlers get past "not found" to the body.
    private func knownIDs() async throws -> [String: String] {
        let vacancyFound = try await VacancyModel.find(f.vacancy, on: t.app.db)
        let vacancy = try XCTUnwrap(vacancyFound)
        let occupation = vacancy.occupationID
        let skill = StarterTaxonomy.taxonomy.occupations[occupation]?.essentialSkills.first?.skillID ?? "S.UNKNOWN"
        return [
            "clientID": f.clientA.uuidString, "employerID": f.employer.uuidString, "vacancyID": f.vacancy.uuidString,
            "programmeID": f.programme.uuidString, "assessmentID": f.assessmentA.uuidString, "cohortID": f.cohort.uuidString,
            "providerID": f.provider.uuidString, "userID": f.otherAdviser.uuidString, "organisationID": f.college.uuidString,
            "occupationID": occupation, "skillID": skill,
        ]
    }

    /// The documented body properties of an operation (empty when it takes none or is not documented).
    private func bodyProperties(_ method: String, _ path: String, in validator: SchemaValidator) -> [String] {
        guard let operation = validator.operation(method, APIConformance.openAPIPath(path)),
              var schema = operation["requestBody"]?["content"]?["application/json"]?["schema"] else { return [] }
        if let ref = schema["$ref"]?.string, let resolved = validator.resolve(ref) { schema = resolved }
        return schema["properties"]?.object?.keys.sorted() ?? []
    }

    private func queryNames(_ method: String, _ path: String, in validator: SchemaValidator) -> [String] {
        guard let operation = validator.operation(method, APIConformance.openAPIPath(path)) else { return [] }
        return (operation["parameters"]?.array ?? []).filter { $0["in"]?.string == "query" }.compactMap { $0["name"]?.string }
    }

    func testMalformedRequestsToEveryRouteNeverAnswer5xx() async throws {
        let validator = SchemaValidator(document: try JSON.parse(OpenAPIDocument.json))
        let ids = try await knownIDs()
        var tokens: [TestRole: String] = [:]
        for role in [TestRole.administrator, .adviser, .employer] { tokens[role] = try await t.token(role) }
        var adminPage = try await t.pageSession(.administrator)
        adminPage.absorb(try await t.page(adminPage, "/account/password"))
        let csrf = adminPage.csrf.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!

        let hostileValues: [String] = [
            "1e400", "-99999999999999999999999", "99999999999999999999999", #""A\u0000B""#,
            "\"" + String(repeating: "x", count: 5000) + "\"", "[]", "{}", "null", "true", "\"\"", "1.5", "-1",
            #""2026-02-30""#, #""not-a-uuid""#, #"["\u0000", 1e400, {}]"#, #""=cmd|' /C calc'!A0""#,
        ]
        let rawBodies: [(String, HTTPMediaType?)] = [
            ("{", .json), ("[1,2,3]", .json), ("null", .json), ("\"text\"", .json), ("", .json), ("hello", .plainText),
            ("<x/>", .xml), ("{}", nil), ("a=%FF%FE&b[=1&c]=2", .urlEncodedForm),
            (String(repeating: "[", count: 3000) + String(repeating: "]", count: 3000), .json),
            (#"{"a": "\u0000"}"#, .json),
        ]
        let hostileQueries = ["page=-1", "page=1e99", "page=99999999999999999999", "size=abc", "size=-5", "page=%00",
                              "q=%00", "q=" + String(repeating: "q", count: 2500), "page=1&page=2", "%FF=%FE"]

        var failures: [String] = []
        var sent = 0
        func record(_ label: String, _ res: XCTHTTPResponse) {
            sent += 1
            if res.status.code >= 500 { failures.append("\(label) → \(res.status.code) \(res.body.string.prefix(200))") }
        }

        func fill(_ path: String, with value: (String) -> String) -> String {
            path.split(separator: "/", omittingEmptySubsequences: false).map { part in
                part.hasPrefix(":") ? value(String(part.dropFirst())) : String(part)
            }.joined(separator: "/")
        }
        let encodedIDs: (String) -> String = { name in
            let id = ids[name] ?? UUID().uuidString
            return id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? id
        }
        let badPathValues = ["not-a-uuid", UUID().uuidString, "%00", String(repeating: "9", count: 300), "..%2F..%2Fetc", "%FF%FE"]

        let routes = t.app.routes.all.map { route in
            (method: route.method, path: "/" + route.path.map { component -> String in
                if case .parameter(let name) = component { return ":" + name }
                return component.description
            }.joined(separator: "/"))
        }
        XCTAssertGreaterThan(routes.count, 50)

        for route in routes where route.path.hasPrefix("/api/v1/") {
            let good = fill(route.path, with: encodedIDs)
            let admin = tokens[.administrator]!
            // Malformed path parameters.
            for bad in badPathValues where route.path.contains(":") {
                let url = fill(route.path) { _ in bad }
                record("\(route.method) \(url)", try await t.app.sendRequest(route.method, url, headers: ["Authorization": "Bearer \(admin)"]))
            }
            // Malformed query values.
            var queries = hostileQueries
            for name in queryNames(route.method.rawValue, route.path, in: validator) {
                queries += ["\(name)=zzz-not-a-value", "\(name)=%00", "\(name)=-1", "\(name)=99999999999999999999", "\(name)=2026-02-30", "\(name)=1e400"]
            }
            for query in queries {
                record("\(route.method) \(good)?\(query.prefix(60))", try await t.app.sendRequest(route.method, good + "?" + query, headers: ["Authorization": "Bearer \(admin)"]))
            }
            guard route.method != .GET, route.method != .DELETE else { continue }
            // Malformed bodies, as each role.
            for role in [TestRole.administrator, .adviser, .employer] {
                var headers: HTTPHeaders = ["Authorization": "Bearer \(tokens[role]!)"]
                for (body, type) in rawBodies {
                    if let type { headers.contentType = type } else { headers.remove(name: .contentType) }
                    record("\(role) \(route.method) \(good) \(body.prefix(40))", try await t.app.sendRequest(route.method, good, headers: headers, body: ByteBuffer(string: body)))
                }
                let properties = bodyProperties(route.method.rawValue, route.path, in: validator)
                guard !properties.isEmpty, role == .administrator else { continue }
                headers.contentType = .json
                for value in hostileValues {
                    let body = "{" + properties.map { "\"\($0)\": \(value)" }.joined(separator: ", ") + "}"
                    record("\(role) \(route.method) \(good) all fields = \(value.prefix(40))", try await t.app.sendRequest(route.method, good, headers: headers, body: ByteBuffer(string: body)))
                }
            }
        }

        // Pages: malformed ids and query values on every GET, malformed form bodies on every POST (with the CSRF token).
        for route in routes where !route.path.hasPrefix("/api/") && route.path != "/sign-out" && route.path != "/sign-in" {
            let good = fill(route.path, with: encodedIDs)
            if route.method == .GET {
                for bad in badPathValues where route.path.contains(":") {
                    let url = fill(route.path) { _ in bad }
                    record("page \(url)", try await t.page(adminPage, url))
                }
                for query in hostileQueries {
                    record("page \(good)?\(query.prefix(60))", try await t.page(adminPage, good + "?" + query))
                }
            } else if route.method == .POST {
                for body in ["x=%FF%FE", "givenName=%00", "a[b][c][=1", "name=" + String(repeating: "n", count: 5000), "page=-1&size=1e400"] {
                    record("page POST \(good) \(body.prefix(40))", try await form(adminPage, good, "_csrf=\(csrf)&" + body))
                }
                for bad in badPathValues where route.path.contains(":") {
                    record("page POST \(fill(route.path) { _ in bad })", try await form(adminPage, fill(route.path) { _ in bad }, "_csrf=\(csrf)"))
                }
            }
        }
        print("Malformed-request battery: \(sent) requests to \(routes.count) routes, \(failures.count) answered 5xx")
        XCTAssertGreaterThan(sent, 1000)
        XCTAssertEqual(failures, [], "\(failures.count) of \(sent) malformed requests answered 5xx")
    }
}
