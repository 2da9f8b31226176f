import EscalatorCore
@testable import EscalatorWeb
import NIOCore
import Vapor
import XCTVapor
import XCTest

/// Every route of the app (from the route table) × every role and signed out × own/other organisation × consent
/// given/withdrawn, each allowed or denied as RouteRules.swift says. One app and one data set for all of it.
final class AuthorisationMatrixTests: XCTestCase {
    enum Outcome: Equatable { case allowed, denied }

    func testEveryRouteHasARuleAndEveryCallerIsAllowedOrDeniedAsItSays() async throws {
        let t = try await TestApp.make()
        do {
            try await runMatrix(t)
        } catch {
            try await t.shutdown()
            throw error
        }
        try await t.shutdown()
    }

    private func runMatrix(_ t: TestApp) async throws {
        let routes = t.app.routes.all.map { route in
            (key: "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/"), route: route)
        }.sorted { $0.key < $1.key }
        let keys = Set(routes.map(\.key))
        for key in keys.subtracting(RouteRules.all.keys).sorted() {
            XCTFail("No authorisation rule for \(key): add a rule in RouteRules.swift")
        }
        for key in Set(RouteRules.all.keys).subtracting(keys).sorted() {
            XCTFail("RouteRules.swift has a rule for \(key), which is not a route: remove or correct it")
        }

        let world = try await MatrixWorld.build(t)
        var callers = MatrixCallers(t: t)
        try await callers.signIn()

