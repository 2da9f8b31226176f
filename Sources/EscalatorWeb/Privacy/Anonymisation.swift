import EscalatorCore
import Foundation

/// What erasure leaves of each record: the facts the partnership's statistics are counted from (ward, status,
/// dates, skills, referral statuses, job outcomes), and nothing that identifies the client or says more about
/// them. `ProcessingRecord` lists the same rule for every stored field, and a test holds the two together.
enum Anonymisation {
    static let givenName = "Erased"
    static let familyName = "client"
    static let referencePrefix = "ERASED-"

    static func client(_ client: Client, placeholderReference: String) -> Client {
        var erased = client
        erased.reference = placeholderReference
        erased.givenName = givenName
        erased.familyName = familyName
        erased.dateOfBirth = nil
        erased.email = nil
        erased.phone = nil
        erased.postcode = ""
        return erased
    }

    /// A consent keeps who and when; its purpose text goes, and one still standing is withdrawn.
    static func consent(_ consent: Consent, at now: Date) -> Consent {
        var erased = consent
        erased.purpose = ""
        erased.withdrawnAt = consent.withdrawnAt ?? now
        return erased
    }

    /// An assessment keeps its date, the skills held and the qualifications (the skills-supply figures);
    /// barriers, aspirations, work constraints and the adviser's notes go.
    static func assessment(_ assessment: Assessment) -> Assessment {
        var erased = assessment
        erased.barriers = []
        erased.aspirations = []
        erased.constraints = WorkConstraints(minHoursPerWeek: 0, maxHoursPerWeek: 0, maxTravelKm: 0, travelModes: [])
        erased.notes = ""
        return erased
    }

    static func statusChange(_ change: StatusChange) -> StatusChange {
        var erased = change
        erased.note = ""
        return erased
    }

    /// A job start keeps its dates, hours and pay (the outcome figures); where the client works goes.
    static func jobStart(_ start: JobStart) -> JobStart {
        var erased = start
        erased.employerName = ""
        erased.jobTitle = ""
        return erased
    }

    static func check(_ check: SustainmentCheck) -> SustainmentCheck {
        var erased = check
        erased.note = ""
        return erased
    }

    static func contact(_ contact: InWorkSupportContact) -> InWorkSupportContact {
        var erased = contact
        erased.summary = ""
        return erased
    }

    static func progression(_ progression: Progression) -> Progression {
        var erased = progression
        erased.detail = ""
        return erased
    }

    /// `ERASED-` and twelve random characters: unique, and unrelated to the reference it replaces.
    static func placeholderReference() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return referencePrefix + String((0..<12).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
