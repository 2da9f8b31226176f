import EscalatorCore
import Foundation
import Vapor

/// What the API sends (JSON) to record an assessment; the form is turned into the same shape by
/// `AssessmentForm`. Errors name JSON paths: `skills[2].level`, `constraints.maxTravelKm`.
struct AssessmentInput: Content, Sendable {
    var assessedOn: String?
    var skills: [SkillEntry]?
    var highestQualification: Scalar?
    var gcseEnglish: Scalar?
    var gcseMaths: Scalar?
    var barriers: [BarrierEntry]?
    var aspirations: [String]?
    var constraints: ConstraintsEntry?
    var notes: String?

    struct SkillEntry: Codable, Sendable {
        var skillID: String?
        var level: Scalar?
        var evidence: String?
    }

    struct BarrierEntry: Codable, Sendable {
        var kind: String?
        var severity: Scalar?
    }

    struct ConstraintsEntry: Codable, Sendable {
        var minHoursPerWeek: Scalar?
        var maxHoursPerWeek: Scalar?
        var maxTravelKm: Scalar?
        var travelModes: [String]?
    }

    typealias Scalar = ScalarText

    static let maximumAspirations = 3
    static let hoursRange = 0...80
    static let travelRange = 0.0...100.0

    struct Valid: Sendable {
        var assessedOn: Date
        var skills: [SkillHolding]
        var highestQualification: RQFLevel
        var gcseEnglish: Bool
        var gcseMaths: Bool
        var barriers: [Barrier]
        var aspirations: [String]
        var constraints: WorkConstraints
        var notes: String
    }

    func validate(taxonomy: Taxonomy, today: Date) throws -> Valid {
        var v = Validator()
        var day = today
        if let text = Validator.trimmed(assessedOn) {
            if let date = v.optionalDate(text, "assessedOn", label: "Date of assessment") {
                if date > today { v.fail("assessedOn", "Date of assessment cannot be in the future") } else { day = date }
            }
        }
        let skills = validSkills(&v, taxonomy: taxonomy)
        var qualification: RQFLevel?
        if let raw = Validator.trimmed(highestQualification?.text) {
            if let level = Int(raw).flatMap(RQFLevel.init(rawValue:)) {
                qualification = level
            } else {
                v.fail("highestQualification", "highestQualification must be an RQF level from 0 (entry) to 8")
            }
        } else if skills.isEmpty && (self.skills ?? []).isEmpty {
            v.fail("highestQualification", "Record the highest qualification or at least one skill")
        }
        let english = Self.flag(gcseEnglish, "gcseEnglish", &v)
        let maths = Self.flag(gcseMaths, "gcseMaths", &v)
        let barriers = validBarriers(&v)
        let aspirations = validAspirations(&v, taxonomy: taxonomy)
        let constraints = validConstraints(&v)
        let notes = v.optionalText(notes, "notes", max: 2000) ?? ""
        try v.throwIfFailed()
        return Valid(
            assessedOn: day, skills: skills, highestQualification: qualification ?? .entry, gcseEnglish: english,
            gcseMaths: maths, barriers: barriers, aspirations: aspirations, constraints: constraints!, notes: notes)
    }

