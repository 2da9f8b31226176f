import EscalatorCore
import EscalatorPersistence
import EscalatorWeb
import Fluent
import Foundation
import Vapor

/// What the command-line tests check `escalator allocate` and `escalator commission` against: the rows of
/// the SQLite file the commands ran on, read here with the models directly, not with the commands' loaders.
struct SQLiteFileSnapshot {
    struct CohortRow {
        var programmeID: UUID
        var startsOn: Date
        var freePlaces: Int
    }

    var now: Date
    var vacancyOpenings: [UUID: Int] = [:]
    var cohorts: [UUID: CohortRow] = [:]
    var clientWards: [UUID: String] = [:]
    var targetWards: Set<String> = []
    /// Every assessed client's profile from their latest assessment, as docs/matching.md builds it.
    var profiles: [MatchProfile] = []
    /// Open and closing on or after `now`.
    var liveVacancies: [VacancyTarget] = []
    /// Every programme with only its cohorts starting today or later.
    var programmes: [ProgrammeTarget] = []

    struct MissingKey: Error {}

    /// Opens the file with the data key `escalator` created beside it.
    static func read(_ path: String, now: Date) async throws -> SQLiteFileSnapshot {
        guard let key = try DataKey.load(environment: [:], defaultFile: path + ".key", createIfMissing: false) else { throw MissingKey() }
        let app = try await Application.make(.testing)
        do {
            try await configure(app, environment: AppEnvironment(database: .sqlite(path: path), bcryptCost: 4, dataKey: key, now: { now }))
            let snapshot = try await read(app.db, cipher: app.columnCipher, now: now)
            try await app.asyncShutdown()
            return snapshot
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    private static func read(_ db: any Database, cipher: ColumnCipher, now: Date) async throws -> SQLiteFileSnapshot {
        var snapshot = SQLiteFileSnapshot(now: now)
        let wards = try await WardModel.query(on: db).all()
        snapshot.targetWards = Set(wards.filter(\.isTargetWard).map { $0.id! })
        let centres = Dictionary(wards.map { ($0.id!, GeoPoint(latitude: $0.latitude, longitude: $0.longitude)) }, uniquingKeysWith: { a, _ in a })
        func location(_ ward: String) -> GeoPoint { centres[ward] ?? GeoPoint(latitude: 52.4862, longitude: -1.8904) }

        for vacancy in try await VacancyModel.query(on: db).all() {
            snapshot.vacancyOpenings[vacancy.id!] = vacancy.openings
            if vacancy.status == .open && vacancy.closingDate >= now {
                snapshot.liveVacancies.append(VacancyTarget(vacancy: vacancy.value, location: location(vacancy.wardID)))
            }
        }
        let today = Calendar.utc.startOfDay(for: now)
        let cohorts = try await CohortModel.query(on: db).all()
        for cohort in cohorts {
            snapshot.cohorts[cohort.id!] = CohortRow(programmeID: cohort.programmeID, startsOn: cohort.startsOn, freePlaces: max(0, cohort.capacity - cohort.enrolled))
        }
        let upcoming = Dictionary(grouping: cohorts.filter { $0.startsOn >= today }, by: \.programmeID)
        snapshot.programmes = try await ProgrammeModel.query(on: db).all().map {
            ProgrammeTarget(programme: $0.value(cohorts: (upcoming[$0.id!] ?? []).map(\.value)), location: location($0.wardID))
        }

        var latest: [UUID: AssessmentModel] = [:]
        for assessment in try await AssessmentModel.query(on: db).all() {
            if let current = latest[assessment.clientID],
               (current.assessedOn, current.id!.uuidString) > (assessment.assessedOn, assessment.id!.uuidString) { continue }
            latest[assessment.clientID] = assessment
        }
        for client in try await ClientModel.query(on: db).filter(\.$erasedAt == nil).all() {
            snapshot.clientWards[client.id!] = client.wardID
            guard let assessment = try latest[client.id!]?.value(cipher) else { continue }
            snapshot.profiles.append(Matcher.profile(client: client.value, assessment: assessment, location: location(client.wardID), on: now))
        }
        return snapshot
    }
}
