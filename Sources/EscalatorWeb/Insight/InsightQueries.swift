import EscalatorCore
import EscalatorPersistence
import Fluent
import FluentSQL
import Foundation
import SQLKit

/// The reads behind the insight dashboard. Counting is done in SQL where it can be; otherwise only the
/// columns a statistic needs are read (never names or contact details), straight from SQL rows for the
/// large tables, and the core computes the statistic. All SQL here is plain enough for SQLite and PostgreSQL.
enum InsightQueries {
    static let topSkills = 15

    /// Every figure, before suppression: for `InsightDashboard(publishing:)`, never for a viewer as it is.
    static func figures(area: InsightArea, now: Date, on db: any Database) async throws -> InsightFigures {
        let sql = db as! any SQLDatabase
        let scope = ClientScope(area: area, now: now)
        let clientCount = try await count(clientsIn: scope, on: sql)
        let latest = SkillsDemandSupply.latestPerClient(try await assessedSkills(scope, on: sql))
        let referrals = try await openReferrals(scope, on: sql)
        let starts = try await jobStarts(scope, on: db)
        let checks = try await checks(scope, on: db)
        let demand = try await liveDemand(in: area, now: now, on: db)

        let stages = StageCounts(
            clientCount: clientCount,
            latestAssessmentIDs: Dictionary(latest.map { ($0.clientID, $0.assessmentID) }, uniquingKeysWith: { a, _ in a }),
            referrals: referrals, jobStarts: starts, checks: checks)
        let sustainment = SustainmentRates.compute(jobStarts: starts, checks: checks, asOf: now)
        let skills = SkillsDemandSupply.top(topSkills, liveDemand: demand, assessed: latest)
        let skillNames = try await skillNames(skills.map(\.skillID), on: db)

        return InsightFigures(
            asOf: now.isoDay,
            area: .init(localAuthorityID: area.localAuthority?.id, name: area.name, wardCount: area.wards.count,
                        targetWardCount: area.wards.filter(\.isTargetWard).count),
            clients: .init(total: stages.total, byStage: stages.rows.map { .init(stage: $0.key, label: $0.key.label, count: $0.count) }),
            vacancies: .init(live: demand.count, openings: demand.reduce(0) { $0 + $1.openings }),
            programmePlaces: try await programmePlaces(in: area, on: sql),
            jobStarts: .init(total: starts.count, sustainment: sustainment.map {
                .init(weeks: $0.milestone.rawValue, due: $0.due, checked: $0.checked, stillInWork: $0.stillInWork, rate: $0.rate)
            }),
            employmentGap: try await employmentGap(in: area, on: db),
            skills: skills.map {
                .init(skillID: $0.skillID, name: skillNames[$0.skillID] ?? $0.skillID, demand: $0.demand, supply: $0.supply, ratio: $0.ratio)
            })
    }

    /// The clients counted: registered on or before the as-of day, living in the area.
    struct ClientScope {
        var area: InsightArea
        var now: Date

        /// The conditions on the `clients` table.
        var conditions: SQLQueryString {
            guard let wards = area.wardFilter else { return "\(ident: "registered_at") <= \(bind: now)" }
            return "\(ident: "registered_at") <= \(bind: now) AND \(InsightQueries.wardCondition(wards))"
        }

        /// `column IN (the ids of the clients counted)`.
        func contains(_ table: String, _ column: String) -> SQLQueryString {
            "\(ident: table).\(ident: column) IN (SELECT \(ident: "id") FROM \(ident: ClientModel.schema) WHERE \(conditions))"
        }
    }

    // MARK: Clients and their journeys

