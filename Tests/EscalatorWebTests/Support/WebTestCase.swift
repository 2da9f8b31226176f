import XCTest

/// A test case with a fresh app and database for every test (`t`), and the fixture's ids (`f`).
class WebTestCase: XCTestCase {
    var t: TestApp!
    var f: WebFixture { t.fixture }

    override func setUp() async throws {
        try await super.setUp()
        t = try await TestApp.make()
    }

    override func tearDown() async throws {
        try await t?.shutdown()
        t = nil
        try await super.tearDown()
    }
}
