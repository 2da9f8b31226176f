import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// The area the dashboard describes: the whole city region, or one local authority (`?la=E08000025`).
struct InsightArea: Sendable {
    static let regionName = "the West Midlands"

    var localAuthority: LocalAuthority?
    /// The area's wards; every ward for the region.
    var wards: [Ward]

    var name: String { localAuthority?.name ?? Self.regionName }
    /// The ward ids to filter by; nil for the whole region (no filter needed).
    var wardFilter: [String]? { localAuthority == nil ? nil : wards.map(\.id) }

    /// The area named by `la`, or a 422 naming `la` when it is not a known local authority.
    static func resolve(_ la: String?, on db: any Database) async throws -> InsightArea {
        let wards = try await WardModel.query(on: db).sort(\.$name).all().map(\.value)
        guard let code = la else { return InsightArea(localAuthority: nil, wards: wards) }
        guard let authority = try await LocalAuthorityModel.find(code.uppercased(), on: db)?.value else {
            throw AppError.validation("la", "la '\(code)' is not a known local authority code")
        }
        return InsightArea(localAuthority: authority, wards: wards.filter { $0.localAuthorityID == authority.id })
    }

    static func localAuthorities(on db: any Database) async throws -> [LocalAuthority] {
        try await LocalAuthorityModel.query(on: db).sort(\.$name).all().map(\.value)
    }
}
