import EscalatorCore
import Foundation

extension InsightDashboard {
    /// Applies the small-number rule to every count of the figures, in one place:
    /// - clients by journey stage add up to the clients total, so they are suppressed as one line;
    /// - programme places by type add up to the total row in each column, and in each row enrolled and free
    ///   places add up to the capacity, so the places table is suppressed by rows and columns together;
    /// - live vacancies, openings, job starts, the sustainment counts and the skills' supply and demand stand
    ///   alone (no shown figure adds up with them), so only counts from 1 to 4 are hidden;
    /// - sustainment rates and supply-to-demand ratios are hidden when a count they come from is.
    init(publishing figures: InsightFigures) {
        typealias Rule = SmallNumberSuppression
        var stages = SuppressionTable()
        let total = stages.add(figures.clients.total)
        let stageCells = figures.clients.byStage.map { stages.add($0.count) }
        stages.addLine(parts: stageCells, total: total)
        let stageCounts = stages.published()

        asOf = figures.asOf
        area = figures.area
        clients = Clients(
            total: stageCounts[total],
            byStage: zip(figures.clients.byStage, stageCells).map { StageRow(stage: $0.stage, label: $0.label, count: stageCounts[$1]) })
        vacancies = Vacancies(live: Rule.count(figures.vacancies.live), openings: Rule.count(figures.vacancies.openings))
        programmePlaces = Self.places(figures.programmePlaces)
        jobStarts = JobStarts(
            total: Rule.count(figures.jobStarts.total),
            sustainment: figures.jobStarts.sustainment.map { row in
                let due = Rule.count(row.due), stillInWork = Rule.count(row.stillInWork)
                return Sustainment(weeks: row.weeks, due: due, checked: Rule.count(row.checked), stillInWork: stillInWork,
                                   rate: Rule.derived(row.rate, from: stillInWork, due))
            })
        employmentGap = figures.employmentGap
        skills = figures.skills.map { row in
            let demand = Rule.figure(row.demand), supply = Rule.count(row.supply)
            return SkillRow(skillID: row.skillID, name: row.name, demand: demand, supply: supply,
                            ratio: Rule.derived(row.ratio, from: supply, demand))
        }
    }

    private static func places(_ places: InsightFigures.ProgrammePlaces) -> ProgrammePlaces {
        var table = SuppressionTable()
        typealias Cells = (programmes: Int, capacity: Int, enrolled: Int, free: Int)
        func add(_ row: InsightFigures.Places) -> Cells {
            let cells = (table.add(row.programmes), table.add(row.capacity), table.add(row.enrolled), table.add(row.free))
            table.addLine(parts: [cells.2, cells.3], total: cells.1)
            return cells
        }
        let rows = places.byType.map(add)
        let total = add(places.total)
        table.addLine(parts: rows.map(\.programmes), total: total.programmes)
        table.addLine(parts: rows.map(\.capacity), total: total.capacity)
        table.addLine(parts: rows.map(\.enrolled), total: total.enrolled)
        table.addLine(parts: rows.map(\.free), total: total.free)
        let published = table.published()
        func row(_ figures: InsightFigures.Places, _ cells: Cells) -> Places {
            Places(type: figures.type, label: figures.label, programmes: published[cells.programmes], capacity: published[cells.capacity],
                   enrolled: published[cells.enrolled], free: published[cells.free])
        }
        return ProgrammePlaces(byType: zip(places.byType, rows).map(row), total: row(places.total, total))
    }
}
