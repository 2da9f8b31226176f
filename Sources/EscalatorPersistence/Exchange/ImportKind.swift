/// What can be imported from and exported to CSV (docs/import-formats.md).
public enum ImportKind: String, CaseIterable, Sendable {
    case clients
    case employers
    case vacancies
    case programmes
    case areaStatistics = "area-statistics"

    /// "1 client", "3 vacancies", "12 ward statistics rows".
    public func counted(_ count: Int) -> String {
        let (one, many) = switch self {
        case .clients: ("client", "clients")
        case .employers: ("employer", "employers")
        case .vacancies: ("vacancy", "vacancies")
        case .programmes: ("programme", "programmes")
        case .areaStatistics: ("ward statistics row", "ward statistics rows")
        }
        return "\(count) \(count == 1 ? one : many)"
    }

    var format: any ExchangeFormat.Type {
        switch self {
        case .clients: ClientsExchange.self
        case .employers: EmployersExchange.self
        case .vacancies: VacanciesExchange.self
        case .programmes: ProgrammesExchange.self
        case .areaStatistics: AreaStatisticsExchange.self
        }
    }

    /// The columns of the format, in the order exports write them.
    public var columns: [ExchangeColumn] { format.columns }
}
