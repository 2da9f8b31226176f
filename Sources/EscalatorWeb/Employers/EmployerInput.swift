import EscalatorCore
import Foundation
import Vapor

/// What a form or JSON body sends to add an employer. `organisationID` (administrators only) attaches the
/// employer to an existing employer organisation; without it the employer gets an organisation of its own.
struct EmployerInput: Content, Sendable {
    var name: String?
    var sector: String?
    var size: String?
    var postcode: String?
    var wardID: String?
    var organisationID: String?

    struct Valid: Sendable {
        var name: String
        var sector: Sector
        var size: EmployerSize
        var postcode: String
        var wardID: String
        var organisationID: UUID?
    }

    var picksOrganisation: Bool { Validator.trimmed(organisationID) != nil }

    func validate(wardIDs: Set<String>, employerOrganisationIDs: Set<UUID>) throws -> Valid {
        var v = Validator()
        let name = v.requiredText(name, "name", "Enter the employer's name", max: 150)
        let sector = v.enumValue(sector, "sector", Sector.self, missing: "Choose the employer's sector")
        let size = v.enumValue(size, "size", EmployerSize.self, missing: "Choose the employer's size")
        let postcode = v.postcode(postcode, "postcode")
        let ward = v.choice(wardID, "wardID", in: wardIDs, missing: "Choose the employer's ward")
        var organisation: UUID?
        if picksOrganisation {
            organisation = v.uuid(organisationID, "organisationID", missing: "Choose an organisation")
            if let id = organisation, !employerOrganisationIDs.contains(id) {
                v.fail("organisationID", "organisationID is not an employer organisation")
            }
        }
        try v.throwIfFailed()
        return Valid(name: name!, sector: sector!, size: size!, postcode: postcode!, wardID: ward!, organisationID: organisation)
    }
}

/// The kinds of contact the engagement log records.
enum EngagementKind: String, CaseIterable, Sendable {
    case visit, call, event, email, meeting

    var label: String {
        switch self {
        case .visit: "Visit"
        case .call: "Phone or video call"
        case .event: "Event"
        case .email: "Email"
        case .meeting: "Meeting"
        }
    }
}

/// One entry for an employer's engagement log.
struct EngagementInput: Content, Sendable {
    var date: String?
    var kind: String?
    var summary: String?

    func validate(today: Date) throws -> EngagementEntry {
        var v = Validator()
        let date = v.requiredDate(date, "date", label: "Date")
        if let date, date.isoDay > today.isoDay { v.fail("date", "The date of the engagement cannot be in the future") }
        let kind = v.enumValue(kind, "kind", EngagementKind.self, missing: "Choose the kind of engagement")
        let summary = v.requiredText(summary, "summary", "Enter a summary of the engagement", max: 2000)
        try v.throwIfFailed()
        return EngagementEntry(date: date!, kind: kind!.rawValue, summary: summary!)
    }
}

/// A pledge an employer makes. `quantity` may be sent as a JSON number or as form text.
struct PledgeInput: Content, Sendable {
    var kind: String?
    var quantity: String?
    var madeOn: String?

    init(kind: String? = nil, quantity: String? = nil, madeOn: String? = nil) {
        self.kind = kind
        self.quantity = quantity
        self.madeOn = madeOn
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        madeOn = try container.decodeIfPresent(String.self, forKey: .madeOn)
        if let number = try? container.decodeIfPresent(Int.self, forKey: .quantity) {
            quantity = String(number)
        } else {
            quantity = try container.decodeIfPresent(String.self, forKey: .quantity)
        }
    }

    func validate(today: Date) throws -> Pledge {
        var v = Validator()
        let kind = v.enumValue(kind, "kind", PledgeKind.self, missing: "Choose what the employer pledged")
        let quantity = v.int(quantity, "quantity", label: "Quantity", range: 1...10_000)
        let madeOn = v.requiredDate(madeOn, "madeOn", label: "Date the pledge was made")
        if let madeOn, madeOn.isoDay > today.isoDay { v.fail("madeOn", "The date the pledge was made cannot be in the future") }
        try v.throwIfFailed()
        return Pledge(kind: kind!, quantity: quantity!, madeOn: madeOn!)
    }
}
