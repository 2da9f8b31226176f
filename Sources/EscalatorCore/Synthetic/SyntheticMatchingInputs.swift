import Foundation

/// What a batch match reads, taken from a synthetic data set the way the web app's matching snapshot
/// takes it from the database: assessed clients' profiles from their latest assessment, the vacancies
/// open on the day, everyone placed at their ward's centre.
public struct SyntheticMatchingInputs: Sendable {
    /// In client id (`uuidString`) order.
    public var profiles: [MatchProfile]
    /// Open on the day, in vacancy id (`uuidString`) order.
    public var vacancies: [VacancyTarget]
    public var licenceSkillIDs: Set<String>

    /// Birmingham's centre, for a ward the data set does not know (as the web app does).
    static let fallbackLocation = GeoPoint(latitude: 52.4862, longitude: -1.8904)

    public init(_ data: SyntheticDataSet, now: Date? = nil) {
        let now = now ?? data.referenceDate
        let centres = Dictionary(data.wards.map { ($0.id, $0.centre) }, uniquingKeysWith: { a, _ in a })
        func location(_ ward: String) -> GeoPoint { centres[ward] ?? Self.fallbackLocation }
        vacancies = data.vacancies.filter { $0.isLive(on: now) }
            .map { VacancyTarget(vacancy: $0, location: location($0.wardID)) }
            .sorted { $0.vacancy.id.uuidString < $1.vacancy.id.uuidString }
        var latest: [UUID: Assessment] = [:]
        for assessment in data.assessments.sorted(by: { $0.assessedOn < $1.assessedOn }) { latest[assessment.clientID] = assessment }
        profiles = data.clients.compactMap { client in
            latest[client.id].map { Matcher.profile(client: client, assessment: $0, location: location(client.wardID), on: now) }
        }
        .sorted { $0.clientID.uuidString < $1.clientID.uuidString }
        licenceSkillIDs = Set(data.taxonomy.licences.map(\.id))
    }

    /// The clients `times` over: the originals, then copies with fresh seeded ids and locations moved
    /// up to about a kilometre, for load tests bigger than the region.
    public func replicatingClients(times: Int, seed: UInt64 = 10) -> SyntheticMatchingInputs {
        var rng = SeededGenerator(seed: seed)
        var copy = self
        for _ in 1..<max(1, times) {
            for profile in profiles {
                var clone = profile
                clone.clientID = rng.uuid()
                clone.location.latitude += rng.uniform(-0.009...0.009)
                clone.location.longitude += rng.uniform(-0.014...0.014)
                copy.profiles.append(clone)
            }
        }
        return copy
    }
}
