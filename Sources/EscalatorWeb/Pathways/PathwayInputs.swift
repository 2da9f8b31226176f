import EscalatorCore
import EscalatorPersistence
import Fluent
import Foundation

/// What the pathway planner reads from the database, loaded one way for the app and for `escalator pathway`:
/// the taxonomy, the programmes with their cohorts that have not started, ward centres for locations, and a
/// client's profile from their latest assessment.
public struct PathwayInputs: Sendable {
    public var planner: PathwayPlanner
    public var wardCentres: [String: GeoPoint]
    /// The first day a step can start (today, UTC).
    public var today: Date

    public static func load(from db: any Database, now: Date) async throws -> PathwayInputs {
        let taxonomy = try await TaxonomyWriter.load(from: db)
        let centres = try await wardCentres(on: db)
        let today = Calendar.utc.startOfDay(for: now)
        let programmes = try await MatchingWorld.loadProgrammes(on: db, now: now) { location($0, centres) }
        return PathwayInputs(planner: PathwayPlanner(programmes: programmes, taxonomy: taxonomy), wardCentres: centres, today: today)
    }

    public static func wardCentres(on db: any Database) async throws -> [String: GeoPoint] {
        Dictionary(try await WardModel.query(on: db).all().map { ($0.id!, $0.value.centre) }, uniquingKeysWith: { a, _ in a })
    }

    /// A ward's centre; Birmingham's centre for a ward the table does not know (as matching does).
    public static func location(_ wardID: String, _ centres: [String: GeoPoint]) -> GeoPoint {
        centres[wardID] ?? MatchingWorld.fallbackLocation
    }

    public func location(_ wardID: String) -> GeoPoint { Self.location(wardID, wardCentres) }

    /// The client's latest assessment (latest day, then id), opened with the column cipher.
    public static func latestAssessment(clientID: UUID, cipher: ColumnCipher, on db: any Database) async throws -> Assessment? {
        try await AssessmentQueries.latest(clientID: clientID, cipher: cipher, on: db)
    }

    public func vacancyTarget(_ model: VacancyModel) -> PathwayTarget {
        .vacancy(VacancyTarget(vacancy: model.value, location: location(model.wardID)))
    }

    public func request(client: EscalatorCore.Client, assessment: Assessment, target: PathwayTarget, objective: PathwayObjective, now: Date) -> PathwayRequest {
        let profile = Matcher.profile(client: client, assessment: assessment, location: location(client.wardID), on: now)
        return PathwayRequest(profile: profile, dateOfBirth: client.dateOfBirth, target: target, today: today, objective: objective)
    }
}
