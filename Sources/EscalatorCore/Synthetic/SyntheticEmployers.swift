import Foundation

extension SyntheticBuilder {
    /// The region's employer mix: manufacturing and logistics heavy, with care, hospitality and retail.
    static let employerSectorWeights: [(Sector, Double)] = [
        (.advancedManufacturing, 16), (.logistics, 12), (.construction, 12), (.healthAndSocialCare, 14),
        (.hospitality, 14), (.retail, 14), (.businessServices, 12), (.digital, 6),
    ]

    /// Employers, each with its own organisation, engagement log and pledges. The first employer is a
    /// large manufacturer, the demo employer's.
    mutating func buildEmployers() {
        var rng = generator("employers")
        var usedNames: Set<String> = []
        let sizes: [(EmployerSize, Double)] = [(.micro, 40), (.small, 33), (.medium, 19), (.large, 8)]

        for index in 0..<counts.employers {
            let sector = index == 0 ? .advancedManufacturing : rng.weighted(Self.employerSectorWeights)
            let size = index == 0 ? .large : rng.weighted(sizes)
            let name = uniqueName(using: &rng, used: &usedNames) { rng in
                rng.element(of: SyntheticNames.employerPatterns[sector]!)
                    .replacingOccurrences(of: "#", with: SyntheticNames.placeName(using: &rng))
            }
            let place = placeTable.draw(using: &rng)
            let organisation = Organisation(id: rng.uuid(), name: name, kind: .employer)
            let employer = Employer(id: rng.uuid(), organisationID: organisation.id, name: name, sector: sector, size: size,
                                    postcode: postcode(in: place, using: &rng), wardID: places[place].ward.id)
            organisations.append(organisation)
            employers.append(employer)
            employerPlaces.append(place)

            let entryCount = rng.weighted([(0, 20.0), (1, 25), (2, 22), (3, 15), (4, 10), (5, 8)])
            if entryCount > 0 {
                let days = (0..<entryCount).map { _ in -rng.int(in: 1...700) }.sorted()
                engagements[employer.id] = days.map { offset in
                    let (kind, summary) = rng.element(of: Self.engagementKinds)
                    return EngagementEntry(date: day(offset), kind: kind, summary: summary)
                }
            }

            let pledgeChance = size == .medium || size == .large ? 0.4 : 0.1
            if index == 0 || rng.chance(pledgeChance) {
                let kinds = rng.sample(PledgeKind.allCases, count: rng.int(in: 1...2))
                pledges[employer.id] = kinds.map { kind in
                    let quantity = switch kind {
                    case .inWorkTraining: rng.int(in: 5...60)
                    case .workPlacements: rng.int(in: 2...15)
                    case .schoolEncounters: rng.int(in: 1...12)
                    case .guaranteedInterviews: rng.int(in: 2...25)
                    }
                    return Pledge(kind: kind, quantity: quantity, madeOn: day(-rng.int(in: 30...600)))
                }
            }
        }
    }

    static let engagementKinds: [(String, String)] = [
        ("visit", "Account manager visit to discuss recruitment plans."),
        ("phone call", "Call about upcoming vacancies and pre-employment support."),
        ("jobs fair", "Attended a partnership jobs fair and met candidates."),
        ("job scoping", "Scoped a vacancy down to its skills with the hiring manager."),
        ("programme design", "Helped design the content of a sector-based work academy."),
        ("in-work support", "Reviewed how recent starters are settling in."),
    ]

