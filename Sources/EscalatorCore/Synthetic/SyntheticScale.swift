/// How big a synthetic data set to make. `region` matches the city region: the 61,000 residents
/// looking for work, with employers, vacancies and programmes in proportion. `small` is for demos
/// and tests.
public enum SyntheticScale: String, Sendable, Codable, CaseIterable {
    case small
    case region

    public var counts: SyntheticCounts {
        switch self {
        case .small: SyntheticCounts(clients: 3_000, employers: 300, vacancies: 600, providers: 40, programmes: 120)
        case .region: SyntheticCounts(clients: 61_000, employers: 4_000, vacancies: 20_000, providers: 150, programmes: 1_500)
        }
    }
}

/// The number of each record a scale generates.
public struct SyntheticCounts: Sendable, Hashable, Codable {
    public var clients: Int
    public var employers: Int
    public var vacancies: Int
    public var providers: Int
    public var programmes: Int

    public init(clients: Int, employers: Int, vacancies: Int, providers: Int, programmes: Int) {
        self.clients = clients
        self.employers = employers
        self.vacancies = vacancies
        self.providers = providers
        self.programmes = programmes
    }
}
