@testable import EscalatorCore
import Foundation
import XCTest

/// The access policy as docs/security.md prints it, and the rules the documents state in words.
final class AccessPolicyTests: XCTestCase {
    func testDocsSecurityPrintsTheTableTheCodeHas() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/security.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "<!-- access-policy:start -->\n")), end = try XCTUnwrap(text.range(of: "<!-- access-policy:end -->"))
        let printed = String(text[start.upperBound..<end.lowerBound])
        if printed != AccessPolicy.markdown {
            XCTFail("docs/security.md's access policy table differs from AccessPolicy; replace it with:\n\(AccessPolicy.markdown)")
        }
    }

    func testEveryPermissionIsGrantedToSomeoneAndNothingToAnalystsButAggregates() {
        for permission in Permission.allCases {
            XCTAssertFalse(AccessPolicy.table[permission, default: [:]].isEmpty, "\(permission) is granted to nobody")
        }
        let analystHolds = Permission.allCases.filter { AccessPolicy.mayEver(.analyst, $0) }
        XCTAssertEqual(Set(analystHolds), [.usePublicPages, .useOwnAccount, .readReferenceData, .readAggregates])
    }

    /// docs/security.md, "Who sees what" and "Rectification": a partner by consent reads and adds to a record but
    /// only the case owner corrects it, manages its consents, answers rights requests and sees its audit trail.
    func testOnlyTheCaseOwnerCorrectsARecordAPartnerByConsentAddsToIt() {
        for permission in [Permission.correctClientRecord, .recordConsent, .answerRightsRequests, .readClientAuditTrail, .readAssessmentNotes, .readEqualityMonitoring] {
            XCTAssertTrue(AccessPolicy.allows(.adviser, permission, through: [.caseOwner]), "\(permission)")
            XCTAssertFalse(AccessPolicy.allows(.adviser, permission, through: [.consentedPartner]), "\(permission)")
            XCTAssertFalse(AccessPolicy.mayEver(.provider, permission), "\(permission)")
            XCTAssertFalse(AccessPolicy.mayEver(.employer, permission), "\(permission)")
        }
        for permission in [Permission.readClientRecord, .addToClientRecord, .readAssessments, .readMatchesAndPathways] {
            XCTAssertTrue(AccessPolicy.allows(.adviser, permission, through: [.consentedPartner]), "\(permission)")
            XCTAssertFalse(AccessPolicy.allows(.adviser, permission, through: []), "\(permission): no relationship, no access")
        }
        XCTAssertTrue(AccessPolicy.allows(.provider, .readClientRecord, through: [.referredWithConsent]))
        XCTAssertFalse(AccessPolicy.allows(.provider, .readClientRecord, through: [.consentedPartner]))
        XCTAssertFalse(AccessPolicy.mayEver(.employer, .readClientRecord))
        XCTAssertTrue(AccessPolicy.allows(.employer, .followJobStart, through: [.acceptedCandidate]))
        XCTAssertFalse(AccessPolicy.mayEver(.adviser, .eraseClient))
    }
}