    /// Vacancies from employers' occupations, scoped with `VacancyScoping` and then adjusted as
    /// employers do: a desirable skill dropped here, an essential level raised there.
    mutating func buildVacancies() {
        var rng = generator("vacancies")
        let employerTable = WeightedTable(Array(employers.indices), weights: employers.map {
            switch $0.size {
            case .micro: 1
            case .small: 2
            case .medium: 4
            case .large: 8
            }
        })
        let generalOccupations = ["O.ADMIN_ASSISTANT", "O.CLEANER", "O.WAREHOUSE_OPERATIVE", "O.SECURITY_OFFICER"]

        for index in 0..<counts.vacancies {
            let employerIndex = index < 4 ? 0 : employerTable.draw(using: &rng)
            let employer = employers[employerIndex]
            let occupation: Occupation
            if index >= 4, rng.chance(0.08) {
                occupation = taxonomy.occupation(rng.element(of: generalOccupations))!
            } else {
                let choices = occupationsBySector[employer.sector]!
                occupation = rng.weighted(choices.map { ($0, Self.entryWeight($0.typicalQualification)) })
            }

            var requirements = VacancyScoping.prefilledRequirements(for: occupation)
            let desirable = requirements.indices.filter { requirements[$0].importance == .desirable }
            if rng.chance(0.25), !desirable.isEmpty {
                requirements.remove(at: rng.element(of: desirable))
            }
            if rng.chance(0.2) {
                let raisable = requirements.indices.filter {
                    requirements[$0].importance == .essential && requirements[$0].minimumLevel < .expert
                        && taxonomy.skill(requirements[$0].skillID)?.kind == .occupational
                }
                if !raisable.isEmpty {
                    let at = rng.element(of: raisable)
                    requirements[at].minimumLevel = Proficiency(rawValue: requirements[at].minimumLevel.rawValue + 1)!
                }
            }
            if rng.chance(0.1) {
                let extra = rng.element(of: ["L.FIRST_AID", "L.DRIVING"])
                if !requirements.contains(where: { $0.skillID == extra }) {
                    requirements.append(SkillRequirement(skillID: extra, importance: .desirable, minimumLevel: .working))
                }
            }

            var qualification = occupation.typicalQualification
            let shift = rng.uniform()
            if shift < 0.2, qualification > .entry { qualification = RQFLevel(rawValue: qualification.rawValue - 1)! }
            else if shift > 0.9, qualification < .level6 { qualification = RQFLevel(rawValue: qualification.rawValue + 1)! }
            let asksGCSEs = qualification >= .level2
            let hours = occupation.id == "O.HGV_DRIVER" || occupation.id == "O.MAINTENANCE_ENGINEER"
                ? rng.weighted([(40, 3.0), (45, 1)])
                : rng.weighted([(16, 2.0), (20, 2), (24, 1), (30, 2), (37, 5), (40, 3)])

            let status: VacancyStatus = index < 4 ? .open : rng.weighted([(.open, 72.0), (.filled, 14), (.closed, 9), (.draft, 5)])
            let closing = switch status {
            case .open: rng.int(in: 3...75)
            case .draft: rng.int(in: 20...90)
            case .filled: -rng.int(in: 1...400)
            case .closed: -rng.int(in: 1...450)
            }
            let suffix = rng.weighted([("", 80.0), (" (nights)", 6), (" (weekends)", 5), (" – temporary to permanent", 9)])
            let place = employerPlaces[employerIndex]

            vacancies.append(Vacancy(
                id: rng.uuid(), employerID: employer.id, occupationID: occupation.id,
                title: (hours < 30 ? "Part-time " + Self.inSentence(occupation.name) : occupation.name) + suffix,
                requirements: requirements, minimumQualification: qualification,
                needsGCSEEnglish: asksGCSEs ? rng.chance(0.5) : rng.chance(0.05),
                needsGCSEMaths: asksGCSEs ? rng.chance(0.4) : rng.chance(0.05),
                hoursPerWeek: hours, hourlyPayPence: Self.hourlyPay(for: occupation, using: &rng),
                postcode: rng.chance(0.85) ? employer.postcode : postcode(in: place, using: &rng), wardID: employer.wardID,
                openings: rng.weighted([(1, 40.0), (2, 20), (3, 12), (4, 8), (5, 6), (6, 4), (8, 4), (10, 6)]),
                closingDate: day(closing), status: status,
                minimumAge: Self.adultOnly.contains(occupation.id) ? 18 : 16
            ))
        }
    }

    /// "Care assistant" → "care assistant", leaving acronyms such as "HGV driver" alone.
    static func inSentence(_ name: String) -> String {
        let prefix = name.prefix(2)
        guard prefix.count == 2, prefix.allSatisfy(\.isUppercase) == false else { return name }
        return name.prefix(1).lowercased() + name.dropFirst()
    }

    /// Occupations whose licences or licensing law need an adult.
    static let adultOnly: Set<String> = ["O.HGV_DRIVER", "O.SECURITY_OFFICER", "O.HOSPITALITY_SUPERVISOR", "O.DELIVERY_DRIVER"]

    /// Entry-level occupations have the most vacancies.
    static func entryWeight(_ level: RQFLevel) -> Double {
        switch level {
        case .entry: 5
        case .level1: 4
        case .level2: 3
        case .level3: 2
        default: 1
        }
    }

    /// The National Living Wage from April 2026, in pence an hour: no synthetic job pays less.
    static let nationalLivingWagePence = 1_271

    /// Hourly pay for the occupation's usual entry level, in pence, rounded to 5p.
    static func hourlyPay(for occupation: Occupation, using rng: inout SeededGenerator) -> Int {
        let range: ClosedRange<Double> = switch occupation.typicalQualification {
        case .entry: 1_271...1_420
        case .level1: 1_290...1_480
        case .level2: 1_350...1_700
        case .level3: 1_500...2_050
        case .level4: 1_750...2_500
        case .level5: 1_900...2_600
        default: 2_100...3_000
        }
        let pence = Int((rng.uniform(range) / 5).rounded()) * 5
        return max(nationalLivingWagePence, pence)
    }

    /// Draws names until one is new (falling back to a numbered variant).
    func uniqueName(using rng: inout SeededGenerator, used: inout Set<String>, _ make: (inout SeededGenerator) -> String) -> String {
        for _ in 0..<8 {
            let name = make(&rng)
            if used.insert(name).inserted { return name }
        }
        var number = 2
        let base = make(&rng)
        while !used.insert("\(base) (\(number))").inserted { number += 1 }
        return "\(base) (\(number))"
    }
}
