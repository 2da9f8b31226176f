import EscalatorCore
import Foundation
import Vapor

/// Everything the system holds about one client, as they are entitled to receive it (UK GDPR Article 15):
/// the JSON download and the printable page are both made from this.
struct SubjectAccessExport: Content, Sendable {
    struct Requester: Content, Sendable {
        var name: String
        var organisationName: String
    }

    struct Retention: Content, Sendable {
        var months: Int
        var lastActivity: Date
        /// When the retention run will erase the record if nothing else happens.
        var erasedAfter: Date
    }

    struct Person: Content, Sendable {
        var id: UUID
        var reference: String
        var givenName: String
        var familyName: String
        var dateOfBirth: String?
        var email: String?
        var phone: String?
        var postcode: String
        var wardID: String
        var wardName: String
        var employmentStatus: EmploymentStatus
        var employmentStatusLabel: String
        var referralSource: ReferralSource
        var referralSourceLabel: String
        var organisationID: UUID
        var organisationName: String
        var caseOwnerName: String?
        var registeredAt: Date
        var equalityMonitoring: EqualityEntry?
    }

    struct EqualityEntry: Content, Sendable {
        var ethnicity: Ethnicity?
        var disability: MonitoringAnswer?
        var longTermHealthCondition: MonitoringAnswer?
        var agreedOn: String
        var answers: [Answer]

        struct Answer: Content, Sendable {
            var question: String
            var answer: String
        }

        init(_ monitoring: EqualityMonitoring) {
            ethnicity = monitoring.ethnicity
            disability = monitoring.disability
            longTermHealthCondition = monitoring.longTermHealthCondition
            agreedOn = monitoring.agreedOn.isoDay
            answers = monitoring.summary.map { Answer(question: $0.question, answer: $0.answer) }
        }
    }

    /// One event of the audit trail about the client: who (by organisation and role), when, what and why.
    struct AuditEntryItem: Content, Sendable {
        var at: Date
        var organisationName: String
        var role: String?
        var action: String
        var actionLabel: String
        var object: String
        var purpose: String
        var channel: String
    }

    struct ConsentEntry: Content, Sendable {
        var organisationID: UUID
        var organisationName: String
        var purpose: String
        var givenAt: Date
        var withdrawnAt: Date?
    }

    struct SkillEntry: Content, Sendable {
        var skillID: String
        var skillName: String
        var level: Int
        var levelLabel: String
        var evidence: Evidence
    }

    struct BarrierEntry: Content, Sendable {
        var kind: BarrierKind
        var label: String
        var severity: Int
        var severityLabel: String
        var specialCategory: Bool
    }

    struct AspirationEntry: Content, Sendable {
        var occupationID: String
        var occupationName: String
    }

    struct AssessmentEntry: Content, Sendable {
        var id: UUID
        var assessedOn: String
        var skills: [SkillEntry]
        var highestQualification: Int
        var highestQualificationLabel: String
        var gcseEnglish: Bool
        var gcseMaths: Bool
        var barriers: [BarrierEntry]
        var aspirations: [AspirationEntry]
        var constraints: WorkConstraints
        var notes: String
        var distanceFromWork: Int
    }

    struct StatusEntry: Content, Sendable {
        var status: ReferralStatus
        var at: Date
        var note: String
    }

    struct ReferralEntry: Content, Sendable {
        var id: UUID
        var kind: ReferralKind
        var targetTitle: String
        var targetOwner: String
        var status: ReferralStatus
        var history: [StatusEntry]
    }

    struct CheckEntry: Content, Sendable {
        var weeks: Int
        var checkedOn: String
        var stillInWork: Bool
        var note: String
    }

    struct ContactEntry: Content, Sendable {
        var date: String
        var withEmployer: Bool
        var summary: String
    }

    struct ProgressionEntry: Content, Sendable {
        var kind: ProgressionKind
        var kindLabel: String
        var date: String
        var detail: String
    }

    struct JobStartEntry: Content, Sendable {
        var id: UUID
        var vacancyID: UUID?
        var employerName: String
        var jobTitle: String
        var startedOn: String
        var hoursPerWeek: Int
        var hourlyPayPence: Int
        var sustainmentChecks: [CheckEntry]
        var contacts: [ContactEntry]
        var progressions: [ProgressionEntry]
    }

    var generatedAt: Date
    var requestedThrough: Requester
    var retention: Retention
    var client: Person
    var consents: [ConsentEntry]
    var assessments: [AssessmentEntry]
    var referrals: [ReferralEntry]
    var jobStarts: [JobStartEntry]
    var auditTrail: [AuditEntryItem]
}
