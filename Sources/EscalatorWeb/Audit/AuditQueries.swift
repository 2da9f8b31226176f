import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// The reads behind the audit pages, exports and endpoints. Lists are newest first; exports in chain order.
enum AuditQueries {
    static func list(_ filter: AuditFilter, page request: PageRequest, on db: any Database) async throws -> Page<AuditEntry> {
        let total = try await filter.apply(to: AuditEventModel.query(on: db)).count()
        let models = try await filter.apply(to: AuditEventModel.query(on: db)).sort(\.$id, .descending)
            .range(request.offset..<(request.offset + request.size)).all()
        return Page(items: models.map(\.value), request: request, total: total)
    }

    /// Every matching row in sequence order, read a page at a time.
    static func all(_ filter: AuditFilter, on db: any Database) async throws -> [AuditEntry] {
        var entries: [AuditEntry] = []
        var after = 0
        while true {
            let page = try await filter.apply(to: AuditEventModel.query(on: db)).filter(\.$id > after).sort(\.$id).limit(1000).all()
            entries += page.map(\.value)
            guard page.count == 1000, let last = page.last?.id else { return entries }
            after = last
        }
    }

    static let csvHeader = [
        "sequence", "at", "user_id", "user_name", "role", "organisation_id", "organisation_name", "action", "object",
        "client_id", "purpose", "channel", "previous_hash", "hash",
    ]

    /// CSV with formulas neutralised (`CSVWriter`): names typed by people are in it.
    static func csv(_ entries: [AuditEntry]) -> String {
        CSVWriter.string(header: csvHeader, rows: entries.map { e in
            [
                String(e.sequence), e.at.auditTimestamp, e.userID?.uuidString ?? "", e.userName, e.role ?? "",
                e.organisationID?.uuidString ?? "", e.organisationName, e.action, e.object, e.clientID.uuidString, e.purpose,
                e.channel, e.previousHash, e.hash,
            ]
        })
    }

    /// People (for the user filter), by name.
    static func users(on db: any Database) async throws -> [(id: UUID, label: String)] {
        let organisations = try await Lookups.organisationNames(on: db)
        return try await UserModel.query(on: db).sort(\.$displayName).all().map {
            ($0.id!, "\($0.displayName), \(organisations[$0.$organisation.id] ?? "")")
        }
    }

    /// References of the clients in `entries` that are still held, for display.
    static func references(for entries: [AuditEntry], on db: any Database) async throws -> [UUID: String] {
        let ids = Array(Set(entries.map(\.clientID)))
        guard !ids.isEmpty else { return [:] }
        return Dictionary(try await ClientModel.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.reference) },
                          uniquingKeysWith: { a, _ in a })
    }
}

extension Date {
    /// `2026-11-02T09:30:00.000Z`: to the millisecond, as the chain records it.
    var auditTimestamp: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: self)
    }

    /// `2 November 2026, 09:30:00 UTC`.
    var auditTime: String {
        let c = Calendar.utc.dateComponents([.hour, .minute, .second], from: self)
        return ukDate + String(format: ", %02d:%02d:%02d UTC", c.hour!, c.minute!, c.second!)
    }
}
