import Foundation

extension SyntheticBuilder {
    /// Referrals to programmes and vacancies with histories that follow the allowed transitions on
    /// strictly increasing days, job starts (through vacancies or found another way), then sustainment
    /// checks, in-work contacts and progressions for the starts.
    mutating func buildReferralsAndOutcomes() {
        var rng = generator("referrals")
        var index = ReferralIndex()
        for (position, programme) in programmes.enumerated() {
            index.programmesByType[programme.type, default: []].append(position)
            if let occupation = programmeOccupations[position] { index.programmesByOccupation[occupation, default: []].append(position) }
        }
        for (position, vacancy) in vacancies.enumerated() where vacancy.status != .draft {
            index.vacanciesByOccupation[vacancy.occupationID, default: []].append(position)
            index.vacancies.append(position)
        }
        let employerNames = Dictionary(uniqueKeysWithValues: employers.map { ($0.id, $0.name) })

        for clientIndex in clients.indices {
            guard let assessmentPosition = assessmentIndex[clientIndex] else { continue }
            let client = clients[clientIndex]
            let assessment = assessments[assessmentPosition]
            let assessed = dayOffset(assessment.assessedOn)
            let held = Dictionary(assessment.skills.map { ($0.skillID, $0.level) }, uniquingKeysWith: max)
            let target = places[clientPlaces[clientIndex]].ward.isTargetWard

            for _ in 0..<rng.weightedIndex(target ? [45, 38, 17] : [55, 33, 12]) {
                if let referral = programmeReferral(client, assessment, assessed: assessed, held: held, index: index, using: &rng) {
                    referrals.append(referral)
                }
            }

            var hasJob = false
            for _ in 0..<rng.weightedIndex([50, 25, 13, 12]) {
                guard let (referral, startedOn, vacancy) = vacancyReferral(
                    client, assessment, assessed: assessed, held: held, hasJob: hasJob, index: index, using: &rng) else { continue }
                referrals.append(referral)
                if let startedOn {
                    hasJob = true
                    jobStarts.append(JobStart(
                        id: rng.uuid(), clientID: client.id, vacancyID: vacancy.id, employerName: employerNames[vacancy.employerID]!,
                        jobTitle: vacancy.title, startedOn: day(startedOn), hoursPerWeek: vacancy.hoursPerWeek,
                        hourlyPayPence: vacancy.hourlyPayPence))
                }
            }

            // Some clients find work another way; the partnership records the start all the same.
            if !hasJob, rng.chance(client.employmentStatus == .lowPaidWork ? 0.06 : 0.1), assessed + 14 <= -1 {
                let occupation = taxonomy.occupation(assessment.aspirations.first ?? "O.WAREHOUSE_OPERATIVE")!
                jobStarts.append(JobStart(
                    id: rng.uuid(), clientID: client.id, vacancyID: nil, employerName: rng.element(of: employers).name,
                    jobTitle: occupation.name, startedOn: day(rng.int(in: (assessed + 14)...(-1))),
                    hoursPerWeek: rng.weighted([(16, 2.0), (20, 2), (30, 2), (37, 3), (40, 2)]),
                    hourlyPayPence: Self.hourlyPay(for: occupation, using: &rng)))
            }
        }
        recordReferralConsents()
        buildOutcomes()
    }

