import EscalatorCore
import EscalatorPersistence
import Fluent
import FluentSQL
import Foundation
import SQLKit
import Vapor

/// Erasure when the retention period ends: a client whose last activity (the latest of registration,
/// assessment, referral status change, job start and sustainment check) is older than
/// `AppEnvironment.retentionMonths` is erased with the reason `retention-period-ended`.
public enum Retention {
    public struct Report: Sendable {
        public var months: Int
        /// Clients whose last activity is before this moment are due.
        public var cutoff: Date
        /// Clients due, oldest last activity first.
        public var due: [UUID]
        /// How many were erased: none on a dry run.
        public var erased: Int
        public var dryRun: Bool
    }

    /// The moment `months` before `now`.
    public static func cutoff(now: Date, months: Int) -> Date {
        Calendar.utc.date(byAdding: .month, value: -months, to: now)!
    }

    /// Finds the clients due and, unless `dryRun`, erases each: one transaction each, with an "erase" event in the
    /// audit trail from the command line. `environment` gives the clock and the retention period.
    public static func run(_ app: Application, environment: AppEnvironment, dryRun: Bool) async throws -> Report {
        let db = app.db
        let now = environment.now()
        let auditor = AuditTrail(chain: app.auditTrail.chain, now: environment.now)
            .auditor(.command("retention run"), channel: .commandLine)
        let cutoff = cutoff(now: now, months: environment.retentionMonths)
        let due = try await lastActivity(on: db).filter { $0.value < cutoff }.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
        var erased = 0
        if !dryRun {
            for id in due {
                _ = try await ErasureService.erase(id, reason: .retentionPeriodEnded, at: now, cipher: app.columnCipher, auditor: auditor, on: db)
                erased += 1
            }
        }
        return Report(months: environment.retentionMonths, cutoff: cutoff, due: due, erased: erased, dryRun: dryRun)
    }

    /// Each client not yet erased (or only `clientID`), with the date of their last activity.
    static func lastActivity(of clientID: UUID? = nil, on db: any Database) async throws -> [UUID: Date] {
        let sql = db as! any SQLDatabase
        func only(_ column: SQLQueryString) -> SQLQueryString {
            guard let clientID else { return "" }
            return "AND \(column) = \(bind: clientID)"
        }
        var latest: [UUID: Date] = [:]
        for row in try await sql.raw("""
            SELECT \(ident: "id") AS \(ident: "client_id"), \(ident: "registered_at") AS \(ident: "at") \
            FROM \(ident: ClientModel.schema) WHERE \(ident: "erased_at") IS NULL \(only("\(ident: "id")"))
            """).all() {
            latest[try row.decode(column: "client_id", as: UUID.self)] = try row.decode(column: "at", as: Date.self)
        }
        let activities: [SQLQueryString] = [
            """
            SELECT \(ident: "client_id"), MAX(\(ident: "assessed_on")) AS \(ident: "at") FROM \(ident: AssessmentModel.schema) \
            WHERE 1 = 1 \(only("\(ident: "client_id")")) GROUP BY \(ident: "client_id")
            """,
            """
            SELECT r.\(ident: "client_id") AS \(ident: "client_id"), MAX(s.\(ident: "at")) AS \(ident: "at") \
            FROM \(ident: StatusChangeModel.schema) s JOIN \(ident: ReferralModel.schema) r ON r.\(ident: "id") = s.\(ident: "referral_id") \
            WHERE 1 = 1 \(only("r.\(ident: "client_id")")) GROUP BY r.\(ident: "client_id")
            """,
            """
            SELECT \(ident: "client_id"), MAX(\(ident: "started_on")) AS \(ident: "at") FROM \(ident: JobStartModel.schema) \
            WHERE 1 = 1 \(only("\(ident: "client_id")")) GROUP BY \(ident: "client_id")
            """,
            """
            SELECT j.\(ident: "client_id") AS \(ident: "client_id"), MAX(c.\(ident: "checked_on")) AS \(ident: "at") \
            FROM \(ident: SustainmentCheckModel.schema) c JOIN \(ident: JobStartModel.schema) j ON j.\(ident: "id") = c.\(ident: "job_start_id") \
            WHERE 1 = 1 \(only("j.\(ident: "client_id")")) GROUP BY j.\(ident: "client_id")
            """,
        ]
        for query in activities {
            for row in try await sql.raw(query).all() {
                let id = try row.decode(column: "client_id", as: UUID.self)
                guard let current = latest[id], let at = try row.decode(column: "at", as: Date?.self), at > current else { continue }
                latest[id] = at
            }
        }
        return latest
    }
}
