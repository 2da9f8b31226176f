import ArgumentParser
import EscalatorCore
import EscalatorPersistence
import EscalatorWeb
import Fluent
import Foundation

extension PathwayObjective: ExpressibleByArgument {}

/// Prints one client's optimal skills-escalator pathway to a vacancy or an occupation, from the database.
struct PathwayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pathway",
        abstract: "Plan a client's skills-escalator pathway to a vacancy or an occupation.",
        discussion: """
            Steps (barrier support, basic skills, programmes) from the client's latest assessment, using \
            programme cohorts with a free place from today; or the requirements no pathway can meet. The \
            model, objectives and tie-breaks are in docs/matching.md ("Pathways").
            """)

    @Option(help: "The client's id.") var client: String
    @Option(help: "A vacancy's id.") var vacancy: String?
    @Option(help: "An occupation's id in the taxonomy (for example O.CARE_ASSISTANT).") var occupation: String?
    @Option(help: "weeks (job-ready soonest) or cost (least total cost).") var objective: PathwayObjective = .weeksToJobReady
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard UUID(uuidString: client) != nil else { throw ValidationError("--client must be a client id (a UUID).") }
        guard (vacancy == nil) != (occupation == nil) else { throw ValidationError("Give exactly one of --vacancy and --occupation.") }
        if let vacancy, UUID(uuidString: vacancy) == nil { throw ValidationError("--vacancy must be a vacancy id (a UUID).") }
    }

    func run() async throws {
        let environment = try database.environment()
        let now = environment.now()
        let (planner, request, name) = try await withApplication(environment) { app in
            try await migrate(app)
            return try await load(from: app.db, now: now, cipher: app.columnCipher)
        }
        print(PathwayText.lines(planner.pathway(request), request: request, clientName: name, taxonomy: planner.taxonomy).joined(separator: "\n"))
    }

    private func load(from db: any Database, now: Date, cipher: ColumnCipher) async throws -> (PathwayPlanner, PathwayRequest, String) {
        let inputs = try await PathwayInputs.load(from: db, now: now)
        let clientID = UUID(uuidString: client)!
        guard let client = try await ClientModel.query(on: db).filter(\.$id == clientID).notErased().first()?.value else {
            throw CommandFailure("No client with id \(self.client).")
        }
        guard let assessment = try await PathwayInputs.latestAssessment(clientID: clientID, cipher: cipher, on: db) else {
            throw CommandFailure("\(client.givenName) \(client.familyName) has not been assessed, so there is nothing to plan from.")
        }
        let target: PathwayTarget
        if let vacancy {
            guard let model = try await VacancyModel.find(UUID(uuidString: vacancy)!, on: db) else { throw CommandFailure("No vacancy with id \(vacancy).") }
            target = inputs.vacancyTarget(model)
        } else {
            guard let occupation = inputs.planner.taxonomy.occupation(occupation!) else { throw CommandFailure("No occupation with id \(occupation!) in the taxonomy.") }
            target = .occupation(occupation)
        }
        let request = inputs.request(client: client, assessment: assessment, target: target, objective: objective, now: now)
        return (inputs.planner, request, "\(client.givenName) \(client.familyName) (\(client.reference))")
    }
}

/// A pathway, or why there is none, as plain text.
enum PathwayText {
    static func lines(_ result: PathwayResult, request: PathwayRequest, clientName: String, taxonomy: Taxonomy) -> [String] {
        let objective = request.objective == .cost ? "least cost" : "job-ready soonest"
        var lines = ["Pathway for \(clientName) to \(request.target.title) (\(objective)), planned from \(request.today.isoDay)."]
        guard let pathway = result.pathway else {
            lines.append("No pathway reaches it. Blocking:")
            lines += result.blockers.map { "  - \($0.message)" }
            return lines
        }
        guard !pathway.steps.isEmpty else {
            lines.append("Job-ready now: nothing stands in the way.")
            return lines + afterEmployment(pathway, taxonomy)
        }
        lines.append("Job-ready on \(pathway.jobReadyOn.isoDay) (\(pathway.weeksToJobReady) weeks), \(money(pathway.totalCostPence)) in all, "
            + "\(pathway.activeStepCount) step\(pathway.activeStepCount == 1 ? "" : "s").")
        for (i, step) in pathway.steps.enumerated() {
            let place = step.travelKm.map { String(format: ", %.1f km", $0) } ?? ""
            lines.append("\(i + 1). \(step.startsOn.isoDay) to \(step.endsOn.isoDay)  \(step.phase.label): \(step.title) (\(money(step.costPence))\(place))")
            if !step.addresses.isEmpty { lines.append("     Addresses \(step.addresses.map { $0.label.lowercased() }.joined(separator: ", ")).") }
            if !step.closes.isEmpty { lines.append("     Meets \(step.closes.map { $0.label(taxonomy) }.joined(separator: ", ")).") }
            if !step.prepares.isEmpty { lines.append("     Opens the way with \(step.prepares.map { $0.label(taxonomy) }.joined(separator: ", ")).") }
        }
        lines += pathway.notes.map { "Note: \($0)" }
        return lines + afterEmployment(pathway, taxonomy)
    }

    private static func afterEmployment(_ pathway: Pathway, _ taxonomy: Taxonomy) -> [String] {
        var lines = ["After starting work:"]
        if pathway.inWorkSupport.isEmpty { lines.append("  In-work support: no in-work programme within reach.") }
        for option in pathway.inWorkSupport { lines.append("  In-work support: \(describe(option, taxonomy))") }
        if let next = pathway.progression {
            let missing = next.missing.isEmpty ? "nothing missing" : "still needs \(next.missing.map { $0.label(taxonomy) }.joined(separator: ", "))"
            lines.append("  Next progression: \(next.occupationName) (\(next.typicalQualification.shortLabel.lowercased())), \(missing).")
            lines.append("    First programme: \(next.firstProgramme.map { describe($0, taxonomy) } ?? "none within reach.")")
        } else {
            lines.append("  Next progression: none in the taxonomy for this sector.")
        }
        return lines
    }

    private static func describe(_ option: PathwayProgrammeOption, _ taxonomy: Taxonomy) -> String {
        "\(option.title), \(option.startsOn.isoDay) to \(option.endsOn.isoDay), \(String(format: "%.1f km", option.travelKm)), \(money(option.costPence))"
            + (option.teaches.isEmpty ? "." : "; raises \(option.teaches.map { $0.label(taxonomy) }.joined(separator: ", ")).")
    }

    static func money(_ pence: Int) -> String {
        pence == 0 ? "free" : "£\((pence / 100).formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB"))))" + String(format: ".%02d", pence % 100)
    }
}
