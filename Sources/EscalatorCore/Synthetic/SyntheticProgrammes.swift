import Foundation

extension SyntheticBuilder {
    /// Colleges first (the first is the demo provider's), then the region's ten universities, private
    /// training providers, charities and schools, each with its own organisation.
    mutating func buildProviders() {
        var rng = generator("providers")
        let universities = min(SyntheticNames.universities.count, counts.providers / 4)
        let rest = counts.providers - universities
        let colleges = max(6, rest / 10)
        let schools = rest * 13 / 100
        let charities = rest * 22 / 100
        let privates = rest - colleges - schools - charities
        var usedNames: Set<String> = []

        func add(_ name: String, _ kind: ProviderKind, place: Int) {
            let organisationKind: OrganisationKind = switch kind {
            case .college: .college
            case .university: .university
            case .privateProvider: .trainingProvider
            case .charity: .charity
            case .school: .school
            }
            let organisation = Organisation(id: rng.uuid(), name: name, kind: organisationKind)
            organisations.append(organisation)
            providers.append(Provider(id: rng.uuid(), organisationID: organisation.id, name: name, kind: kind,
                                      postcode: postcode(in: place, using: &rng), wardID: places[place].ward.id))
            providerPlaces.append(place)
            if kind == .college {
                partnerOffices.append(SyntheticOffice(organisationID: organisation.id, kind: .college,
                                                      authorityIndex: places[place].authorityIndex))
            }
        }

        for index in 0..<colleges {
            // One college in each authority first, then anywhere.
            let place = index < localAuthorities.count
                ? rng.element(of: places.indices.filter { places[$0].authorityIndex == index })
                : placeTable.draw(using: &rng)
            let name = uniqueName(using: &rng, used: &usedNames) { rng in "\(SyntheticNames.placeName(using: &rng)) College" }
            add(name, .college, place: place)
        }
        for name in SyntheticNames.universities.prefix(universities) {
            usedNames.insert(name)
            add(name, .university, place: placeTable.draw(using: &rng))
        }
        for _ in 0..<privates {
            let name = uniqueName(using: &rng, used: &usedNames) { rng in
                "\(rng.element(of: SyntheticNames.privateProviderWords)) \(rng.element(of: SyntheticNames.privateProviderKinds))"
            }
            add(name, .privateProvider, place: placeTable.draw(using: &rng))
        }
        for _ in 0..<charities {
            let name = uniqueName(using: &rng, used: &usedNames) { rng in
                rng.element(of: SyntheticNames.charityPatterns).replacingOccurrences(of: "#", with: SyntheticNames.placeName(using: &rng))
            }
            add(name, .charity, place: placeTable.draw(using: &rng))
        }
        for _ in 0..<schools {
            let name = uniqueName(using: &rng, used: &usedNames) { rng in
                "\(SyntheticNames.placeName(using: &rng)) \(rng.element(of: ["Academy", "School", "High School"]))"
            }
            add(name, .school, place: placeTable.draw(using: &rng))
        }
    }

    static let programmeTypeWeights: [(ProgrammeType, Double)] = [
        (.preEmployment, 18), (.basicSkills, 14), (.esol, 8), (.vocational, 22), (.secondChance, 8),
        (.inWorkUpskilling, 10), (.apprenticeship, 14), (.higherLevel, 6),
    ]

    static func providerKinds(for type: ProgrammeType) -> [ProviderKind] {
        switch type {
        case .preEmployment: [.college, .privateProvider, .charity, .school]
        case .basicSkills: [.college, .charity, .privateProvider, .school]
        case .esol: [.college, .charity, .school]
        case .vocational: [.college, .privateProvider]
        case .secondChance: [.college, .university]
        case .inWorkUpskilling: [.college, .privateProvider, .university]
        case .apprenticeship: [.college, .privateProvider]
        case .higherLevel: [.university]
        }
    }

