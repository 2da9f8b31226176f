import Foundation

extension PathwayPlanner {
    /// Replays the chosen moves on the client's full profile and describes every step.
    func assemble(_ request: PathwayRequest, _ problem: PathwayProblem, _ path: [Int32]) -> Pathway {
        var profile = request.profile
        var day = problem.today
        var cost = 0
        var addressed: Set<BarrierKind> = [], supported: Set<BarrierKind> = []
        let targetRequirements = Self.targetRequirements(request.target)
        let laterEntries: [[PathwayRequirement]] = path.indices.map { i in
            path[(i + 1)...].flatMap { m -> [PathwayRequirement] in
                let move = problem.moves[Int(m)]
                guard move.programme >= 0 else { return [] }
                let entry = catalogue.programmes[Int(move.programme)].programme.entryRequirements
                return [.qualification(entry.minimumQualification)] + entry.requiredSkills.map { .skill(id: $0.skillID, level: $0.level) }
            }
        }
        var steps: [PathwayStep] = []
        for (i, m) in path.enumerated() {
            let move = problem.moves[Int(m)]
            let before = profile
            let start: Int, kind: PathwayStep.Kind, title: String
            var addresses: [BarrierKind] = []
            if move.programme >= 0 {
                let p = Int(move.programme)
                let programme = catalogue.programmes[p].programme
                let cohort = catalogue.firstCohort(p, onOrAfter: day)!
                start = Int(catalogue.cohortStart[cohort])
                kind = .programme(programmeID: programme.id, cohortID: catalogue.cohortIDs[cohort])
                title = programme.title
                for t in programme.skillsTaught { profile.skills[t.skillID] = max(profile.skills[t.skillID] ?? t.levelReached, t.levelReached) }
                if let awarded = programme.qualificationAwarded { profile.qualification = max(profile.qualification, awarded) }
                supported.formUnion(programme.barrierSupport)
                addresses = problem.barrierKinds.filter { programme.barrierSupport.contains($0) && !addressed.contains($0) }
            } else {
                let barrier = move.referral!
                start = day
                kind = .referral(barrier)
                title = PathwayPolicy.referralTitle(barrier)
                addresses = addressed.contains(barrier) ? [] : [barrier]
            }
            addressed.formUnion(addresses)
            day = start + move.days
            cost += move.costPence
            let closes = targetRequirements.filter { !Self.holds($0, before) && Self.holds($0, profile) }
            var prepares: [PathwayRequirement] = []
            for requirement in laterEntries[i] where !Self.holds(requirement, before) && Self.holds(requirement, profile)
                && !closes.contains(requirement) && !prepares.contains(requirement) {
                prepares.append(requirement)
            }
            steps.append(PathwayStep(
                kind: kind, title: title, phase: phase(move, closes: closes, prepares: prepares), startsOn: DayNumber.date(start),
                endsOn: DayNumber.date(day), costPence: move.costPence, travelKm: move.programme >= 0 ? move.travelKm : nil,
                closes: closes, prepares: prepares, addresses: addresses))
        }
        if problem.ageDay > day, case .vacancy(let target) = request.target {
            let age = target.vacancy.minimumAge
            steps.append(PathwayStep(
                kind: .wait(untilAge: age), title: "Wait until they turn \(age)", phase: .waiting, startsOn: DayNumber.date(day),
                endsOn: DayNumber.date(problem.ageDay), costPence: 0, travelKm: nil,
                closes: [.minimumAge(age)], prepares: [], addresses: []))
        }
        let jobReady = max(day, problem.ageDay)
        if let dateOfBirth = request.dateOfBirth {
            profile.age = Calendar.utc.dateComponents([.year], from: dateOfBirth, to: DayNumber.date(jobReady)).year
        }
        var pathway = Pathway(
            clientID: profile.clientID, objective: request.objective, today: request.today, steps: steps,
            jobReadyOn: DayNumber.date(jobReady), totalCostPence: cost, profileWhenReady: profile,
            notes: notes(request, supported: supported, jobReady: jobReady), inWorkSupport: [], progression: nil)
        addAfterEmployment(to: &pathway, request)
        return pathway
    }

    /// The target's requirements a pathway can close: essential skills, then a vacancy's qualification.
    static func targetRequirements(_ target: PathwayTarget) -> [PathwayRequirement] {
        var requirements = PathwayProblem.targetSkillRequirements(target).map { PathwayRequirement.skill(id: $0.skillID, level: $0.minimumLevel) }
        if case .vacancy(let target) = target, target.vacancy.minimumQualification > .entry {
            requirements.append(.qualification(target.vacancy.minimumQualification))
        }
        return requirements
    }

    static func holds(_ requirement: PathwayRequirement, _ profile: MatchProfile) -> Bool {
        switch requirement {
        case .skill(let id, let level): profile.skills[id].map { $0 >= level } ?? false
        case .qualification(let level): profile.qualification >= level
        default: true
        }
    }

    private func phase(_ move: PathwayMove, closes: [PathwayRequirement], prepares: [PathwayRequirement]) -> PathwayPhase {
        let gains = closes + prepares
        if move.programme < 0 || gains.isEmpty { return .barrierSupport }
        let basic = gains.allSatisfy { requirement in
            if case .skill(let id, _) = requirement { return taxonomy.skill(id)?.kind == .basic || StarterTaxonomy.basicSkillIDs.contains(id) }
            return false
        }
        return basic ? .basicSkills : .vocational
    }

    private func notes(_ request: PathwayRequest, supported: Set<BarrierKind>, jobReady: Int) -> [String] {
        var notes: [String] = []
        if case .vacancy(let target) = request.target, DayNumber.of(target.vacancy.closingDate) < jobReady {
            notes.append("The vacancy closes on \(target.vacancy.closingDate.isoDay), before they would be job-ready on \(DayNumber.date(jobReady).isoDay); the pathway fits similar vacancies.")
        }
        var seen: Set<BarrierKind> = []
        for barrier in request.profile.barriers where barrier.severity < policy.barrierSeverityAddressedFirst && seen.insert(barrier.kind).inserted {
            let kind = barrier.kind.label.lowercased()
            notes.append(supported.contains(barrier.kind)
                ? "Their \(barrier.severity.label.lowercased()) barrier (\(kind)) is supported by a programme on the pathway."
                : "Their \(barrier.severity.label.lowercased()) barrier (\(kind)) is not required to be addressed first and no step supports it; consider support alongside.")
        }
        return notes
    }
}
