import EscalatorCore
import Vapor

/// How concentrated everyone's vacancy recommendations are, before and after spreading: aggregate
/// figures, for the roles that see the insight dashboard.
enum ConcentrationQueries {
    static let roles: [Role] = [.analyst, .adviser, .administrator]

    static func report(for user: AuthenticatedUser, now: Date, on req: Request) async throws -> ConcentrationReport {
        guard roles.contains(user.role) else {
            throw AppError.forbidden("Your role (\(user.role.label.lowercased())) cannot see recommendation figures.")
        }
        return try await req.recommendationLists(now: now).concentration
    }
}

extension MatchDTO {
    /// Counts of people (recommendations, the most of one vacancy) are omitted when from 1 to 4.
    struct ConcentrationSide: Content {
        var recommendations: Int?
        var topPercentVacancies: Int
        var topPercentShare: Double
        var maximumPerVacancy: Int?
        var gini: Double
        var vacanciesOverCap: Int

        init(_ side: ConcentrationReport.Side) {
            recommendations = SmallNumberSuppression.count(side.figures.recommendations).value
            topPercentVacancies = side.figures.topPercentVacancies
            topPercentShare = side.figures.topPercentShare
            maximumPerVacancy = SmallNumberSuppression.count(side.figures.maximumPerVacancy).value
            gini = side.figures.gini
            vacanciesOverCap = side.vacanciesOverCap
        }
    }

    struct Concentration: Content {
        var clients: Int?
        var vacancies: Int
        var perClient: Int
        var spreadMultiple: Int
        var before: ConcentrationSide
        var after: ConcentrationSide
        var clientsWithShorterLists: Int?
        var clientsWithShorterListsShown: String

        init(_ report: ConcentrationReport) {
            let shorter = SmallNumberSuppression.count(report.clientsWithShorterLists)
            clients = SmallNumberSuppression.count(report.clients).value
            vacancies = report.before.figures.vacancies
            perClient = report.perClient
            spreadMultiple = report.multiple
            before = ConcentrationSide(report.before)
            after = ConcentrationSide(report.after)
            clientsWithShorterLists = shorter.value
            clientsWithShorterListsShown = shorter.display
        }
    }
}
