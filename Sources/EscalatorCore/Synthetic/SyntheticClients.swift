import Foundation

/// Clients are residents looking for work, so they skew lower-qualified than the region as a whole:
/// about half below level 2 and 7% with a degree, against 47% and 28% of all working-age residents
/// (the ward statistics). Clients in target wards skew lower still and have more barriers.
extension SyntheticBuilder {
    static let consentPurpose = ConsentPurpose.employmentSupport.rawValue

    /// The sectors clients have worked in or aim for.
    static let clientSectorWeights: [(Sector, Double)] = [
        (.advancedManufacturing, 14), (.logistics, 15), (.construction, 10), (.healthAndSocialCare, 15),
        (.hospitality, 13), (.retail, 16), (.businessServices, 12), (.digital, 5),
    ]

    mutating func buildClients() {
        var rng = generator("clients")
        let directory = OfficeDirectory(offices: partnerOffices, authorityCount: localAuthorities.count)
        let tables = OccupationTables(occupations)
        let consentPartners = partnerOffices.map(\.organisationID) + providers.prefix(20).map(\.organisationID)
        let sources: [(ReferralSource, Double)] = [(.jobcentre, 55), (.council, 15), (.charity, 12), (.college, 8), (.selfReferral, 10)]
        let ages: [(ClosedRange<Int>, Double)] = [(16...17, 3), (18...24, 22), (25...34, 25), (35...49, 28), (50...66, 22)]

        clients.reserveCapacity(counts.clients)
        assessments.reserveCapacity(counts.clients)
        for index in 0..<counts.clients {
            let place = clientPlaceTable.draw(using: &rng)
            let authority = places[place].authorityIndex
            let source = rng.weighted(sources)
            let office = directory.office(for: source, authority: authority, using: &rng)
            let adviser = rng.element(of: advisersByOrganisation[office]!)

            let ageRange = rng.weighted(ages)
            let age = rng.int(in: ageRange)
            let birthOffset = -Int(Double(age) * 365.2425 + 2 + rng.uniform() * 358)
            let registered = -rng.int(in: 1...548)
            let status: EmploymentStatus = age < 18
                ? rng.weighted([(.unemployed, 70.0), (.economicallyInactive, 30)])
                : rng.weighted([(.unemployed, 62.0), (.economicallyInactive, 23), (.lowPaidWork, 15)])
            let given = rng.element(of: SyntheticNames.givenNames)
            let family = rng.element(of: SyntheticNames.familyNames)
            let email = rng.chance(0.6) ? "\(Self.emailPart(given)).\(Self.emailPart(family)).\(index + 1)@example.com" : nil
            let phone: String? = switch rng.uniform() {
            case ..<0.6: "07700 900" + Self.zeroPadded(rng.int(in: 0...999), 3)  // Ofcom drama range
            case ..<0.85 where authority == 0: "0121 496 0" + Self.zeroPadded(rng.int(in: 0...999), 3)
            default: nil
            }

            let client = Client(
                id: rng.uuid(), reference: "SYN-" + Self.zeroPadded(index + 1, 6), givenName: given, familyName: family,
                dateOfBirth: day(birthOffset), email: email, phone: phone, postcode: postcode(in: place, using: &rng),
                wardID: places[place].ward.id, employmentStatus: status, referralSource: source,
                organisationID: office, caseOwnerID: adviser, registeredAt: day(registered)
            )
            clients.append(client)
            clientPlaces.append(place)

            if rng.chance(0.88) {
                var partners = [office]
                for _ in 0..<rng.weighted([(0, 35.0), (1, 40), (2, 25)]) {
                    let partner = rng.element(of: consentPartners)
                    if !partners.contains(partner) { partners.append(partner) }
                }
                consents[client.id] = partners.map { organisation in
                    let givenOn = min(0, registered + rng.int(in: 0...3))
                    let withdrawn = rng.chance(0.03) ? givenOn + rng.int(in: 10...200) : nil
                    return Consent(organisationID: organisation, purpose: Self.consentPurpose, givenAt: day(givenOn),
                                   withdrawnAt: withdrawn.flatMap { $0 < 0 ? day($0) : nil })
                }
            }

            if rng.chance(0.9) {
                assessmentIndex.append(assessments.count)
                assessments.append(makeAssessment(
                    for: client, age: age, registered: registered, isTargetWard: places[place].ward.isTargetWard, tables: tables, using: &rng))
            } else {
                assessmentIndex.append(nil)
            }
        }
    }

