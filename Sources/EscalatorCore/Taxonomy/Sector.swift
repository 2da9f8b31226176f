/// The city region's main sectors.
public enum Sector: String, Sendable, Codable, CaseIterable {
    case advancedManufacturing = "advanced-manufacturing"
    case logistics
    case construction
    case healthAndSocialCare = "health-social-care"
    case hospitality
    case retail
    case businessServices = "business-services"
    case digital
    case education
    case publicSector = "public-sector"

    public var label: String {
        switch self {
        case .advancedManufacturing: "Advanced manufacturing and engineering"
        case .logistics: "Logistics"
        case .construction: "Construction"
        case .healthAndSocialCare: "Health and social care"
        case .hospitality: "Hospitality"
        case .retail: "Retail"
        case .businessServices: "Business and professional services"
        case .digital: "Digital"
        case .education: "Education"
        case .publicSector: "Public sector"
        }
    }
}
