import Foundation

extension PathwayPlanner {
    /// Requirements no programme changes: a vacancy's distance and hours, GCSEs (no programme awards
    /// them) and a minimum age when the date of birth is unknown. Also the day the age is met.
    func fixedBlockers(_ request: PathwayRequest) -> (blockers: [PathwayBlocker], ageDay: Int) {
        let today = DayNumber.of(request.today)
        guard case .vacancy(let target) = request.target else { return ([], today) }
        let profile = request.profile, vacancy = target.vacancy
        var blockers: [PathwayBlocker] = []
        let travelKm = profile.location.distanceKm(to: target.location)
        if travelKm > profile.maxTravelKm {
            blockers.append(PathwayBlocker(requirement: .travel, message:
                "The job is \(VacancyScorer.km(travelKm)) away, beyond the \(VacancyScorer.km(profile.maxTravelKm)) they can travel; no programme changes that."))
        }
        if vacancy.hoursPerWeek < profile.minHoursPerWeek || vacancy.hoursPerWeek > profile.maxHoursPerWeek {
            blockers.append(PathwayBlocker(requirement: .hours, message:
                "The job is \(vacancy.hoursPerWeek) hours a week; they can work \(profile.minHoursPerWeek) to \(profile.maxHoursPerWeek)."))
        }
        var ageDay = today
        if let dateOfBirth = request.dateOfBirth {
            ageDay = max(today, Self.dayReaching(age: vacancy.minimumAge, bornOn: dateOfBirth))
        } else if let age = profile.age, age < vacancy.minimumAge {
            blockers.append(PathwayBlocker(requirement: .minimumAge(vacancy.minimumAge), message:
                "The job needs age \(vacancy.minimumAge); they are \(age), and without a date of birth the day they turn \(vacancy.minimumAge) is not known."))
        }
        if vacancy.needsGCSEEnglish && !profile.gcseEnglish {
            blockers.append(PathwayBlocker(requirement: .gcseEnglish, message:
                "The job asks for GCSE English at grade 4 (C) or above, which they do not hold; no programme in the catalogue awards GCSEs."))
        }
        if vacancy.needsGCSEMaths && !profile.gcseMaths {
            blockers.append(PathwayBlocker(requirement: .gcseMaths, message:
                "The job asks for GCSE maths at grade 4 (C) or above, which they do not hold; no programme in the catalogue awards GCSEs."))
        }
        return (blockers, ageDay)
    }

    /// The first day on which someone born on `bornOn` is `age` in whole years (UTC calendar, as
    /// `Matcher.profile` counts age).
    static func dayReaching(age: Int, bornOn: Date) -> Int {
        func ageOn(_ day: Int) -> Int { Calendar.utc.dateComponents([.year], from: bornOn, to: DayNumber.date(day)).year ?? 0 }
        var day = DayNumber.of(Calendar.utc.date(byAdding: .year, value: age, to: bornOn) ?? bornOn)
        while ageOn(day) < age { day += 1 }
        while ageOn(day - 1) >= age { day -= 1 }
        return day
    }

    /// Goal conditions no sequence of programmes reaches even with unlimited time: every usable programme
    /// whose entry is met is taken, repeatedly, after every barrier is addressed.
    func closureBlockers(_ problem: inout PathwayProblem) -> [PathwayBlocker] {
        var state = PathwayState(barriers: problem.goal.barriers)
        var changed = true
        while changed {
            changed = false
            for move in problem.moves where move.requires.isSubset(of: state.skills) && move.requiresQualification <= state.qualification {
                let next = PathwayState(skills: state.skills.union(move.provides), qualification: max(state.qualification, move.providesQualification),
                                        barriers: state.barriers)
                if next != state { state = next; changed = true }
            }
        }
        var blockers: [PathwayBlocker] = []
        for bit in 0..<problem.conditionSkillIDs.count where problem.goal.skills.contains(bit) && !state.skills.contains(bit) {
            blockers.append(skillBlocker(bit, &problem, closure: state))
        }
        if state.qualification < problem.goal.qualification {
            blockers.append(qualificationBlocker(&problem, closure: state))
        }
        return blockers
    }

    /// When every goal condition can be reached alone but cohort dates stop them all being reached.
    func timingBlockers(_ problem: PathwayProblem, _ search: PathwaySearch) -> [PathwayBlocker] {
        var blockers: [PathwayBlocker] = []
        let day = DayNumber.date(problem.today).isoDay
        for bit in 0..<problem.conditionSkillIDs.count where problem.goal.skills.contains(bit) && !search.closest.skills.contains(bit) {
            let requirement = PathwayRequirement.skill(id: problem.conditionSkillIDs[bit], level: problem.conditionLevels[bit])
            let message = search.reached.contains(bit)
                ? "\(requirement.label(taxonomy).capitalisedFirst) cannot be met together with the rest of the target: no order of cohorts (starting on or after \(day), one at a time) fits them all."
                : "Programmes within reach teach \(requirement.label(taxonomy)), but none has a cohort with a free place starting after the steps it depends on would end."
            blockers.append(PathwayBlocker(requirement: requirement, message: message))
        }
        if search.closest.qualification < problem.goal.qualification {
            let level = problem.qualificationThresholds[Int(problem.goal.qualification)]
            blockers.append(PathwayBlocker(requirement: .qualification(level), message:
                "No order of cohorts (starting on or after \(day), one at a time) reaches \(level.shortLabel.lowercased()) together with the rest of the target."))
        }
        return blockers
    }