    static func count(clientsIn scope: ClientScope, on sql: any SQLDatabase) async throws -> Int {
        let row = try await sql.raw("SELECT COUNT(*) AS \(ident: "n") FROM \(ident: ClientModel.schema) WHERE \(scope.conditions)").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    static func assessedSkills(_ scope: ClientScope, on sql: any SQLDatabase) async throws -> [AssessedSkills] {
        let table = AssessmentModel.schema
        return try await sql.raw("""
            SELECT \(ident: "id"), \(ident: "client_id"), \(ident: "assessed_on"), \(ident: "skills") FROM \(ident: table) \
            WHERE \(ident: "assessed_on") <= \(bind: scope.now) AND \(scope.contains(table, "client_id"))
            """).all().map { row in
            AssessedSkills(
                assessmentID: try row.decode(column: "id", as: UUID.self), clientID: try row.decode(column: "client_id", as: UUID.self),
                assessedOn: try row.decode(column: "assessed_on", as: Date.self),
                skills: try row.decode(column: "skills", as: JSONList<SkillHolding>.self).items)
        }
    }

    /// Referrals at a status that can place a client on a journey stage (see `JourneyStage.stage`), without
    /// their history, which the stage does not need.
    static func openReferrals(_ scope: ClientScope, on sql: any SQLDatabase) async throws -> [Referral] {
        let counted: [ReferralStatus] = [.referred, .started, .applied, .interviewed, .offered]
        let table = ReferralModel.schema
        return try await sql.raw("""
            SELECT \(ident: "id"), \(ident: "client_id"), \(ident: "kind"), \(ident: "programme_id"), \(ident: "cohort_id"), \
            \(ident: "vacancy_id"), \(ident: "status") FROM \(ident: table) \
            WHERE \(ident: "status") IN (\(binds: counted.map { $0.rawValue as any Encodable & Sendable })) AND \(scope.contains(table, "client_id"))
            """).all().compactMap { row in
            guard let status = ReferralStatus(rawValue: try row.decode(column: "status", as: String.self)) else { return nil }
            let target: ReferralTarget
            switch ReferralKind(rawValue: try row.decode(column: "kind", as: String.self)) {
            case .programme?:
                guard let programme = try row.decode(column: "programme_id", as: UUID?.self) else { return nil }
                target = .programme(programmeID: programme, cohortID: try row.decode(column: "cohort_id", as: UUID?.self))
            case .vacancy?:
                guard let vacancy = try row.decode(column: "vacancy_id", as: UUID?.self) else { return nil }
                target = .vacancy(vacancyID: vacancy)
            case nil:
                return nil
            }
            return Referral(id: try row.decode(column: "id", as: UUID.self), clientID: try row.decode(column: "client_id", as: UUID.self),
                            target: target, status: status, history: [])
        }
    }

    /// Job starts on or before the as-of day.
    static func jobStarts(_ scope: ClientScope, on db: any Database) async throws -> [JobStart] {
        try await JobStartModel.query(on: db)
            .filter(\.$startedOn <= scope.now)
            .filter(.sql(embed: scope.contains(JobStartModel.schema, "client_id")))
            .all()
            .map(\.value)
    }

    static func checks(_ scope: ClientScope, on db: any Database) async throws -> [SustainmentCheck] {
        try await SustainmentCheckModel.query(on: db)
            .filter(\.$checkedOn <= scope.now)
            .filter(.sql(embed: """
                \(ident: SustainmentCheckModel.schema).\(ident: "job_start_id") IN \
                (SELECT \(ident: "id") FROM \(ident: JobStartModel.schema) WHERE \(scope.contains(JobStartModel.schema, "client_id")))
                """))
            .all()
            .map(\.value)
    }

    // MARK: Vacancies, programmes and skills

    /// Each live vacancy's requirements and openings: open, closing on or after `now`, in the area.
    static func liveDemand(in area: InsightArea, now: Date, on db: any Database) async throws -> [VacancyDemand] {
        var query = VacancyModel.query(on: db).field(\.$id).field(\.$requirements).field(\.$openings)
            .live(on: now)
        if let wards = area.wardFilter { query = query.filter(\.$wardID ~~ wards) }
        return try await query.all().map { VacancyDemand(requirements: $0.requirements.items, openings: $0.openings) }
    }

    /// Sums are cast to BIGINT because PostgreSQL sums integers as NUMERIC.
    static func programmePlaces(in area: InsightArea, on sql: any SQLDatabase) async throws -> InsightFigures.ProgrammePlaces {
        let whereClause: SQLQueryString = area.wardFilter.map { "WHERE \(wardCondition($0, table: "p"))" } ?? ""
        let rows = try await sql.raw("""
            SELECT p.\(ident: "type") AS \(ident: "type"), COUNT(DISTINCT p.\(ident: "id")) AS \(ident: "programmes"), \
            CAST(COALESCE(SUM(c.\(ident: "capacity")), 0) AS BIGINT) AS \(ident: "capacity"), \
            CAST(COALESCE(SUM(c.\(ident: "enrolled")), 0) AS BIGINT) AS \(ident: "enrolled"), \
            CAST(COALESCE(SUM(CASE WHEN c.\(ident: "capacity") > c.\(ident: "enrolled") \
            THEN c.\(ident: "capacity") - c.\(ident: "enrolled") ELSE 0 END), 0) AS BIGINT) AS \(ident: "free_places") \
            FROM \(ident: ProgrammeModel.schema) p \
            LEFT JOIN \(ident: CohortModel.schema) c ON c.\(ident: "programme_id") = p.\(ident: "id") \
            \(whereClause) \
            GROUP BY p.\(ident: "type")
            """).all()
        var byType: [ProgrammeType: InsightFigures.Places] = [:]
        for row in rows {
            guard let type = ProgrammeType(rawValue: try row.decode(column: "type", as: String.self)) else { continue }
            byType[type] = .init(
                type: type, label: type.label, programmes: try row.decode(column: "programmes", as: Int.self),
                capacity: try row.decode(column: "capacity", as: Int.self), enrolled: try row.decode(column: "enrolled", as: Int.self),
                free: try row.decode(column: "free_places", as: Int.self))
        }
        let all = ProgrammeType.allCases.map {
            byType[$0] ?? .init(type: $0, label: $0.label, programmes: 0, capacity: 0, enrolled: 0, free: 0)
        }
        let total = InsightFigures.Places(
            type: nil, label: "All programmes", programmes: all.reduce(0) { $0 + $1.programmes },
            capacity: all.reduce(0) { $0 + $1.capacity }, enrolled: all.reduce(0) { $0 + $1.enrolled },
            free: all.reduce(0) { $0 + $1.free })
        return .init(byType: all, total: total)
    }

    static func skillNames(_ ids: [String], on db: any Database) async throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        let models = try await SkillModel.query(on: db).field(\.$id).field(\.$name).filter(\.$id ~~ ids).all()
        return Dictionary(models.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: The employment-rate gap

    static func employmentGap(in area: InsightArea, on db: any Database) async throws -> InsightFigures.EmploymentGapFigures {
        let authorities = if let authority = area.localAuthority { [authority] } else { try await InsightArea.localAuthorities(on: db) }
        let gap = EmploymentGap(wards: area.wards, localAuthorities: authorities)
        let national = AreaStatistics.nationalEmploymentRate
        return .init(
            areaRate: gap.regionRate, targetWardsRate: gap.targetWardsRate, nationalRate: national, gapPoints: gap.gapPoints,
            areaBehindNationalPoints: gap.regionRate.map { (national - $0) * 100 },
            targetWardsBehindNationalPoints: gap.targetWardsRate.map { (national - $0) * 100 },
            byLocalAuthority: gap.byLocalAuthority.map {
                .init(localAuthorityID: $0.localAuthorityID, name: $0.name, rate: $0.rate, targetWardsRate: $0.targetWardsRate,
                      targetWardCount: $0.targetWardCount, gapPoints: $0.gapPoints)
            })
    }

    /// `ward_id IN (…)`; a condition that is never true for an area with no wards.
    static func wardCondition(_ wards: [String], table: String? = nil) -> SQLQueryString {
        guard !wards.isEmpty else { return "1 = 0" }
        let column: SQLQueryString = table.map { "\(ident: $0).\(ident: "ward_id")" } ?? "\(ident: "ward_id")"
        return "\(column) IN (\(binds: wards.map { $0 as any Encodable & Sendable }))"
    }
}
