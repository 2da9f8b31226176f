import EscalatorCore
import Foundation
import Vapor

/// The assessment form's body. Per-skill and per-barrier selects are named `level[S.WELDING]`,
/// `evidence[S.WELDING]` and `severity[health]`, which Vapor's form decoder reads as dictionaries;
/// constraints are `constraints[maxTravelKm]` and `constraints[travelModes][]`, as in the JSON.
struct AssessmentForm: Content, Sendable {
    var assessedOn: String?
    var level: [String: String]?
    var evidence: [String: String]?
    var highestQualification: String?
    var gcseEnglish: String?
    var gcseMaths: String?
    var severity: [String: String]?
    var aspiration1: String?
    var aspiration2: String?
    var aspiration3: String?
    var constraints: Constraints?
    var notes: String?

    struct Constraints: Codable, Sendable {
        var minHoursPerWeek: String?
        var maxHoursPerWeek: String?
        var maxTravelKm: String?
        var travelModes: [String]?
    }

    /// "Not held" in a level select and "none" in a severity select.
    static let none = "none"

    static func levelField(_ skillID: String) -> String { "level[\(skillID)]" }
    static func evidenceField(_ skillID: String) -> String { "evidence[\(skillID)]" }
    static func severityField(_ kind: BarrierKind) -> String { "severity[\(kind.rawValue)]" }
    static let minHoursField = "constraints[minHoursPerWeek]"
    static let maxHoursField = "constraints[maxHoursPerWeek]"
    static let travelField = "constraints[maxTravelKm]"
    static let travelModesField = "constraints[travelModes]"

    /// The same request as JSON input, and for each JSON path it can produce an error at, the form field
    /// to show that error on. Skills are listed in the form's order; a level of "not held" leaves a skill out.
    func input(taxonomy: Taxonomy) -> (input: AssessmentInput, formField: [String: String]) {
        var fields: [String: String] = [
            "assessedOn": "assessedOn", "highestQualification": "highestQualification", "gcseEnglish": "gcseEnglish",
            "gcseMaths": "gcseMaths", "notes": "notes", "aspirations": "aspiration1",
            "constraints.minHoursPerWeek": Self.minHoursField, "constraints.maxHoursPerWeek": Self.maxHoursField,
            "constraints.maxTravelKm": Self.travelField, "constraints.travelModes": Self.travelModesField,
        ]
        var skills: [AssessmentInput.SkillEntry] = []
        let levels = (level ?? [:]).filter { Validator.trimmed($0.value).map { $0 != Self.none } ?? false }
        let known = AssessmentQueries.skillGroups(taxonomy).flatMap { $0.skills.map(\.id) }.filter { levels[$0] != nil }
        let unknown = levels.keys.filter { taxonomy.skill($0) == nil }.sorted()
        for id in known + unknown {
            let path = "skills[\(skills.count)]"
            fields["\(path).skillID"] = Self.levelField(id)
            fields["\(path).level"] = Self.levelField(id)
            fields["\(path).evidence"] = Self.evidenceField(id)
            skills.append(.init(skillID: id, level: Self.scalar(levels[id]), evidence: evidence?[id]))
        }
        var barriers: [AssessmentInput.BarrierEntry] = []
        let severities = (severity ?? [:]).filter { Validator.trimmed($0.value).map { $0 != Self.none } ?? false }
        let knownKinds = BarrierKind.allCases.map(\.rawValue).filter { severities[$0] != nil }
        let unknownKinds = severities.keys.filter { BarrierKind(rawValue: $0) == nil }.sorted()
        for kind in knownKinds + unknownKinds {
            let path = "barriers[\(barriers.count)]"
            fields["\(path).kind"] = "severity[\(kind)]"
            fields["\(path).severity"] = "severity[\(kind)]"
            barriers.append(.init(kind: kind, severity: Self.scalar(severities[kind])))
        }
        var aspirations: [String] = []
        for (index, value) in [aspiration1, aspiration2, aspiration3].enumerated() {
            guard let id = Validator.trimmed(value) else { continue }
            fields["aspirations[\(aspirations.count)]"] = "aspiration\(index + 1)"
            aspirations.append(id)
        }
        let input = AssessmentInput(
            assessedOn: assessedOn, skills: skills, highestQualification: Self.scalar(highestQualification),
            gcseEnglish: Self.scalar(gcseEnglish), gcseMaths: Self.scalar(gcseMaths),
            barriers: barriers, aspirations: aspirations,
            constraints: .init(
                minHoursPerWeek: Self.scalar(constraints?.minHoursPerWeek),
                maxHoursPerWeek: Self.scalar(constraints?.maxHoursPerWeek),
                maxTravelKm: Self.scalar(constraints?.maxTravelKm), travelModes: constraints?.travelModes),
            notes: notes)
        return (input, fields)
    }

