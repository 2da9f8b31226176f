import Foundation

extension PathwayPlanner {
    /// In-work support and the next progression, from the client's position on the job-ready day.
    ///
    /// - In-work support: in-work upskilling programmes within the client's travel limit and hours, whose
    ///   entry requirements they meet once job-ready, with a cohort with a free place starting on or after
    ///   the job-ready day, teaching at least one skill above their level then. Ranked by how many of those
    ///   skills the target's or the progression's occupation asks for (more first), then the cohort's start,
    ///   then programme id (`uuidString`); the first `policy.inWorkSupportLimit`.
    /// - Progression: among the taxonomy's occupations in the target occupation's sector, those asking a
    ///   higher typical qualification, or a higher level of a skill the target occupation asks for; the one
    ///   with the fewest requirements still missing (essential skills below the level, and the typical
    ///   qualification if not held), then the lower typical qualification, then id. Its first programme is
    ///   a programme (in-work upskilling included) available on the same terms that teaches a missing skill
    ///   to the level asked — or, only when none does, one that awards the missing qualification: the most
    ///   requirements closed, then the earliest start, then the least cost, then id.
    func addAfterEmployment(to pathway: inout Pathway, _ request: PathwayRequest) {
        let ready = pathway.profileWhenReady
        let day = DayNumber.of(pathway.jobReadyOn)
        let occupation: Occupation? = switch request.target {
        case .occupation(let occupation): occupation
        case .vacancy(let target): taxonomy.occupation(target.vacancy.occupationID)
        }
        var travel = [Double](repeating: -1, count: catalogue.locations.count)
        /// Programme `p`'s first cohort with a free place on or after the job-ready day, when within reach,
        /// within hours and with its entry requirements met.
        func available(_ p: Int) -> (cohort: Int, km: Double)? {
            let f = catalogue.facts[p]
            let l = Int(f.location)
            if travel[l] < 0 { travel[l] = ready.location.distanceKm(to: catalogue.locations[l]) }
            guard travel[l] <= ready.maxTravelKm, f.hoursPerWeek <= ready.maxHoursPerWeek,
                  let cohort = catalogue.firstCohort(p, onOrAfter: day),
                  f.entryQualification <= Int8(ready.qualification.rawValue),
                  !f.needsGCSEEnglish || ready.gcseEnglish, !f.needsGCSEMaths || ready.gcseMaths,
                  catalogue.entrySkills[Int(f.entryStart)..<Int(f.entryEnd)].allSatisfy({ e in
                      Int8(ready.skills[catalogue.skillIDs[Int(e.skill)]]?.rawValue ?? 0) >= e.level
                  })
            else { return nil }
            return (cohort, travel[l])
        }
        func option(_ p: Int, _ cohort: Int, _ km: Double) -> PathwayProgrammeOption {
            let programme = catalogue.programmes[p].programme
            let start = Int(catalogue.cohortStart[cohort])
            let teaches = programme.skillsTaught.filter { t in (ready.skills[t.skillID].map { $0 < t.levelReached } ?? true) }
                .map { PathwayRequirement.skill(id: $0.skillID, level: $0.levelReached) }
            return PathwayProgrammeOption(
                programmeID: programme.id, title: programme.title, cohortID: catalogue.cohortIDs[cohort], startsOn: DayNumber.date(start),
                endsOn: DayNumber.date(start + catalogue.facts[p].days), travelKm: km, costPence: catalogue.facts[p].costPence, teaches: teaches)
        }

        var progression: PathwayProgression?
        if let occupation, let next = nextOccupation(after: occupation, ready) {
            let missing = Self.missing(next, ready)
            var missingSkills: [(skill: Int32, level: Int8)] = []
            var missingQualification: Int8 = 99
            for requirement in missing {
                switch requirement {
                case .skill(let id, let level): if let s = catalogue.skillIndex[id] { missingSkills.append((s, Int8(level.rawValue))) }
                case .qualification(let level): missingQualification = Int8(level.rawValue)
                default: break
                }
            }
            // Programmes teaching a missing skill at the level asked; only when none is available, those
            // awarding the missing qualification.
            var teachers: [Int] = []
            for m in missingSkills {
                for t in catalogue.teachers[Int(m.skill)] + catalogue.inWorkTeachers[Int(m.skill)] where t.level >= m.level {
                    teachers.append(Int(t.programme))
                }
            }
            var best = bestFirstProgramme(Set(teachers), missingSkills, missingQualification, available)
            if best == nil, missingQualification <= 8 {
                let awarders = catalogue.awarders.prefix { $0.level >= missingQualification }.map { Int($0.programme) }
                    + catalogue.inWork.map(Int.init).filter { catalogue.facts[$0].awarded >= missingQualification }
                best = bestFirstProgramme(awarders, missingSkills, missingQualification, available)
            }
            progression = PathwayProgression(
                occupationID: next.id, occupationName: next.name, typicalQualification: next.typicalQualification,
                missing: missing, firstProgramme: best.map { option($0.p, $0.cohort, $0.km) })
        }
        var asked: Set<String> = []
        if let occupation { asked.formUnion((occupation.essentialSkills + occupation.optionalSkills).map(\.skillID)) }
        if let id = progression?.occupationID, let next = taxonomy.occupation(id) { asked.formUnion(next.essentialSkills.map(\.skillID)) }
        var support: [(p: Int, cohort: Int, km: Double, relevant: Int)] = []
        for p in catalogue.inWork.map(Int.init) {
            guard let (cohort, km) = available(p) else { continue }
            let f = catalogue.facts[p]
            var raises = 0, relevant = 0
            for t in catalogue.taught[Int(f.taughtStart)..<Int(f.taughtEnd)] {
                let id = catalogue.skillIDs[Int(t.skill)]
                guard Int8(ready.skills[id]?.rawValue ?? 0) < t.level else { continue }
                raises += 1
                if asked.contains(id) { relevant += 1 }
            }
            if raises > 0 { support.append((p, cohort, km, relevant)) }
        }
        support.sort { a, b in
            a.relevant != b.relevant ? a.relevant > b.relevant
                : catalogue.cohortStart[a.cohort] != catalogue.cohortStart[b.cohort] ? catalogue.cohortStart[a.cohort] < catalogue.cohortStart[b.cohort]
                : catalogue.idOrder[a.p] < catalogue.idOrder[b.p]
        }
        pathway.inWorkSupport = support.prefix(max(0, policy.inWorkSupportLimit)).map { option($0.p, $0.cohort, $0.km) }
        pathway.progression = progression
    }

