import EscalatorCore
import Foundation

enum ReferralViews {
    static func statusTag(_ status: ReferralStatus) -> Node {
        let colour = switch status {
        case .started, .completed, .offered: "green"
        case .withdrawn, .declined: "grey"
        default: "blue"
        }
        return tag(status.label, colour: colour)
    }

    /// The referrals and job starts panel on a client's page. `canChange` offers the links to refer
    /// and to record a job start (for advisers and administrators).
    static func clientReferrals(_ rows: [ReferralQueries.Row], jobStarts: [JobStart], clientID: UUID, canChange: Bool = true) -> Node {
        fragment {
            heading(2, "Referrals")
            if canChange {
                el("p") {
                    link("Make a referral", to: "/referrals/new?clientID=\(clientID)", class: "button button-secondary")
                    " "
                    link("Record a job found another way", to: "/clients/\(clientID)/job-starts/new", class: "button button-secondary")
                }
            }
            if rows.isEmpty {
                paragraph("No referrals yet.")
            } else {
                table(
                    caption: "Referrals to programmes and vacancies",
                    headers: ["To", "With", "Kind", "Status", "Since"],
                    rows: rows.map { row in
                        [
                            link(row.targetTitle, to: "/referrals/\(row.referral.id)"), text(row.targetOwner),
                            text(row.referral.target.kind == .programme ? "Programme" : "Vacancy"),
                            statusTag(row.referral.status),
                            text(row.referral.history.last?.at.ukDate ?? ""),
                        ]
                    })
            }
            heading(2, "Jobs")
            if jobStarts.isEmpty {
                paragraph("No job starts recorded.")
            } else {
                table(
                    caption: "Job starts",
                    headers: ["Job", "Employer", "Started", ""],
                    rows: jobStarts.map { start in
                        [text(start.jobTitle), text(start.employerName), text(start.startedOn.ukDate),
                         link("Sustainment and progression", to: "/job-starts/\(start.id)")]
                    })
            }
        }
    }
}
