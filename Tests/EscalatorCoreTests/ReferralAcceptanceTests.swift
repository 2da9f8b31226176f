import Foundation
import XCTest
@testable import EscalatorCore

/// Vacancy referrals start as proposed and reach the employer by name only when the client accepts;
/// consents name a purpose from a fixed list.
final class ReferralAcceptanceTests: XCTestCase {
    private let day = Date(timeIntervalSince1970: 1_780_000_000)

    private func proposed() -> Referral {
        Referral(id: FixtureID.uuid(1), clientID: FixtureID.uuid(2), target: .vacancy(vacancyID: FixtureID.uuid(3)), status: .proposed,
                 history: [StatusChange(status: .proposed, at: day, byUserID: nil)])
    }

    func testVacancyReferralsStartProposedAndTheClientAcceptsOrDeclines() throws {
        XCTAssertEqual(ReferralStatus.initial(for: .vacancy), .proposed)
        XCTAssertEqual(ReferralStatus.initial(for: .programme), .referred)
        XCTAssertEqual(ReferralStatus.proposed.next(for: .vacancy), [.applied, .withdrawn])
        XCTAssertEqual(ReferralStatus.proposed.next(for: .programme), [], "programme referrals are never proposed")
        XCTAssertEqual(ReferralStatus.proposed.label, "Proposed")
        XCTAssertFalse(ReferralStatus.proposed.isFinal)

        var skipping = proposed()
        XCTAssertThrowsError(try skipping.advance(to: .interviewed, at: day, by: nil)) { error in
            XCTAssertEqual(error as? ReferralError, .transitionNotAllowed(from: .proposed, to: .interviewed))
        }
        XCTAssertEqual(skipping.history.count, 1, "a refused move records nothing")

        var accepted = proposed()
        XCTAssertFalse(accepted.clientAccepted)
        try accepted.advance(to: .applied, at: day.addingTimeInterval(60), by: nil)
        XCTAssertTrue(accepted.clientAccepted)
        try accepted.advance(to: .interviewed, at: day.addingTimeInterval(120), by: nil)
        try accepted.advance(to: .declined, at: day.addingTimeInterval(180), by: nil)
        XCTAssertTrue(accepted.clientAccepted, "accepted once, whatever came after")

        var declined = proposed()
        try declined.advance(to: .withdrawn, at: day.addingTimeInterval(60), by: nil, note: "Client declines")
        XCTAssertFalse(declined.clientAccepted)
        XCTAssertTrue(declined.status.isFinal)

        // Referrals made before proposals existed started at applied: the client had accepted.
        let legacy = Referral(id: FixtureID.uuid(4), clientID: FixtureID.uuid(2), target: .vacancy(vacancyID: FixtureID.uuid(3)), status: .interviewed,
                              history: [StatusChange(status: .applied, at: day, byUserID: nil), StatusChange(status: .interviewed, at: day, byUserID: nil)])
        XCTAssertTrue(legacy.clientAccepted)
        let programme = Referral(id: FixtureID.uuid(5), clientID: FixtureID.uuid(2), target: .programme(programmeID: FixtureID.uuid(6), cohortID: nil),
                                 status: .referred, history: [StatusChange(status: .referred, at: day, byUserID: nil)])
        XCTAssertFalse(programme.clientAccepted)
    }

    func testAProposedReferralDoesNotPutTheClientAtApplying() {
        let assessed = FixtureID.uuid(900)
        XCTAssertEqual(JourneyStage.stage(latestAssessmentID: assessed, referrals: [proposed()], jobStarts: []), .assessed)
        var accepted = proposed()
        accepted.status = .applied
        XCTAssertEqual(JourneyStage.stage(latestAssessmentID: assessed, referrals: [accepted], jobStarts: []), .applying)
    }

    func testConsentPurposesComeFromTheListAndOldFreeTextStaysReadable() {
        XCTAssertEqual(ConsentPurpose.allCases.map(\.rawValue), ["employment-support", "training-referral", "job-referral", "in-work-support"])
        XCTAssertEqual(ConsentPurpose(stored: "training-referral"), .trainingReferral)
        XCTAssertEqual(ConsentPurpose(stored: "employment and skills support"), .employmentSupport, "the text earlier versions stored")
        XCTAssertNil(ConsentPurpose(stored: "marketing"))

        let listed = Consent(organisationID: FixtureID.uuid(7), purpose: .jobReferral, givenAt: day)
        XCTAssertEqual(listed.purpose, "job-referral")
        XCTAssertEqual(listed.statedPurpose, .jobReferral)
        XCTAssertEqual(listed.purposeLabel, "Job referral")
        let old = Consent(organisationID: FixtureID.uuid(7), purpose: "help with a CV", givenAt: day)
        XCTAssertNil(old.statedPurpose)
        XCTAssertEqual(old.purposeLabel, "help with a CV")
    }
}
