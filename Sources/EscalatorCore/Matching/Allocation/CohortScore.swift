extension AllocationScore {
    /// A cohort's score for a client, in 0 ... `programmeWeight`: the programme's score from
    /// `Matcher.programmesClosingGaps` divided by the most any programme could score for this client
    /// (closing every gap, supporting every barrier kind, entry met, no travel), times `programmeWeight`.
    /// `gaps` are the client's merged gaps.
    public static func cohort(programmeScore: Double, gaps: [SkillGap], profile: MatchProfile, programmeWeight: Double) -> Double {
        programmeWeight * (programmeScore / bestProgrammeScore(gaps: gaps, profile: profile))
    }

    /// Σ over the gaps (2 if essential, 1 if desirable) + 0.5 × distinct barrier kinds + 1.
    static func bestProgrammeScore(gaps: [SkillGap], profile: MatchProfile) -> Double {
        let gapPoints = gaps.reduce(0.0) { $0 + ($1.importance == .essential ? 2 : 1) }
        return gapPoints + 0.5 * Double(Set(profile.barriers.map(\.kind)).count) + 1
    }

    /// The essential skills missing from the vacancies (in their order, each vacancy's requirements in
    /// order), merged as `Matcher.programmesClosingGaps` merges them.
    public static func essentialGaps(_ profile: MatchProfile, missingFrom vacancies: [Vacancy]) -> [SkillGap] {
        essentialGaps(profile, missingFrom: vacancies.map(\.essential))
    }

    /// The same, from each vacancy's essential requirements.
    static func essentialGaps(_ profile: MatchProfile, missingFrom essentials: [[SkillRequirement]]) -> [SkillGap] {
        var gaps: [SkillGap] = []
        for requirements in essentials {
            for requirement in requirements where requirement.importance == .essential {
                let held = profile.skills[requirement.skillID]
                if let held, held >= requirement.minimumLevel { continue }
                gaps.append(SkillGap(skillID: requirement.skillID, importance: .essential, required: requirement.minimumLevel, held: held))
            }
        }
        return Matcher.mergedGaps(gaps)
    }
}