    private func makeAssessment(
        for client: Client, age: Int, registered: Int, isTargetWard target: Bool, tables: OccupationTables,
        using rng: inout SeededGenerator
    ) -> Assessment {
        // Qualifications: job seekers skew lower than the region, target wards lower still.
        let levelWeights: [Double] = target ? [24, 34, 22, 10, 3, 1, 5, 1, 0] : [16, 30, 24, 15, 4, 2, 7, 2, 0]
        var qualification = RQFLevel(rawValue: rng.weightedIndex(levelWeights))!
        if age < 18 { qualification = min(qualification, .level2) }
        if age < 21 { qualification = min(qualification, .level3) }
        let gcseEnglish = rng.chance(qualification >= .level2 ? 0.88 : qualification == .level1 ? 0.2 : 0.05)
        let gcseMaths = rng.chance(qualification >= .level2 ? 0.8 : qualification == .level1 ? 0.15 : 0.03)
        let needsLanguage = rng.chance(target ? 0.15 : 0.09)

        var skills = SkillSet()
        let occupationalEvidence: [(Evidence, Double)] = [(.selfDeclared, 50), (.adviserVerified, 35), (.certified, 15)]

        // Work history: skills from a previous occupation in the client's sector.
        let sector = rng.weighted(Self.clientSectorWeights)
        var previous: Occupation?
        if rng.chance(age >= 19 ? 0.8 : 0.35) {
            previous = occupations[tables.draw(in: sector, upTo: max(qualification, .level1), using: &rng)]
        }
        if let previous {
            for (needed, chance) in previous.essentialSkills.map({ ($0, 0.85) }) + previous.optionalSkills.map({ ($0, 0.35) })
            where rng.chance(chance) && !needed.skillID.hasPrefix("B.") {
                if needed.skillID.hasPrefix("L.") {
                    if rng.chance(0.75) { skills.add(needed.skillID, .working, .certified) }
                } else {
                    let delta = rng.weighted([(-1, 25.0), (0, 55), (1, 20)])
                    let level = Proficiency(rawValue: min(4, max(1, needed.level.rawValue + delta)))!
                    skills.add(needed.skillID, level, rng.weighted(occupationalEvidence))
                }
            }
        }
        for (skill, chance) in [("S.TEAMWORK", 0.55), ("S.COMMUNICATION", 0.5), ("S.CUSTOMER_SERVICE", 0.35), ("S.PROBLEM_SOLVING", 0.25)]
        where rng.chance(chance) {
            skills.add(skill, Proficiency(rawValue: rng.int(in: 1...3))!, .selfDeclared)
        }

        // Basic skills follow qualifications; English language need lowers literacy, age lowers digital.
        for area in ["B.LITERACY", "B.NUMERACY", "B.DIGITAL"] {
            var level = Self.basicSkillLevel(for: qualification, using: &rng)
            if area == "B.LITERACY", needsLanguage { level = level.flatMap { $0 == .basic ? nil : Proficiency(rawValue: $0.rawValue - 1) } }
            if area == "B.DIGITAL", age >= 50, rng.chance(0.5) { level = level.flatMap { $0 == .basic ? nil : Proficiency(rawValue: $0.rawValue - 1) } }
            if let level {
                let evidence: Evidence = qualification >= .level2 && rng.chance(0.3) ? .certified : rng.chance(0.6) ? .adviserVerified : .selfDeclared
                skills.add(area, level, evidence)
            }
        }
        if needsLanguage { skills.add("B.ESOL", rng.chance(0.6) ? .basic : .working, .adviserVerified) }

        // Licences and checks.
        let adult = age >= 18
        let drives = adult && rng.chance(target ? 0.3 : 0.4)
        if drives { skills.add("L.DRIVING", .working, .certified) }
        let licenceChances: [(String, Double)] = [
            ("L.CSCS", sector == .construction ? 0.6 : 0.03),
            ("L.FORKLIFT", sector == .logistics ? 0.35 : sector == .advancedManufacturing ? 0.15 : 0.02),
            ("L.FOOD_HYGIENE", sector == .hospitality ? 0.55 : sector == .healthAndSocialCare ? 0.2 : 0.04),
            ("L.DBS", sector == .healthAndSocialCare ? 0.5 : 0.04),
            ("L.FIRST_AID", 0.1),
            ("L.SIA", adult ? (sector == .businessServices ? 0.12 : 0.02) : 0),
        ]
        for (licence, chance) in licenceChances where rng.chance(chance) { skills.add(licence, .working, .certified) }
        if drives, age >= 21, sector == .logistics, rng.chance(0.12) {
            skills.add("L.HGV", .working, .certified)
            if rng.chance(0.9) { skills.add("L.DRIVER_CPC", .working, .certified) }
        }

        // Barriers.
        let barrierCount = rng.weightedIndex(target ? [18, 28, 27, 17, 10] : [30, 32, 22, 11, 5])
        var kinds: [BarrierKind] = []
        if needsLanguage { kinds.append(.language) }
        let literacy = skills.level(of: "B.LITERACY"), numeracy = skills.level(of: "B.NUMERACY")
        if (literacy ?? .basic) < .working || (numeracy ?? .basic) < .working || literacy == nil || numeracy == nil, rng.chance(0.6) {
            kinds.append(.basicSkills)
        }
        let otherKinds: [(BarrierKind, Double)] = [
            (.confidence, 18), (.transport, 12), (.health, 12), (.childcare, age >= 20 && age <= 45 ? 14 : 3), (.caring, 7),
            (.disability, 7), (.digitalAccess, 8), (.debt, 8), (.housing, 6), (.convictions, 4),
        ]
        var attempts = 0
        while kinds.count < barrierCount, attempts < 20 {
            attempts += 1
            let kind = rng.weighted(otherKinds)
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        let severities: [(Severity, Double)] = target ? [(.low, 30), (.medium, 42), (.high, 28)] : [(.low, 40), (.medium, 40), (.high, 20)]
        let barriers = kinds.map { Barrier(kind: $0, severity: rng.weighted(severities)) }

        // Aspirations: one to three occupations within reach, often in the client's own sector.
        let ceiling = RQFLevel(rawValue: min(8, max(qualification.rawValue + 1, RQFLevel.level1.rawValue)))!
        var aspirations: [String] = []
        if let previous, rng.chance(0.4) {
            let stepUp = tables.bySector[sector]!.filter {
                occupations[$0].typicalQualification > previous.typicalQualification && occupations[$0].typicalQualification <= ceiling
            }
            if !stepUp.isEmpty { aspirations.append(occupations[rng.element(of: stepUp)].id) }
        }
        let wanted = rng.weighted([(1, 40.0), (2, 40), (3, 20)])
        attempts = 0
        while aspirations.count < wanted, attempts < 20 {
            attempts += 1
            let choice = rng.chance(0.7) ? tables.draw(in: sector, upTo: ceiling, using: &rng) : tables.draw(upTo: ceiling, using: &rng)
            if !aspirations.contains(occupations[choice].id) { aspirations.append(occupations[choice].id) }
        }

        // Hours and travel.
        let minHours = rng.weighted([(8, 1.0), (12, 1), (16, 3), (20, 2), (24, 1), (30, 1)])
        let maxHours = min(40, minHours + rng.weighted([(8, 1.0), (12, 1), (16, 2), (20, 2)]))
        var travel = rng.uniform(3...25)
        if kinds.contains(.childcare) || kinds.contains(.transport) { travel = max(3, travel * 0.7) }
        var modes: [TravelMode] = []
        if rng.chance(0.65) { modes.append(.walk) }
        if rng.chance(0.12) { modes.append(.cycle) }
        if rng.chance(0.85) { modes.append(.publicTransport) }
        if drives, rng.chance(0.75) { modes.append(.car) }
        if modes.isEmpty { modes = [.publicTransport] }

        let assessed = min(0, registered + rng.int(in: 0...21))
        return Assessment(
            id: rng.uuid(), clientID: client.id, adviserID: client.caseOwnerID, assessedOn: day(assessed),
            skills: skills.holdings, highestQualification: qualification, gcseEnglish: gcseEnglish, gcseMaths: gcseMaths,
            barriers: barriers, aspirations: aspirations,
            constraints: WorkConstraints(minHoursPerWeek: minHours, maxHoursPerWeek: maxHours,
                                         maxTravelKm: (travel * 2).rounded() / 2, travelModes: modes),
            notes: rng.element(of: Self.assessmentNotes)
        )
    }

    static func zeroPadded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static let assessmentNotes = [
        "", "", "", "Keen to start as soon as possible.", "Prefers daytime shifts.",
        "Wants to build confidence before applying.", "Interested in training first.", "Looking for a change of sector.",
    ]

    /// A basic skill's level for someone with this qualification, or nil when they do not have it yet.
    static func basicSkillLevel(for qualification: RQFLevel, using rng: inout SeededGenerator) -> Proficiency? {
        let weights: [Double] = switch qualification {  // none, basic, working, proficient, expert
        case .entry: [35, 50, 15, 0, 0]
        case .level1: [10, 40, 45, 5, 0]
        case .level2: [0, 10, 60, 30, 0]
        case .level3: [0, 3, 47, 45, 5]
        default: [0, 0, 25, 60, 15]
        }
        let index = rng.weightedIndex(weights)
        return index == 0 ? nil : Proficiency(rawValue: index)
    }
}

/// Occupations (by index into the sorted list) that a person with a qualification can reach, overall
/// and by sector, weighted towards entry-level work, prepared once for many draws.
struct OccupationTables {
    let bySector: [Sector: [Int]]
    private let upTo: [WeightedTable<Int>?]
    private let inSectorUpTo: [Sector: [WeightedTable<Int>?]]

