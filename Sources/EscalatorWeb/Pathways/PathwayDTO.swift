import EscalatorCore
import Foundation
import Vapor

/// The JSON shape of a pathway: the steps in order, the job-ready day and totals, what follows
/// employment, or the requirements that block every pathway. Days are `yyyy-MM-dd`, money pence.
struct PathwayDTO: Content {
    struct Requirement: Content, Hashable {
        /// skill, qualification, gcse-english, gcse-maths, minimum-age, travel, hours or barrier.
        var kind: String
        var skillID: String?
        var level: Int?
        var qualification: Int?
        var age: Int?
        var barrier: BarrierKind?
        var label: String

        init(_ requirement: PathwayRequirement, taxonomy: Taxonomy) {
            label = requirement.label(taxonomy)
            switch requirement {
            case .skill(let id, let level):
                kind = "skill"
                skillID = id
                self.level = level.rawValue
            case .qualification(let level):
                kind = "qualification"
                qualification = level.rawValue
            case .gcseEnglish: kind = "gcse-english"
            case .gcseMaths: kind = "gcse-maths"
            case .minimumAge(let age):
                kind = "minimum-age"
                self.age = age
            case .travel: kind = "travel"
            case .hours: kind = "hours"
            case .barrier(let barrier):
                kind = "barrier"
                self.barrier = barrier
            }
        }
    }

    struct Step: Content {
        /// programme, referral or wait.
        var kind: String
        var title: String
        var phase: String
        var programmeID: UUID?
        var cohortID: UUID?
        var providerName: String?
        /// Referral steps: the barrier the referral is for.
        var barrier: BarrierKind?
        /// Wait steps: the age waited for.
        var untilAge: Int?
        var startsOn: String
        var endsOn: String
        var weeks: Int
        var costPence: Int
        var travelKm: Double?
        var closes: [Requirement]
        var prepares: [Requirement]
        var addresses: [BarrierKind]

        init(_ step: PathwayStep, taxonomy: Taxonomy, providerNames: [UUID: String]) {
            switch step.kind {
            case .programme(let programmeID, let cohortID):
                kind = "programme"
                self.programmeID = programmeID
                self.cohortID = cohortID
                providerName = providerNames[programmeID]
            case .referral(let barrier):
                kind = "referral"
                self.barrier = barrier
            case .wait(let age):
                kind = "wait"
                untilAge = age
            }
            title = step.title
            phase = step.phase.rawValue
            startsOn = step.startsOn.isoDay
            endsOn = step.endsOn.isoDay
            weeks = PathwayDTO.weeks(from: step.startsOn, to: step.endsOn)
            costPence = step.costPence
            travelKm = step.travelKm
            closes = step.closes.map { Requirement($0, taxonomy: taxonomy) }
            prepares = step.prepares.map { Requirement($0, taxonomy: taxonomy) }
            addresses = step.addresses
        }
    }

    struct ProgrammeOption: Content {
        var programmeID: UUID
        var title: String
        var providerName: String?
        var cohortID: UUID
        var startsOn: String
        var endsOn: String
        var travelKm: Double
        var costPence: Int
        var teaches: [Requirement]

        init(_ option: PathwayProgrammeOption, taxonomy: Taxonomy, providerNames: [UUID: String]) {
            programmeID = option.programmeID
            title = option.title
            providerName = providerNames[option.programmeID]
            cohortID = option.cohortID
            startsOn = option.startsOn.isoDay
            endsOn = option.endsOn.isoDay
            travelKm = option.travelKm
            costPence = option.costPence
            teaches = option.teaches.map { Requirement($0, taxonomy: taxonomy) }
        }
    }

    struct Progression: Content {
        var occupationID: String
        var occupationName: String
        var typicalQualification: Int
        var missing: [Requirement]
        var firstProgramme: ProgrammeOption?
    }

    struct Plan: Content {
        var steps: [Step]
        var jobReadyOn: String
        var daysToJobReady: Int
        var weeksToJobReady: Int
        var totalCostPence: Int
        var activeStepCount: Int
        var notes: [String]
        var inWorkSupport: [ProgrammeOption]
        var progression: Progression?
    }

    struct Blocker: Content {
        var requirement: Requirement
        var message: String
    }

    struct Target: Content {
        /// vacancy or occupation.
        var kind: String
        var id: String
        var title: String
        var occupationID: String
    }

    var clientID: UUID
    var target: Target
    var objective: PathwayObjective
    var plannedFrom: String
    /// False when the client has not been assessed: there is nothing to plan from, so no pathway and no blockers.
    var assessed: Bool
    var reachable: Bool
    var pathway: Plan?
    var blockers: [Blocker]

    init(_ result: PathwayQueries.Result) {
        let taxonomy = result.taxonomy, names = result.providerNames
        clientID = result.client.id
        switch result.target {
        case .vacancy(let vacancy):
            target = Target(kind: "vacancy", id: vacancy.vacancy.id.uuidString, title: vacancy.vacancy.title, occupationID: vacancy.vacancy.occupationID)
        case .occupation(let occupation):
            target = Target(kind: "occupation", id: occupation.id, title: occupation.name, occupationID: occupation.id)
        }
        objective = result.parameters.objective
        plannedFrom = result.today.isoDay
        assessed = result.request != nil
        reachable = result.result?.pathway != nil
        pathway = result.result?.pathway.map { pathway in
            Plan(
                steps: pathway.steps.map { Step($0, taxonomy: taxonomy, providerNames: names) },
                jobReadyOn: pathway.jobReadyOn.isoDay, daysToJobReady: pathway.daysToJobReady, weeksToJobReady: pathway.weeksToJobReady,
                totalCostPence: pathway.totalCostPence, activeStepCount: pathway.activeStepCount, notes: pathway.notes,
                inWorkSupport: pathway.inWorkSupport.map { ProgrammeOption($0, taxonomy: taxonomy, providerNames: names) },
                progression: pathway.progression.map { next in
                    Progression(occupationID: next.occupationID, occupationName: next.occupationName,
                                typicalQualification: next.typicalQualification.rawValue,
                                missing: next.missing.map { Requirement($0, taxonomy: taxonomy) },
                                firstProgramme: next.firstProgramme.map { ProgrammeOption($0, taxonomy: taxonomy, providerNames: names) })
                })
        }
        blockers = (result.result?.blockers ?? []).map { Blocker(requirement: Requirement($0.requirement, taxonomy: taxonomy), message: $0.message) }
    }

    /// Whole weeks from one day to another, rounded up.
    static func weeks(from start: Date, to end: Date) -> Int {
        let days = Int(((end.timeIntervalSince1970 - start.timeIntervalSince1970) / 86_400).rounded())
        return (days + 6) / 7
    }
}