        var cases = 0, allowed = 0, denied = 0, contextsSeen = 0
        var mismatches: [String] = []
        var canariesSeen: Set<String> = []
        for (key, route) in routes {
            guard let rule = RouteRules.all[key] else { continue }
            let kind: RecordKind? = if case .record(let kind, _) = rule { kind } else { nil }
            let contexts: [MatrixContext?] = kind.map { MatrixContext.contexts(for: $0) } ?? [nil]
            contextsSeen += contexts.count
            for role in [Role?.none] + Role.allCases.map(Optional.some) {
                for context in contexts {
                    let expected = Self.expected(rule, role: role, context: context)
                    let denials = Self.denialStatuses(rule, role: role, context: context)
                    let path: String
                    do { path = try Self.path(route, world: world, role: role, context: context ?? .ownConsented, kind: kind) } catch {
                        mismatches.append("\(key): \(error)")
                        continue
                    }
                    let answer = try await callers.send(route.method, path, key: key, as: role)
                    cases += 1
                    let label = "\(key) as \(role?.rawValue ?? "signed out")\(context.map { " (\($0.label(kind!)))" } ?? "")"
                    for leak in Canaries.leaks(in: answer.body, to: role) { mismatches.append("\(label) shows the \(leak)") }
                    canariesSeen.formUnion(Canaries.all.filter { Canaries.renderings($0).contains(where: answer.body.contains) })
                    if let problem = Self.judge(answer, expected: expected, api: key.contains(" /api/"), signedOut: role == nil, open: rule.isOpen, denials: denials) {
                        mismatches.append("\(label): expected \(expected), \(problem)")
                    } else if expected == .allowed {
                        allowed += 1
                    } else {
                        denied += 1
                    }
                }
            }
        }
        print("authorisation matrix: \(routes.count) routes (\(contextsSeen) route contexts: own/other organisation, consent given/withdrawn) x \(Role.allCases.count + 1) roles (signed out included) = \(cases) cases: \(allowed) allowed, \(denied) denied, \(mismatches.count) wrong")
        for mismatch in mismatches { XCTFail(mismatch) }
        // The search for leaks is not vacuous: every canary reaches some response of someone allowed to see it.
        XCTAssertEqual(Canaries.all.subtracting(canariesSeen).sorted(), [], "canaries that no response showed")
        XCTAssertGreaterThan(allowed, 0)
        XCTAssertGreaterThan(denied, 0)
        try await checkWhatIsDisclosed(world, callers)
    }

    /// Reaching a referral is not seeing the person: employers see a name only once the client accepted the referral
    /// to their vacancy and while consent to share with them stands; providers only while consent stands.
    private func checkWhatIsDisclosed(_ world: MatrixWorld, _ callers: MatrixCallers) async throws {
        let accepted = world.clients[.ownConsented]!, withdrawn = world.clients[.ownWithdrawn]!
        let cases: [(Role, String, String, Bool)] = [
            (.employer, "/api/v1/referrals/\(accepted.vacancyReferral)", "Testperson", true),
            (.employer, "/referrals/\(accepted.vacancyReferral)", "Testperson", true),
            (.employer, "/api/v1/referrals/\(accepted.proposedVacancyReferral)", "Testperson", false),
            (.employer, "/referrals/\(accepted.proposedVacancyReferral)", "Testperson", false),
            (.employer, "/api/v1/referrals/\(withdrawn.vacancyReferral)", "Matrix1", false),
            (.employer, "/referrals/\(withdrawn.vacancyReferral)", "Matrix1", false),
            (.employer, "/api/v1/referrals", "Matrix1", false),
            (.employer, "/referrals", "Matrix1", false),
            (.employer, "/vacancies/\(world.f.vacancy)/candidates", "Matrix1", false),
            (.employer, "/api/v1/vacancies/\(world.f.vacancy)/candidates", "Matrix1", false),
            (.provider, "/api/v1/referrals/\(accepted.programmeReferral)", "Testperson", true),
            (.provider, "/referrals/\(accepted.programmeReferral)", "Testperson", true),
            (.provider, "/api/v1/referrals/\(withdrawn.programmeReferral)", "Matrix1", false),
            (.provider, "/referrals/\(withdrawn.programmeReferral)", "Matrix1", false),
            (.provider, "/api/v1/referrals", "Matrix1", false),
            (.provider, "/referrals", "Matrix1", false),
        ]
        for (role, path, name, shown) in cases {
            let answer = try await callers.send(.GET, path, key: "GET \(path)", as: role)
            XCTAssertEqual(answer.status, .ok, "\(role.rawValue) \(path): \(answer.body.prefix(200))")
            XCTAssertEqual(answer.body.contains(name), shown, "\(role.rawValue) \(path) should \(shown ? "" : "not ")show \(name)")
        }
    }

    static func expected(_ rule: RouteRule, role: Role?, context: MatrixContext?) -> Outcome {
        switch rule {
        case .open: return .allowed
        case .signedIn: return role == nil ? .denied : .allowed
        case .roles(let roles): return role.map(roles.contains) == true ? .allowed : .denied
        case .record(_, let reach):
            guard let role, let context, let reach = reach[role] else { return .denied }
            return reach.allows(context) ? .allowed : .denied
        }
    }

    /// How a signed-in caller is turned away: a role that may not use the route gets 403; a record it can see but may
    /// not use this way, 403; a record it cannot see, 404 (not even confirmed to exist), or 403 when the route turns
    /// the role away before looking the record up.
    static func denialStatuses(_ rule: RouteRule, role: Role?, context: MatrixContext?) -> Set<Int> {
        guard case .record(let kind, let reach) = rule, let role, let context else { return [403] }
        if RouteRules.visibility[kind]?[role]?.allows(context) == true { return [403] }
        return reach[role] == nil ? [403, 404] : [404]
    }

    static func path(_ route: Route, world: MatrixWorld, role: Role?, context: MatrixContext, kind: RecordKind?) throws -> String {
        var parts: [String] = []
        for component in route.path {
            switch component {
            case .constant(let text): parts.append(text)
            case .parameter(let name):
                guard let value = world.value(of: name, role: role, context: context, kind: kind) else {
                    throw JSONShapeError("the matrix has no value for :\(name): add one in MatrixWorld.value(of:)")
                }
                parts.append(value)
            default: throw JSONShapeError("the matrix cannot fill \(component) in a path")
            }
        }
        var path = "/" + parts.joined(separator: "/")
        if let query = MatrixWorld.queries["\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")] {
            let filled = try query.split(separator: "&").map { pair in
                let (name, value) = (pair.split(separator: "=")[0], String(pair.split(separator: "=")[1]))
                guard value.hasPrefix(":") else { return "\(name)=\(value)" }
                guard let filled = world.value(of: String(value.dropFirst()), role: role, context: context, kind: kind) else {
                    throw JSONShapeError("the matrix has no value for \(value)")
                }
                return "\(name)=\(filled)"
            }
            path += "?" + filled.joined(separator: "&")
        }
        return path
    }

    /// Nil when the answer is what was expected; otherwise what was wrong with it. Denied means: signed out, a
    /// redirect to /sign-in for pages and 401 for the API; signed in, 403 or 404. Allowed means anything else but a
    /// server error.
    static func judge(_ answer: MatrixAnswer, expected: Outcome, api: Bool, signedOut: Bool, open: Bool = false, denials: Set<Int> = [403, 404]) -> String? {
        let code = Int(answer.status.code)
        if code >= 500 { return "got \(code) (server error): \(answer.body.prefix(200))" }
        let toSignIn = (300..<400).contains(code) && (answer.location ?? "").hasPrefix("/sign-in")
        // Open routes decide nothing about access: a 401 for wrong credentials or sign-out's redirect is them working.
        let deniedAnswer = open ? code == 403 || code == 404 : code == 401 || code == 403 || code == 404 || toSignIn
        switch expected {
        case .allowed:
            return deniedAnswer ? "got \(code)\(answer.location.map { " → \($0)" } ?? ""): \(answer.body.prefix(160))" : nil
        case .denied:
            if signedOut {
                if api { return code == 401 ? nil : "got \(code), not 401" }
                return toSignIn ? nil : "got \(code)\(answer.location.map { " → \($0)" } ?? ""), not a redirect to /sign-in"
            }
            return denials.contains(code) ? nil : "got \(code)\(answer.location.map { " → \($0)" } ?? ""), not \(denials.sorted().map(String.init).joined(separator: "/"))"
        }
    }
}

