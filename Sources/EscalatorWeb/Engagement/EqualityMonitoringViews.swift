import EscalatorCore
import Foundation

/// The optional equality-monitoring part of the client form and page. The form names its fields
/// `equalityMonitoring[ethnicity]` and so on, which decode into `ClientInput.equalityMonitoring`;
/// validation names them `equalityMonitoring.ethnicity`, as JSON paths.
enum EqualityMonitoringViews {
    static let answers = ["clientAgreed", "ethnicity", "disability", "longTermHealthCondition"]

    static func formName(_ answer: String) -> String { "equalityMonitoring[\(answer)]" }

    /// Validation errors renamed from JSON paths to the form's field names, so each shows by its field.
    static func formErrors(_ errors: [FieldError]) -> [FieldError] {
        errors.map { error in
            let prefix = ClientInput.EqualityMonitoringInput.field + "."
            guard error.field.hasPrefix(prefix) else { return error }
            return FieldError(formName(String(error.field.dropFirst(prefix.count))), error.message)
        }
    }

    /// Form values for what was sent.
    static func formValues(_ input: ClientInput.EqualityMonitoringInput?) -> [String: String] {
        [
            formName("clientAgreed"): input?.clientAgreed.text ?? "", formName("ethnicity"): input?.ethnicity ?? "",
            formName("disability"): input?.disability ?? "", formName("longTermHealthCondition"): input?.longTermHealthCondition ?? "",
        ]
    }

    /// Form values for what is recorded.
    static func formValues(_ monitoring: EqualityMonitoring?) -> [String: String] {
        [
            formName("clientAgreed"): monitoring == nil ? "" : "true", formName("ethnicity"): monitoring?.ethnicity?.rawValue ?? "",
            formName("disability"): monitoring?.disability?.rawValue ?? "",
            formName("longTermHealthCondition"): monitoring?.longTermHealthCondition?.rawValue ?? "",
        ]
    }

    static func fieldset(_ state: FormState) -> Node {
        let answerOptions = [("", "Not answered")] + MonitoringAnswer.options(\.label)
        return el("fieldset", .class("fieldset"), .id("equality-monitoring")) {
            el("legend", .class("fieldset-legend")) { "Equality monitoring (optional)" }
            el("div", .class("hint")) {
                "Ask only if the client is happy to answer; every question can be left blank or answered \"prefer not to say\". "
                "The answers are special-category data: they are stored encrypted, only your organisation and administrators can see them, "
                "and they are used to check the service reaches everyone fairly, in totals only."
            }
            AssessmentViews.checkbox(formName("clientAgreed"), label: "The client agreed to give these answers", state: state)
            Form.select(formName("ethnicity"), label: Ethnicity.question, state: state,
                        options: Ethnicity.allCases.map { ($0.rawValue, $0.label) }, hint: "The groups of the 2021 Census of England and Wales.",
                        prompt: "Not answered")
            Form.radios(formName("disability"), legend: "\(MonitoringAnswer.disabilityQuestion): \(MonitoringAnswer.disabilityHint)",
                        state: state, options: answerOptions)
            Form.radios(formName("longTermHealthCondition"), legend: "\(MonitoringAnswer.healthConditionQuestion): \(MonitoringAnswer.healthConditionHint)",
                        state: state, options: answerOptions)
        }
    }

    /// The client page's section, for viewers allowed to see it.
    static func section(_ monitoring: EqualityMonitoring?) -> Node {
        fragment {
            heading(2, "Equality monitoring")
            if let monitoring {
                summaryList(monitoring.summary.map { ($0.question, $0.answer) } + [("Client agreed on", monitoring.agreedOn.ukDate)])
            } else {
                paragraph("Not recorded. The client can choose to give these answers when their details are corrected.")
            }
        }
    }
}
