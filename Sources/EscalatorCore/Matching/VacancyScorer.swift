import Foundation

/// Scores one client against one vacancy, exactly and with reasons. The formula is in docs/matching.md.
public enum VacancyScorer {
    public static func score(
        _ profile: MatchProfile, _ target: VacancyTarget, weights: MatchingWeights = .standard,
        licenceSkillIDs: Set<String> = []
    ) -> VacancyMatch {
        let vacancy = target.vacancy
        let travelKm = profile.location.distanceKm(to: target.location)
        let failures = failedConstraints(profile, vacancy, travelKm: travelKm, licenceSkillIDs: licenceSkillIDs)
        let values = ComponentValues(profile, vacancy, travelKm: travelKm)
        let components = [
            skillsComponent(values.essential, .essential, weight: weights.essentialSkills),
            skillsComponent(values.desirable, .desirable, weight: weights.desirableSkills),
            qualificationComponent(profile, vacancy, value: values.qualification, weight: weights.qualification),
            aspirationComponent(value: values.aspiration, weight: weights.aspiration),
            travelComponent(profile, travelKm: travelKm, value: values.travel, weight: weights.travel),
        ]
        let gaps = vacancy.requirements.map {
            SkillGap(skillID: $0.skillID, importance: $0.importance, required: $0.minimumLevel, held: profile.skills[$0.skillID])
        }
        return VacancyMatch(
            clientID: profile.clientID, vacancyID: vacancy.id,
            score: failures.isEmpty ? values.weightedSum(weights) : 0,
            components: components,
            skillsMet: gaps.filter(\.isMet), skillsMissing: gaps.filter { !$0.isMet }, travelKm: travelKm,
            blockers: failures.map { note(for: $0, profile, vacancy, travelKm: travelKm) },
            warnings: failures.isEmpty ? warnings(profile, vacancy, travelKm: travelKm) : []
        )
    }

    /// What `score(...)` gives as `score` and `isEligible`, without building any explanation; the matcher
    /// ranks with this and explains only the matches it returns.
    static func quickScore(
        _ profile: MatchProfile, _ target: VacancyTarget, weights: MatchingWeights, licenceSkillIDs: Set<String>
    ) -> (score: Double, isEligible: Bool) {
        let travelKm = profile.location.distanceKm(to: target.location)
        guard failedConstraints(profile, target.vacancy, travelKm: travelKm, licenceSkillIDs: licenceSkillIDs).isEmpty else {
            return (0, false)
        }
        return (ComponentValues(profile, target.vacancy, travelKm: travelKm).weightedSum(weights), true)
    }

    /// 1 when the held level reaches the required one, 0.5 when exactly one level short, else 0.
    public static func credit(held: Proficiency?, required: Proficiency) -> Double {
        guard let held else { return 0 }
        if held >= required { return 1 }
        return held.rawValue == required.rawValue - 1 ? 0.5 : 0
    }

    /// How a client's skills answer the requirements of one importance.
    struct SkillTally {
        var asked = 0
        var met = 0
        var oneLevelShort = 0
        var credit = 0.0

        init(_ profile: MatchProfile, _ vacancy: Vacancy, _ importance: Importance) {
            for requirement in vacancy.requirements where requirement.importance == importance {
                let c = VacancyScorer.credit(held: profile.skills[requirement.skillID], required: requirement.minimumLevel)
                asked += 1
                credit += c
                if c == 1 { met += 1 } else if c == 0.5 { oneLevelShort += 1 }
            }
        }

        /// Mean credit; 1 when nothing is asked.
        var value: Double { asked == 0 ? 1 : credit / Double(asked) }
    }

    /// The five component values, each in 0...1.
    struct ComponentValues {
        var essential: SkillTally
        var desirable: SkillTally
        var qualification: Double
        var aspiration: Double
        var travel: Double

