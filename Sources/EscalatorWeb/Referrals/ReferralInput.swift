import EscalatorCore
import Foundation
import Vapor

/// A referral of a client to a programme cohort (`programmeID` and/or `cohortID`) or to a vacancy
/// (`vacancyID`). Pages may add `returnTo`, a path in this service to go back to afterwards.
/// `consentConfirmed`: the adviser confirms the client agrees to share their details with the programme's
/// provider for a training referral (needed unless a consent to the provider already stands).
struct ReferralInput: Content, Sendable {
    var clientID: String?
    var programmeID: String?
    var cohortID: String?
    var vacancyID: String?
    var note: String?
    var returnTo: String?
    var consentConfirmed: ScalarText?

    enum Target {
        case programme(programmeID: UUID?, cohortID: UUID?)
        case vacancy(UUID)
    }

    struct Valid {
        var clientID: UUID
        var target: Target
        var note: String
        var consentConfirmed: Bool
    }

    func validate() throws -> Valid {
        var v = Validator()
        let client = v.uuid(clientID, "clientID", missing: "Choose the client to refer")
        let note = v.optionalText(note, "note", max: 1000)
        let consentConfirmed = Validator.trimmed(consentConfirmed.text) == nil
            ? false : v.yesNo(consentConfirmed.text, "consentConfirmed", missing: "") ?? false
        let hasProgramme = Validator.trimmed(programmeID) != nil || Validator.trimmed(cohortID) != nil
        let hasVacancy = Validator.trimmed(vacancyID) != nil
        var target: Target?
        switch (hasProgramme, hasVacancy) {
        case (true, true):
            v.fail("vacancyID", "Refer to a programme or to a vacancy, not both")
        case (false, false):
            v.fail("programmeID", "Choose a programme cohort or a vacancy")
        case (false, true):
            if let vacancy = v.uuid(vacancyID, "vacancyID", missing: "") { target = .vacancy(vacancy) }
        case (true, false):
            let programme = Validator.trimmed(programmeID) == nil ? nil : v.uuid(programmeID, "programmeID", missing: "")
            let cohort = Validator.trimmed(cohortID) == nil ? nil : v.uuid(cohortID, "cohortID", missing: "")
            target = .programme(programmeID: programme, cohortID: cohort)
        }
        try v.throwIfFailed()
        return Valid(clientID: client!, target: target!, note: note ?? "", consentConfirmed: consentConfirmed)
    }

    /// `returnTo` if it is a path in this service, so a form cannot send people elsewhere.
    var safeReturnPath: String? {
        guard let path = Validator.trimmed(returnTo), path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"),
              !path.contains(where: { $0.isWhitespace || $0.isNewline }) else { return nil }
        return path
    }
}

/// A move of a referral to a new status.
struct ReferralStatusInput: Content, Sendable {
    var status: String?
    var note: String?
}