    /// A provider sees a referred client's details only while the client consents to share with it, and an
    /// employer only once the client accepts a referral to its vacancy: each programme referral comes with a
    /// consent to the provider for a training referral, and each accepted vacancy referral with one to the
    /// employer for a job referral, unless a consent to that organisation already stands.
    private mutating func recordReferralConsents() {
        let providerOrganisation = Dictionary(uniqueKeysWithValues: providers.map { ($0.id, $0.organisationID) })
        let programmeOrganisation = Dictionary(uniqueKeysWithValues: programmes.map { ($0.id, providerOrganisation[$0.providerID]!) })
        let employerOrganisation = Dictionary(uniqueKeysWithValues: employers.map { ($0.id, $0.organisationID) })
        let vacancyOrganisation = Dictionary(uniqueKeysWithValues: vacancies.map { ($0.id, employerOrganisation[$0.employerID]!) })
        for referral in referrals {
            let organisation: UUID, purpose: ConsentPurpose, given: Date
            switch referral.target {
            case .programme(let programmeID, _):
                (organisation, purpose, given) = (programmeOrganisation[programmeID]!, .trainingReferral, referral.history[0].at)
            case .vacancy(let vacancyID):
                guard let accepted = referral.history.first(where: { $0.status == .applied }) else { continue }
                (organisation, purpose, given) = (vacancyOrganisation[vacancyID]!, .jobReferral, accepted.at)
            }
            if consents[referral.clientID]?.contains(where: { $0.organisationID == organisation && $0.isActive }) == true { continue }
            consents[referral.clientID, default: []].append(Consent(organisationID: organisation, purpose: purpose, givenAt: given))
        }
    }

    private mutating func programmeReferral(
        _ client: Client, _ assessment: Assessment, assessed: Int, held: [String: Proficiency], index: ReferralIndex,
        using rng: inout SeededGenerator
    ) -> Referral? {
        let lacksBasics = ["B.LITERACY", "B.NUMERACY"].contains { (held[$0] ?? .basic) < .working || held[$0] == nil }
        var candidates: [Int]
        if assessment.barriers.contains(where: { $0.kind == .language }), rng.chance(0.6) {
            candidates = index.programmes(of: .esol)
        } else if lacksBasics, rng.chance(0.5) {
            candidates = index.programmes(of: .basicSkills) + index.programmes(of: .secondChance)
        } else {
            let aimed = assessment.aspirations.filter { index.programmesByOccupation[$0] != nil }
            candidates = !aimed.isEmpty && rng.chance(0.7)
                ? index.programmesByOccupation[rng.element(of: aimed)]!
                : index.programmes(of: .preEmployment) + index.programmes(of: .vocational)
        }
        candidates = candidates.filter { programmes[$0].entryRequirements.minimumQualification <= assessment.highestQualification }
        if candidates.isEmpty { candidates = index.programmes(of: .preEmployment) }
        guard !candidates.isEmpty else { return nil }

        let position = rng.element(of: candidates)
        let programme = programmes[position]
        // The next intake with a free place.
        guard let cohortIndex = programme.cohorts.firstIndex(where: { dayOffset($0.startsOn) >= assessed + 3 && $0.freePlaces > 0 }) else {
            return nil
        }
        let cohort = programme.cohorts[cohortIndex]
        let start = dayOffset(cohort.startsOn)
        let latest = min(start - 1, 0)
        guard assessed <= latest else { return nil }
        let referredOn = rng.int(in: assessed...latest)

        var referral = Referral(
            id: rng.uuid(), clientID: client.id, target: .programme(programmeID: programme.id, cohortID: cohort.id),
            status: .referred, history: [StatusChange(status: .referred, at: day(referredOn), byUserID: client.caseOwnerID, note: "Referred by adviser")])
        func move(_ status: ReferralStatus, _ offset: Int, _ note: String) {
            do { try referral.advance(to: status, at: day(offset), by: client.caseOwnerID, note: note) } catch {
                preconditionFailure("synthetic referral made a move its kind does not allow: \(error)")
            }
        }

        if start > 0 {
            if referredOn + 1 <= 0, rng.chance(0.08) { move(.withdrawn, rng.int(in: (referredOn + 1)...0), "Client no longer wants a place") }
            return referral
        }
        if rng.chance(0.75) {
            programmes[position].cohorts[cohortIndex].enrolled += 1
            move(.started, start, "Started the course")
            let end = start + programme.weeks * 7
            if end <= 0 {
                if rng.chance(0.82) || end - 1 < start + 1 {
                    move(.completed, end, "Completed the course")
                } else {
                    move(.withdrawn, rng.int(in: (start + 1)...(end - 1)), rng.element(of: Self.withdrawalNotes))
                }
            } else if start + 1 <= 0, rng.chance(0.1) {
                move(.withdrawn, rng.int(in: (start + 1)...0), rng.element(of: Self.withdrawalNotes))
            }
        } else {
            move(.withdrawn, rng.int(in: (referredOn + 1)...start), "Did not start")
        }
        return referral
    }

