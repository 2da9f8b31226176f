import EscalatorCore
import EscalatorPersistence
import Fluent
import FluentSQL
import Foundation
import SQLKit

/// The reads behind the insight dashboard. Counting is done in SQL where it can be; otherwise only the
/// columns a statistic needs are loaded (never names or contact details), and the core computes it.
enum InsightQueries {
    static let topSkills = 15

    static func dashboard(area: InsightArea, now: Date, on db: any Database) async throws -> InsightDashboard {
        var tick = Date(); func lap(_ n: String) { print("LAP", n, Date().timeIntervalSince(tick)); tick = Date() }
        let clientIDs = try await clientIDs(in: area, now: now, on: db)
        lap("clientIDs")
        let assessed = try await assessedSkills(in: area, now: now, on: db)
        lap("assessed")
        let latest = SkillsDemandSupply.latestPerClient(assessed)
        let referrals = try await openReferrals(in: area, on: db)
        lap("referrals")
        let starts = try await jobStarts(in: area, now: now, on: db)
        lap("starts")
        let checks = try await checks(in: area, now: now, on: db)
        lap("checks")
        let demand = try await liveDemand(in: area, now: now, on: db)
        lap("demand")

        let stages = StageCounts(
            clientIDs: clientIDs,
            latestAssessmentIDs: Dictionary(latest.map { ($0.clientID, $0.assessmentID) }, uniquingKeysWith: { a, _ in a }),
            referrals: referrals, jobStarts: starts, checks: checks)
        let sustainment = SustainmentRates.compute(jobStarts: starts, checks: checks, asOf: now)
        let skills = SkillsDemandSupply.top(topSkills, liveDemand: demand, assessed: latest)
        let skillNames = try await skillNames(skills.map(\.skillID), on: db)
        lap("skillNames")
        return InsightDashboard(
            asOf: now.isoDay,
            area: .init(localAuthorityID: area.localAuthority?.id, name: area.name, wardCount: area.wards.count,
                        targetWardCount: area.wards.filter(\.isTargetWard).count),
            clients: .init(total: stages.total, byStage: stages.rows.map { .init(stage: $0.key, label: $0.key.label, count: $0.count) }),
            vacancies: .init(live: demand.count, openings: demand.reduce(0) { $0 + $1.openings }),
            programmePlaces: try await programmePlaces(in: area, on: db),
            jobStarts: .init(total: starts.count, sustainment: sustainment.map {
                .init(weeks: $0.milestone.rawValue, due: $0.due, checked: $0.checked, stillInWork: $0.stillInWork, rate: $0.rate)
            }),
            employmentGap: try await employmentGap(in: area, on: db),
            skills: skills.map {
                .init(skillID: $0.skillID, name: skillNames[$0.skillID] ?? $0.skillID, demand: $0.demand, supply: $0.supply, ratio: $0.ratio)
            })
    }

    // MARK: Clients and their journeys

    static func clientIDs(in area: InsightArea, now: Date, on db: any Database) async throws -> [UUID] {
        var query = ClientModel.query(on: db).field(\.$id).filter(\.$registeredAt <= now)
        if let wards = area.wardFilter { query = query.filter(\.$wardID ~~ wards) }
        return try await query.all().compactMap(\.id)
    }

    static func assessedSkills(in area: InsightArea, now: Date, on db: any Database) async throws -> [AssessedSkills] {
        try await AssessmentModel.query(on: db)
            .field(\.$id).field(\.$clientID).field(\.$assessedOn).field(\.$skills)
            .filter(\.$assessedOn <= now)
            .filter(clientsIn: area, column: "client_id")
            .all()
            .map { AssessedSkills(assessmentID: $0.id!, clientID: $0.clientID, assessedOn: $0.assessedOn, skills: $0.skills.items) }
    }

    /// Referrals at a status that can place a client on a journey stage (see `JourneyStage.stage`).
    static func openReferrals(in area: InsightArea, on db: any Database) async throws -> [Referral] {
        let counted: [ReferralStatus] = [.referred, .started, .applied, .interviewed, .offered]
        return try await ReferralModel.query(on: db)
            .filter(\.$status ~~ counted)
            .filter(clientsIn: area, column: "client_id")
            .all()
            .map { $0.value(history: []) }
    }

    static func jobStarts(in area: InsightArea, now: Date, on db: any Database) async throws -> [JobStart] {
        try await JobStartModel.query(on: db)
            .filter(\.$startedOn <= now)
            .filter(clientsIn: area, column: "client_id")
            .all()
            .map(\.value)
    }

    static func checks(in area: InsightArea, now: Date, on db: any Database) async throws -> [SustainmentCheck] {
        var query = SustainmentCheckModel.query(on: db).filter(\.$checkedOn <= now)
        if let wards = area.wardFilter {
            query = query.filter(.sql(embed: """
                \(ident: SustainmentCheckModel.schema).\(ident: "job_start_id") IN (SELECT \(ident: "id") FROM \(ident: JobStartModel.schema) \
                WHERE \(ident: "client_id") IN (SELECT \(ident: "id") FROM \(ident: ClientModel.schema) WHERE \(wardCondition(wards))))
                """))
        }
        return try await query.all().map(\.value)
    }

    // MARK: Vacancies, programmes and skills

    /// Each live vacancy's requirements and openings: open, closing on or after `now`, in the area.
    static func liveDemand(in area: InsightArea, now: Date, on db: any Database) async throws -> [VacancyDemand] {
        var query = VacancyModel.query(on: db).field(\.$id).field(\.$requirements).field(\.$openings)
            .filter(\.$status == .open).filter(\.$closingDate >= now)
        if let wards = area.wardFilter { query = query.filter(\.$wardID ~~ wards) }
        return try await query.all().map { VacancyDemand(requirements: $0.requirements.items, openings: $0.openings) }
    }

    /// Sums are cast to BIGINT because PostgreSQL sums integers as NUMERIC.
    static func programmePlaces(in area: InsightArea, on db: any Database) async throws -> InsightDashboard.ProgrammePlaces {
        let sql = db as! any SQLDatabase
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
        var byType: [ProgrammeType: InsightDashboard.Places] = [:]
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
        let total = InsightDashboard.Places(
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

    static func employmentGap(in area: InsightArea, on db: any Database) async throws -> InsightDashboard.EmploymentGapFigures {
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

    // MARK: Area filters

    /// `ward_id IN (…)`; a condition that is never true for an area with no wards.
    static func wardCondition(_ wards: [String], table: String? = nil) -> SQLQueryString {
        guard !wards.isEmpty else { return "1 = 0" }
        let column: SQLQueryString = table.map { "\(ident: $0).\(ident: "ward_id")" } ?? "\(ident: "ward_id")"
        return "\(column) IN (\(binds: wards.map { $0 as any Encodable & Sendable }))"
    }
}

extension QueryBuilder {
    /// Keeps rows whose `column` is the id of a client living in the area; no filter for the whole region.
    func filter(clientsIn area: InsightArea, column: String) -> Self {
        guard let wards = area.wardFilter else { return self }
        return filter(.sql(embed: """
            \(ident: Model.schema).\(ident: column) IN (SELECT \(ident: "id") FROM \(ident: ClientModel.schema) \
            WHERE \(InsightQueries.wardCondition(wards)))
            """))
    }
}