        init(_ profile: MatchProfile, _ vacancy: Vacancy, travelKm: Double) {
            essential = SkillTally(profile, vacancy, .essential)
            desirable = SkillTally(profile, vacancy, .desirable)
            qualification = profile.qualification >= vacancy.minimumQualification ? 1 : 0
            aspiration = profile.aspirations.contains(vacancy.occupationID) ? 1 : 0
            travel = VacancyScorer.travelValue(travelKm, limit: profile.maxTravelKm)
        }

        /// Summed left to right in component order, so every caller gets the same bits.
        func weightedSum(_ w: MatchingWeights) -> Double {
            var sum = 0.0
            sum += w.essentialSkills * essential.value
            sum += w.desirableSkills * desirable.value
            sum += w.qualification * qualification
            sum += w.aspiration * aspiration
            sum += w.travel * travel
            return sum
        }
    }

    // MARK: Constraints

    enum Failure {
        case travel
        case hours
        case licence(skillID: String, held: Proficiency?)
        case age(Int)
        case qualification
        case gcseEnglish
        case gcseMaths
    }

    /// Broken hard constraints, in the order they are reported.
    static func failedConstraints(
        _ profile: MatchProfile, _ vacancy: Vacancy, travelKm: Double, licenceSkillIDs: Set<String>
    ) -> [Failure] {
        var failures: [Failure] = []
        if travelKm > profile.maxTravelKm { failures.append(.travel) }
        if vacancy.hoursPerWeek < profile.minHoursPerWeek || vacancy.hoursPerWeek > profile.maxHoursPerWeek {
            failures.append(.hours)
        }
        if !licenceSkillIDs.isEmpty {
            for requirement in vacancy.requirements where requirement.importance == .essential && licenceSkillIDs.contains(requirement.skillID) {
                let held = profile.skills[requirement.skillID]
                if credit(held: held, required: requirement.minimumLevel) < 1 {
                    failures.append(.licence(skillID: requirement.skillID, held: held))
                }
            }
        }
        if let age = profile.age, age < vacancy.minimumAge { failures.append(.age(age)) }
        if profile.qualification < vacancy.minimumQualification { failures.append(.qualification) }
        if vacancy.needsGCSEEnglish && !profile.gcseEnglish { failures.append(.gcseEnglish) }
        if vacancy.needsGCSEMaths && !profile.gcseMaths { failures.append(.gcseMaths) }
        return failures
    }

    static func note(for failure: Failure, _ profile: MatchProfile, _ vacancy: Vacancy, travelKm: Double) -> ConstraintNote {
        switch failure {
        case .travel:
            ConstraintNote(kind: .travel, message: "The job is \(km(travelKm)) away, beyond the \(km(profile.maxTravelKm)) they can travel.")
        case .hours:
            ConstraintNote(
                kind: .hours,
                message: "The job is \(vacancy.hoursPerWeek) hours a week; they can work \(profile.minHoursPerWeek) to \(profile.maxHoursPerWeek)."
            )
        case .licence(let skillID, let held):
            ConstraintNote(
                kind: .licence,
                message: "The job requires the licence or check \(skillID), which is \(held.map { "held only at \($0.label.lowercased()) level" } ?? "not held")."
            )
        case .age(let age):
            ConstraintNote(kind: .age, message: "The job is open from age \(vacancy.minimumAge); they are \(age).")
        case .qualification:
            ConstraintNote(
                kind: .qualification,
                message: "The job asks for \(vacancy.minimumQualification.shortLabel.lowercased()); they hold \(profile.qualification.shortLabel.lowercased())."
            )
        case .gcseEnglish:
            ConstraintNote(kind: .gcse, message: "The job asks for GCSE English at grade 4 (C) or above.")
        case .gcseMaths:
            ConstraintNote(kind: .gcse, message: "The job asks for GCSE maths at grade 4 (C) or above.")
        }
    }

