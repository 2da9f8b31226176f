import Foundation

/// Demand-led commissioning advice: which missing skills keep clients from live vacancies, which
/// programmes would unlock the most job matches per place, and which demanded skills no programme
/// teaches. Definitions are in docs/matching.md, "Commissioning advice".
public struct CommissioningAdvice: Sendable, Hashable {
    /// A skill, at a level, that stands between clients and vacancies they could otherwise do.
    public struct SkillBlocker: Sendable, Hashable {
        public var skillID: String
        /// The level the vacancies ask for.
        public var level: Proficiency
        /// Clients for whom this skill is the only missing essential requirement of at least one vacancy.
        public var clientsOneSkillAway: Int
        /// Vacancies in those pairs.
        public var vacanciesUnlocked: Int
        /// (client, vacancy) pairs whose only missing essential requirement is this skill.
        public var pairsOneSkillAway: Int
        /// Clients missing this skill at this level for at least one vacancy in reach, alone or with others.
        public var clientsMissing: Int
        /// Programmes with a free place that teach the skill to this level or above.
        public var programmesTeaching: Int
    }

    /// What one programme's free places would unlock.
    public struct ProgrammeImpact: Sendable, Hashable {
        public var programmeID: UUID
        public var freePlaces: Int
        /// Clients who can take it (travel, hours, entry) and would become job-ready for at least one vacancy.
        public var clientsUnlocked: Int
        /// Pairs of those clients and vacancies that would become job-ready.
        public var matchesUnlocked: Int
        /// Matches unlocked by the `freePlaces` clients who gain most, per place.
        public var matchesPerPlace: Double
    }

    /// A skill live vacancies demand as essential that no programme teaches to the level asked.
    public struct UntaughtSkill: Sendable, Hashable {
        public var skillID: String
        public var vacancies: Int
        public var openings: Int
        /// The highest level asked among those vacancies.
        public var levelAsked: Proficiency
        /// The highest level any programme teaches it to; nil when none teaches it at all.
        public var highestLevelTaught: Proficiency?
    }

    public var blockers: [SkillBlocker]
    public var programmes: [ProgrammeImpact]
    public var untaught: [UntaughtSkill]
    /// Clients who are job-ready for at least one vacancy in reach, and those who are not.
    public var clientsJobReady: Int
    public var clientsBlockedOnlyBySkills: Int

    /// `vacancies` should be the live ones and `programmes` those whose cohorts have not started.
    public static func compute(
        profiles: [MatchProfile], vacancies: [VacancyTarget], programmes: [ProgrammeTarget]
    ) -> CommissioningAdvice {
        let space = CommissioningSpace(vacancies: vacancies, programmes: programmes)
        let chunks = max(1, min(profiles.count, ProcessInfo.processInfo.activeProcessorCount * 4))
        var partials = [CommissioningTally?](repeating: nil, count: chunks)
        partials.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own element, and the buffer outlives `Parallel.forEach`.
            nonisolated(unsafe) let output = buffer
            Parallel.forEach(iterations: chunks) { chunk in
                var tally = CommissioningTally(space: space)
                var scratch = CommissioningScratch(space)
                for index in (chunk * profiles.count / chunks)..<((chunk + 1) * profiles.count / chunks) {
                    tally.add(profiles[index], scratch: &scratch)
                }
                output[chunk] = tally
            }
        }
        var total = CommissioningTally(space: space)
        for partial in partials { if let partial { total.merge(partial) } }
        return total.advice()
    }
}