    private func skillBlocker(_ bit: Int, _ problem: inout PathwayProblem, closure: PathwayState) -> PathwayBlocker {
        let skillID = problem.conditionSkillIDs[bit], level = problem.conditionLevels[bit]
        let requirement = PathwayRequirement.skill(id: skillID, level: level)
        let what = "teaches \(taxonomy.skillName(skillID)) to \(level.label.lowercased()) level"
        var givers: [Int] = []
        if let s = catalogue.skillIndex[skillID] {
            givers = catalogue.teachers[Int(s)].filter { $0.level >= Int8(level.rawValue) }.map { Int($0.programme) }
            givers += catalogue.inWork.filter { p in
                let f = catalogue.facts[Int(p)]
                return catalogue.taught[Int(f.taughtStart)..<Int(f.taughtEnd)].contains { $0.skill == s && $0.level >= Int8(level.rawValue) }
            }.map(Int.init)
        }
        return PathwayBlocker(requirement: requirement, message: explain(what, givers: givers, &problem, closure: closure))
    }

    private func qualificationBlocker(_ problem: inout PathwayProblem, closure: PathwayState) -> PathwayBlocker {
        let level = problem.qualificationThresholds[Int(problem.goal.qualification)]
        let what = "awards \(level.shortLabel.lowercased()) or higher"
        let givers = catalogue.facts.indices.filter { catalogue.facts[$0].awarded >= Int8(level.rawValue) }
        return PathwayBlocker(requirement: .qualification(level), message: explain(what, givers: givers, &problem, closure: closure))
    }

    /// Why none of the programmes that would give a condition (`givers`) can: out of reach, or their entry
    /// requirements are out of reach.
    private func explain(_ what: String, givers: [Int], _ problem: inout PathwayProblem, closure: PathwayState) -> String {
        guard !givers.isEmpty else { return "No programme in the catalogue \(what)." }
        let profile = problem.profile
        var counts: [PathwayUnusable: Int] = [:]
        var usable: [Int] = []
        for p in givers {
            if let reason = problem.unusable(p) { counts[reason, default: 0] += 1 } else { usable.append(p) }
        }
        let reach = "within \(VacancyScorer.km(profile.maxTravelKm)) at \(profile.maxHoursPerWeek) hours a week or fewer, with a free place from \(DayNumber.date(problem.today).isoDay),"
        guard !usable.isEmpty else {
            let parts: [(PathwayUnusable, String)] = [
                (.travel, "further away"), (.hours, "asking more hours a week"), (.noCohort, "with no cohort with a free place to come"),
                (.gcseEnglish, "asking GCSE English"), (.gcseMaths, "asking GCSE maths"), (.inWork, "for people in work only"),
            ]
            let detail = parts.compactMap { reason, text in counts[reason].map { "\($0) \(text)" } }.joined(separator: ", ")
            return "No programme \(reach) \(what) (\(givers.count) \(givers.count == 1 ? "does" : "do") elsewhere: \(detail))."
        }
        var needs: [String] = []
        for p in usable {
            let f = catalogue.facts[p]
            if f.entryQualification > Int8(problem.qualificationThresholds[Int(closure.qualification)].rawValue) {
                needs.append(RQFLevel(rawValue: Int(f.entryQualification))!.shortLabel.lowercased())
            }
            for e in catalogue.entrySkills[Int(f.entryStart)..<Int(f.entryEnd)] {
                let id = catalogue.skillIDs[Int(e.skill)]
                let held = Int8(profile.skills[id]?.rawValue ?? 0)
                let bit = (0..<problem.conditionSkillIDs.count).first { problem.conditionSkillIDs[$0] == id && problem.conditionLevels[$0].rawValue == Int(e.level) }
                if held < e.level, !(bit.map(closure.skills.contains) ?? false) {
                    needs.append(PathwayRequirement.skill(id: id, level: Proficiency(rawValue: Int(e.level))!).label(taxonomy))
                }
            }
        }
        var seen: Set<String> = []
        let distinct = needs.filter { seen.insert($0).inserted }
        return "Every programme \(reach) that \(what) first needs \(distinct.count > 1 ? distinct.dropLast().joined(separator: ", ") + " or " + distinct.last! : distinct.first ?? "something"), which no programme within reach leads to."
    }
}

private extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