    /// Programmes of every type. The first eight cover every type in turn, and the first three belong
    /// to the first provider (a college), so the demo provider has programmes.
    mutating func buildProgrammes() {
        var rng = generator("programmes")
        var providersByKind: [ProviderKind: [Int]] = [:]
        for (index, provider) in providers.enumerated() { providersByKind[provider.kind, default: []].append(index) }
        var employersBySector: [Sector: [UUID]] = [:]
        for employer in employers { employersBySector[employer.sector, default: []].append(employer.id) }

        for index in 0..<counts.programmes {
            let type = index < ProgrammeType.allCases.count ? ProgrammeType.allCases[index] : rng.weighted(Self.programmeTypeWeights)
            let compatible = Self.providerKinds(for: type).flatMap { providersByKind[$0] ?? [] }
            let providerIndex = index < 3 ? 0 : rng.element(of: compatible)
            let provider = providers[providerIndex]

            let occupation = Self.targetOccupation(for: type, from: occupations, using: &rng)
            var design = Self.design(type, occupation: occupation, using: &rng)

            var coDesigners: [UUID] = []
            let coDesignChance: Double = switch type {
            case .apprenticeship: 0.6
            case .preEmployment, .vocational, .inWorkUpskilling, .higherLevel: 0.3
            default: 0
            }
            if let sector = occupation?.sector, let sectorEmployers = employersBySector[sector], rng.chance(coDesignChance) {
                coDesigners = rng.sample(sectorEmployers, count: rng.int(in: 1...3))
            }
            let guaranteed = !coDesigners.isEmpty && rng.chance(type == .preEmployment ? 0.85 : 0.75)
            if !coDesigners.isEmpty { design.title += " (employer co-designed)" }

            let cohortCount = rng.weighted([(1, 30.0), (2, 35), (3, 20), (4, 15)])
            var start = -rng.int(in: 14...180)
            var cohorts: [Cohort] = []
            for _ in 0..<cohortCount {
                let capacity = switch type {
                case .apprenticeship: rng.int(in: 8...16)
                case .higherLevel: rng.int(in: 15...30)
                default: rng.int(in: 8...30)
                }
                let filled = start <= 0 ? rng.uniform(0.2...0.5) : rng.uniform(0...0.3)  // learners from outside the partnership
                cohorts.append(Cohort(id: rng.uuid(), startsOn: day(start), capacity: capacity,
                                      enrolled: Int(Double(capacity) * filled)))
                start += rng.int(in: 28...120)
            }

            programmes.append(Programme(
                id: rng.uuid(), providerID: provider.id, title: design.title, type: type, skillsTaught: design.skills,
                entryRequirements: design.entry, qualificationAwarded: design.qualification, weeks: design.weeks,
                hoursPerWeek: design.hours, postcode: provider.postcode, wardID: provider.wardID, costPence: design.cost,
                barrierSupport: design.barrierSupport, coDesigningEmployerIDs: coDesigners,
                guaranteedInterview: guaranteed, cohorts: cohorts
            ))
            programmeOccupations.append(occupation?.id)
        }
    }

    /// The occupation a programme prepares people for; nil for basic skills and ESOL.
    static func targetOccupation(for type: ProgrammeType, from occupations: [Occupation], using rng: inout SeededGenerator) -> Occupation? {
        let pool: [Occupation] = switch type {
        case .basicSkills, .esol: []
        case .preEmployment: occupations.filter { $0.typicalQualification <= .level1 }
        case .vocational, .secondChance: occupations.filter { $0.typicalQualification <= .level3 }
        case .inWorkUpskilling: occupations.filter { (.level2 ... .level5).contains($0.typicalQualification) }
        case .apprenticeship: occupations
        case .higherLevel: occupations.filter { $0.typicalQualification >= .level4 }
        }
        guard !pool.isEmpty else { return nil }
        let favourEntry = type == .preEmployment || type == .vocational || type == .apprenticeship
        return rng.weighted(pool.map { ($0, favourEntry ? entryWeight($0.typicalQualification) : 1) })
    }

    struct ProgrammeDesign {
        var title: String
        var skills: [SkillTaught]
        var entry: EntryRequirements
        var qualification: RQFLevel?
        var weeks: Int
        var hours: Int
        var cost: Int
        var barrierSupport: [BarrierKind]
    }