    /// The values to show again after a failed submission, with errors moved onto form fields.
    func state(errors: [FieldError], formField: [String: String], csrf: String) -> FormState {
        var values: [String: String] = [
            "assessedOn": assessedOn ?? "", "highestQualification": highestQualification ?? "",
            "gcseEnglish": gcseEnglish ?? "", "gcseMaths": gcseMaths ?? "", "notes": notes ?? "",
            "aspiration1": aspiration1 ?? "", "aspiration2": aspiration2 ?? "", "aspiration3": aspiration3 ?? "",
            Self.minHoursField: constraints?.minHoursPerWeek ?? "", Self.maxHoursField: constraints?.maxHoursPerWeek ?? "",
            Self.travelField: constraints?.maxTravelKm ?? "",
        ]
        for (id, value) in level ?? [:] { values[Self.levelField(id)] = value }
        for (id, value) in evidence ?? [:] { values[Self.evidenceField(id)] = value }
        for (kind, value) in severity ?? [:] { values["severity[\(kind)]"] = value }
        let moved = errors.map { FieldError(formField[$0.field] ?? $0.field, $0.message) }
        return FormState(values: values, lists: [Self.travelModesField: constraints?.travelModes ?? []], errors: moved, csrfToken: csrf)
    }

    /// A new form: pre-filled from the latest assessment when there is one, dated today.
    static func state(from latest: Assessment?, today: Date, csrf: String) -> FormState {
        var values: [String: String] = ["assessedOn": today.isoDay]
        guard let latest else {
            values[minHoursField] = "0"
            values[maxHoursField] = "40"
            values[travelField] = "10"
            return FormState(values: values, csrfToken: csrf)
        }
        for holding in latest.skills {
            values[levelField(holding.skillID)] = String(holding.level.rawValue)
            values[evidenceField(holding.skillID)] = holding.evidence.rawValue
        }
        for barrier in latest.barriers { values[severityField(barrier.kind)] = String(barrier.severity.rawValue) }
        values["highestQualification"] = String(latest.highestQualification.rawValue)
        if latest.gcseEnglish { values["gcseEnglish"] = "true" }
        if latest.gcseMaths { values["gcseMaths"] = "true" }
        for (index, id) in latest.aspirations.prefix(AssessmentInput.maximumAspirations).enumerated() { values["aspiration\(index + 1)"] = id }
        values[minHoursField] = String(latest.constraints.minHoursPerWeek)
        values[maxHoursField] = String(latest.constraints.maxHoursPerWeek)
        values[travelField] = kmText(latest.constraints.maxTravelKm)
        values["notes"] = latest.notes
        return FormState(values: values, lists: [travelModesField: latest.constraints.travelModes.map(\.rawValue)], csrfToken: csrf)
    }

    static func scalar(_ text: String?) -> AssessmentInput.Scalar? {
        text.map { AssessmentInput.Scalar($0) }
    }

    static func kmText(_ km: Double) -> String {
        km == km.rounded() ? String(Int(km)) : String(km)
    }
}
