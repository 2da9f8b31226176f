import EscalatorCore
import Foundation
import Vapor

/// What a provider sends (form or JSON) to add or change a programme. Skills taught come from a form
/// as parallel lists `skillID[]`/`level[]` (empty rows are skipped), or from JSON as `skillsTaught`
/// objects; required skills likewise as `requiredSkillID[]`/`requiredLevel[]` or `requiredSkills`.
/// Cost is pounds in a form (`cost`) or pence in JSON (`costPence`).
struct ProgrammeInput: Content, Sendable {
    struct SkillRow: Codable, Sendable {
        var skillID: String?
        var levelReached: ScalarText?
        var level: ScalarText?
    }

    var providerID: String?
    var title: String?
    var type: String?
    var skillID: [String]?
    var level: [ScalarText]?
    var skillsTaught: [SkillRow]?
    var minimumQualification: ScalarText?
    var needsGCSEEnglish: ScalarText?
    var needsGCSEMaths: ScalarText?
    var requiredSkillID: [String]?
    var requiredLevel: [ScalarText]?
    var requiredSkills: [SkillRow]?
    var qualificationAwarded: ScalarText?
    var weeks: ScalarText?
    var hoursPerWeek: ScalarText?
    var postcode: String?
    var wardID: String?
    var cost: ScalarText?
    var costPence: ScalarText?
    var barrierSupport: [String]?
    var coDesigningEmployerIDs: [String]?
    var guaranteedInterview: ScalarText?

    struct Valid {
        var providerID: UUID
        var title: String
        var type: ProgrammeType
        var skillsTaught: [SkillTaught]
        var entryRequirements: EntryRequirements
        var qualificationAwarded: RQFLevel?
        var weeks: Int
        var hoursPerWeek: Int
        var postcode: String
        var wardID: String
        var costPence: Int
        var barrierSupport: [BarrierKind]
        var coDesigningEmployerIDs: [UUID]
        var guaranteedInterview: Bool

        func programme(id: UUID, cohorts: [Cohort]) -> Programme {
            Programme(
                id: id, providerID: providerID, title: title, type: type, skillsTaught: skillsTaught,
                entryRequirements: entryRequirements, qualificationAwarded: qualificationAwarded, weeks: weeks,
                hoursPerWeek: hoursPerWeek, postcode: postcode, wardID: wardID, costPence: costPence,
                barrierSupport: barrierSupport, coDesigningEmployerIDs: coDesigningEmployerIDs,
                guaranteedInterview: guaranteedInterview, cohorts: cohorts)
        }
    }

    /// One row of skills as the form or the JSON named it, so errors point at the right field.
    private struct Row {
        var skillID: String?
        var level: String?
        var skillField: String
        var levelField: String
    }

