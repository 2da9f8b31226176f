import EscalatorCore
import Fluent
import Foundation
import SQLKit

/// Everything matching reads — and pathways, allocation and commissioning with it — loaded one way for the app
/// and every command: live vacancies, programmes with the cohorts that have not started, every assessed client's
/// profile from their latest assessment, who shares their record, ward centres and the taxonomy.
///
/// The rules it applies are the documented ones, each in one place: a live vacancy (`Vacancy.isLive(on:)`,
/// docs/matching.md), the latest assessment (`QueryBuilder.latestFirst`), a bookable cohort (starting on the
/// matching day or later), the fallback location for an unknown ward. Hot rows (clients, assessments,
/// vacancies, consents) are read as plain rows, column by column, not as one Fluent model each.
public struct MatchingWorld: Sendable {
    public var taxonomy: Taxonomy
    public var wards: [String: Ward]
    public var vacancies: [VacancyTarget]
    public var vacanciesByID: [UUID: VacancyTarget]
    public var programmes: [ProgrammeTarget]
    /// Assessed clients' profiles, from their latest assessment.
    public var profiles: [UUID: MatchProfile]
    /// Every client's registering organisation.
    public var clientOrganisation: [UUID: UUID]
    /// Every client's ward id (allocation reserves places for residents of target wards).
    public var clientWards: [UUID: String]
    /// Clients with at least one consent to share that still stands.
    public var sharing: Set<UUID>
    /// Every skill of kind `licence` in the taxonomy (docs/matching.md).
    public var licenceSkillIDs: Set<String>
    /// When it was loaded: the matching day is this moment's UTC day.
    public var builtAt: Date

    /// Birmingham's centre, for a ward the world does not know.
    public static let fallbackLocation = GeoPoint(latitude: 52.4862, longitude: -1.8904)

    /// Matching offers only cohorts that have not started: those starting on this day or later.
    public static func firstBookableDay(_ now: Date) -> Date { Calendar.utc.startOfDay(for: now) }

    public func location(ofWard id: String) -> GeoPoint { wards[id]?.centre ?? Self.fallbackLocation }

    // MARK: - Loading everything

    public static func load(from db: any Database, now: Date, cipher: ColumnCipher) async throws -> MatchingWorld {
        let taxonomy = try await TaxonomyWriter.load(from: db)
        let wards = Dictionary(try await WardModel.query(on: db).all().map { ($0.id!, $0.value) }, uniquingKeysWith: { a, _ in a })
        func location(_ ward: String) -> GeoPoint { wards[ward]?.centre ?? fallbackLocation }
        let sql = db as! any SQLDatabase

        let vacancyRows = try await sql.raw("""
            SELECT \(unsafeRaw: VacancyRow.columns) FROM vacancies
            WHERE status = \(bind: VacancyStatus.open.rawValue) AND closing_date >= \(bind: Vacancy.firstLiveClosingDate(on: now))
            """).all()
        let vacancies = try await inParallel(vacancyRows) { row in
            let vacancy = try VacancyRow.vacancy(row)
            return VacancyTarget(vacancy: vacancy, location: wards[vacancy.wardID]?.centre ?? fallbackLocation)
        }
        let programmes = try await loadProgrammes(on: db, now: now) { location($0) }

        // Only each client's latest assessment is read (a window over the latest-first order), and the rows are
        // opened and decoded on every core: the sealed barriers and the JSON lists are most of the load's work.
        let latestRows = try await sql.raw("""
            SELECT \(unsafeRaw: AssessmentRow.columns) FROM (
                SELECT \(unsafeRaw: AssessmentRow.columns),
                       ROW_NUMBER() OVER (PARTITION BY client_id ORDER BY \(unsafeRaw: AssessmentModel.latestFirstOrder)) AS latest_rank
                FROM assessments) ranked
            WHERE latest_rank = 1
            """).all()
        var latest: [UUID: Assessment] = [:]
        latest.reserveCapacity(latestRows.count)
        for assessment in try await inParallel(latestRows, { try AssessmentRow.assessment($0, cipher: cipher) }) { latest[assessment.clientID] = assessment }
        var profiles: [UUID: MatchProfile] = [:]
        var organisations: [UUID: UUID] = [:]
        var clientWards: [UUID: String] = [:]
        let clientRows = try await sql.raw("SELECT id, organisation_id, ward_id, date_of_birth FROM clients WHERE erased_at IS NULL").all()
        for client in try await inParallel(clientRows, { try ClientRow($0) }) {
            organisations[client.id] = client.organisationID
            clientWards[client.id] = client.wardID
            guard let assessment = latest[client.id] else { continue }
            profiles[client.id] = client.profile(assessment, location: location(client.wardID), on: now)
        }
        let sharing = Set(try await sql.raw("SELECT DISTINCT client_id FROM consents WHERE withdrawn_at IS NULL").all()
            .map { try $0.decode(column: "client_id", as: UUID.self) })
        return MatchingWorld(
            taxonomy: taxonomy, wards: wards, vacancies: vacancies,
            vacanciesByID: Dictionary(vacancies.map { ($0.vacancy.id, $0) }, uniquingKeysWith: { a, _ in a }),
            programmes: programmes, profiles: profiles, clientOrganisation: organisations, clientWards: clientWards,
            sharing: sharing, licenceSkillIDs: Set(taxonomy.skills.values.filter { $0.kind == .licence }.map(\.id)), builtAt: now)
    }