    init(_ occupations: [Occupation]) {
        func table(_ indices: [Int]) -> WeightedTable<Int>? {
            indices.isEmpty ? nil : WeightedTable(indices, weights: indices.map { SyntheticBuilder.entryWeight(occupations[$0].typicalQualification) })
        }
        var bySector: [Sector: [Int]] = [:]
        for (index, occupation) in occupations.enumerated() {
            if let sector = occupation.sector { bySector[sector, default: []].append(index) }
        }
        self.bySector = bySector
        upTo = RQFLevel.allCases.map { level in table(occupations.indices.filter { occupations[$0].typicalQualification <= level }) }
        inSectorUpTo = bySector.mapValues { indices in
            RQFLevel.allCases.map { level in
                // Nobody is left without a previous job to draw: fall back to the sector's most junior occupation.
                table(indices.filter { occupations[$0].typicalQualification <= level })
                    ?? table([indices.min { occupations[$0].typicalQualification < occupations[$1].typicalQualification }!])
            }
        }
    }

    func draw(upTo level: RQFLevel, using rng: inout SeededGenerator) -> Int {
        upTo[level.rawValue]!.draw(using: &rng)
    }

    func draw(in sector: Sector, upTo level: RQFLevel, using rng: inout SeededGenerator) -> Int {
        inSectorUpTo[sector]![level.rawValue]!.draw(using: &rng)
    }
}

/// Skill holdings in the order first added, one per skill (a later, higher level replaces an earlier one).
struct SkillSet {
    private(set) var holdings: [SkillHolding] = []

