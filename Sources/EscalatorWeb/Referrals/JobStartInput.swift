import EscalatorCore
import Foundation
import Vapor

/// A client starting a job. With `vacancyID`, blank job details are taken from the vacancy.
/// Pay is pounds an hour in a form (`hourlyPay`) or pence in JSON (`hourlyPayPence`).
struct JobStartInput: Content, Sendable {
    /// The API names the client in the body; pages take it from the path.
    var clientID: String?
    var vacancyID: String?
    var employerName: String?
    var jobTitle: String?
    var startedOn: String?
    var hoursPerWeek: ScalarText?
    var hourlyPay: ScalarText?
    var hourlyPayPence: ScalarText?

    struct Valid {
        var employerName: String
        var jobTitle: String
        var startedOn: Date
        var hoursPerWeek: Int
        var hourlyPayPence: Int
    }

    /// Fills blank job details from the vacancy the client started.
    func filled(from vacancy: Vacancy, employerName vacancyEmployer: String) -> JobStartInput {
        var input = self
        if Validator.trimmed(employerName) == nil { input.employerName = vacancyEmployer }
        if Validator.trimmed(jobTitle) == nil { input.jobTitle = vacancy.title }
        if Validator.trimmed(hoursPerWeek.text) == nil { input.hoursPerWeek = ScalarText(String(vacancy.hoursPerWeek)) }
        if Validator.trimmed(hourlyPay.text) == nil, Validator.trimmed(hourlyPayPence.text) == nil {
            input.hourlyPayPence = ScalarText(String(vacancy.hourlyPayPence))
        }
        return input
    }

    func validate(today: Date) throws -> Valid {
        var v = Validator()
        let employer = v.requiredText(employerName, "employerName", "Enter the employer's name", max: 200)
        let title = v.requiredText(jobTitle, "jobTitle", "Enter the job title", max: 200)
        let started = v.dateUpToToday(startedOn, "startedOn", label: "Start date", today: today)
        let hours = v.int(hoursPerWeek.text, "hoursPerWeek", label: "Hours a week", range: 1...70)
        let pay = v.moneyPence(pence: hourlyPayPence.text, pounds: hourlyPay.text, penceField: "hourlyPayPence", poundsField: "hourlyPay",
                               label: "Hourly pay", range: 1...100_000)
        try v.throwIfFailed()
        return Valid(employerName: employer!, jobTitle: title!, startedOn: started!, hoursPerWeek: hours!, hourlyPayPence: pay!)
    }
}

/// A sustainment check at 13, 26 or 52 weeks.
struct SustainmentCheckInput: Content, Sendable {
    var milestone: ScalarText?
    var checkedOn: String?
    var stillInWork: ScalarText?
    var note: String?

    func validate(jobStart: JobStart, today: Date) throws -> SustainmentCheck {
        var v = Validator()
        var milestone: SustainmentMilestone?
        if let text = Validator.trimmed(self.milestone.text) {
            let weeks = Int(text.filter(\.isNumber))
            milestone = weeks.flatMap(SustainmentMilestone.init(rawValue:))
            if milestone == nil { v.fail("milestone", "milestone must be 13, 26 or 52") }
        } else {
            v.fail("milestone", "Choose which check this is")
        }
        var earliest = jobStart.startedOn
        if let milestone {
            let due = jobStart.checkDue(milestone)
            if due > today {
                v.fail("milestone", "The \(milestone.label) check is not due until \(due.ukDate)")
            } else {
                earliest = due
            }
        }
        let checkedOn = v.dateUpToToday(self.checkedOn, "checkedOn", label: "Date of the check", today: today, earliest: earliest)
        let inWork = v.yesNo(stillInWork.text, "stillInWork", missing: "Say whether the client is still in work")
        let note = v.optionalText(note, "note", max: 1000)
        try v.throwIfFailed()
        return SustainmentCheck(jobStartID: jobStart.id, milestone: milestone!, checkedOn: checkedOn!, stillInWork: inWork!, note: note ?? "")
    }
}

/// A contact with the client or their employer after the start. JSON may call the date `date`.
struct InWorkContactInput: Content, Sendable {
    var contactedOn: String?
    var date: String?
    var withEmployer: ScalarText?
    var summary: String?

    func validate(jobStart: JobStart, today: Date) throws -> InWorkSupportContact {
        var v = Validator()
        let date = v.dateUpToToday(contactedOn ?? date, "contactedOn", label: "Date of contact", today: today, earliest: jobStart.startedOn)
        let summary = v.requiredText(summary, "summary", "Summarise the contact", max: 2000)
        let withEmployer = v.bool(withEmployer.text)
        try v.throwIfFailed()
        return InWorkSupportContact(jobStartID: jobStart.id, date: date!, withEmployer: withEmployer, summary: summary!)
    }
}

/// A step up in work. JSON may call the date `date`.
struct ProgressionInput: Content, Sendable {
    var kind: String?
    var progressedOn: String?
    var date: String?
    var detail: String?

    func validate(jobStart: JobStart, today: Date) throws -> Progression {
        var v = Validator()
        let kind = v.enumValue(kind, "kind", ProgressionKind.self, missing: "Choose the kind of progression")
        let date = v.dateUpToToday(progressedOn ?? date, "progressedOn", label: "Date of progression", today: today, earliest: jobStart.startedOn)
        let detail = v.requiredText(detail, "detail", "Describe the progression", max: 1000)
        try v.throwIfFailed()
        return Progression(jobStartID: jobStart.id, kind: kind!, date: date!, detail: detail!)
    }
}