    /// Programmes with the cohorts still bookable on `now`'s day (one programme with `only`).
    public static func loadProgrammes(on db: any Database, now: Date, only id: UUID? = nil, location: (String) -> GeoPoint) async throws -> [ProgrammeTarget] {
        var cohortQuery = CohortModel.query(on: db).filter(\.$startsOn >= firstBookableDay(now))
        var programmeQuery = ProgrammeModel.query(on: db)
        if let id {
            cohortQuery = cohortQuery.filter(\.$programmeID == id)
            programmeQuery = programmeQuery.filter(\.$id == id)
        }
        let cohorts = Dictionary(grouping: try await cohortQuery.all(), by: \.programmeID)
        return try await programmeQuery.all().map { model in
            ProgrammeTarget(programme: model.value(cohorts: (cohorts[model.id!] ?? []).map(\.value).sorted { $0.startsOn < $1.startsOn }),
                            location: location(model.wardID))
        }
    }

    // MARK: - Reading one thing again (targeted updates after a change)

    /// One client as the world holds them; nil when they do not exist or were erased.
    public struct ClientEntry: Sendable {
        public var profile: MatchProfile?
        public var organisationID: UUID
        public var wardID: String
        public var sharing: Bool
    }

    public func client(_ id: UUID, on db: any Database, cipher: ColumnCipher) async throws -> ClientEntry? {
        let sql = db as! any SQLDatabase
        guard let row = try await sql.raw("""
            SELECT id, organisation_id, ward_id, date_of_birth FROM clients WHERE id = \(bind: id) AND erased_at IS NULL
            """).first() else { return nil }
        let client = try ClientRow(row)
        let assessment = try await sql.raw("""
            SELECT \(unsafeRaw: AssessmentRow.columns) FROM assessments WHERE client_id = \(bind: id)
            ORDER BY \(unsafeRaw: AssessmentModel.latestFirstOrder) LIMIT 1
            """).first().map { try AssessmentRow.assessment($0, cipher: cipher) }
        let sharing = try await sql.raw("SELECT 1 AS shares FROM consents WHERE client_id = \(bind: id) AND withdrawn_at IS NULL LIMIT 1").first() != nil
        return ClientEntry(profile: assessment.map { client.profile($0, location: location(ofWard: client.wardID), on: builtAt) },
                           organisationID: client.organisationID, wardID: client.wardID, sharing: sharing)
    }

    /// Reads the client, vacancy or programme again and puts it in the world as it now is (or takes it out).
    public mutating func refreshClient(_ id: UUID, on db: any Database, cipher: ColumnCipher) async throws {
        let entry = try await client(id, on: db, cipher: cipher)
        profiles[id] = entry?.profile
        clientOrganisation[id] = entry?.organisationID
        clientWards[id] = entry?.wardID
        if entry?.sharing == true { sharing.insert(id) } else { sharing.remove(id) }
    }

    public mutating func refreshVacancy(_ id: UUID, on db: any Database) async throws {
        let row = try await (db as! any SQLDatabase).raw("SELECT \(unsafeRaw: VacancyRow.columns) FROM vacancies WHERE id = \(bind: id)").first()
        vacancies.removeAll { $0.vacancy.id == id }
        vacanciesByID[id] = nil
        if let vacancy = try row.map({ try VacancyRow.vacancy($0) }), vacancy.isLive(on: builtAt) {
            let target = VacancyTarget(vacancy: vacancy, location: location(ofWard: vacancy.wardID))
            vacancies.append(target)
            vacanciesByID[id] = target
        }
    }

    public mutating func refreshProgramme(_ id: UUID, on db: any Database) async throws {
        let wards = wards
        let fresh = try await Self.loadProgrammes(on: db, now: builtAt, only: id) { wards[$0]?.centre ?? Self.fallbackLocation }
        programmes.removeAll { $0.programme.id == id }
        programmes += fresh
    }
}

// MARK: - Plain rows

/// The columns of a client that matching reads.
private struct ClientRow {
    var id: UUID
    var organisationID: UUID
    var wardID: String
    var dateOfBirth: Date?

