import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import XCTVapor
import XCTest

/// Client engagement: register, find, view, correct; consent recorded and withdrawn; who may see whom.
final class EngagementTests: WebTestCase {
    func validClient(_ overrides: [String: String] = [:]) -> [String: String] {
        [
            "givenName": "Priya", "familyName": "Newperson", "dateOfBirth": "1994-07-15", "postcode": "b6 4aa",
            "wardID": t.fixture.wardA, "employmentStatus": "unemployed", "referralSource": "jobcentre",
        ].merging(overrides) { _, new in new }
    }

    func clientCount() async throws -> Int { try await ClientModel.query(on: t.app.db).count() }

    func testAdviserRegistersAClientThroughTheAPI() async throws {
        let headers = try await t.bearer(.adviser)
        var body = validClient()
        body["email"] = "Priya@Example.test"
        try await t.app.test(.POST, "/api/v1/clients", headers: headers, beforeRequest: { req async throws in
            try req.content.encode(body)
        }, afterResponse: { res async throws in
            XCTAssertEqual(res.status, .created, res.body.string)
            let detail = try res.content.decode(ClientsAPIController.ClientDetailDTO.self)
            XCTAssertEqual(detail.client.givenName, "Priya")
            XCTAssertEqual(detail.client.postcode, "B6 4AA", "postcodes are normalised")
            XCTAssertEqual(detail.client.email, "priya@example.test")
            XCTAssertEqual(detail.client.organisationID, self.t.fixture.jobcentre, "registered to the adviser's organisation")
            XCTAssertEqual(detail.client.caseOwnerID, self.t.fixture.adviser)
            XCTAssertTrue(detail.client.reference.hasPrefix("WM-"))
        })
        let count = try await clientCount()
        XCTAssertEqual(count, 3)
    }

    func testBadClientNamesEveryFieldAndWritesNothing() async throws {
        let headers = try await t.bearer(.adviser)
        let body = validClient(["givenName": " ", "postcode": "NOT A POSTCODE", "wardID": "E0599999", "employmentStatus": "retired", "dateOfBirth": "2020-02-30"])
        try await t.app.test(.POST, "/api/v1/clients", headers: headers, beforeRequest: { req async throws in
            try req.content.encode(body)
        }, afterResponse: { res async throws in
            XCTAssertEqual(res.status, .unprocessableEntity)
            let error = try res.content.decode(ErrorBody.self).error
            XCTAssertEqual(error.code, "validation_failed")
            XCTAssertEqual(Set(error.fields.map(\.field)), ["givenName", "postcode", "wardID", "employmentStatus", "dateOfBirth"])
        })
        let count = try await clientCount()
        XCTAssertEqual(count, 2)
    }