    static let withdrawalNotes = ["Left for health reasons", "Found work", "Childcare fell through", "Moved away", "Lost contact"]

    /// A vacancy referral, and the day the client started if they did.
    private func vacancyReferral(
        _ client: Client, _ assessment: Assessment, assessed: Int, held: [String: Proficiency], hasJob: Bool,
        index: ReferralIndex, using rng: inout SeededGenerator
    ) -> (Referral, Int?, Vacancy)? {
        guard !index.vacancies.isEmpty else { return nil }
        let aimed = assessment.aspirations.filter { index.vacanciesByOccupation[$0] != nil }
        // An adviser refers to a vacancy open while the client is on the caseload: try a few.
        var found: (vacancy: Vacancy, low: Int, high: Int)?
        for _ in 0..<4 where found == nil {
            let position = !aimed.isEmpty && rng.chance(0.7)
                ? rng.element(of: index.vacanciesByOccupation[rng.element(of: aimed)]!)
                : rng.element(of: index.vacancies)
            let closing = dayOffset(vacancies[position].closingDate)
            let low = max(assessed, closing - 56), high = min(closing, 0)
            if low <= high { found = (vacancies[position], low, high) }
        }
        guard let (vacancy, low, high) = found else { return nil }

        let essential = vacancy.essential
        let coverage = essential.isEmpty ? 1 : Double(essential.filter { (held[$0.skillID] ?? .basic) >= $0.minimumLevel && held[$0.skillID] != nil }.count)
            / Double(essential.count)
        var day = rng.int(in: low...high)
        let reference = self.reference  // so the nested function does not capture (and copy) the builder
        func date(_ offset: Int) -> Date { reference.addingTimeInterval(Double(offset) * 86_400) }
        var referral = Referral(
            id: rng.uuid(), clientID: client.id, target: .vacancy(vacancyID: vacancy.id), status: .proposed,
            history: [StatusChange(status: .proposed, at: date(day), byUserID: client.caseOwnerID, note: "Proposed by adviser")])
        func move(_ status: ReferralStatus, _ note: String, at when: Date? = nil) {
            do { try referral.advance(to: status, at: when ?? date(day), by: client.caseOwnerID, note: note) } catch {
                preconditionFailure("synthetic referral made a move its kind does not allow: \(error)")
            }
        }
        // The client accepts within the hour, except for referrals proposed in the last two days, still awaiting an answer.
        if day < -2 { move(.applied, "Client accepted; application submitted", at: date(day).addingTimeInterval(3600)) }

        day += rng.int(in: 5...21)
        guard day <= 0, referral.status == .applied else { return (referral, nil, vacancy) }
        guard rng.chance(0.3 + 0.45 * coverage) else {
            rng.chance(0.75) ? move(.declined, "Not shortlisted") : move(.withdrawn, "Client withdrew the application")
            return (referral, nil, vacancy)
        }
        move(.interviewed, "Interview held")

        day += rng.int(in: 2...10)
        guard day <= 0 else { return (referral, nil, vacancy) }
        guard rng.chance(0.4 + 0.35 * coverage) else {
            rng.chance(0.85) ? move(.declined, "Not successful at interview") : move(.withdrawn, "Client withdrew after interview")
            return (referral, nil, vacancy)
        }
        move(.offered, "Offer made")

        day += rng.int(in: 7...28)
        guard day <= 0 else { return (referral, nil, vacancy) }
        guard !hasJob, rng.chance(0.88) else {
            move(.declined, hasJob ? "Client had already started another job" : "Client turned the offer down")
            return (referral, nil, vacancy)
        }
        move(.started, "Started work")
        return (referral, day, vacancy)
    }