    init(_ row: some SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        organisationID = try row.decode(column: "organisation_id", as: UUID.self)
        wardID = try row.decode(column: "ward_id", as: String.self)
        dateOfBirth = try row.decode(column: "date_of_birth", as: Date?.self)
    }

    func profile(_ assessment: Assessment, location: GeoPoint, on day: Date) -> MatchProfile {
        Matcher.profile(clientID: id, dateOfBirth: dateOfBirth, assessment: assessment, location: location, on: day)
    }
}

/// The columns of an assessment that matching reads; barriers are opened, notes are not read at all.
private enum AssessmentRow {
    static let columns = """
        id, client_id, adviser_id, assessed_on, skills, highest_qualification, gcse_english, gcse_maths, sealed_barriers,
        aspirations, min_hours, max_hours, max_travel_km, travel_modes
        """

    static func assessment(_ row: some SQLRow, cipher: ColumnCipher) throws -> Assessment {
        let id = try row.decode(column: "id", as: UUID.self)
        let barriers = try cipher.open([Barrier].self, from: try row.decode(column: "sealed_barriers", as: String.self),
                                       at: AssessmentModel.location(AssessmentModel.barriersColumn, id))
        return Assessment(
            id: id, clientID: try row.decode(column: "client_id", as: UUID.self), adviserID: try row.decode(column: "adviser_id", as: UUID?.self),
            assessedOn: try row.decode(column: "assessed_on", as: Date.self),
            skills: try row.decode(column: "skills", as: JSONList<SkillHolding>.self).items,
            highestQualification: try row.decode(column: "highest_qualification", as: RQFLevel.self),
            gcseEnglish: try row.decode(column: "gcse_english", as: Bool.self), gcseMaths: try row.decode(column: "gcse_maths", as: Bool.self),
            barriers: barriers, aspirations: try row.decode(column: "aspirations", as: JSONList<String>.self).items,
            constraints: WorkConstraints(
                minHoursPerWeek: try row.decode(column: "min_hours", as: Int.self), maxHoursPerWeek: try row.decode(column: "max_hours", as: Int.self),
                maxTravelKm: try row.decode(column: "max_travel_km", as: Double.self),
                travelModes: try row.decode(column: "travel_modes", as: JSONList<TravelMode>.self).items),
            notes: "")
    }
}

/// A vacancy row, every column.
private enum VacancyRow {
    static let columns = """
        id, employer_id, occupation_id, title, requirements, minimum_qualification, needs_gcse_english, needs_gcse_maths,
        hours_per_week, hourly_pay_pence, postcode, ward_id, openings, closing_date, status, minimum_age
        """

    static func vacancy(_ row: some SQLRow) throws -> Vacancy {
        Vacancy(
            id: try row.decode(column: "id", as: UUID.self), employerID: try row.decode(column: "employer_id", as: UUID.self),
            occupationID: try row.decode(column: "occupation_id", as: String.self), title: try row.decode(column: "title", as: String.self),
            requirements: try row.decode(column: "requirements", as: JSONList<SkillRequirement>.self).items,
            minimumQualification: try row.decode(column: "minimum_qualification", as: RQFLevel.self),
            needsGCSEEnglish: try row.decode(column: "needs_gcse_english", as: Bool.self),
            needsGCSEMaths: try row.decode(column: "needs_gcse_maths", as: Bool.self),
            hoursPerWeek: try row.decode(column: "hours_per_week", as: Int.self),
            hourlyPayPence: try row.decode(column: "hourly_pay_pence", as: Int.self),
            postcode: try row.decode(column: "postcode", as: String.self), wardID: try row.decode(column: "ward_id", as: String.self),
            openings: try row.decode(column: "openings", as: Int.self), closingDate: try row.decode(column: "closing_date", as: Date.self),
            status: try row.decode(column: "status", as: VacancyStatus.self), minimumAge: try row.decode(column: "minimum_age", as: Int.self))
    }
}

/// `transform` applied to every row, in order, on every core (decoding rows is most of a load's work), off the
/// threads requests need (`OffThePool`).
private func inParallel<T>(_ rows: [any SQLRow], _ transform: @escaping @Sendable (any SQLRow) throws -> T) async throws -> [T] {
    let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, rows.count / 500))
    let results = ChunkResults<T>(count: chunks)
    await OffThePool.run {
        Parallel.forEach(iterations: chunks) { chunk in
            let range = (rows.count * chunk / chunks)..<(rows.count * (chunk + 1) / chunks)
            results.set(chunk, Result { try rows[range].map(transform) })
        }
    }
    return try results.joined()
}

/// Results of work done in parallel chunks, each written once by its own chunk.
private final class ChunkResults<Element>: @unchecked Sendable {
    private var slots: [Result<[Element], any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<[Element], any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    /// Every chunk's elements in chunk order, or the first chunk's error.
    func joined() throws -> [Element] {
        try slots.flatMap { try $0!.get() }
    }
}