    func testMalformedJSONIsA400NamingTheProblem() async throws {
        let headers = try await t.bearer(.adviser)
        try await t.app.test(.POST, "/api/v1/clients", headers: headers, beforeRequest: { req async throws in
            req.headers.contentType = .json
            req.body = ByteBuffer(string: #"{"givenName": 12, "familyName": "x""#)
        }, afterResponse: { res async throws in
            XCTAssertEqual(res.status, .badRequest)
            XCTAssertEqual(try res.content.decode(ErrorBody.self).error.code, "bad_request")
        })
        try await t.app.test(.POST, "/api/v1/clients", headers: headers, beforeRequest: { req async throws in
            req.headers.contentType = .json
            req.body = ByteBuffer(string: #"{"givenName": 12}"#)
        }, afterResponse: { res async throws in
            XCTAssertEqual(res.status, .badRequest)
            let error = try res.content.decode(ErrorBody.self).error
            XCTAssertEqual(error.fields.first?.field, "givenName")
        })
        let count = try await clientCount()
        XCTAssertEqual(count, 2)
    }

    func testAdviserSeesOwnOrganisationsClientsAndConsentedOnes() async throws {
        // The Jobcentre adviser sees client A (their organisation's) but not client B (the charity's, no consent).
        let headers = try await t.bearer(.adviser)
        try await t.app.test(.GET, "/api/v1/clients", headers: headers) { res async throws in
            XCTAssertEqual(res.status, .ok)
            let ids: [String] = try res.values("items", "id")
            XCTAssertEqual(ids, [self.t.fixture.clientA.uuidString])
        }
        try await t.app.test(.GET, "/api/v1/clients/\(t.fixture.clientB)", headers: headers) { res async throws in
            XCTAssertEqual(res.status, .notFound)
        }
        // The charity records client B's consent to share with the Jobcentre: now the adviser sees B.
        let charity = try await t.bearer(.otherAdviser)
        try await t.app.test(.POST, "/api/v1/clients/\(t.fixture.clientB)/consents", headers: charity, beforeRequest: { req async throws in
            try req.content.encode(["organisationID": self.t.fixture.jobcentre.uuidString])
        }, afterResponse: { res async throws in
            XCTAssertEqual(res.status, .created, res.body.string)
        })
        try await t.app.test(.GET, "/api/v1/clients/\(t.fixture.clientB)", headers: headers) { res async throws in
            XCTAssertEqual(res.status, .ok)
        }
        // Withdrawn: gone again at once.
        let consent = try await ConsentModel.query(on: t.app.db).filter(\.$clientID == t.fixture.clientB).first()!
        try await t.app.test(.POST, "/api/v1/clients/\(t.fixture.clientB)/consents/\(consent.id!)/withdraw", headers: charity) { res async throws in
            XCTAssertEqual(res.status, .ok)
            let consents: [Bool] = try res.values("consents", "active")
            XCTAssertEqual(consents, [false])
        }
        try await t.app.test(.GET, "/api/v1/clients/\(t.fixture.clientB)", headers: headers) { res async throws in
            XCTAssertEqual(res.status, .notFound)
        }
    }

    func testEmployersAndAnalystsCannotReadClientRecords() async throws {
        for role in [TestRole.employer, .analyst] {
            let headers = try await t.bearer(role)
            try await t.app.test(.GET, "/api/v1/clients", headers: headers) { res async throws in
                XCTAssertEqual(res.status, .forbidden, "\(role)")
            }
            try await t.app.test(.GET, "/api/v1/clients/\(t.fixture.clientA)", headers: headers) { res async throws in
                XCTAssertEqual(res.status, .forbidden, "\(role)")
            }
        }
    }

    func testProviderCannotRegisterClients() async throws {
        let headers = try await t.bearer(.provider)
        let body = validClient()
        try await t.app.test(.POST, "/api/v1/clients", headers: headers, beforeRequest: { req async throws in
            try req.content.encode(body)
        }, afterResponse: { res async throws in
            XCTAssertEqual(res.status, .forbidden)
        })
        let count = try await clientCount()
        XCTAssertEqual(count, 2)
    }

    func testRegistrationPageShowsErrorSummaryAndThenRegisters() async throws {
        let session = try await t.pageSession(.adviser)
        try await t.app.test(.POST, "/clients", headers: session.headers, beforeRequest: { req async throws in
            try req.content.encode(session.form(self.validClient(["familyName": ""])), as: .urlEncodedForm)
        }, afterResponse: { res async throws in
            XCTAssertEqual(res.status, .unprocessableEntity)
            let page = res.body.string
            XCTAssertTrue(page.contains("There is a problem"))
            XCTAssertTrue(page.contains(##"href="#f-familyName""##), "the summary links to the field")
            XCTAssertTrue(page.contains("Enter the client&#39;s last name"))
            XCTAssertTrue(page.contains(#"value="Priya""#), "what was typed is kept")
        })
        var location = ""
        try await t.app.test(.POST, "/clients", headers: session.headers, beforeRequest: { req async throws in
            var form = session.form(self.validClient())
            form["consentOrganisationIDs[]"] = self.t.fixture.college.uuidString
            try req.content.encode(form, as: .urlEncodedForm)
        }, afterResponse: { res async throws in
            XCTAssertEqual(res.status, .seeOther, res.body.string)
            location = res.headers.first(name: .location) ?? ""
        })
        XCTAssertTrue(location.hasPrefix("/clients/"))
        try await t.app.test(.GET, location, headers: session.headers) { res async throws in
            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("Priya Newperson"))
            XCTAssertTrue(res.body.string.contains("Client registered"))
            XCTAssertTrue(res.body.string.contains("Test College"), "the consent is shown")
        }
    }

    func testFormsWithoutTheCSRFTokenAreRefused() async throws {
        let session = try await t.pageSession(.adviser)
        try await t.app.test(.POST, "/clients", headers: session.headers, beforeRequest: { req async throws in
            var form = self.validClient()
            form["_csrf"] = "forged"
            try req.content.encode(form, as: .urlEncodedForm)
        }, afterResponse: { res async throws in
            XCTAssertEqual(res.status, .forbidden)
        })
        let count = try await clientCount()
        XCTAssertEqual(count, 2)
    }

    func testPagesRedirectToSignInAndAPIAnswers401() async throws {
        try await t.app.test(.GET, "/clients") { res async throws in
            XCTAssertEqual(res.status, .seeOther)
            XCTAssertEqual(res.headers.first(name: .location), "/sign-in?next=%2Fclients")
        }
        try await t.app.test(.GET, "/api/v1/clients") { res async throws in
            XCTAssertEqual(res.status, .unauthorized)
            XCTAssertEqual(try res.content.decode(ErrorBody.self).error.code, "unauthorised")
        }
        try await t.app.test(.GET, "/api/v1/clients", headers: ["Authorization": "Bearer esc_not-a-token"]) { res async throws in
            XCTAssertEqual(res.status, .unauthorized)
        }
    }

    func testPaginationIsValidated() async throws {
        let headers = try await t.bearer(.administrator)
        try await t.app.test(.GET, "/api/v1/clients?size=1&page=2", headers: headers) { res async throws in
            XCTAssertEqual(res.status, .ok)
            XCTAssertEqual(try res.content.get(Int.self, at: "total"), 2)
            XCTAssertEqual(try res.values("items", "id", as: String.self).count, 1)
        }
        try await t.app.test(.GET, "/api/v1/clients?page=0", headers: headers) { res async throws in
            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertEqual(try res.content.decode(ErrorBody.self).error.fields.first?.field, "page")
        }
    }
}