    func validate(providerIDs: Set<UUID>, skillIDs: Set<String>, wardIDs: Set<String>, employerIDs: Set<UUID>) throws -> Valid {
        var v = Validator()
        let provider = v.uuid(providerID, "providerID", missing: "Choose the provider")
        if let provider, !providerIDs.contains(provider) { v.fail("providerID", "providerID is not a provider you can add programmes for") }
        let title = v.requiredText(title, "title", "Enter the programme's title", max: 200)
        let type = v.enumValue(type, "type", ProgrammeType.self, missing: "Choose the type of programme")

        let taughtRows: [Row] = if let skillsTaught {
            skillsTaught.enumerated().map { i, row in
                Row(skillID: row.skillID, level: (row.levelReached ?? row.level)?.text,
                    skillField: "skillsTaught[\(i)].skillID", levelField: "skillsTaught[\(i)].levelReached")
            }
        } else {
            Self.rows(ids: skillID ?? [], levels: level ?? [], skillName: "skillID", levelName: "level")
        }
        let taught = Self.skills(taughtRows, in: skillIDs, &v).map { SkillTaught(skillID: $0.0, levelReached: $0.1) }
        if taught.isEmpty, !v.errors.contains(where: { $0.field.hasPrefix("skill") }) {
            v.fail(skillID == nil ? "skillsTaught" : "skillID[0]", "Add at least one skill the programme teaches")
        }

        let requiredRows: [Row] = if let requiredSkills {
            requiredSkills.enumerated().map { i, row in
                Row(skillID: row.skillID, level: (row.level ?? row.levelReached)?.text,
                    skillField: "requiredSkills[\(i)].skillID", levelField: "requiredSkills[\(i)].level")
            }
        } else {
            Self.rows(ids: requiredSkillID ?? [], levels: requiredLevel ?? [], skillName: "requiredSkillID", levelName: "requiredLevel")
        }
        let required = Self.skills(requiredRows, in: skillIDs, &v).map { OccupationSkill($0.0, $0.1) }
        let minimum = Self.rqf(minimumQualification.text, "minimumQualification", &v) ?? .entry
        let awarded = Self.rqf(qualificationAwarded.text, "qualificationAwarded", &v)
        let weeks = v.int(weeks.text, "weeks", label: "Length in weeks", range: 1...156)
        let hours = v.int(hoursPerWeek.text, "hoursPerWeek", label: "Hours a week", range: 1...60)
        let postcode = v.postcode(postcode, "postcode")
        let ward = v.choice(wardID, "wardID", in: wardIDs, missing: "Choose the ward where the programme runs")
        let cost = v.moneyPence(pence: costPence.text, pounds: cost.text, penceField: "costPence", poundsField: "cost",
                                label: "Cost", range: 0...5_000_000)
        var barriers: [BarrierKind] = []
        for (index, raw) in (barrierSupport ?? []).enumerated() where Validator.trimmed(raw) != nil {
            guard let kind = BarrierKind(rawValue: raw.trimmingCharacters(in: .whitespaces)) else {
                v.fail("barrierSupport", "barrierSupport[\(index)] must be one of: \(BarrierKind.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            if !barriers.contains(kind) { barriers.append(kind) }
        }
        let employers = v.uuidList(coDesigningEmployerIDs ?? [], "coDesigningEmployerIDs", allowed: employerIDs, what: "employer")
        try v.throwIfFailed()
        return Valid(
            providerID: provider!, title: title!, type: type!, skillsTaught: taught,
            entryRequirements: EntryRequirements(
                minimumQualification: minimum, requiredSkills: required,
                needsGCSEEnglish: v.bool(needsGCSEEnglish.text), needsGCSEMaths: v.bool(needsGCSEMaths.text)),
            qualificationAwarded: awarded, weeks: weeks!, hoursPerWeek: hours!, postcode: postcode!, wardID: ward!,
            costPence: cost!, barrierSupport: barriers, coDesigningEmployerIDs: employers,
            guaranteedInterview: v.bool(guaranteedInterview.text))
    }

    private static func rows(ids: [String], levels: [ScalarText], skillName: String, levelName: String) -> [Row] {
        (0..<max(ids.count, levels.count)).map { i in
            Row(skillID: i < ids.count ? ids[i] : nil, level: i < levels.count ? levels[i].text : nil,
                skillField: "\(skillName)[\(i)]", levelField: "\(levelName)[\(i)]")
        }
    }

    /// Skills with their levels; rows with no skill are skipped, a skill named twice keeps its first level.
    private static func skills(_ rows: [Row], in known: Set<String>, _ v: inout Validator) -> [(String, Proficiency)] {
        var result: [(String, Proficiency)] = []
        for row in rows {
            guard let id = Validator.trimmed(row.skillID) else { continue }
            guard known.contains(id) else { v.fail(row.skillField, "\(row.skillField) '\(id)' is not a skill in the taxonomy"); continue }
            guard let levelText = Validator.trimmed(row.level) else { v.fail(row.levelField, "Choose the level for \(row.skillField)"); continue }
            guard let level = proficiency(levelText) else {
                v.fail(row.levelField, "\(row.levelField) must be 1 to 4 or one of: basic, working, proficient, expert")
                continue
            }
            if !result.contains(where: { $0.0 == id }) { result.append((id, level)) }
        }
        return result
    }

    static func proficiency(_ text: String) -> Proficiency? {
        if let number = Int(text) { return Proficiency(rawValue: number) }
        return Proficiency.allCases.first { $0.label.lowercased() == text.lowercased() }
    }

    /// An RQF level as 0 (entry) to 8; blank or "none" means not given.
    private static func rqf(_ value: String?, _ field: String, _ v: inout Validator) -> RQFLevel? {
        guard let text = Validator.trimmed(value), text.lowercased() != "none" else { return nil }
        if text.lowercased() == "entry" { return .entry }
        guard let number = Int(text), let level = RQFLevel(rawValue: number) else {
            v.fail(field, "\(field) must be a level from 0 (entry) to 8")
            return nil
        }
        return level
    }
}
