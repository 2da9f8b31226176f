import EscalatorCore
import Fluent
import Foundation

public final class JobStartModel: Model, @unchecked Sendable {
    public static let schema = "job_starts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "client_id") public var clientID: UUID
    @OptionalField(key: "vacancy_id") public var vacancyID: UUID?
    @Field(key: "employer_name") public var employerName: String
    @Field(key: "job_title") public var jobTitle: String
    @Field(key: "started_on") public var startedOn: Date
    @Field(key: "hours_per_week") public var hoursPerWeek: Int
    @Field(key: "hourly_pay_pence") public var hourlyPayPence: Int

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $clientID, $vacancyID, $employerName, $jobTitle, $startedOn, $hoursPerWeek, $hourlyPayPence] }

    public init() {}

    public init(_ value: JobStart) {
        id = value.id
        clientID = value.clientID
        vacancyID = value.vacancyID
        employerName = value.employerName
        jobTitle = value.jobTitle
        startedOn = value.startedOn
        hoursPerWeek = value.hoursPerWeek
        hourlyPayPence = value.hourlyPayPence
    }

    public var value: JobStart {
        JobStart(
            id: id!, clientID: clientID, vacancyID: vacancyID, employerName: employerName, jobTitle: jobTitle,
            startedOn: startedOn, hoursPerWeek: hoursPerWeek, hourlyPayPence: hourlyPayPence)
    }
}

public final class SustainmentCheckModel: Model, @unchecked Sendable {
    public static let schema = "sustainment_checks"

    @ID(key: .id) public var id: UUID?
    @Field(key: "job_start_id") public var jobStartID: UUID
    @Field(key: "milestone") public var milestone: SustainmentMilestone
    @Field(key: "checked_on") public var checkedOn: Date
    @Field(key: "still_in_work") public var stillInWork: Bool
    @Field(key: "note") public var note: String

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $jobStartID, $milestone, $checkedOn, $stillInWork, $note] }

    public init() {}

    public init(_ value: SustainmentCheck) {
        jobStartID = value.jobStartID
        milestone = value.milestone
        checkedOn = value.checkedOn
        stillInWork = value.stillInWork
        note = value.note
    }

    public var value: SustainmentCheck {
        SustainmentCheck(jobStartID: jobStartID, milestone: milestone, checkedOn: checkedOn, stillInWork: stillInWork, note: note)
    }
}

public final class InWorkContactModel: Model, @unchecked Sendable {
    public static let schema = "in_work_contacts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "job_start_id") public var jobStartID: UUID
    @Field(key: "date") public var date: Date
    @Field(key: "with_employer") public var withEmployer: Bool
    @Field(key: "summary") public var summary: String

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $jobStartID, $date, $withEmployer, $summary] }

    public init() {}

    public init(_ value: InWorkSupportContact) {
        jobStartID = value.jobStartID
        date = value.date
        withEmployer = value.withEmployer
        summary = value.summary
    }

    public var value: InWorkSupportContact {
        InWorkSupportContact(jobStartID: jobStartID, date: date, withEmployer: withEmployer, summary: summary)
    }
}

public final class ProgressionModel: Model, @unchecked Sendable {
    public static let schema = "progressions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "job_start_id") public var jobStartID: UUID
    @Field(key: "kind") public var kind: ProgressionKind
    @Field(key: "date") public var date: Date
    @Field(key: "detail") public var detail: String

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $jobStartID, $kind, $date, $detail] }

    public init() {}

    public init(_ value: Progression) {
        jobStartID = value.jobStartID
        kind = value.kind
        date = value.date
        detail = value.detail
    }

    public var value: Progression { Progression(jobStartID: jobStartID, kind: kind, date: date, detail: detail) }
}
