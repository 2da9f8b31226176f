import EscalatorCore
import Foundation

/// The printable copy of a subject access export: plain, in the order of the JSON, every field labelled.
enum SubjectAccessViews {
    static func page(_ export: SubjectAccessExport) -> String {
        let client = export.client
        return Layout.printable(title: "Personal data held about \(client.givenName) \(client.familyName)") {
            el("p", .class("no-print")) {
                link("Back to the client's record", to: "/clients/\(client.id)")
                " · "
                link("Download as JSON", to: "/api/v1/clients/\(client.id)/subject-access")
                " · Use your browser's Print command to print this or save it as a PDF."
            }
            el("span", .class("caption")) { "Subject access request · client \(client.reference)" }
            heading(1, "Personal data held about \(client.givenName) \(client.familyName)", class: "heading-l")
            paragraph("Produced on \(export.generatedAt.ukDate) by \(export.requestedThrough.name), \(export.requestedThrough.organisationName), "
                + "from the West Midlands employment and skills system. It lists everything the system holds about you.")
            summaryList([
                ("Reference", client.reference),
                ("First name", client.givenName),
                ("Last name", client.familyName),
                ("Date of birth", client.dateOfBirth.flatMap { Date(isoDay: $0)?.ukDate } ?? "Not recorded"),
                ("Email", client.email ?? "Not recorded"),
                ("Phone", client.phone ?? "Not recorded"),
                ("Postcode", client.postcode),
                ("Ward", client.wardName),
                ("Employment status", client.employmentStatusLabel),
                ("Came to us through", client.referralSourceLabel),
                ("Registered by", client.organisationName),
                ("Case owner", client.caseOwnerName ?? "None"),
                ("Registered on", client.registeredAt.ukDate),
            ])
            if let monitoring = client.equalityMonitoring {
                heading(2, "Equality monitoring")
                summaryList(monitoring.answers.map { ($0.question, $0.answer) }
                    + [("Agreed to give these answers on", Date(isoDay: monitoring.agreedOn)?.ukDate ?? monitoring.agreedOn)])
            }
            heading(2, "How long it is kept")
            paragraph("Your personal data is kept for \(export.retention.months) months after your last activity with us "
                + "(your last activity was on \(export.retention.lastActivity.ukDate)). If nothing else happens, it will be erased "
                + "after \(export.retention.erasedAfter.ukDate), leaving only anonymous facts that published figures are counted from.")
            consents(export.consents)
            assessments(export.assessments)
            referrals(export.referrals)
            jobStarts(export.jobStarts)
            heading(2, "Who has read or changed your record")
            table(caption: "The audit trail of your record, oldest first", headers: ["When", "Organisation", "Role", "What", "Why"],
                  rows: export.auditTrail.map {
                      [text($0.at.ukDate), text($0.organisationName.isEmpty ? "The service itself" : $0.organisationName),
                       text($0.role.flatMap { Role(rawValue: $0)?.label } ?? "None"), text("\($0.actionLabel): \($0.object)"),
                       text($0.purpose.prefix(1).uppercased() + $0.purpose.dropFirst())]
                  })
            heading(2, "Your rights")
            paragraph("You can ask for any of this to be corrected or erased, and withdraw consent to share at any time. "
                + "The record of processing at /privacy/processing explains why each item is held and who receives it.")
        }
    }

    static func consents(_ consents: [SubjectAccessExport.ConsentEntry]) -> Node {
        fragment {
            heading(2, "Consent to share")
            if consents.isEmpty {
                paragraph("None recorded.")
            } else {
                table(caption: "Organisations you agreed to share your record with", headers: ["Organisation", "Purpose", "Given", "Withdrawn"],
                      rows: consents.map {
                          [text($0.organisationName), text($0.purpose), text($0.givenAt.ukDate), text($0.withdrawnAt?.ukDate ?? "Still given")]
                      })
            }
        }
    }