    /// Within 10% of a limit: travel at 90% or more of the maximum; hours at most 110% of the minimum
    /// or at least 90% of the maximum. Only eligible matches get warnings.
    static func warnings(_ profile: MatchProfile, _ vacancy: Vacancy, travelKm: Double) -> [ConstraintNote] {
        var notes: [ConstraintNote] = []
        if profile.maxTravelKm > 0 && travelKm >= 0.9 * profile.maxTravelKm {
            notes.append(ConstraintNote(
                kind: .travel,
                message: "The job is \(km(travelKm)) away, close to the \(km(profile.maxTravelKm)) they can travel."
            ))
        }
        let hours = vacancy.hoursPerWeek
        if 10 * hours <= 11 * profile.minHoursPerWeek {
            notes.append(ConstraintNote(
                kind: .hours,
                message: "The job's \(hours) hours a week is close to the fewest they want (\(profile.minHoursPerWeek))."
            ))
        }
        if 10 * hours >= 9 * profile.maxHoursPerWeek {
            notes.append(ConstraintNote(
                kind: .hours,
                message: "The job's \(hours) hours a week is close to the most they can work (\(profile.maxHoursPerWeek))."
            ))
        }
        return notes
    }

    // MARK: Components

    static func skillsComponent(_ tally: SkillTally, _ importance: Importance, weight: Double) -> ScoreComponent {
        let name = importance == .essential ? "Essential skills" : "Desirable skills"
        let kind = importance.label.lowercased()
        guard tally.asked > 0 else {
            return ScoreComponent(name: name, weight: weight, value: 1, explanation: "The job lists no \(kind) skills.")
        }
        var explanation = "Meets \(tally.met) of \(tally.asked) \(kind) \(tally.asked == 1 ? "skill" : "skills") at the level asked"
        if tally.oneLevelShort > 0 {
            explanation += "; \(tally.oneLevelShort) more \(tally.oneLevelShort == 1 ? "is" : "are") one level short"
        }
        return ScoreComponent(name: name, weight: weight, value: tally.value, explanation: explanation + ".")
    }

    static func qualificationComponent(_ profile: MatchProfile, _ vacancy: Vacancy, value: Double, weight: Double) -> ScoreComponent {
        let held = profile.qualification.shortLabel.lowercased()
        let asked = vacancy.minimumQualification.shortLabel.lowercased()
        let met = value == 1
        let explanation = vacancy.minimumQualification == .entry
            ? "The job asks for no particular qualification."
            : met ? "Holds \(held), meeting the \(asked) the job asks for." : "Holds \(held), below the \(asked) the job asks for."
        return ScoreComponent(name: "Qualification", weight: weight, value: value, explanation: explanation)
    }

    static func aspirationComponent(value: Double, weight: Double) -> ScoreComponent {
        ScoreComponent(
            name: "Aspiration", weight: weight, value: value,
            explanation: value == 1 ? "This is a job they want to do." : "This is not one of the jobs they have said they want."
        )
    }

    static func travelComponent(_ profile: MatchProfile, travelKm: Double, value: Double, weight: Double) -> ScoreComponent {
        ScoreComponent(
            name: "Travel", weight: weight, value: value,
            explanation: "The job is \(km(travelKm)) away; they can travel up to \(km(profile.maxTravelKm))."
        )
    }

    /// 1 at the door, falling linearly to 0 at the limit. A zero limit scores 1 only at distance 0.
    public static func travelValue(_ travelKm: Double, limit: Double) -> Double {
        guard limit > 0 else { return travelKm <= 0 ? 1 : 0 }
        return min(1, max(0, 1 - travelKm / limit))
    }

    /// "12.3 km", rounded half away from zero.
    static func km(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "\(value) km" }
        let tenths = Int((abs(value) * 10).rounded())
        return "\(value < 0 && tenths > 0 ? "-" : "")\(tenths / 10).\(tenths % 10) km"
    }
}
