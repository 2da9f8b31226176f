import EscalatorCore
@testable import EscalatorWeb
import Vapor
import XCTVapor
import XCTest

/// Every route declares its permission where it is registered, and the app will not start without one.
final class DeclaredPermissionsTests: WebTestCase {
    func testARouteWithoutADeclaredPermissionStopsTheAppStarting() async throws {
        let app = try await Application.make(.testing)
        app.get("declared") { _ in "yes" }.needs(.useOwnAccount)
        app.get("forgotten") { _ in "no" }
        XCTAssertThrowsError(try DeclaredPermissions.requireDeclared(app.routes.all)) { error in
            XCTAssertTrue("\(error)".contains("GET /forgotten"), "\(error)")
            XCTAssertFalse("\(error)".contains("GET /declared"), "\(error)")
        }
        try await app.asyncShutdown()
    }

    func testEveryRouteOfTheAppDeclaresAPermissionThatSomeoneHolds() {
        for route in t.app.routes.all {
            let permission = try? XCTUnwrap(route.permission, "\(route.method) \(route.path)")
            if let permission { XCTAssertFalse(AccessPolicy.table[permission, default: [:]].isEmpty) }
        }
    }

    func testARoleWithoutTheRoutesPermissionIsRefusedBeforeTheHandler() async throws {
        let res = try await t.send(.GET, "/api/v1/clients", as: .analyst)
        XCTAssertEqual(res.status, .forbidden)
        XCTAssertTrue(res.body.string.contains("cannot list and search clients"), res.body.string)
        let page = try await t.page(try await t.pageSession(.employer), "/insight")
        XCTAssertEqual(page.status, .forbidden)
        XCTAssertTrue(page.body.string.contains("cannot read aggregate figures"), page.body.string)
    }
}
