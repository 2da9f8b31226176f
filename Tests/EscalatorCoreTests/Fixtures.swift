import Foundation
@testable import EscalatorCore

/// Small, readable building blocks for the core's tests. Ids are `00000000-0000-0000-0000-<n>`.
enum FixtureID {
    static func uuid(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))!
    }
}

enum FixtureGeo {
    static let kmPerDegreeOfLatitude = 6371.0088 * Double.pi / 180
    static let home = GeoPoint(latitude: 52.48, longitude: -1.89)

    /// A point `km` due north of `home`: the haversine distance from home is `km`, to rounding.
    static func north(_ km: Double) -> GeoPoint {
        GeoPoint(latitude: home.latitude + km / kmPerDegreeOfLatitude, longitude: home.longitude)
    }
}

enum FixtureDate {
    static func day(_ text: String) -> Date { Date(isoDay: text)! }
}

enum FixtureFactory {
    static func assessment(
        id: Int = 900, clientID: Int = 1, on day: String = "2024-03-01",
        qualification: RQFLevel = .level2, gcseEnglish: Bool = true, gcseMaths: Bool = true,
        skills: [String: Proficiency] = [:], barriers: [Barrier] = [], aspirations: [String] = ["O.CARE"],
        minHours: Int = 16, maxHours: Int = 37, maxTravelKm: Double = 10
    ) -> Assessment {
        Assessment(
            id: FixtureID.uuid(id), clientID: FixtureID.uuid(clientID), adviserID: nil, assessedOn: FixtureDate.day(day),
            skills: skills.sorted { $0.key < $1.key }.map { SkillHolding(skillID: $0.key, level: $0.value, evidence: .adviserVerified) },
            highestQualification: qualification, gcseEnglish: gcseEnglish, gcseMaths: gcseMaths, barriers: barriers,
            aspirations: aspirations,
            constraints: WorkConstraints(minHoursPerWeek: minHours, maxHoursPerWeek: maxHours, maxTravelKm: maxTravelKm, travelModes: [.publicTransport])
        )
    }

    /// Literacy, numeracy and digital all at working level.
    static let basicSkillsAtWorkingLevel: [String: Proficiency] = [
        "B.LITERACY": .working, "B.NUMERACY": .working, "B.DIGITAL": .working,
    ]

    static func profile(
        id: Int = 1, skills: [String: Proficiency] = [:], qualification: RQFLevel = .level2,
        gcseEnglish: Bool = true, gcseMaths: Bool = true, minHours: Int = 16, maxHours: Int = 37,
        maxTravelKm: Double = 10, aspirations: Set<String> = ["O.CARE"], age: Int? = 30, barriers: [Barrier] = []
    ) -> MatchProfile {
        MatchProfile(
            clientID: FixtureID.uuid(id), location: FixtureGeo.home, skills: skills, qualification: qualification,
            gcseEnglish: gcseEnglish, gcseMaths: gcseMaths, minHoursPerWeek: minHours, maxHoursPerWeek: maxHours,
            maxTravelKm: maxTravelKm, aspirations: aspirations, age: age, barriers: barriers
        )
    }

    static func vacancy(
        id: Int = 100, occupationID: String = "O.CARE", requirements: [SkillRequirement] = [],
        minimumQualification: RQFLevel = .entry, needsGCSEEnglish: Bool = false, needsGCSEMaths: Bool = false,
        hours: Int = 30, openings: Int = 1, closing: String = "2030-01-01", status: VacancyStatus = .open,
        minimumAge: Int = 16
    ) -> Vacancy {
        Vacancy(
            id: FixtureID.uuid(id), employerID: FixtureID.uuid(5000), occupationID: occupationID, title: "Vacancy \(id)",
            requirements: requirements, minimumQualification: minimumQualification, needsGCSEEnglish: needsGCSEEnglish,
            needsGCSEMaths: needsGCSEMaths, hoursPerWeek: hours, hourlyPayPence: 1200, postcode: "B1 1AA", wardID: "W1",
            openings: openings, closingDate: FixtureDate.day(closing), status: status, minimumAge: minimumAge
        )
    }