struct MatrixAnswer {
    var status: HTTPStatus
    var location: String?
    var body: String
}

/// A page session and a bearer token per role, and an anonymous session (with its CSRF token) for signed-out calls.
struct MatrixCallers {
    let t: TestApp
    var sessions: [Role: PageSession] = [:]
    var tokens: [Role: String] = [:]
    var anonymous = PageSession(cookie: "", csrf: "")

    static func testRole(_ role: Role) -> TestRole {
        switch role {
        case .adviser: .adviser
        case .employer: .employer
        case .provider: .provider
        case .analyst: .analyst
        case .administrator: .administrator
        }
    }

    mutating func signIn() async throws {
        for role in Role.allCases {
            sessions[role] = try await t.pageSession(Self.testRole(role))
            tokens[role] = try await t.token(Self.testRole(role))
        }
        anonymous = try await fresh(nil)
    }

    /// A session of its own, signed in as `role` or anonymous, for requests that end or replace a session.
    func fresh(_ role: Role?) async throws -> PageSession {
        if let role { return try await t.pageSession(Self.testRole(role)) }
        var session = PageSession(cookie: "", csrf: "")
        try await t.app.test(.GET, "/sign-in") { res async throws in session.absorb(res) }
        return session
    }

    /// Sends the request as `role` with a minimal body: an empty JSON object to the API, just the CSRF token to pages.
    /// Signing in and out get a session of their own, so the role's session survives them.
    func send(_ method: HTTPMethod, _ path: String, key: String, as role: Role?) async throws -> MatrixAnswer {
        var headers = HTTPHeaders()
        var body: ByteBuffer?
        let hasBody = method == .POST || method == .PUT || method == .PATCH
        if path.hasPrefix("/api/") {
            if let role { headers.bearerAuthorization = BearerAuthorization(token: tokens[role]!) }
            if hasBody {
                headers.contentType = .json
                body = ByteBuffer(string: "{}")
            }
        } else {
            var session = role.map { sessions[$0]! } ?? anonymous
            if key == "POST /sign-out" || key == "POST /sign-in" { session = try await fresh(role) }
            headers.cookie = session.cookies
            if hasBody {
                headers.contentType = .urlEncodedForm
                body = ByteBuffer(string: "_csrf=" + (session.csrf.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            }
        }
        let res = try await t.app.sendRequest(method, path, headers: headers, body: body)
        return MatrixAnswer(status: res.status, location: res.headers.first(name: .location), body: res.body.string)
    }
}