    mutating func add(_ skillID: String, _ level: Proficiency, _ evidence: Evidence) {
        if let at = holdings.firstIndex(where: { $0.skillID == skillID }) {
            if holdings[at].level < level { holdings[at] = SkillHolding(skillID: skillID, level: level, evidence: evidence) }
        } else {
            holdings.append(SkillHolding(skillID: skillID, level: level, evidence: evidence))
        }
    }

    func level(of skillID: String) -> Proficiency? {
        holdings.first { $0.skillID == skillID }?.level
    }
}

/// Which partner office registers a client, given how they came to the partnership and where they live.
struct OfficeDirectory {
    var jobcentres: [[UUID]]
    var councils: [[UUID]]
    var charities: [[UUID]]
    var colleges: [[UUID]]

    init(offices: [SyntheticOffice], authorityCount: Int) {
        func byAuthority(_ kind: OrganisationKind) -> [[UUID]] {
            let all = offices.filter { $0.kind == kind }
            return (0..<authorityCount).map { authority in
                let local = all.filter { $0.authorityIndex == authority || $0.authorityIndex == nil }.map(\.organisationID)
                return local.isEmpty ? all.map(\.organisationID) : local
            }
        }
        jobcentres = byAuthority(.jobcentre)
        councils = byAuthority(.council)
        charities = byAuthority(.charity)
        colleges = byAuthority(.college)
    }

    func office(for source: ReferralSource, authority: Int, using rng: inout SeededGenerator) -> UUID {
        switch source {
        case .jobcentre: rng.element(of: jobcentres[authority])
        case .council: rng.element(of: councils[authority])
        case .charity: rng.element(of: charities[authority])
        case .college: colleges[authority].isEmpty ? rng.element(of: jobcentres[authority]) : rng.element(of: colleges[authority])
        case .selfReferral: rng.chance(0.6) ? rng.element(of: jobcentres[authority]) : rng.element(of: councils[authority])
        }
    }
}