    static func target(_ vacancy: Vacancy, km: Double = 0) -> VacancyTarget {
        VacancyTarget(vacancy: vacancy, location: FixtureGeo.north(km))
    }

    static func essential(_ skillID: String, _ level: Proficiency = .working) -> SkillRequirement {
        SkillRequirement(skillID: skillID, importance: .essential, minimumLevel: level)
    }

    static func desirable(_ skillID: String, _ level: Proficiency = .working) -> SkillRequirement {
        SkillRequirement(skillID: skillID, importance: .desirable, minimumLevel: level)
    }

    static func programme(
        id: Int, teaches: [String: Proficiency], entry: EntryRequirements = .none, barrierSupport: [BarrierKind] = [],
        capacity: Int = 10, enrolled: Int = 0
    ) -> Programme {
        Programme(
            id: FixtureID.uuid(id), providerID: FixtureID.uuid(6000), title: "Programme \(id)", type: .vocational,
            skillsTaught: teaches.sorted { $0.key < $1.key }.map { SkillTaught(skillID: $0.key, levelReached: $0.value) },
            entryRequirements: entry, qualificationAwarded: .level2, weeks: 8, hoursPerWeek: 16, postcode: "B2 2BB",
            wardID: "W2", costPence: 0, barrierSupport: barrierSupport, coDesigningEmployerIDs: [], guaranteedInterview: false,
            cohorts: [Cohort(id: FixtureID.uuid(id + 10_000), startsOn: FixtureDate.day("2024-09-01"), capacity: capacity, enrolled: enrolled)]
        )
    }

    static func programmeTarget(_ programme: Programme, km: Double = 0) -> ProgrammeTarget {
        ProgrammeTarget(programme: programme, location: FixtureGeo.north(km))
    }

    static func client(id: Int, born: String? = "1990-01-01", status: EmploymentStatus = .unemployed) -> Client {
        Client(
            id: FixtureID.uuid(id), reference: "C\(id)", givenName: "Given\(id)", familyName: "Family", dateOfBirth: born.map(FixtureDate.day),
            postcode: "B3 3CC", wardID: "W3", employmentStatus: status, referralSource: .jobcentre,
            organisationID: FixtureID.uuid(7000), caseOwnerID: nil, registeredAt: FixtureDate.day("2024-01-01")
        )
    }

    static func referral(id: Int, client: Int, toProgramme programme: Int, status: ReferralStatus) -> Referral {
        Referral(id: FixtureID.uuid(id), clientID: FixtureID.uuid(client), target: .programme(programmeID: FixtureID.uuid(programme), cohortID: nil), status: status, history: [])
    }

    static func referral(id: Int, client: Int, toVacancy vacancy: Int, status: ReferralStatus) -> Referral {
        Referral(id: FixtureID.uuid(id), clientID: FixtureID.uuid(client), target: .vacancy(vacancyID: FixtureID.uuid(vacancy)), status: status, history: [])
    }

    static func jobStart(id: Int, client: Int, vacancy: Int? = nil, on day: String = "2024-01-01") -> JobStart {
        JobStart(
            id: FixtureID.uuid(id), clientID: FixtureID.uuid(client), vacancyID: vacancy.map(FixtureID.uuid),
            employerName: "Employer", jobTitle: "Job", startedOn: FixtureDate.day(day), hoursPerWeek: 30, hourlyPayPence: 1200
        )
    }

    static func check(_ jobStart: Int, _ milestone: SustainmentMilestone, on day: String, inWork: Bool) -> SustainmentCheck {
        SustainmentCheck(jobStartID: FixtureID.uuid(jobStart), milestone: milestone, checkedOn: FixtureDate.day(day), stillInWork: inWork)
    }
}
