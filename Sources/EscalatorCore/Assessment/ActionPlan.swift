/// The stages of the skills escalator, in the order a client climbs them.
public enum EscalatorStage: String, Sendable, Codable, CaseIterable {
    case barrierSupport = "barrier-support"
    case basicSkills = "basic-skills"
    case vocationalTraining = "vocational-training"
    case jobSearch = "job-search"
    case inWorkSupport = "in-work-support"
    case progression

    public var label: String {
        switch self {
        case .barrierSupport: "Support with barriers"
        case .basicSkills: "Basic skills"
        case .vocationalTraining: "Vocational training"
        case .jobSearch: "Job search"
        case .inWorkSupport: "In-work support"
        case .progression: "Progression"
        }
    }
}

public struct EscalatorStep: Sendable, Hashable, Codable {
    public var stage: EscalatorStage
    public var title: String
    public var reason: String

    public init(stage: EscalatorStage, title: String, reason: String) {
        self.stage = stage
        self.title = title
        self.reason = reason
    }
}

extension BarrierKind {
    /// The help an adviser arranges for this barrier.
    public var supportOffered: String {
        switch self {
        case .childcare: "Childcare funding and help finding a place"
        case .caring: "Support for carers and work that fits around caring"
        case .transport: "Travel cost support, such as a bus pass"
        case .health: "A health and work coach"
        case .disability: "Access to Work support and reasonable adjustments"
        case .language: "An ESOL course (English for speakers of other languages)"
        case .basicSkills: "A basic skills check with a tutor"
        case .digitalAccess: "A device and data through a digital inclusion scheme"
        case .convictions: "Advice on disclosing convictions from a specialist charity"
        case .housing: "Housing advice"
        case .confidence: "A confidence and motivation course"
        case .debt: "Free debt advice"
        }
    }
}

/// A client's route up the escalator, built from their assessment. The same assessment always gives
/// the same steps in the same order: barrier support, basic skills, vocational training, job search,
/// in-work support, progression.
public enum ActionPlan {
    public static func make(for assessment: Assessment, score: DistanceFromWorkScore, taxonomy: Taxonomy) -> [EscalatorStep] {
        barrierSteps(assessment)
            + basicSkillSteps(assessment)
            + trainingSteps(assessment, taxonomy: taxonomy)
            + [jobSearchStep(score), inWorkSupportStep(), progressionStep(assessment)]
    }

    /// Medium and high barriers, most severe first; low barriers are left to the adviser's judgement.
    private static func barrierSteps(_ assessment: Assessment) -> [EscalatorStep] {
        DistanceFromWork.orderedBarriers(assessment.barriers)
            .filter { $0.severity >= .medium }
            .map { barrier in
                EscalatorStep(
                    stage: .barrierSupport,
                    title: barrier.kind.supportOffered,
                    reason: "\(barrier.kind.label) is a \(barrier.severity.label.lowercased()) barrier to work; tackling it first makes the next steps possible."
                )
            }
    }

    /// An ESOL step appears here only for a low language barrier: medium and high ones already have
    /// an ESOL course under barrier support.
    private static func basicSkillSteps(_ assessment: Assessment) -> [EscalatorStep] {
        var steps: [EscalatorStep] = []
        let language = assessment.barriers.filter { $0.kind == .language }.map(\.severity).max()
        if language == .low {
            steps.append(EscalatorStep(
                stage: .basicSkills, title: "An ESOL course",
                reason: "Some extra English will make applications and interviews easier."
            ))
        }
        for area in BasicSkillArea.allCases where area.isLacking(in: assessment) {
            let (title, reason) = switch area {
            case .literacy: ("An English (literacy) course", "Reading and writing are not yet at the level most jobs need.")
            case .numeracy: ("A maths (numeracy) course", "Everyday maths is not yet at the level most jobs need.")
            case .digital: ("A digital skills course", "Most jobs are applied for online, and many use computers every day.")
            }
            steps.append(EscalatorStep(stage: .basicSkills, title: title, reason: reason))
        }
        if !assessment.gcseEnglish {
            steps.append(EscalatorStep(
                stage: .basicSkills, title: "GCSE English or Functional Skills English level 2",
                reason: "Many employers ask for GCSE English at grade 4 (C) or above."
            ))
        }
        if !assessment.gcseMaths {
            steps.append(EscalatorStep(
                stage: .basicSkills, title: "GCSE maths or Functional Skills maths level 2",
                reason: "Many employers ask for GCSE maths at grade 4 (C) or above."
            ))
        }
        return steps
    }

    /// Training toward the first aspiration the taxonomy knows; a careers step when there is none.
    private static func trainingSteps(_ assessment: Assessment, taxonomy: Taxonomy) -> [EscalatorStep] {
        guard !assessment.aspirations.isEmpty else {
            return [EscalatorStep(
                stage: .vocationalTraining, title: "Careers guidance to choose a job goal",
                reason: "No job goal is recorded yet; choosing one lets training aim at the skills that job needs."
            )]
        }
        guard let occupation = assessment.aspirations.lazy.compactMap({ taxonomy.occupation($0) }).first else { return [] }
        let missing = occupation.essentialSkills.filter { needed in
            guard let held = assessment.level(of: needed.skillID) else { return true }
            return held < needed.level
        }
        guard !missing.isEmpty else { return [] }
        let names = missing.map { "\(taxonomy.skillName($0.skillID)) (\($0.level.label.lowercased()))" }
        return [EscalatorStep(
            stage: .vocationalTraining, title: "Training toward \(occupation.name)",
            reason: "\(occupation.name) needs \(names.joinedAsList()), not yet held at that level."
        )]
    }

    private static func jobSearchStep(_ score: DistanceFromWorkScore) -> EscalatorStep {
        score.band == .ready
            ? EscalatorStep(
                stage: .jobSearch, title: "Apply for matched vacancies now",
                reason: "The distance-from-work score is \(score.total) (\(score.band.label.lowercased())), so applying can start straight away."
            )
            : EscalatorStep(
                stage: .jobSearch, title: "Apply for matched vacancies as the steps above are completed",
                reason: "The distance-from-work score is \(score.total) (\(score.band.label.lowercased())); applications go further once the earlier steps are under way."
            )
    }

    private static func inWorkSupportStep() -> EscalatorStep {
        let weeks = SustainmentMilestone.allCases.map { String($0.rawValue) }
        return EscalatorStep(
            stage: .inWorkSupport, title: "In-work support after starting a job",
            reason: "The adviser keeps in touch with the client and employer, with checks at \(weeks.joinedAsList()) weeks."
        )
    }

    private static func progressionStep(_ assessment: Assessment) -> EscalatorStep {
        let next = RQFLevel(rawValue: assessment.highestQualification.rawValue + 1)
        let title = next.map { "In-work training toward a \($0.shortLabel.lowercased()) qualification" } ?? "In-work training and promotion"
        return EscalatorStep(
            stage: .progression, title: title,
            reason: "Once settled in work, training on the job leads to better pay and more secure work."
        )
    }
}
