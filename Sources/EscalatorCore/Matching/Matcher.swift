import Foundation

/// Ranks vacancies for a client, clients for a vacancy, and programmes that close a client's skill gaps.
/// Every ranking is a full sort of exact scores with a stable tie-break, so the same input always gives
/// the same order (docs/matching.md).
public enum Matcher {
    /// Best vacancies first; ties by vacancy id (`uuidString`) ascending, then input order. Ineligible
    /// matches (score 0) are left out unless asked for.
    public static func rankVacancies(
        for profile: MatchProfile, among targets: [VacancyTarget], limit: Int, weights: MatchingWeights = .standard,
        licenceSkillIDs: Set<String> = [], includeIneligible: Bool = false
    ) -> [VacancyMatch] {
        var ranked: [Ranked] = []
        for (index, target) in targets.enumerated() {
            let quick = VacancyScorer.quickScore(profile, target, weights: weights, licenceSkillIDs: licenceSkillIDs)
            if quick.isEligible || includeIneligible {
                ranked.append(Ranked(score: quick.score, id: UUIDStringOrder(target.vacancy.id), index: index))
            }
        }
        return top(ranked, limit: limit).map {
            VacancyScorer.score(profile, targets[$0.index], weights: weights, licenceSkillIDs: licenceSkillIDs)
        }
    }

    /// Best candidates first; ties by client id (`uuidString`) ascending, then input order. Eligible
    /// candidates only.
    public static func rankCandidates(
        for target: VacancyTarget, among profiles: [MatchProfile], limit: Int, weights: MatchingWeights = .standard,
        licenceSkillIDs: Set<String> = []
    ) -> [VacancyMatch] {
        var ranked: [Ranked] = []
        for (index, profile) in profiles.enumerated() {
            let quick = VacancyScorer.quickScore(profile, target, weights: weights, licenceSkillIDs: licenceSkillIDs)
            if quick.isEligible {
                ranked.append(Ranked(score: quick.score, id: UUIDStringOrder(profile.clientID), index: index))
            }
        }
        return top(ranked, limit: limit).map {
            VacancyScorer.score(profiles[$0.index], target, weights: weights, licenceSkillIDs: licenceSkillIDs)
        }
    }

    /// Ranks with scores alone; only the survivors are explained.
    private struct Ranked {
        var score: Double
        var id: UUIDStringOrder
        var index: Int

        func precedes(_ other: Ranked) -> Bool {
            if score != other.score { return score > other.score }
            if id != other.id { return id < other.id }
            return index < other.index
        }
    }

    private static func top(_ ranked: [Ranked], limit: Int) -> ArraySlice<Ranked> {
        ranked.sorted { $0.precedes($1) }.prefix(max(0, limit))
    }

    // MARK: Programmes

    /// Programmes that teach at least one missing skill to the level needed, within the client's travel
    /// limit and with a free place. Gaps for the same skill are merged: the highest level asked, and
    /// essential if any was. Pass a taxonomy to name skills in the reasons.
    public static func programmesClosingGaps(
        _ missing: [SkillGap], profile: MatchProfile, programmes: [ProgrammeTarget], limit: Int,
        taxonomy: Taxonomy? = nil
    ) -> [ProgrammeSuggestion] {
        let gaps = mergedGaps(missing)
        guard !gaps.isEmpty else { return [] }
        let suggestions = programmes.compactMap { suggestion($0, gaps: gaps, profile: profile, taxonomy: taxonomy) }
        let keyed = suggestions.map { ($0, UUIDStringOrder($0.programmeID)) }
        return keyed
            .sorted { a, b in a.0.score != b.0.score ? a.0.score > b.0.score : a.1 < b.1 }
            .prefix(max(0, limit))
            .map(\.0)
    }

    static func mergedGaps(_ gaps: [SkillGap]) -> [SkillGap] {
        var merged: [SkillGap] = []
        var index: [String: Int] = [:]
        for gap in gaps {
            if let i = index[gap.skillID] {
                merged[i].required = max(merged[i].required, gap.required)
                if gap.importance == .essential { merged[i].importance = .essential }
            } else {
                index[gap.skillID] = merged.count
                merged.append(gap)
            }
        }
        return merged
    }

