import EscalatorCore
import Foundation
import Vapor

/// What an administrator sends to add a provider of programmes.
struct ProviderInput: Content, Sendable {
    var organisationID: String?
    var name: String?
    var kind: String?
    var postcode: String?
    var wardID: String?

    struct Valid {
        var organisationID: UUID
        var name: String
        var kind: ProviderKind
        var postcode: String
        var wardID: String
    }

    func validate(organisationIDs: Set<UUID>, wardIDs: Set<String>) throws -> Valid {
        var v = Validator()
        let organisation = v.uuid(organisationID, "organisationID", missing: "Choose the organisation that runs this provider")
        if let organisation, !organisationIDs.contains(organisation) {
            v.fail("organisationID", "organisationID is not a known partner organisation")
        }
        let name = v.requiredText(name, "name", "Enter the provider's name", max: 200)
        let kind = v.enumValue(kind, "kind", ProviderKind.self, missing: "Choose the kind of provider")
        let postcode = v.postcode(postcode, "postcode")
        let ward = v.choice(wardID, "wardID", in: wardIDs, missing: "Choose the provider's ward")
        try v.throwIfFailed()
        return Valid(organisationID: organisation!, name: name!, kind: kind!, postcode: postcode!, wardID: ward!)
    }
}

/// A new intake of a programme.
struct CohortInput: Content, Sendable {
    var startsOn: String?
    var capacity: ScalarText?

    func validate(today: Date) throws -> (startsOn: Date, capacity: Int) {
        var v = Validator()
        let startsOn = v.requiredDate(startsOn, "startsOn", label: "Start date")
        if let startsOn, startsOn < Calendar.utc.startOfDay(for: today) {
            v.fail("startsOn", "Start date must be today or later")
        }
        let capacity = v.int(capacity.text, "capacity", label: "Places", range: 1...500)
        try v.throwIfFailed()
        return (startsOn!, capacity!)
    }
}
