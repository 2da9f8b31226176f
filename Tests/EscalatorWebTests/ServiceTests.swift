@testable import EscalatorWeb
import XCTVapor
import XCTest

/// Health, sign-in, security headers and the OpenAPI document.
final class ServiceTests: WebTestCase {
    func testHealthNeedsNoSignIn() async throws {
        try await t.app.test(.GET, "/healthz") { res async throws in
            XCTAssertEqual(res.status, .ok)
            XCTAssertEqual(try res.content.get(String.self, at: "database"), "ok")
        }
    }

    func testEveryResponseCarriesSecurityHeaders() async throws {
        try await t.app.test(.GET, "/sign-in") { res async throws in
            let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
            XCTAssertTrue(csp.contains("script-src 'none'"))
            XCTAssertTrue(csp.contains("frame-ancestors 'none'"))
            XCTAssertEqual(res.headers.first(name: "X-Content-Type-Options"), "nosniff")
            let cookie = res.headers.first(name: .setCookie) ?? ""
            XCTAssertTrue(cookie.contains("HttpOnly"))
            XCTAssertTrue(cookie.contains("SameSite=Lax"))
        }
    }

    func testSignInRotatesTheSession() async throws {
        var before = PageSession(cookie: "", csrf: "")
        try await t.app.test(.GET, "/sign-in") { res async throws in before.absorb(res) }
        let after = try await t.pageSession(.adviser)
        XCTAssertFalse(before.cookie.isEmpty)
        XCTAssertNotEqual(before.cookie, after.cookie)
    }

    func testWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() async throws {
        try await t.app.test(.POST, "/api/v1/auth/token", beforeRequest: { req async throws in
            try req.content.encode(["email": self.t.fixture.email(.adviser), "password": "wrong"])
        }, afterResponse: { res async throws in
            XCTAssertEqual(res.status, .unauthorized)
        })
        try await t.app.test(.POST, "/api/v1/auth/token", beforeRequest: { req async throws in
            try req.content.encode(["email": "nobody@test.escalator", "password": "wrong"])
        }, afterResponse: { res async throws in
            XCTAssertEqual(res.status, .unauthorized)
        })
    }

    func testSignInOnlyRedirectsToLocalPaths() {
        XCTAssertEqual(SignInController.safeNext("/clients?page=2"), "/clients?page=2")
        XCTAssertEqual(SignInController.safeNext("//evil.example"), "/")
        XCTAssertEqual(SignInController.safeNext("https://evil.example"), "/")
        XCTAssertEqual(SignInController.safeNext(nil), "/")
    }

    func testUnknownPathsAre404InTheRightFormat() async throws {
        let headers = try await t.bearer(.adviser)
        try await t.app.test(.GET, "/api/v1/nothing-here", headers: headers) { res async throws in
            XCTAssertEqual(res.status, .notFound)
            XCTAssertEqual(try res.content.decode(ErrorBody.self).error.code, "not_found")
        }
    }

    func testOpenAPIDocumentIsValidJSONAndDescribesEveryAPIRoute() async throws {
        var document: [String: Any] = [:]
        try await t.app.test(.GET, "/api/v1/openapi.json") { res async throws in
            XCTAssertEqual(res.status, .ok)
            document = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as! [String: Any]
        }
        XCTAssertEqual(document["openapi"] as? String, "3.0.3")
        let paths = document["paths"] as! [String: [String: Any]]
        var documented = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys { documented.insert(method.uppercased() + " " + path) }
        }
        let registered = Set(t.app.routes.all.compactMap { route -> String? in
            let path = "/" + route.path.map { component -> String in
                if case .parameter(let name) = component { return "{\(name)}" }
                return component.description
            }.joined(separator: "/")
            guard path.hasPrefix("/api/v1/") || path.hasPrefix("/healthz") else { return nil }
            return route.method.rawValue + " " + path
        })
        XCTAssertEqual(registered.subtracting(documented).sorted(), [], "API routes missing from the OpenAPI document")
        XCTAssertEqual(documented.subtracting(registered).sorted(), [], "documented routes the app does not serve")
        // Every $ref points at a defined schema or response.
        let components = document["components"] as! [String: [String: Any]]
        func refs(in value: Any) -> [String] {
            if let object = value as? [String: Any] {
                let own = (object["$ref"] as? String).map { [$0] } ?? []
                return own + object.values.flatMap { refs(in: $0) }
            }
            if let array = value as? [Any] { return array.flatMap { refs(in: $0) } }
            return []
        }
        let allRefs = refs(in: document)
        XCTAssertFalse(allRefs.isEmpty)
        for ref in allRefs {
            let parts = ref.split(separator: "/").map(String.init)
            XCTAssertEqual(parts.count, 4, ref)
            XCTAssertNotNil(components[parts[2]]?[parts[3]], "undefined \(ref)")
        }
    }
}