    private static func suggestion(
        _ target: ProgrammeTarget, gaps: [SkillGap], profile: MatchProfile, taxonomy: Taxonomy?
    ) -> ProgrammeSuggestion? {
        let programme = target.programme
        let travelKm = profile.location.distanceKm(to: target.location)
        guard travelKm <= profile.maxTravelKm, programme.freePlaces > 0 else { return nil }
        var taught: [String: Proficiency] = [:]
        for skill in programme.skillsTaught { taught[skill.skillID] = max(taught[skill.skillID] ?? .basic, skill.levelReached) }
        let closed = gaps.filter { gap in taught[gap.skillID].map { $0 >= gap.required } ?? false }
        guard !closed.isEmpty else { return nil }

        let entryMet = entryRequirementsMet(programme.entryRequirements, by: profile)
        var barrierKinds: [BarrierKind] = []
        for barrier in profile.barriers where programme.barrierSupport.contains(barrier.kind) && !barrierKinds.contains(barrier.kind) {
            barrierKinds.append(barrier.kind)
        }
        let gapPoints = closed.reduce(0.0) { $0 + ($1.importance == .essential ? 2 : 1) }
        let score = gapPoints + 0.5 * Double(barrierKinds.count) + (entryMet ? 1 : 0) - travelKm / 100

        let name = { (id: String) in taxonomy?.skillName(id) ?? id }
        var reasons = ["Teaches \(closed.map { name($0.skillID) }.joinedAsList()) to the level needed."]
        reasons.append(entryMet ? "Meets the entry requirements." : "Does not yet meet the entry requirements.")
        if !barrierKinds.isEmpty {
            reasons.append("Offers support with \(barrierKinds.map { $0.label.lowercased() }.joinedAsList()).")
        }
        reasons.append("\(VacancyScorer.km(travelKm)) away, with \(programme.freePlaces) free \(programme.freePlaces == 1 ? "place" : "places").")
        return ProgrammeSuggestion(
            programmeID: programme.id, closesGaps: closed.map(\.skillID), travelKm: travelKm, entryMet: entryMet,
            freePlaces: programme.freePlaces, supportsBarriers: barrierKinds, score: score, reasons: reasons
        )
    }

    static func entryRequirementsMet(_ entry: EntryRequirements, by profile: MatchProfile) -> Bool {
        profile.qualification >= entry.minimumQualification
            && (!entry.needsGCSEEnglish || profile.gcseEnglish)
            && (!entry.needsGCSEMaths || profile.gcseMaths)
            && entry.requiredSkills.allSatisfy { required in profile.skills[required.skillID].map { $0 >= required.level } ?? false }
    }

    // MARK: Profiles

    /// Flattens a client's assessment for matching. Age is in whole years on `date` (UTC calendar).
    public static func profile(client: Client, assessment: Assessment, location: GeoPoint, on date: Date) -> MatchProfile {
        profile(clientID: client.id, dateOfBirth: client.dateOfBirth, assessment: assessment, location: location, on: date)
    }

    /// The same, from the only things of the client's record it reads.
    public static func profile(clientID: UUID, dateOfBirth: Date?, assessment: Assessment, location: GeoPoint, on date: Date) -> MatchProfile {
        var skills: [String: Proficiency] = [:]
        for holding in assessment.skills { skills[holding.skillID] = max(skills[holding.skillID] ?? .basic, holding.level) }
        let age = dateOfBirth.flatMap { Calendar.utc.dateComponents([.year], from: $0, to: date).year }
        return MatchProfile(
            clientID: clientID, location: location, skills: skills, qualification: assessment.highestQualification,
            gcseEnglish: assessment.gcseEnglish, gcseMaths: assessment.gcseMaths,
            minHoursPerWeek: assessment.constraints.minHoursPerWeek, maxHoursPerWeek: assessment.constraints.maxHoursPerWeek,
            maxTravelKm: assessment.constraints.maxTravelKm, aspirations: Set(assessment.aspirations), age: age,
            barriers: assessment.barriers
        )
    }
}
