import EscalatorCore
import EscalatorPersistence
import Fluent
import Vapor

/// Commissioning advice for the app's data, published.
enum CommissioningQueries {
    /// Computes the advice from the matching world, off the threads requests need (`OffThePool`), and publishes it.
    static func report(now: Date, app: Application) async throws -> CommissioningReport {
        try await app.changeFeed.catchUp(db: app.db)
        let snapshot = try await app.matchingCache.current(db: app.db, now: now)
        let profiles = snapshot.profiles.sorted { $0.key.uuidString < $1.key.uuidString }.map(\.value)
        let advice = await OffThePool.run {
            CommissioningAdvice.compute(profiles: profiles, vacancies: snapshot.vacancies, programmes: snapshot.programmes)
        }
        let programmes = snapshot.programmes.map(\.programme)
        let providers = try await ClientMatchQueries.providerNames(Set(programmes.map(\.providerID)), on: app.db)
        return CommissioningReport(
            publishing: advice, asOf: Calendar.utc.startOfDay(for: now), taxonomy: snapshot.taxonomy,
            programmeTitles: Dictionary(programmes.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a }),
            providerNames: Dictionary(programmes.map { ($0.id, providers[$0.providerID] ?? "Unknown provider") }, uniquingKeysWith: { a, _ in a }))
    }
}