    private func validSkills(_ v: inout Validator, taxonomy: Taxonomy) -> [SkillHolding] {
        var holdings: [SkillHolding] = []
        var seen: Set<String> = []
        for (index, entry) in (skills ?? []).enumerated() {
            let path = "skills[\(index)]"
            guard let id = Validator.trimmed(entry.skillID) else { v.fail("\(path).skillID", "Choose a skill for \(path)"); continue }
            guard taxonomy.skill(id) != nil else { v.fail("\(path).skillID", "\(path).skillID '\(id)' is not a skill in the taxonomy"); continue }
            guard seen.insert(id).inserted else { v.fail("\(path).skillID", "\(taxonomy.skillName(id)) is recorded more than once"); continue }
            let level = Validator.trimmed(entry.level?.text).flatMap(Int.init).flatMap(Proficiency.init(rawValue:))
            if level == nil { v.fail("\(path).level", "Level of \(taxonomy.skillName(id)) must be 1 (basic) to 4 (expert)") }
            let evidence = Validator.trimmed(entry.evidence).map(Evidence.init(rawValue:)) ?? .selfDeclared
            if evidence == nil {
                v.fail("\(path).evidence", "Evidence of \(taxonomy.skillName(id)) must be one of: \(Evidence.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if let level, let evidence { holdings.append(SkillHolding(skillID: id, level: level, evidence: evidence)) }
        }
        return holdings
    }

    private func validBarriers(_ v: inout Validator) -> [Barrier] {
        var result: [Barrier] = []
        var seen: Set<BarrierKind> = []
        for (index, entry) in (barriers ?? []).enumerated() {
            let path = "barriers[\(index)]"
            guard let kind = Validator.trimmed(entry.kind).flatMap(BarrierKind.init(rawValue:)) else {
                v.fail("\(path).kind", "\(path).kind must be one of: \(BarrierKind.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            guard seen.insert(kind).inserted else { v.fail("\(path).kind", "\(kind.label) is recorded more than once"); continue }
            guard let severity = Validator.trimmed(entry.severity?.text).flatMap(Int.init).flatMap(Severity.init(rawValue:)) else {
                v.fail("\(path).severity", "Severity of \(kind.label.lowercased()) must be 1 (low), 2 (medium) or 3 (high)")
                continue
            }
            result.append(Barrier(kind: kind, severity: severity))
        }
        return result
    }

    private func validAspirations(_ v: inout Validator, taxonomy: Taxonomy) -> [String] {
        let given = aspirations ?? []
        if given.count > Self.maximumAspirations { v.fail("aspirations", "Choose at most \(Self.maximumAspirations) job goals") }
        var result: [String] = []
        for (index, raw) in given.enumerated() {
            guard let id = Validator.trimmed(raw) else { continue }
            guard taxonomy.occupation(id) != nil else {
                v.fail("aspirations[\(index)]", "aspirations[\(index)] '\(id)' is not an occupation in the taxonomy")
                continue
            }
            if !result.contains(id) { result.append(id) }
        }
        return result
    }

    private func validConstraints(_ v: inout Validator) -> WorkConstraints? {
        let c = constraints ?? ConstraintsEntry()
        let minimum = v.int(c.minHoursPerWeek?.text, "constraints.minHoursPerWeek", label: "Fewest hours a week", range: Self.hoursRange)
        let maximum = v.int(c.maxHoursPerWeek?.text, "constraints.maxHoursPerWeek", label: "Most hours a week", range: Self.hoursRange)
        if let minimum, let maximum, maximum < minimum {
            v.fail("constraints.maxHoursPerWeek", "Most hours a week must be at least the fewest hours a week (\(minimum))")
        }
        let travel = v.double(c.maxTravelKm?.text, "constraints.maxTravelKm", label: "Furthest travel in km", range: Self.travelRange)
        var modes: [TravelMode] = []
        for raw in c.travelModes ?? [] {
            guard let text = Validator.trimmed(raw) else { continue }
            guard let mode = TravelMode(rawValue: text) else {
                v.fail("constraints.travelModes", "constraints.travelModes must be among: \(TravelMode.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            if !modes.contains(mode) { modes.append(mode) }
        }
        guard let minimum, let maximum, let travel, maximum >= minimum else { return nil }
        return WorkConstraints(minHoursPerWeek: minimum, maxHoursPerWeek: maximum, maxTravelKm: travel, travelModes: modes)
    }

    private static func flag(_ value: Scalar?, _ field: String, _ v: inout Validator) -> Bool {
        guard let text = Validator.trimmed(value?.text)?.lowercased() else { return false }
        switch text {
        case "true", "on", "yes", "1": return true
        case "false", "off", "no", "0": return false
        default:
            v.fail(field, "\(field) must be true or false")
            return false
        }
    }
}
