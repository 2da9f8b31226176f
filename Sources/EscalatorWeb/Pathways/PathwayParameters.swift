import EscalatorCore
import Vapor

/// `?vacancy=ID` or `?occupation=ID`, and `objective=weeks|cost`: what a pathway is asked for.
struct PathwayParameters: Sendable, Hashable {
    enum Target: Sendable, Hashable {
        case vacancy(UUID)
        case occupation(String)
    }

    var target: Target
    var objective: PathwayObjective

    /// The raw values, for re-showing a form.
    var occupationText: String {
        if case .occupation(let id) = target { return id }
        return ""
    }

    /// A bad or missing parameter is a 400 naming it (`AppError.badParameter`).
    static func parse(_ req: Request) throws -> PathwayParameters {
        try parse(vacancy: req.queryString("vacancy"), occupation: req.queryString("occupation"), objective: req.queryString("objective"))
    }

    static func parse(vacancy: String?, occupation: String?, objective: String?) throws -> PathwayParameters {
        let chosenObjective: PathwayObjective
        if let objective {
            guard let parsed = PathwayObjective(rawValue: objective.lowercased()) else {
                throw AppError.badParameter("objective", "objective must be weeks (job-ready soonest) or cost (least cost).")
            }
            chosenObjective = parsed
        } else {
            chosenObjective = .weeksToJobReady
        }
        switch (vacancy, occupation) {
        case (nil, nil):
            throw AppError.badParameter("occupation", "Choose an occupation, or give a vacancy, to plan a pathway to.")
        case (.some, .some):
            throw AppError.badParameter("vacancy", "Give either a vacancy or an occupation, not both.")
        case (let vacancy?, nil):
            guard let id = UUID(uuidString: vacancy) else {
                throw AppError.badParameter("vacancy", "vacancy must be an id like 3F2504E0-4F89-11D3-9A0C-0305E82C3301.")
            }
            return PathwayParameters(target: .vacancy(id), objective: chosenObjective)
        case (nil, let occupation?):
            guard occupation.count <= 100 else { throw AppError.badParameter("occupation", "occupation must be an occupation id such as O.CARE_ASSISTANT.") }
            return PathwayParameters(target: .occupation(occupation), objective: chosenObjective)
        }
    }
}