    static func assessments(_ assessments: [SubjectAccessExport.AssessmentEntry]) -> Node {
        fragment {
            heading(2, "Assessments")
            if assessments.isEmpty { paragraph("None recorded.") }
            for assessment in assessments {
                heading(3, "Assessment on \(Date(isoDay: assessment.assessedOn)?.ukDate ?? assessment.assessedOn)")
                summaryList([
                    ("Highest qualification", assessment.highestQualificationLabel),
                    ("GCSE English at grade 4 (C) or above", assessment.gcseEnglish ? "Yes" : "No"),
                    ("GCSE maths at grade 4 (C) or above", assessment.gcseMaths ? "Yes" : "No"),
                    ("Jobs wanted", assessment.aspirations.isEmpty ? "None recorded" : assessment.aspirations.map(\.occupationName).joined(separator: ", ")),
                    ("Hours a week", "\(assessment.constraints.minHoursPerWeek) to \(assessment.constraints.maxHoursPerWeek)"),
                    ("Furthest travel", "\(assessment.constraints.maxTravelKm.formatted()) km"
                        + (assessment.constraints.travelModes.isEmpty ? "" : " by " + assessment.constraints.travelModes.map { $0.label.lowercased() }.joined(separator: ", "))),
                    ("Distance-from-work score", "\(assessment.distanceFromWork) of 100"),
                    ("Notes", assessment.notes.isEmpty ? "None" : assessment.notes),
                ])
                table(caption: "Skills", headers: ["Skill", "Level", "Evidence"],
                      rows: assessment.skills.map { [text($0.skillName), text($0.levelLabel), text($0.evidence.label)] })
                table(caption: "Barriers to work", headers: ["Barrier", "How much it holds you back", "Special category"],
                      rows: assessment.barriers.map { [text($0.label), text($0.severityLabel), text($0.specialCategory ? "Yes" : "No")] })
            }
        }
    }

    static func referrals(_ referrals: [SubjectAccessExport.ReferralEntry]) -> Node {
        fragment {
            heading(2, "Referrals")
            if referrals.isEmpty { paragraph("None recorded.") }
            for referral in referrals {
                heading(3, "\(referral.targetTitle) (\(referral.targetOwner))")
                table(caption: "History of this \(referral.kind.rawValue) referral, now \(referral.status.label.lowercased())",
                      headers: ["Status", "When", "Note"],
                      rows: referral.history.map { [text($0.status.label), text($0.at.ukDate), text($0.note)] })
            }
        }
    }

    static func jobStarts(_ starts: [SubjectAccessExport.JobStartEntry]) -> Node {
        fragment {
            heading(2, "Jobs")
            if starts.isEmpty { paragraph("None recorded.") }
            for start in starts {
                heading(3, "\(start.jobTitle) at \(start.employerName)")
                summaryList([
                    ("Started", Date(isoDay: start.startedOn)?.ukDate ?? start.startedOn),
                    ("Hours a week", String(start.hoursPerWeek)),
                    ("Hourly pay", pounds(pence: start.hourlyPayPence)),
                ])
                if !start.sustainmentChecks.isEmpty {
                    table(caption: "Checks that you were still in work", headers: ["After", "Checked on", "Still in work", "Note"],
                          rows: start.sustainmentChecks.map {
                              [text("\($0.weeks) weeks"), text(Date(isoDay: $0.checkedOn)?.ukDate ?? $0.checkedOn), text($0.stillInWork ? "Yes" : "No"), text($0.note)]
                          })
                }
                if !start.contacts.isEmpty {
                    table(caption: "In-work support contacts", headers: ["Date", "With your employer", "Summary"],
                          rows: start.contacts.map { [text(Date(isoDay: $0.date)?.ukDate ?? $0.date), text($0.withEmployer ? "Yes" : "No"), text($0.summary)] })
                }
                if !start.progressions.isEmpty {
                    table(caption: "Progression", headers: ["Date", "Kind", "Detail"],
                          rows: start.progressions.map { [text(Date(isoDay: $0.date)?.ukDate ?? $0.date), text($0.kindLabel), text($0.detail)] })
                }
            }
        }
    }
}
