import Foundation
@testable import EscalatorCore

/// A random matching instance shaped like the region, for the engine's tests: vacancies and clients
/// mostly at shared "ward centre" points, vacancies drawn from a few requirement templates (so many share
/// a demand exactly), clones that tie exactly, repeated ids, licences, unknown ages, clients who can reach
/// nothing, every kind of constraint.
struct EngineRandomInstance {
    var targets: [VacancyTarget] = []
    var profiles: [MatchProfile] = []
    let licences: Set<String> = ["L.0", "L.1", "L.2"]

    /// `templates` is how many requirement lists vacancies draw from (fewer means more shared demands).
    init(seed: UInt64, vacancies: Int, clients: Int, templates: Int = 40) {
        var rng = SeededGenerator(seed: seed)
        func place() -> GeoPoint { GeoPoint(latitude: rng.uniform(52.3...52.7), longitude: rng.uniform(-2.2...(-1.5))) }
        let centres = (0..<40).map { _ in place() }
        func point() -> GeoPoint { rng.chance(0.8) ? rng.element(of: centres) : place() }
        let skills = (0..<25).map { "S.\($0)" } + Array(licences).sorted()
        let occupations = (0..<10).map { "O.\($0)" }
        func level() -> Proficiency { Proficiency(rawValue: rng.int(in: 1...4))! }
        func requirements() -> [SkillRequirement] {
            (0..<rng.int(in: 0...6)).map { _ in
                SkillRequirement(skillID: rng.element(of: skills), importance: rng.chance(0.5) ? .essential : .desirable, minimumLevel: level())
            }
        }
        let pool = (0..<max(1, templates)).map { _ in (occupation: rng.element(of: occupations), requirements: requirements()) }

        func vacancy(id: UUID, occupation: String, requirements: [SkillRequirement]) -> Vacancy {
            Vacancy(
                id: id, employerID: rng.uuid(), occupationID: occupation, title: "Job", requirements: requirements,
                minimumQualification: RQFLevel(rawValue: rng.int(in: 0...4))!, needsGCSEEnglish: rng.chance(0.2),
                needsGCSEMaths: rng.chance(0.15), hoursPerWeek: rng.element(of: [8, 16, 20, 25, 30, 37, 40]), hourlyPayPence: 1200,
                postcode: "B1 1AA", wardID: "W", openings: 1, closingDate: Date(timeIntervalSince1970: 0), status: .open,
                minimumAge: rng.element(of: [16, 16, 18, 21]))
        }
        while targets.count < vacancies {
            let roll = rng.int(below: 20)
            if roll == 0, !targets.isEmpty {
                targets.append(rng.element(of: targets))  // the same vacancy twice: ties down to input order
            } else if roll < 4, !targets.isEmpty {
                // A clone under a new id at the same place: an exact tie broken by id.
                let original = rng.element(of: targets), v = original.vacancy
                let clone = Vacancy(
                    id: rng.uuid(), employerID: v.employerID, occupationID: v.occupationID, title: v.title, requirements: v.requirements,
                    minimumQualification: v.minimumQualification, needsGCSEEnglish: v.needsGCSEEnglish, needsGCSEMaths: v.needsGCSEMaths,
                    hoursPerWeek: v.hoursPerWeek, hourlyPayPence: v.hourlyPayPence, postcode: v.postcode, wardID: v.wardID,
                    openings: v.openings, closingDate: v.closingDate, status: v.status, minimumAge: v.minimumAge)
                targets.append(VacancyTarget(vacancy: clone, location: original.location))
            } else if roll < 15 {
                // The requirements of a template, shuffled: the same demand, whatever the order.
                let template = rng.element(of: pool)
                var shuffled = template.requirements
                rng.shuffle(&shuffled)
                targets.append(VacancyTarget(vacancy: vacancy(id: rng.uuid(), occupation: template.occupation, requirements: shuffled), location: point()))
            } else {
                targets.append(VacancyTarget(vacancy: vacancy(id: rng.uuid(), occupation: rng.element(of: occupations), requirements: requirements()), location: point()))
            }
        }

        while profiles.count < clients {
            if rng.chance(0.03), !profiles.isEmpty {
                var twin = rng.element(of: profiles)  // a repeated id: ties down to input order
                if rng.chance(0.5) { twin.maxTravelKm += 1 }
                profiles.append(twin)
                continue
            }
            var held: [String: Proficiency] = [:]
            for _ in 0..<rng.int(in: 0...12) { held[rng.element(of: skills)] = level() }
            if rng.chance(0.5) { held["S.UNKNOWN"] = .expert }  // a skill no vacancy asks for
            let minHours = rng.element(of: [0, 8, 16, 20])
            let far = rng.chance(0.03)  // somewhere no vacancy is within reach
            profiles.append(MatchProfile(
                clientID: rng.uuid(), location: far ? GeoPoint(latitude: 55, longitude: -4) : point(), skills: held,
                qualification: RQFLevel(rawValue: rng.int(in: 0...5))!, gcseEnglish: rng.chance(0.5), gcseMaths: rng.chance(0.5),
                minHoursPerWeek: minHours, maxHoursPerWeek: minHours + rng.element(of: [0, 10, 20, 40]),
                maxTravelKm: rng.element(of: [0, 0, 2, 5, 8, 10, 15, 25, 60, 1_000, .infinity]) + (rng.chance(0.5) ? 0 : rng.uniform()),
                aspirations: Set((0..<rng.int(in: 0...3)).map { _ in rng.element(of: occupations + ["O.NONE"]) }),
                age: rng.chance(0.125) ? nil : rng.int(in: 16...64)))
        }
    }

    /// Weights worth testing besides the standard ones: uneven, with zeros, and with negative ones.
    static let otherWeights: [MatchingWeights] = [
        MatchingWeights(essentialSkills: 0.3, desirableSkills: 0.3, qualification: 0, aspiration: 0.05, travel: 0.35),
        MatchingWeights(essentialSkills: 0, desirableSkills: 0, qualification: 0, aspiration: 0, travel: 0),
        MatchingWeights(essentialSkills: 0.5, desirableSkills: 0.15, qualification: 0.1, aspiration: 0.15, travel: -0.1),
        MatchingWeights(essentialSkills: -0.2, desirableSkills: 0.4, qualification: -0.3, aspiration: -0.15, travel: 0.7),
    ]
}