    /// Among `candidates` that are available, the one closing the most missing requirements, then the
    /// earliest start, then the least cost, then id.
    private func bestFirstProgramme<C: Sequence<Int>>(
        _ candidates: C, _ missingSkills: [(skill: Int32, level: Int8)], _ missingQualification: Int8,
        _ available: (Int) -> (cohort: Int, km: Double)?
    ) -> (p: Int, cohort: Int, km: Double)? {
        var best: (p: Int, cohort: Int, km: Double, closed: Int)?
        for p in candidates {
            let f = catalogue.facts[p]
            let taught = catalogue.taught[Int(f.taughtStart)..<Int(f.taughtEnd)]
            var closed = f.awarded >= missingQualification ? 1 : 0
            for m in missingSkills where taught.contains(where: { $0.skill == m.skill && $0.level >= m.level }) { closed += 1 }
            guard closed > 0, let (cohort, km) = available(p) else { continue }
            if let b = best {
                let (start, bestStart) = (catalogue.cohortStart[cohort], catalogue.cohortStart[b.cohort])
                let better = closed != b.closed ? closed > b.closed
                    : start != bestStart ? start < bestStart
                    : f.costPence != catalogue.facts[b.p].costPence ? f.costPence < catalogue.facts[b.p].costPence
                    : catalogue.idOrder[p] < catalogue.idOrder[b.p]
                guard better else { continue }
            }
            best = (p, cohort, km, closed)
        }
        return best.map { ($0.p, $0.cohort, $0.km) }
    }

    /// The next rung above `occupation` for someone holding `ready`.
    func nextOccupation(after occupation: Occupation, _ ready: MatchProfile) -> Occupation? {
        guard let sector = occupation.sector else { return nil }
        var asked: [String: Proficiency] = [:]
        for s in occupation.essentialSkills + occupation.optionalSkills { asked[s.skillID] = max(asked[s.skillID] ?? s.level, s.level) }
        let higher = (occupationsBySector[sector] ?? []).filter { other in
            other.id != occupation.id && (other.typicalQualification > occupation.typicalQualification
                || other.essentialSkills.contains { s in asked[s.skillID].map { s.level > $0 } ?? false })
        }
        return higher.min { a, b in
            let ma = Self.missing(a, ready).count, mb = Self.missing(b, ready).count
            return (ma, a.typicalQualification.rawValue, a.id) < (mb, b.typicalQualification.rawValue, b.id)
        }
    }

    /// An occupation's essential skills not held at the level, then its typical qualification if not held.
    static func missing(_ occupation: Occupation, _ profile: MatchProfile) -> [PathwayRequirement] {
        var missing = occupation.essentialSkills.filter { s in !(profile.skills[s.skillID].map { $0 >= s.level } ?? false) }
            .map { PathwayRequirement.skill(id: $0.skillID, level: $0.level) }
        if occupation.typicalQualification > profile.qualification { missing.append(.qualification(occupation.typicalQualification)) }
        return missing
    }
}
