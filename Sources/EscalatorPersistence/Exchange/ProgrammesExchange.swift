import EscalatorCore
import Fluent
import Foundation

/// Programmes of providers already in the database, with their cohorts.
enum ProgrammesExchange: ExchangeFormat {
    static let kind = ImportKind.programmes

    static let columns: [ExchangeColumn] = [
        .required("provider"), .required("title"), .required("type"), .required("skills_taught"),
        .optional("minimum_qualification"), .optional("qualification_awarded"), .required("weeks"), .required("hours_per_week"),
        .required("postcode"), .required("ward_id"), .required("cost"), .optional("barrier_support"),
        .optional("guaranteed_interview"), .optional("cohorts"), .optional("entry_skills"), .optional("needs_gcse_english"),
        .optional("needs_gcse_maths"), .optional("co_designing_employers"),
    ]

    static func importRecords(_ records: [CSVRecord], on db: any Database, now: Date) async throws -> Int {
        let wardIDs = try await ExchangeLookups.wardIDs(on: db)
        let providers = try await ExchangeLookups.providers(on: db)
        let employers = try await ExchangeLookups.employers(on: db)
        let taxonomy = try await TaxonomyWriter.load(from: db)
        var problems: [ImportProblem] = []
        var programmes: [Programme] = []

        for record in records {
            var row = RowCheck(record)
            let provider = row.named("provider", in: providers, what: "provider")
            let title = row.requiredText("title", max: 200)
            let type = row.enumValue("type", ProgrammeType.self)
            let taught = row.skills("skills_taught", taxonomy: taxonomy) ?? []
            if taught.isEmpty, !row.hasProblem("skills_taught") {
                row.fail("skills_taught", "at least one skill the programme teaches is required, like B.DIGITAL:2")
            }
            let minimum = row.rqfLevel("minimum_qualification", fallback: .entry)
            let awarded = row.rqfLevel("qualification_awarded", fallback: nil)
            let weeks = row.int("weeks", 1...156)
            let hours = row.int("hours_per_week", 1...60)
            let postcode = row.postcode("postcode")
            let ward = row.ward("ward_id", in: wardIDs)
            let cost = row.pence("cost", 0...5_000_000)
            let barriers = row.enumList("barrier_support", BarrierKind.self)
            let interview = row.bool("guaranteed_interview")
            let cohorts = parseCohorts(&row)
            let entrySkills = row.skills("entry_skills", taxonomy: taxonomy) ?? []
            let english = row.bool("needs_gcse_english")
            let maths = row.bool("needs_gcse_maths")
            var coDesigners: [UUID] = []
            for name in row.list("co_designing_employers") {
                guard let employer = row.found(name, "co_designing_employers", in: employers, what: "employer") else { break }
                if !coDesigners.contains(employer.id) { coDesigners.append(employer.id) }
            }

            problems += row.problems
            guard row.isValid else { continue }
            programmes.append(Programme(
                id: UUID(), providerID: provider!.id, title: title!, type: type!,
                skillsTaught: taught.map { SkillTaught(skillID: $0.id, levelReached: $0.level) },
                entryRequirements: EntryRequirements(
                    minimumQualification: minimum!, requiredSkills: entrySkills.map { OccupationSkill($0.id, $0.level) },
                    needsGCSEEnglish: english, needsGCSEMaths: maths),
                qualificationAwarded: awarded, weeks: weeks!, hoursPerWeek: hours!, postcode: postcode!, wardID: ward!,
                costPence: cost!, barrierSupport: barriers, coDesigningEmployerIDs: coDesigners, guaranteedInterview: interview,
                cohorts: cohorts))
        }
        try requireNoProblems(problems)

        let programmeModels = programmes.map(ProgrammeModel.init)
        let cohortModels = programmes.flatMap { programme in programme.cohorts.map { CohortModel(programmeID: programme.id, $0) } }
        try await db.transaction { db in
            try await programmeModels.createInBatches(on: db)
            try await cohortModels.createInBatches(on: db)
        }
        return programmes.count
    }

    /// `yyyy-MM-dd:capacity` or `yyyy-MM-dd:capacity:enrolled`, separated by `;`.
    private static func parseCohorts(_ row: inout RowCheck) -> [Cohort] {
        var cohorts: [Cohort] = []
        for item in row.list("cohorts") {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard (2...3).contains(parts.count), let startsOn = Date(isoDay: parts[0]) else {
                row.fail("cohorts", "'\(item)' must be a start date and places, like 2027-01-11:12")
                return []
            }
            guard let capacity = Int(parts[1]), (1...500).contains(capacity) else {
                row.fail("cohorts", "the places in '\(item)' must be a whole number from 1 to 500")
                return []
            }
            let enrolled = parts.count == 3 ? Int(parts[2]) : 0
            guard let enrolled, (0...capacity).contains(enrolled) else {
                row.fail("cohorts", "the number enrolled in '\(item)' must be a whole number from 0 to \(capacity)")
                return []
            }
            cohorts.append(Cohort(id: UUID(), startsOn: startsOn, capacity: capacity, enrolled: enrolled))
        }
        return cohorts
    }

    static func exportRows(on db: any Database) async throws -> [[String]] {
        let providers = try await ExchangeLookups.providerNames(on: db)
        let employers = try await ExchangeLookups.employerNames(on: db)
        let cohorts = Dictionary(grouping: try await CohortModel.query(on: db).all().map { ($0.programmeID, $0.value) }, by: \.0)
        return try await ProgrammeModel.query(on: db).all().map { model in
            let programme = model.value(cohorts: [])
            let intakes = (cohorts[programme.id] ?? []).map(\.1).sorted { ($0.startsOn, $0.capacity, $0.enrolled) < ($1.startsOn, $1.capacity, $1.enrolled) }
            let entry = programme.entryRequirements
            return [
                providers[programme.providerID] ?? "", programme.title, programme.type.rawValue,
                ExchangeCell.skills(programme.skillsTaught.map { ($0.skillID, $0.levelReached) }),
                String(entry.minimumQualification.rawValue), programme.qualificationAwarded.map { String($0.rawValue) } ?? "",
                String(programme.weeks), String(programme.hoursPerWeek), programme.postcode, programme.wardID,
                ExchangeCell.pounds(programme.costPence), ExchangeCell.list(programme.barrierSupport.map(\.rawValue)),
                ExchangeCell.bool(programme.guaranteedInterview),
                ExchangeCell.list(intakes.map { "\($0.startsOn.isoDay):\($0.capacity)" + ($0.enrolled > 0 ? ":\($0.enrolled)" : "") }),
                entry.requiredSkills.isEmpty ? "" : ExchangeCell.skills(entry.requiredSkills.map { ($0.skillID, $0.level) }),
                ExchangeCell.bool(entry.needsGCSEEnglish), ExchangeCell.bool(entry.needsGCSEMaths),
                ExchangeCell.list(programme.coDesigningEmployerIDs.compactMap { employers[$0] }),
            ]
        }
    }
}