    /// Sustainment checks for milestones already due, in-work contacts and progressions; clients still
    /// in work are then recorded as employed.
    private mutating func buildOutcomes() {
        var rng = generator("outcomes")
        let stayOn: [SustainmentMilestone: Double] = [.week13: 0.76, .week26: 0.84, .week52: 0.85]
        let clientPositions = Dictionary(uniqueKeysWithValues: clients.enumerated().map { ($0.element.id, $0.offset) })

        for start in jobStarts {
            let started = dayOffset(start.startedOn)
            var inWork = true
            var leftBefore: Int?
            var sustained26 = false
            for milestone in SustainmentMilestone.allCases {
                let due = started + milestone.rawValue * 7
                let checked = due + rng.int(in: 0...10)
                guard checked <= 0 else { break }
                if inWork, !rng.chance(stayOn[milestone]!) {
                    inWork = false
                    leftBefore = due
                }
                if milestone == .week26 { sustained26 = inWork }
                sustainmentChecks.append(SustainmentCheck(
                    jobStartID: start.id, milestone: milestone, checkedOn: day(checked), stillInWork: inWork,
                    note: inWork ? rng.element(of: ["", "Settled in well", "Confirmed with employer"]) : leftBefore == due
                        ? rng.element(of: Self.leavingNotes) : "Still out of work"))
            }

            let contactLimit = min(0, started + 84, (leftBefore ?? Int.max) - 1)
            if started + 7 <= contactLimit {
                let days = (0..<rng.int(in: 0...3)).map { _ in rng.int(in: (started + 7)...contactLimit) }.sorted()
                for contactDay in days {
                    let withEmployer = rng.chance(0.3)
                    inWorkContacts.append(InWorkSupportContact(
                        jobStartID: start.id, date: day(contactDay), withEmployer: withEmployer,
                        summary: withEmployer ? rng.element(of: Self.employerContactNotes) : rng.element(of: Self.clientContactNotes)))
                }
            }

            if sustained26, rng.chance(0.3) {
                let latest = min(0, started + 364, (leftBefore ?? Int.max) - 1)
                if started + 91 <= latest {
                    let kind = rng.element(of: ProgressionKind.allCases)
                    let detail = switch kind {
                    case .payRise: "Pay rose by \(rng.int(in: 20...150))p an hour"
                    case .promotion: "Promoted to team leader"
                    case .qualificationGained: "Gained a level \(rng.int(in: 2...3)) qualification through in-work training"
                    case .moreHours: "Hours increased to \(min(40, start.hoursPerWeek + rng.int(in: 4...12))) a week"
                    }
                    progressions.append(Progression(jobStartID: start.id, kind: kind, date: day(rng.int(in: (started + 91)...latest)), detail: detail))
                }
            }

            if inWork, let position = clientPositions[start.clientID] { clients[position].employmentStatus = .employed }
        }
    }

    static let leavingNotes = ["Contract ended", "Left for health reasons", "Dismissed during probation", "Childcare fell through", "Travel too difficult"]
    static let clientContactNotes = ["Checked in by phone; going well", "Helped with a travel pass for the first month", "Talked through a rota problem", "Referred for in-work budgeting advice"]
    static let employerContactNotes = ["Line manager happy with progress", "Agreed a training plan", "Discussed adjusting shift patterns"]
}

/// Programmes and vacancies indexed for choosing referrals.
struct ReferralIndex {
    var programmesByType: [ProgrammeType: [Int]] = [:]
    var programmesByOccupation: [String: [Int]] = [:]
    var vacanciesByOccupation: [String: [Int]] = [:]
    /// Every vacancy that is not a draft.
    var vacancies: [Int] = []

    func programmes(of type: ProgrammeType) -> [Int] { programmesByType[type] ?? [] }
}