    static func design(_ type: ProgrammeType, occupation: Occupation?, using rng: inout SeededGenerator) -> ProgrammeDesign {
        func taught(_ skills: [OccupationSkill], cap: Proficiency? = nil, raise: Bool = false) -> [SkillTaught] {
            skills.map { skill in
                var level = skill.level
                if raise, level < .expert, rng.chance(0.5) { level = Proficiency(rawValue: level.rawValue + 1)! }
                if let cap { level = min(level, cap) }
                return SkillTaught(skillID: skill.skillID, levelReached: level)
            }
        }
        func support(_ kinds: [BarrierKind], _ count: ClosedRange<Int>) -> [BarrierKind] {
            let chosen = rng.sample(kinds, count: rng.int(in: count))
            return kinds.filter(chosen.contains)  // in a stable order
        }
        let wide: [BarrierKind] = [.confidence, .transport, .childcare, .basicSkills, .digitalAccess, .language, .health, .disability, .housing, .debt]
        func pounds(_ range: ClosedRange<Int>) -> Int { rng.int(in: range) / 500 * 500 }

        switch type {
        case .preEmployment:
            let occupation = occupation!
            let occupational = occupation.essentialSkills.filter { $0.skillID.hasPrefix("S.") }.prefix(3)
            let licences = (occupation.essentialSkills + occupation.optionalSkills).filter { $0.skillID.hasPrefix("L.") && rng.chance(0.7) }
            var skills = taught(Array(occupational), cap: .working) + licences.map { SkillTaught(skillID: $0.skillID, levelReached: .working) }
            if rng.chance(0.5), !skills.contains(where: { $0.skillID == "S.TEAMWORK" }) {
                skills.append(SkillTaught(skillID: "S.TEAMWORK", levelReached: .working))
            }
            let title = rng.chance(0.6)
                ? "Sector-based work academy: \(occupation.name)"
                : "Get into \(SyntheticNames.shortName(occupation.sector!))"
            return ProgrammeDesign(title: title, skills: skills, entry: .none, qualification: rng.chance(0.4) ? .level1 : nil,
                                   weeks: rng.int(in: 2...6), hours: rng.int(in: 16...30), cost: 0, barrierSupport: support(wide, 2...5))
        case .basicSkills:
            let areas = rng.sample(["B.LITERACY", "B.NUMERACY", "B.DIGITAL"], count: rng.int(in: 1...3)).sorted()
            let level: Proficiency = rng.chance(0.35) ? .proficient : .working
            let title = switch areas {
            case ["B.LITERACY"]: "Functional skills English"
            case ["B.NUMERACY"]: "Functional skills maths"
            case ["B.DIGITAL"]: "Essential digital skills"
            default: "English, maths and digital skills for work"
            }
            return ProgrammeDesign(title: title + (level == .proficient ? " (level 2)" : " (level 1)"),
                                   skills: areas.map { SkillTaught(skillID: $0, levelReached: level) }, entry: .none,
                                   qualification: level == .proficient ? .level2 : .level1, weeks: rng.int(in: 10...30),
                                   hours: rng.int(in: 3...8), cost: 0,
                                   barrierSupport: support([.language, .basicSkills, .digitalAccess, .childcare, .confidence], 2...4))
        case .esol:
            let higher = rng.chance(0.4)
            return ProgrammeDesign(title: higher ? "ESOL for work (level 1)" : "ESOL for work (entry 3)",
                                   skills: [SkillTaught(skillID: "B.ESOL", levelReached: higher ? .proficient : .working),
                                            SkillTaught(skillID: "B.LITERACY", levelReached: .basic)],
                                   entry: .none, qualification: higher ? .level1 : .entry, weeks: rng.int(in: 12...36),
                                   hours: rng.int(in: 4...12), cost: 0,
                                   barrierSupport: support([.language, .childcare, .confidence, .digitalAccess], 2...4))
        case .vocational:
            let occupation = occupation!
            let awarded = max(.level1, min(.level3, occupation.typicalQualification))
            let optional = occupation.optionalSkills.filter { _ in rng.chance(0.5) }
            let entryLevel = RQFLevel(rawValue: max(0, awarded.rawValue - 1))!
            return ProgrammeDesign(title: "Level \(awarded.rawValue) certificate: \(occupation.name)",
                                   skills: taught(occupation.essentialSkills + optional),
                                   entry: EntryRequirements(minimumQualification: entryLevel,
                                                            requiredSkills: rng.chance(0.5) ? [OccupationSkill("B.LITERACY", .basic)] : []),
                                   qualification: awarded, weeks: rng.int(in: 8...36), hours: rng.int(in: 6...16),
                                   cost: rng.chance(0.55) ? 0 : pounds(25_000...150_000),
                                   barrierSupport: support([.disability, .health, .childcare, .transport], 0...2))
        case .secondChance:
            let occupation = occupation!
            let sectorSkills = occupation.essentialSkills.filter { $0.skillID.hasPrefix("S.") }.prefix(2)
            let skills = [SkillTaught(skillID: "B.LITERACY", levelReached: .proficient),
                          SkillTaught(skillID: "B.NUMERACY", levelReached: .proficient),
                          SkillTaught(skillID: "B.DIGITAL", levelReached: .working)] + taught(Array(sectorSkills), cap: .working)
            return ProgrammeDesign(title: "Second chance: English, maths and \(SyntheticNames.shortName(occupation.sector!))",
                                   skills: skills, entry: .none, qualification: .level2, weeks: rng.int(in: 20...36),
                                   hours: rng.int(in: 6...12), cost: 0, barrierSupport: support(wide, 3...6))
        case .inWorkUpskilling:
            let occupation = occupation!
            let skills = Array(occupation.essentialSkills.filter { !$0.skillID.hasPrefix("L.") }.prefix(4))
            let prerequisites = rng.sample(skills, count: rng.int(in: 1...2)).map {
                OccupationSkill($0.skillID, Proficiency(rawValue: max(1, $0.level.rawValue - 1))!)
            }
            return ProgrammeDesign(title: "Step up to \(inSentence(occupation.name))", skills: taught(skills),
                                   entry: EntryRequirements(minimumQualification: .level2, requiredSkills: prerequisites),
                                   qualification: rng.chance(0.6) ? occupation.typicalQualification : nil,
                                   weeks: rng.int(in: 6...20), hours: rng.int(in: 3...8),
                                   cost: rng.chance(0.4) ? 0 : pounds(30_000...300_000),
                                   barrierSupport: support([.childcare, .transport, .confidence], 0...2))
        case .apprenticeship:
            let occupation = occupation!
            let awarded = max(.level2, occupation.typicalQualification)
            let skills = occupation.essentialSkills.map { OccupationSkill($0.skillID, max($0.level, .working)) }
            let entryLevel: RQFLevel = awarded >= .level4 ? .level3 : awarded == .level3 ? .level2 : .entry
            return ProgrammeDesign(title: "\(occupation.name) apprenticeship (level \(awarded.rawValue))", skills: taught(skills),
                                   entry: EntryRequirements(minimumQualification: entryLevel,
                                                            needsGCSEEnglish: awarded >= .level3 && rng.chance(0.5),
                                                            needsGCSEMaths: awarded >= .level3 && rng.chance(0.5)),
                                   qualification: awarded, weeks: rng.int(in: 52...156), hours: rng.int(in: 30...40), cost: 0,
                                   barrierSupport: support([.disability, .health, .transport, .confidence], 0...2))
        case .higherLevel:
            let occupation = occupation!
            let awarded = max(.level4, occupation.typicalQualification)
            let optional = occupation.optionalSkills.filter { _ in rng.chance(0.5) }
            let title = switch awarded {
            case .level4: "Higher technical qualification: \(occupation.name)"
            case .level5: "Foundation degree: \(occupation.name)"
            default: "Degree: \(occupation.name)"
            }
            return ProgrammeDesign(title: title, skills: taught(occupation.essentialSkills + optional, raise: true),
                                   entry: EntryRequirements(minimumQualification: .level3, needsGCSEEnglish: rng.chance(0.7),
                                                            needsGCSEMaths: rng.chance(0.7)),
                                   qualification: awarded, weeks: rng.int(in: 30...150), hours: rng.int(in: 8...30),
                                   cost: pounds(450_000...925_000),
                                   barrierSupport: support([.disability, .health, .childcare, .caring], 0...2))
        }
    }
}
