import EscalatorCore
import Fluent
import Foundation

public final class VacancyModel: Model, @unchecked Sendable {
    public static let schema = "vacancies"

    @ID(key: .id) public var id: UUID?
    @Field(key: "employer_id") public var employerID: UUID
    @Field(key: "occupation_id") public var occupationID: String
    @Field(key: "title") public var title: String
    @Field(key: "requirements") public var requirements: JSONList<SkillRequirement>
    @Field(key: "minimum_qualification") public var minimumQualification: RQFLevel
    @Field(key: "needs_gcse_english") public var needsGCSEEnglish: Bool
    @Field(key: "needs_gcse_maths") public var needsGCSEMaths: Bool
    @Field(key: "hours_per_week") public var hoursPerWeek: Int
    @Field(key: "hourly_pay_pence") public var hourlyPayPence: Int
    @Field(key: "postcode") public var postcode: String
    @Field(key: "ward_id") public var wardID: String
    @Field(key: "openings") public var openings: Int
    @Field(key: "closing_date") public var closingDate: Date
    @Field(key: "status") public var status: VacancyStatus
    @Field(key: "minimum_age") public var minimumAge: Int

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $employerID, $occupationID, $title, $requirements, $minimumQualification, $needsGCSEEnglish, $needsGCSEMaths, $hoursPerWeek, $hourlyPayPence, $postcode, $wardID, $openings, $closingDate, $status, $minimumAge] }

    public init() {}

    public init(_ value: Vacancy) {
        id = value.id
        update(from: value)
    }

    public func update(from value: Vacancy) {
        employerID = value.employerID
        occupationID = value.occupationID
        title = value.title
        requirements = JSONList(value.requirements)
        minimumQualification = value.minimumQualification
        needsGCSEEnglish = value.needsGCSEEnglish
        needsGCSEMaths = value.needsGCSEMaths
        hoursPerWeek = value.hoursPerWeek
        hourlyPayPence = value.hourlyPayPence
        postcode = value.postcode
        wardID = value.wardID
        openings = value.openings
        closingDate = value.closingDate
        status = value.status
        minimumAge = value.minimumAge
    }

    public var value: Vacancy {
        Vacancy(
            id: id!, employerID: employerID, occupationID: occupationID, title: title, requirements: requirements.items,
            minimumQualification: minimumQualification, needsGCSEEnglish: needsGCSEEnglish,
            needsGCSEMaths: needsGCSEMaths, hoursPerWeek: hoursPerWeek, hourlyPayPence: hourlyPayPence,
            postcode: postcode, wardID: wardID, openings: openings, closingDate: closingDate, status: status,
            minimumAge: minimumAge)
    }
}

extension QueryBuilder where Model == VacancyModel {
    /// Live vacancies on `date`, by the one rule (`Vacancy.isLive(on:)`).
    public func live(on date: Date) -> Self {
        filter(\.$status == .open).filter(\.$closingDate >= Vacancy.firstLiveClosingDate(on: date))
    }
}
