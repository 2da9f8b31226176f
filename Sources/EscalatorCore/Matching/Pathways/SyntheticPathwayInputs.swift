import Foundation

/// Pathway requests for every assessed client of a synthetic data set, for the benchmark: programmes at
/// their ward's centre (as `SyntheticMatchingInputs` places vacancies), and each client's target their best
/// aspiration (the aspired occupation with the fewest essential skills missing, ties by id) or, with no
/// aspiration in the taxonomy, the best-ranked vacancy they are not yet job-ready for.
public struct SyntheticPathwayInputs: Sendable {
    public var programmes: [ProgrammeTarget]
    /// In the order of `matching.profiles`; clients with no target are left out.
    public var requests: [PathwayRequest]

    public init(_ data: SyntheticDataSet, matching: SyntheticMatchingInputs, objective: PathwayObjective = .weeksToJobReady, now: Date? = nil) {
        let now = now ?? data.referenceDate
        let centres = Dictionary(data.wards.map { ($0.id, $0.centre) }, uniquingKeysWith: { a, _ in a })
        programmes = data.programmes.map {
            ProgrammeTarget(programme: $0, location: centres[$0.wardID] ?? SyntheticMatchingInputs.fallbackLocation)
        }
        let born = Dictionary(data.clients.map { ($0.id, $0.dateOfBirth) }, uniquingKeysWith: { a, _ in a })
        var index: VacancyIndex?
        requests = matching.profiles.compactMap { profile in
            let target: PathwayTarget
            if let occupation = Self.bestAspiration(profile, data.taxonomy) {
                target = .occupation(occupation)
            } else {
                if index == nil { index = VacancyIndex(matching.vacancies, licenceSkillIDs: matching.licenceSkillIDs) }
                let byID = { (id: UUID) in matching.vacancies.first { $0.vacancy.id == id } }
                guard let vacancy = index!.topVacancies(for: profile, k: 10).lazy.compactMap({ byID($0.vacancyID) })
                    .first(where: { !VacancyScorer.score(profile, $0, licenceSkillIDs: matching.licenceSkillIDs).isJobReady }) else { return nil }
                target = .vacancy(vacancy)
            }
            return PathwayRequest(profile: profile, dateOfBirth: born[profile.clientID] ?? nil, target: target, today: now, objective: objective)
        }
    }

    /// The aspired occupation with the fewest essential skills below the level asked, ties by id.
    public static func bestAspiration(_ profile: MatchProfile, _ taxonomy: Taxonomy) -> Occupation? {
        profile.aspirations.compactMap(taxonomy.occupation).min { a, b in
            func missing(_ o: Occupation) -> Int { o.essentialSkills.filter { s in !(profile.skills[s.skillID].map { $0 >= s.level } ?? false) }.count }
            return (missing(a), a.id) < (missing(b), b.id)
        }
    }
}
