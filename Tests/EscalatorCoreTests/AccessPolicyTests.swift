@testable import EscalatorCore
import Foundation
import XCTest

/// The access policy as docs/security.md prints it, and the rules the documents state in words.
final class AccessPolicyTests: XCTestCase {
    func testDocsSecurityPrintsTheTablesTheCodeHas() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/security.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for (marker, table) in [("access-policy", AccessPolicy.markdown), ("personal-fields", PersonalFields.markdown)] {
            let start = try XCTUnwrap(text.range(of: "<!-- \(marker):start -->\n")), end = try XCTUnwrap(text.range(of: "<!-- \(marker):end -->"))
            let printed = String(text[start.upperBound..<end.lowerBound])
            if printed != table {
                XCTFail("docs/security.md's \(marker) table differs from the code; replace it with:\n\(table)")
            }
        }
    }

    /// docs/security.md, "Employers see candidates pseudonymised": before accepting, an employer sees a candidate's
    /// pseudonym and bands only; after, name and contact details; never the reference, date of birth or notes.
    func testEmployersSeeOnlyWhatTheyAreDeclaredToSee() {
        let seen = PersonalField.allCases.filter { PersonalFields.shows($0, to: .employer, through: [.ownOrganisation, .acceptedCandidate]) }
        XCTAssertEqual(Set(seen), [.nameAndContact, .candidatePseudonymAndBands])
        XCTAssertFalse(PersonalFields.shows(.nameAndContact, to: .employer, through: [.ownOrganisation]))
        XCTAssertTrue(PersonalField.allCases.allSatisfy { !PersonalFields.shows($0, to: .analyst, through: Set(Relationship.allCases)) })
        XCTAssertTrue(PersonalFields.shows(.reference, to: .provider, through: [.ownOrganisation]), "marked consent withdrawn")
        XCTAssertFalse(PersonalFields.shows(.othersReferralNotes, to: .provider, through: [.ownOrganisation]))
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
