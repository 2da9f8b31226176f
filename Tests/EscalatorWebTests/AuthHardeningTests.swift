import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Vapor
import XCTVapor
import XCTest

/// Sign-in throttling, password rules, administrators' user management and password reset, scoped and
/// revocable API tokens, security headers and cookies.
final class AuthHardeningTests: WebTestCase {
    // MARK: - Helpers

    /// Counts every Bcrypt hash and verification the app makes, so a test can show a refusal ran none.
    final class CountingHasher: PasswordHasher, @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var calls: Int { lock.withLock { count } }

        func hash<Password: DataProtocol>(_ password: Password) throws -> [UInt8] {
            lock.withLock { count += 1 }
            return Array(try Bcrypt.hash(String(decoding: password, as: UTF8.self), cost: 4).utf8)
        }

        func verify<Password: DataProtocol, Digest: DataProtocol>(_ password: Password, created digest: Digest) throws -> Bool {
            lock.withLock { count += 1 }
            return try Bcrypt.verify(String(decoding: password, as: UTF8.self), created: String(decoding: digest, as: UTF8.self))
        }
    }

    private func countBcrypt() -> CountingHasher {
        let hasher = CountingHasher()
        t.app.passwords.use { _ in hasher }
        return hasher
    }

    private func requestToken(_ email: String, _ password: String, extra: String = "") async throws -> XCTHTTPResponse {
        var headers = HTTPHeaders()
        headers.contentType = .json
        let body = #"{"email": "\#(email)", "password": "\#(password)"\#(extra)}"#
        return try await t.app.sendRequest(.POST, "/api/v1/auth/token", headers: headers, body: ByteBuffer(string: body))
    }

    private func bearer(_ token: String) -> HTTPHeaders { ["Authorization": "Bearer \(token)"] }

    private func expect(_ status: HTTPStatus, _ response: XCTHTTPResponse, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(response.status, status, message.isEmpty ? String(response.body.string.prefix(300)) : message, file: file, line: line)
    }

    private func postForm(_ session: PageSession, _ path: String, _ fields: [String: String], withToken: Bool = true) async throws -> XCTHTTPResponse {
        var headers = session.headers
        headers.contentType = .urlEncodedForm
        let body = try URLEncodedFormEncoder().encode(withToken ? session.form(fields) : fields)
        return try await t.app.sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Signs in through the sign-in page as anyone; returns the answer to the sign-in POST and the session.
    private func signIn(_ email: String, _ password: String) async throws -> (XCTHTTPResponse, PageSession) {
        var session = PageSession(cookie: "", csrf: "")
        session.absorb(try await t.app.sendRequest(.GET, "/sign-in"))
        let res = try await postForm(session, "/sign-in", ["email": email, "password": password, "next": "/"])
        session.absorb(res)
        return (res, session)
    }

    /// After signing in, a page with a form, for a fresh CSRF token.
    private func refreshCSRF(_ session: inout PageSession, from path: String = "/account/password") async throws {
        session.absorb(try await t.page(session, path))
    }

    private func secret(in html: String) throws -> String {
        let start = try XCTUnwrap(html.range(of: #"<code class="secret">"#), "no secret shown in: \(html.prefix(500))")
        return String(html[start.upperBound...].prefix { $0 != "<" })
    }

    private func user(_ id: UUID) async throws -> UserModel {
        let model = try await UserModel.find(id, on: t.app.db)
        return try XCTUnwrap(model)
    }

    // MARK: - Throttling

    func testFiveFailuresForAnAccountRefuseTheSixthWithoutCheckingThePassword() async throws {
        let hasher = countBcrypt()
        for _ in 1...5 {
            let res = try await requestToken(f.email(.adviser), "wrong password")
            XCTAssertEqual(res.status, .unauthorized)
        }
        XCTAssertEqual(hasher.calls, 5)
        let refused = try await requestToken(f.email(.adviser), WebFixture.password)
        XCTAssertEqual(refused.status, .tooManyRequests, refused.body.string)
        XCTAssertEqual(try refused.content.decode(ErrorBody.self).error.code, "too_many_requests")
        let wait = try XCTUnwrap(refused.headers.first(name: .retryAfter).flatMap(Int.init))
        XCTAssertTrue((1...900).contains(wait), "Retry-After \(wait)")
        XCTAssertEqual(hasher.calls, 5, "a throttled attempt must not run Bcrypt")
        // Same address, another account: still allowed (5 failures are far under the address limit).
        expect(.created, try await requestToken(f.email(.provider), WebFixture.password))
        // An account that does not exist is throttled just the same, so throttling does not reveal who exists.
        for _ in 1...5 { _ = try await requestToken("nobody@test.escalator", "guess") }
        expect(.tooManyRequests, try await requestToken("NOBODY@test.escalator", "guess"))
    }

    func testTheAccountLimitExpiresWithTheWindowAndASuccessResetsIt() async throws {
        for _ in 1...5 { _ = try await requestToken(f.email(.adviser), "wrong password") }
        expect(.tooManyRequests, try await requestToken(f.email(.adviser), WebFixture.password))
        t.clock.advance(by: 14 * 60)
        expect(.tooManyRequests, try await requestToken(f.email(.adviser), WebFixture.password))
        t.clock.advance(by: 61)
        expect(.created, try await requestToken(f.email(.adviser), WebFixture.password))

        // Four failures, then a success, clears the account: five more failures are each checked (without the reset
        // the second would be refused), and only then is the account throttled.
        for _ in 1...4 { expect(.unauthorized, try await requestToken(f.email(.adviser), "wrong password")) }
        expect(.created, try await requestToken(f.email(.adviser), WebFixture.password))
        for attempt in 1...5 {
            expect(.unauthorized, try await requestToken(f.email(.adviser), "wrong password"), "attempt \(attempt)")
        }
        expect(.tooManyRequests, try await requestToken(f.email(.adviser), WebFixture.password))
    }

    func testTwentyFailuresFromOneAddressRefuseEveryAccountAndASuccessDoesNotResetIt() async throws {
        for index in 1...19 {
            expect(.unauthorized, try await requestToken("person\(index)@test.escalator", "guess"))
        }
        expect(.created, try await requestToken(f.email(.analyst), WebFixture.password))
        expect(.unauthorized, try await requestToken("person20@test.escalator", "guess"))
        let refused = try await requestToken(f.email(.provider), WebFixture.password)
        XCTAssertEqual(refused.status, .tooManyRequests)
        XCTAssertNotNil(refused.headers.first(name: .retryAfter))
        t.clock.advance(by: 15 * 60 + 1)
        expect(.created, try await requestToken(f.email(.provider), WebFixture.password))
    }

    func testTheSignInPageIsThrottledWithAnErrorSummaryAndRetryAfter() async throws {
        for _ in 1...5 {
            let (res, _) = try await signIn(f.email(.adviser), "wrong password")
            XCTAssertEqual(res.status, .unauthorized)
            XCTAssertTrue(res.body.string.contains("The email address or password is not right"))
        }
        let (res, session) = try await signIn(f.email(.adviser), WebFixture.password)
        XCTAssertEqual(res.status, .tooManyRequests)
        XCTAssertNotNil(res.headers.first(name: .retryAfter))
        let html = res.body.string
        XCTAssertTrue(html.contains("error-summary"), html)
        XCTAssertTrue(html.contains("too many attempts to sign in. Wait 15 minutes"), html)
        // Not signed in.
        let home = try await t.page(session, "/")
        XCTAssertEqual(home.status, .seeOther)
        XCTAssertTrue(home.headers.first(name: .location)?.hasPrefix("/sign-in") ?? false)
    }

    func testTheThrottleCountsEachAccountAndAddressSeparately() async throws {
        let db = t.app.db
        let throttle = SignInThrottle(limits: SignInLimits(failuresPerAccount: 2, failuresPerAddress: 3, window: 60), key: SymmetricKey(size: .bits256))
        let start = WebFixture.today
        var decision = try await throttle.admit(account: "a", address: "1.1.1.1", at: start, on: db)
        XCTAssertEqual(decision, .admitted)
        decision = try await throttle.admit(account: "a", address: "1.1.1.1", at: start.addingTimeInterval(10), on: db)
        XCTAssertEqual(decision, .admitted)
        decision = try await throttle.admit(account: "a", address: "2.2.2.2", at: start.addingTimeInterval(20), on: db)
        XCTAssertEqual(decision, .refused(retryAfter: 40), "the account's oldest failure leaves the window 40 s later")
        decision = try await throttle.admit(account: "b", address: "1.1.1.1", at: start.addingTimeInterval(20), on: db)
        XCTAssertEqual(decision, .admitted)
        decision = try await throttle.admit(account: "c", address: "1.1.1.1", at: start.addingTimeInterval(30), on: db)
        XCTAssertEqual(decision, .refused(retryAfter: 30), "three failures from 1.1.1.1")
        decision = try await throttle.admit(account: "c", address: "3.3.3.3", at: start.addingTimeInterval(30), on: db)
        XCTAssertEqual(decision, .admitted)
        try await throttle.succeeded(account: "c", address: "3.3.3.3", at: start.addingTimeInterval(30), on: db)
        let counts = try await throttle.failures(account: "c", address: "3.3.3.3", at: start.addingTimeInterval(30), on: db)
        XCTAssertEqual(counts.account, 0)
        XCTAssertEqual(counts.address, 0)

        let off = SignInThrottle(limits: SignInLimits(failuresPerAccount: 0, failuresPerAddress: 0, window: 60), key: SymmetricKey(size: .bits256))
        for _ in 1...50 {
            let admitted = try await off.admit(account: "a", address: "1.1.1.1", at: start, on: db)
            XCTAssertEqual(admitted, .admitted)
        }
    }

    func testTheClientAddressComesFromForwardedForOnlyThroughATrustedProxy() {
        XCTAssertEqual(ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: ["198.51.100.1"], trustedProxies: []), "203.0.113.9")
        XCTAssertEqual(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["198.51.100.1, 192.0.2.7"], trustedProxies: ["10.0.0.2"]), "192.0.2.7")
        XCTAssertEqual(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: ["6.6.6.6", "192.0.2.7, 10.0.0.3"], trustedProxies: ["10.0.0.2", "10.0.0.3"]),
                       "192.0.2.7", "the nearest untrusted hop, not whatever the client wrote first")
        XCTAssertEqual(ClientAddress.resolve(peer: "10.0.0.2", forwardedFor: [], trustedProxies: ["10.0.0.2"]), "10.0.0.2")
        XCTAssertEqual(ClientAddress.resolve(peer: nil, forwardedFor: ["1.2.3.4"], trustedProxies: []), "unknown")
    }

    func testSignInLimitsComeFromTheEnvironment() throws {
        XCTAssertEqual(try SignInLimits(environment: [:]), SignInLimits(failuresPerAccount: 5, failuresPerAddress: 20, window: 900))
        XCTAssertEqual(try SignInLimits(environment: ["ESCALATOR_SIGNIN_ACCOUNT_LIMIT": "3", "ESCALATOR_SIGNIN_ADDRESS_LIMIT": "0",
                                                      "ESCALATOR_SIGNIN_WINDOW_SECONDS": "60"]),
                       SignInLimits(failuresPerAccount: 3, failuresPerAddress: 0, window: 60))
        XCTAssertThrowsError(try SignInLimits(environment: ["ESCALATOR_SIGNIN_WINDOW_SECONDS": "0"]))
        XCTAssertThrowsError(try SignInLimits(environment: ["ESCALATOR_SIGNIN_ACCOUNT_LIMIT": "many"]))
        XCTAssertEqual(try AppEnvironment.maxBodyBytes(from: nil), 1 << 20)
        XCTAssertEqual(try AppEnvironment.maxBodyBytes(from: "4096"), 4096)
        XCTAssertThrowsError(try AppEnvironment.maxBodyBytes(from: "12"))
    }

    func testFailedSignInsAreLoggedUnderAPseudonymNeverTheEmailOrPassword() async throws {
        let logs = CapturedLogs()
        t.app.logger = logs.logger()
        _ = try await requestToken(f.email(.adviser), "hunter2-wrong")
        _ = try await requestToken(f.email(.adviser), "hunter2-wrong")
        let failures = logs.lines.filter { $0.contains("sign-in failed") }
        XCTAssertEqual(failures.count, 2, logs.lines.joined(separator: "\n"))
        for line in logs.lines {
            XCTAssertFalse(line.contains("adviser@"), line)
            XCTAssertFalse(line.contains("hunter2"), line)
        }
        let pseudonym = Credentials.pseudonym(f.email(.adviser), t.environment)
        XCTAssertEqual(pseudonym.count, 12)
        XCTAssertTrue(failures.allSatisfy { $0.contains("account=\(pseudonym)") }, failures.joined(separator: "\n"))
    }

    // MARK: - Password rules

    func testPasswordRules() {
        let email = "sam.jones@example.test"
        XCTAssertEqual(PasswordRules.problems("amber kettle orbit lantern", email: email), [])
        XCTAssertEqual(PasswordRules.problems("short one", email: email), ["Use at least 12 characters."])
        for common in ["Password2024!", "123456789012", "qwertyqwerty", "Welcome 12345!", "administrator", "121212121212", "Escalator-2026"] {
            XCTAssertTrue(PasswordRules.problems(common, email: email).contains { $0.contains("most common") }, common)
        }
        XCTAssertEqual(PasswordRules.problems("I am Sam.Jones, hello", email: email), ["Do not use your email address in your password."])
        XCTAssertTrue(PasswordRules.problems(String(repeating: "é", count: 40), email: email).contains { $0.contains("72 bytes") })
        XCTAssertTrue(PasswordRules.problems("tab\tseparated words", email: email).contains { $0.contains("letters, numbers") })
        // A very short local part is not held against the password.
        XCTAssertEqual(PasswordRules.problems("al fresco dining room", email: "al@example.test"), [])
    }

    func testRulesApplyWhenAPasswordIsSetNotWhenSigningIn() async throws {
        let model = try await user(f.analyst)
        model.passwordHash = try Bcrypt.hash("short", cost: 4)
        try await model.save(on: t.app.db)
        expect(.created, try await requestToken(f.email(.analyst), "short"))
    }

    // MARK: - Administrators manage users

    func testAnAdministratorAddsAUserWhoMustChooseTheirOwnPasswordFirst() async throws {
        let admin = try await t.pageSession(.administrator)
        let form = try await t.page(admin, "/admin/users/new")
        XCTAssertEqual(form.status, .ok)
        XCTAssertTrue(form.body.string.contains("Test College"))
        let before = try await UserModel.query(on: t.app.db).count()
        let created = try await postForm(admin, "/admin/users", [
            "displayName": "Nia Newcomer", "email": "Nia.Newcomer@Test.Escalator", "role": "provider", "organisationID": f.college.uuidString,
        ])
        XCTAssertEqual(created.status, .created, created.body.string)
        let temporary = try secret(in: created.body.string)
        XCTAssertEqual(temporary.count, 19)
        XCTAssertEqual(PasswordRules.problems(temporary, email: "nia.newcomer@test.escalator"), [])
        let after = try await UserModel.query(on: t.app.db).count()
        XCTAssertEqual(after, before + 1)
        let modelFound = try await UserModel.query(on: t.app.db).filter(\.$email == "nia.newcomer@test.escalator").first()
        let model = try XCTUnwrap(modelFound)
        XCTAssertTrue(model.mustChangePassword)
        XCTAssertEqual(model.role, .provider)
        XCTAssertEqual(model.$organisation.id, f.college)
        XCTAssertFalse(model.passwordHash.contains(temporary))

        // The list shows them, with role and organisation.
        let list = try await t.page(admin, "/admin/users?q=nia")
        XCTAssertEqual(list.status, .ok)
        XCTAssertTrue(list.body.string.contains("Nia Newcomer"))
        XCTAssertTrue(list.body.string.contains("Temporary password"))
        XCTAssertFalse(list.body.string.contains("Test Adviser"), "the search narrows the list")

        // The temporary password works once, for choosing a new one: every page leads to the change-password page,
        // and the API refuses them.
        let token = try await requestToken("nia.newcomer@test.escalator", temporary)
        XCTAssertEqual(token.status, .forbidden, token.body.string)
        var (res, session) = try await signIn("nia.newcomer@test.escalator", temporary)
        XCTAssertEqual(res.status, .seeOther)
        for path in ["/", "/programmes", "/account/tokens"] {
            let page = try await t.page(session, path)
            XCTAssertEqual(page.status, .seeOther, path)
            XCTAssertEqual(page.headers.first(name: .location), "/account/password", path)
        }
        var apiHeaders = session.headers
        apiHeaders.contentType = .json
        expect(.forbidden, try await t.app.sendRequest(.GET, "/api/v1/programmes", headers: apiHeaders))
        try await refreshCSRF(&session)
        let page = try await t.page(session, "/account/password")
        XCTAssertTrue(page.body.string.contains("Choose a new password"))

        // Wrong temporary password, a weak new one, and a mismatch are each refused, naming the field.
        res = try await postForm(session, "/account/password", ["currentPassword": "not-it", "newPassword": "amber kettle orbit lantern", "confirmPassword": "amber kettle orbit lantern"])
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains("Your current password is not right"))
        res = try await postForm(session, "/account/password", ["currentPassword": temporary, "newPassword": "Password2024!", "confirmPassword": "Password2024!"])
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains("most common"))
        XCTAssertTrue(res.body.string.contains("#f-newPassword"))
        res = try await postForm(session, "/account/password", ["currentPassword": temporary, "newPassword": "amber kettle orbit lantern", "confirmPassword": "amber kettle orbit"])
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains("do not match"))
        let unchangedFound = try await UserModel.find(model.id, on: t.app.db)
        let unchanged = try XCTUnwrap(unchangedFound)
        XCTAssertEqual(unchanged.passwordHash, model.passwordHash)
        XCTAssertTrue(unchanged.mustChangePassword)

        res = try await postForm(session, "/account/password", ["currentPassword": temporary, "newPassword": "amber kettle orbit lantern", "confirmPassword": "amber kettle orbit lantern"])
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        XCTAssertEqual(res.headers.first(name: .location), "/account?notice=password")
        session.absorb(res)
        expect(.ok, try await t.page(session, "/programmes"))
        let changedFound = try await UserModel.find(model.id, on: t.app.db)
        let changed = try XCTUnwrap(changedFound)
        XCTAssertFalse(changed.mustChangePassword)
        expect(.unauthorized, try await requestToken("nia.newcomer@test.escalator", temporary))
        expect(.created, try await requestToken("nia.newcomer@test.escalator", "amber kettle orbit lantern"))
    }

    func testTheAddUserFormNamesEveryProblemAndAddsNobody() async throws {
        let admin = try await t.pageSession(.administrator)
        let before = try await UserModel.query(on: t.app.db).count()
        var res = try await postForm(admin, "/admin/users", ["displayName": "", "email": f.email(.adviser), "role": "overlord", "organisationID": UUID().uuidString])
        XCTAssertEqual(res.status, .unprocessableEntity)
        let html = res.body.string
        for field in ["displayName", "email", "role", "organisationID"] {
            XCTAssertTrue(html.contains("#f-\(field)"), "no error for \(field)")
        }
        XCTAssertTrue(html.contains("already signs in with this email"))
        res = try await postForm(admin, "/admin/users", ["displayName": "X", "email": "not an email", "role": "adviser", "organisationID": "nope"])
        XCTAssertEqual(res.status, .unprocessableEntity)
        let afterAll = try await UserModel.query(on: t.app.db).count()
        XCTAssertEqual(afterAll, before)
    }

    func testOnlyAdministratorsManageUsers() async throws {
        let adviser = try await t.pageSession(.adviser)
        expect(.forbidden, try await t.page(adviser, "/admin/users"))
        expect(.forbidden, try await t.page(adviser, "/admin/users/\(f.analyst)"))
        let before = try await UserModel.query(on: t.app.db).count()
        let hash = try await user(f.analyst).passwordHash
        let sneaky = try await postForm(adviser, "/admin/users", ["displayName": "Sneaky", "email": "sneaky@test.escalator", "role": "administrator",
                                                               "organisationID": f.jobcentre.uuidString]).status
        XCTAssertEqual(sneaky, .forbidden)
        expect(.forbidden, try await postForm(adviser, "/admin/users/\(f.analyst)/reset-password", [:]))
        expect(.forbidden, try await postForm(adviser, "/admin/users/\(f.analyst)/deactivate", [:]))
        let afterAll = try await UserModel.query(on: t.app.db).count()
        XCTAssertEqual(afterAll, before)
        let analyst = try await user(f.analyst)
        XCTAssertEqual(analyst.passwordHash, hash)
        XCTAssertTrue(analyst.active)
        // And without the CSRF token even an administrator is refused.
        let admin = try await t.pageSession(.administrator)
        expect(.forbidden, try await postForm(admin, "/admin/users/\(f.analyst)/deactivate", [:], withToken: false))
        let stillActive = try await user(f.analyst).active
        XCTAssertTrue(stillActive)
    }

    func testResettingAPasswordRevokesTokensEndsSessionsAndForcesAChange() async throws {
        let token = try await t.token(.adviser)
        let adviserSession = try await t.pageSession(.adviser)
        expect(.ok, try await t.app.sendRequest(.GET, "/api/v1/clients", headers: bearer(token)))
        let admin = try await t.pageSession(.administrator)
        let shown = try await t.page(admin, "/admin/users/\(f.adviser)")
        XCTAssertEqual(shown.status, .ok)
        XCTAssertTrue(shown.body.string.contains("Jobcentre Plus Test"))
        XCTAssertTrue(shown.body.string.contains("Last signed in"))
        XCTAssertTrue(shown.body.string.contains("2 November 2026 at 00:00 UTC"), "the sign-ins above were recorded")

        let res = try await postForm(admin, "/admin/users/\(f.adviser)/reset-password", [:])
        XCTAssertEqual(res.status, .ok)
        let temporary = try secret(in: res.body.string)
        let mustChange = try await user(f.adviser).mustChangePassword
        XCTAssertTrue(mustChange)
        expect(.unauthorized, try await t.app.sendRequest(.GET, "/api/v1/clients", headers: bearer(token)))
        let old = try await t.page(adviserSession, "/clients")
        XCTAssertEqual(old.status, .seeOther)
        XCTAssertTrue(old.headers.first(name: .location)?.hasPrefix("/sign-in") ?? false, "the old session ended")
        expect(.unauthorized, try await requestToken(f.email(.adviser), WebFixture.password))
        let (signedIn, session) = try await signIn(f.email(.adviser), temporary)
        XCTAssertEqual(signedIn.status, .seeOther)
        let redirect = try await t.page(session, "/clients").headers.first(name: .location)
        XCTAssertEqual(redirect, "/account/password")
        // The page never shows the temporary password again.
        let shownAgain = try await t.page(admin, "/admin/users/\(f.adviser)").body.string.contains(temporary)
        XCTAssertFalse(shownAgain)
        // An administrator cannot reset their own password this way.
        expect(.conflict, try await postForm(admin, "/admin/users/\(f.admin)/reset-password", [:]))
    }

    func testDeactivatingStopsSignInAndTokensAndReactivatingRestoresSignIn() async throws {
        let token = try await t.token(.provider)
        let providerSession = try await t.pageSession(.provider)
        let admin = try await t.pageSession(.administrator)
        var res = try await postForm(admin, "/admin/users/\(f.providerUser)/deactivate", [:])
        XCTAssertEqual(res.status, .seeOther)
        let active = try await user(f.providerUser).active
        XCTAssertFalse(active)
        expect(.unauthorized, try await t.app.sendRequest(.GET, "/api/v1/programmes", headers: bearer(token)))
        expect(.seeOther, try await t.page(providerSession, "/programmes"))
        expect(.unauthorized, try await requestToken(f.email(.provider), WebFixture.password))
        let list = try await t.page(admin, "/admin/users")
        XCTAssertTrue(list.body.string.contains("Deactivated"))

        res = try await postForm(admin, "/admin/users/\(f.admin)/deactivate", [:])
        XCTAssertEqual(res.status, .conflict)
        let adminActive = try await user(f.admin).active
        XCTAssertTrue(adminActive)

        res = try await postForm(admin, "/admin/users/\(f.providerUser)/reactivate", [:])
        XCTAssertEqual(res.status, .seeOther)
        expect(.created, try await requestToken(f.email(.provider), WebFixture.password))
        let oldToken = try await t.app.sendRequest(.GET, "/api/v1/programmes", headers: bearer(token)).status
        XCTAssertEqual(oldToken, .unauthorized,
                       "tokens revoked on deactivation stay revoked")
        expect(.badRequest, try await postForm(admin, "/admin/users/not-an-id/deactivate", [:]))
        expect(.notFound, try await postForm(admin, "/admin/users/\(UUID())/deactivate", [:]))
    }

    func testChangingYourOwnPasswordNeedsTheCurrentOneAndEndsYourOtherSessions() async throws {
        var first = try await t.pageSession(.employer)
        let second = try await t.pageSession(.employer)
        try await refreshCSRF(&first)
        let hash = try await user(f.employerUser).passwordHash
        var res = try await postForm(first, "/account/password", ["currentPassword": "wrong", "newPassword": "amber kettle orbit lantern", "confirmPassword": "amber kettle orbit lantern"])
        XCTAssertEqual(res.status, .unprocessableEntity)
        let unchangedHash = try await user(f.employerUser).passwordHash
        XCTAssertEqual(unchangedHash, hash)
        res = try await postForm(first, "/account/password", ["currentPassword": WebFixture.password, "newPassword": "amber kettle orbit lantern", "confirmPassword": "amber kettle orbit lantern"])
        XCTAssertEqual(res.status, .seeOther)
        first.absorb(res)
        let account = try await t.page(first, "/account?notice=password")
        XCTAssertEqual(account.status, .ok)
        XCTAssertTrue(account.body.string.contains("Your password has been changed"))
        expect(.seeOther, try await t.page(second, "/vacancies"), "the other session ended")
        expect(.unauthorized, try await requestToken(f.email(.employer), WebFixture.password))
        expect(.created, try await requestToken(f.email(.employer), "amber kettle orbit lantern"))
    }

    func testWrongCurrentPasswordsCountAgainstTheThrottle() async throws {
        var session = try await t.pageSession(.analyst)
        try await refreshCSRF(&session)
        for _ in 1...5 {
            let res = try await postForm(session, "/account/password", ["currentPassword": "guess", "newPassword": "amber kettle orbit lantern", "confirmPassword": "amber kettle orbit lantern"])
            XCTAssertEqual(res.status, .unprocessableEntity)
        }
        let res = try await postForm(session, "/account/password", ["currentPassword": WebFixture.password, "newPassword": "amber kettle orbit lantern", "confirmPassword": "amber kettle orbit lantern"])
        XCTAssertEqual(res.status, .tooManyRequests)
        XCTAssertTrue(res.body.string.contains("error-summary"))
        expect(.tooManyRequests, try await requestToken(f.email(.analyst), WebFixture.password))
    }

    func testSessionsEndAfterTheirLifetime() async throws {
        let session = try await t.pageSession(.adviser)
        t.clock.advance(by: 7 * 3600)
        expect(.ok, try await t.page(session, "/clients"))
        t.clock.advance(by: 3601)
        let res = try await t.page(session, "/clients")
        XCTAssertEqual(res.status, .seeOther)
        XCTAssertTrue(res.headers.first(name: .location)?.hasPrefix("/sign-in") ?? false)
    }

    // MARK: - API tokens

    func testATokenIsShownOnceStoredOnlyAsAHashAndListedWithoutIt() async throws {
        let res = try await requestToken(f.email(.adviser), WebFixture.password, extra: #", "name": "nightly export""#)
        XCTAssertEqual(res.status, .created)
        let token = try res.content.get(String.self, at: "token")
        XCTAssertEqual(try res.content.get(String.self, at: "scope"), "write", "write unless read is asked for")
        let id = try res.content.get(UUID.self, at: "id")
        let modelFound = try await APITokenModel.find(id, on: t.app.db)
        let model = try XCTUnwrap(modelFound)
        XCTAssertEqual(model.tokenHash, APITokens.hash(token))
        XCTAssertNotEqual(model.tokenHash, token)
        XCTAssertEqual(model.name, "nightly export")

        let list = try await t.app.sendRequest(.GET, "/api/v1/auth/tokens", headers: bearer(token))
        XCTAssertEqual(list.status, .ok)
        XCTAssertFalse(list.body.string.contains(token))
        XCTAssertFalse(list.body.string.contains(model.tokenHash))
        XCTAssertEqual(try list.values("items", "name", as: String.self), ["nightly export"])
        XCTAssertEqual(try list.values("items", "status", as: String.self), ["active"])
        XCTAssertEqual(try list.values("items", "lastUsedAt", as: String.self).count, 1, "the listing itself used the token")
        // Another user's listing does not include it.
        let other = try await t.send(.GET, "/api/v1/auth/tokens", as: .otherAdviser)
        XCTAssertFalse(try other.values("items", "id", as: String.self).contains { $0.lowercased() == id.uuidString.lowercased() })
    }

    func testAReadTokenMayOnlyRead() async throws {
        let res = try await requestToken(f.email(.adviser), WebFixture.password, extra: #", "scope": "read""#)
        XCTAssertEqual(res.status, .created)
        XCTAssertEqual(try res.content.get(String.self, at: "scope"), "read")
        let token = try res.content.get(String.self, at: "token")
        expect(.ok, try await t.app.sendRequest(.GET, "/api/v1/clients", headers: bearer(token)))
        let before = try await ClientModel.query(on: t.app.db).count()
        var headers = bearer(token)
        headers.contentType = .json
        let write = try await t.app.sendRequest(.POST, "/api/v1/clients", headers: headers, body: ByteBuffer(string: #"{"givenName": "Rea", "familyName": "Donly"}"#))
        XCTAssertEqual(write.status, .forbidden)
        let error = try write.content.decode(ErrorBody.self).error
        XCTAssertEqual(error.code, "forbidden")
        XCTAssertTrue(error.message.contains("scope read"), error.message)
        let after = try await ClientModel.query(on: t.app.db).count()
        XCTAssertEqual(after, before)
        let id = try res.content.get(UUID.self, at: "id")
        expect(.forbidden, try await t.app.sendRequest(.DELETE, "/api/v1/auth/tokens/\(id)", headers: bearer(token)))

        let unknown = try await requestToken(f.email(.adviser), WebFixture.password, extra: #", "scope": "admin", "name": "\#(String(repeating: "n", count: 101))""#)
        XCTAssertEqual(unknown.status, .unprocessableEntity)
        XCTAssertEqual(Set(try unknown.content.decode(ErrorBody.self).error.fields.map(\.field)), ["scope", "name"])
    }

    func testRevokedAndExpiredTokensAre401AndOnlyTheOwnerOrAnAdministratorRevokes() async throws {
        let res = try await requestToken(f.email(.adviser), WebFixture.password)
        let token = try res.content.get(String.self, at: "token"), id = try res.content.get(UUID.self, at: "id")
        let someoneElse = try await t.send(.DELETE, "/api/v1/auth/tokens/\(id)", as: .otherAdviser)
        XCTAssertEqual(someoneElse.status, .notFound)
        expect(.ok, try await t.app.sendRequest(.GET, "/api/v1/clients", headers: bearer(token)))
        expect(.badRequest, try await t.send(.DELETE, "/api/v1/auth/tokens/not-a-uuid", as: .adviser))

        let revoked = try await t.app.sendRequest(.DELETE, "/api/v1/auth/tokens/\(id)", headers: bearer(token))
        XCTAssertEqual(revoked.status, .ok)
        XCTAssertEqual(try revoked.content.get(String.self, at: "status"), "revoked")
        let after = try await t.app.sendRequest(.GET, "/api/v1/clients", headers: bearer(token))
        XCTAssertEqual(after.status, .unauthorized)
        XCTAssertEqual(after.headers.first(name: .wwwAuthenticate), "Bearer")

        // An administrator may revoke anyone's.
        let second = try await requestToken(f.email(.provider), WebFixture.password)
        let secondToken = try second.content.get(String.self, at: "token"), secondID = try second.content.get(UUID.self, at: "id")
        expect(.ok, try await t.send(.DELETE, "/api/v1/auth/tokens/\(secondID)", as: .administrator))
        expect(.unauthorized, try await t.app.sendRequest(.GET, "/api/v1/programmes", headers: bearer(secondToken)))

        // Expiry.
        let third = try await requestToken(f.email(.analyst), WebFixture.password)
        let thirdToken = try third.content.get(String.self, at: "token")
        expect(.ok, try await t.app.sendRequest(.GET, "/api/v1/auth/tokens", headers: bearer(thirdToken)))
        t.clock.advance(by: t.environment.tokenLifetime + 1)
        expect(.unauthorized, try await t.app.sendRequest(.GET, "/api/v1/auth/tokens", headers: bearer(thirdToken)))
        let listing = try await t.send(.GET, "/api/v1/auth/tokens", as: .analyst)
        XCTAssertEqual(Set(try listing.values("items", "status", as: String.self)), ["active", "expired"])
    }

    func testTheAccountPageCreatesAReadTokenShownOnceAndRevokesIt() async throws {
        var session = try await t.pageSession(.adviser)
        let page = try await t.page(session, "/account/tokens")
        XCTAssertEqual(page.status, .ok)
        session.absorb(page)
        var res = try await postForm(session, "/account/tokens", ["name": "", "scope": "everything"])
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains("#f-name"))
        XCTAssertTrue(res.body.string.contains("#f-scope"))
        res = try await postForm(session, "/account/tokens", ["name": "dashboard", "scope": "read"])
        XCTAssertEqual(res.status, .created)
        let token = try secret(in: res.body.string)
        XCTAssertTrue(token.hasPrefix("esc_"))
        let shownAgain = try await t.page(session, "/account/tokens").body.string.contains(token)
        XCTAssertFalse(shownAgain, "shown once")
        expect(.ok, try await t.app.sendRequest(.GET, "/api/v1/clients", headers: bearer(token)))
        expect(.forbidden, try await t.app.sendRequest(.POST, "/api/v1/clients", headers: bearer(token)))

        let modelFound = try await APITokenModel.query(on: t.app.db).filter(\.$name == "dashboard").first()
        let model = try XCTUnwrap(modelFound)
        XCTAssertEqual(model.scope, "read")
        // Someone else cannot revoke it through their account page.
        let other = try await t.pageSession(.otherAdviser)
        expect(.notFound, try await postForm(other, "/account/tokens/\(model.id!)/revoke", [:]))
        expect(.ok, try await t.app.sendRequest(.GET, "/api/v1/clients", headers: bearer(token)))
        res = try await postForm(session, "/account/tokens/\(model.id!)/revoke", [:])
        XCTAssertEqual(res.status, .seeOther)
        expect(.unauthorized, try await t.app.sendRequest(.GET, "/api/v1/clients", headers: bearer(token)))
        let listed = try await t.page(session, "/account/tokens")
        XCTAssertTrue(listed.body.string.contains("Revoked"))
    }

    func testTokenOperationsConformToTheDocument() async throws {
        let api = try APIConformance(t)
        let created = try await api.check(.POST, "/api/v1/auth/token", as: nil,
                                          body: #"{"email": "\#(f.email(.employer))", "password": "\#(WebFixture.password)", "scope": "read"}"#, expect: .created)
        let id = try XCTUnwrap(created["id"]?.string)
        try await api.check(.GET, "/api/v1/auth/tokens", "/api/v1/auth/tokens?page=1&size=5", as: .employer, expect: .ok)
        try await api.check(.GET, "/api/v1/auth/tokens", "/api/v1/auth/tokens?page=0", as: .employer, expect: .unprocessableEntity)
        try await api.check(.DELETE, "/api/v1/auth/tokens/:tokenID", "/api/v1/auth/tokens/\(id)", as: .otherAdviser, expect: .notFound)
        try await api.check(.DELETE, "/api/v1/auth/tokens/:tokenID", "/api/v1/auth/tokens/\(id)", as: .employer, expect: .ok)
        try await api.check(.DELETE, "/api/v1/auth/tokens/:tokenID", "/api/v1/auth/tokens/x", as: .employer, expect: .badRequest)
        for _ in 1...5 {
            try await api.check(.POST, "/api/v1/auth/token", as: nil, body: #"{"email": "\#(f.email(.analyst))", "password": "nope"}"#, expect: .unauthorized)
        }
        try await api.check(.POST, "/api/v1/auth/token", as: nil, body: #"{"email": "\#(f.email(.analyst))", "password": "nope"}"#, expect: .tooManyRequests)
        api.assertCovered("Tokens")
    }

    func testSessionsMayChangeThingsThroughTheAPIOnlyWithJSON() async throws {
        let session = try await t.pageSession(.adviser)
        var headers = session.headers
        headers.contentType = .urlEncodedForm
        let before = try await ClientModel.query(on: t.app.db).count()
        let form = try await t.app.sendRequest(.POST, "/api/v1/clients", headers: headers, body: ByteBuffer(string: "givenName=Cross&familyName=Site"))
        XCTAssertEqual(form.status, .unsupportedMediaType, "the API reads JSON only")
        let consent = try await ConsentModel.query(on: t.app.db).filter(\.$clientID == f.clientA).first()
        let consentID = try XCTUnwrap(consent?.id)
        let bare = try await t.app.sendRequest(.POST, "/api/v1/clients/\(f.clientA)/consents/\(consentID)/withdraw", headers: session.headers)
        XCTAssertEqual(bare.status, .forbidden, "a bodiless POST, as a cross-site form could send it")
        let stillActive = try await ConsentModel.find(consentID, on: t.app.db)
        XCTAssertNil(stillActive?.withdrawnAt)
        let after = try await ClientModel.query(on: t.app.db).count()
        XCTAssertEqual(after, before)
        headers.contentType = .json
        expect(.unprocessableEntity, try await t.app.sendRequest(.POST, "/api/v1/clients", headers: headers, body: ByteBuffer(string: "{}")),
               "past the guard, into validation")
    }

    // MARK: - Headers and cookies

    func testSecurityHeadersOnPagesAPIAndErrors() async throws {
        let session = try await t.pageSession(.adviser)
        let responses = [
            ("page", try await t.page(session, "/clients")),
            ("API", try await t.send(.GET, "/api/v1/clients")),
            ("API error", try await t.send(.GET, "/api/v1/clients/\(UUID())")),
            ("sign-in", try await t.app.sendRequest(.GET, "/sign-in")),
        ]
        for (what, res) in responses {
            let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
            for directive in ["default-src 'self'", "script-src 'none'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"] {
                XCTAssertTrue(csp.contains(directive), "\(what): \(csp)")
            }
            XCTAssertFalse(csp.contains("unsafe-inline"), what)
            XCTAssertEqual(res.headers.first(name: "X-Content-Type-Options"), "nosniff", what)
            XCTAssertEqual(res.headers.first(name: "X-Frame-Options"), "DENY", what)
            XCTAssertEqual(res.headers.first(name: "Referrer-Policy"), "same-origin", what)
            XCTAssertEqual(res.headers.first(name: .cacheControl), "no-store", what)
            XCTAssertNil(res.headers.first(name: .strictTransportSecurity), "\(what): no HSTS over plain HTTP")
        }
        let page = try await t.page(session, "/clients").body.string
        XCTAssertFalse(page.contains("<script"))
        XCTAssertFalse(page.contains(" style="))
        let css = try await t.app.sendRequest(.GET, "/styles.css")
        XCTAssertNotEqual(css.headers.first(name: .cacheControl), "no-store")
    }

    func testCookiesAreHttpOnlyLaxAndSecureWithHSTSWhenConfigured() async throws {
        let plain = try await t.app.sendRequest(.GET, "/sign-in")
        let plainCookie = plain.headers.first(name: .setCookie) ?? ""
        XCTAssertTrue(plainCookie.contains("HttpOnly"))
        XCTAssertTrue(plainCookie.contains("SameSite=Lax"))
        XCTAssertFalse(plainCookie.contains("Secure"))

        let secure = try await TestApp.make { $0.secureCookies = true }
        do {
            let res = try await secure.app.sendRequest(.GET, "/sign-in")
            let cookie = res.headers.first(name: .setCookie) ?? ""
            XCTAssertTrue(cookie.contains("Secure"), cookie)
            XCTAssertTrue(cookie.contains("HttpOnly"), cookie)
            XCTAssertTrue(cookie.contains("SameSite=Lax"), cookie)
            XCTAssertEqual(res.headers.first(name: .strictTransportSecurity), "max-age=31536000; includeSubDomains")
        } catch {
            try await secure.shutdown()
            throw error
        }
        try await secure.shutdown()
    }

    func testSignInRedirectsOnlyToPlainLocalPaths() {
        XCTAssertEqual(SignInController.safeNext("/\t/evil.example"), "/")
        XCTAssertEqual(SignInController.safeNext("/ok\r\nSet-Cookie: x=1"), "/")
        XCTAssertEqual(SignInController.safeNext("/clients?q=a"), "/clients?q=a")
    }
}
