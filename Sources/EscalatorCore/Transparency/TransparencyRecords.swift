import Foundation

/// The transparency records of Escalator's three algorithms: matching, pathways and allocation. Their
/// parameters are read from the code the service runs, so the published values are the live ones; when a
/// parameter or the method changes, change `lastChanged` too (`TransparencyTests` pins the two together).
public enum TransparencyRecords {
    public static let all: [TransparencyRecord] = [matching, pathways, allocation]

    static let owner = TransparencyRecord.Owner(
        organisation: "The combined authority of the West Midlands city region, for the partners of the Integrated Employment and Skills System",
        team: "Employment and skills data team",
        seniorResponsibleOwner: "Director of Employment and Skills",
        supplier: "Built in-house as open code (Escalator); no third-party model or supplier.")
    static let contact = "The administrator of this service, through the employment and skills partnership"
    static let phase = "Production (pilot)"

    static let clientRecords = TransparencyRecord.DataSource(
        name: "Clients' assessments",
        description: "For each resident registered with a partner: the skills an adviser assessed (skill, level, evidence), the highest qualification, GCSE English and maths, the hours they can work, how far and how they can travel, the occupations they aspire to, their home ward and their date of birth where recorded.",
        collection: "Recorded by advisers in an assessment interview with the resident, or imported from partners' systems; the latest assessment counts (latest assessment date, then latest time recorded).",
        sensitiveAttributes: "The algorithms do not use ethnicity, sex, disability, health or convictions. Age is used only where a vacancy sets a legal minimum age. Barriers (which can reveal health or disability) are used by pathways only, to plan support, and are sealed in the database.",
        accessAndStorage: "Held in the partnership's database; read only by the partners the resident consented to share with, under one access policy, and every read is audited (docs/security.md).")
    static let vacancyRecords = TransparencyRecord.DataSource(
        name: "Vacancies and programmes",
        description: "Vacancies scoped by employers (occupation, essential and desirable skills with levels, minimum qualification, GCSEs, hours, pay, place, openings, closing date, minimum age) and programmes run by providers (skills taught and the level reached, entry requirements, weeks, hours, cost, barrier support, cohorts and free places).",
        collection: "Entered by employers, providers and advisers, or imported; skills use the region's taxonomy (ESCO-based).",
        sensitiveAttributes: "None about people.",
        accessAndStorage: "Held in the partnership's database.")

    // MARK: Matching

    static let weights = MatchingWeights.standard

    public static let matching = TransparencyRecord(
        id: "matching",
        tier1: .init(
            name: "Escalator matching: vacancies for a resident, candidates for a vacancy",
            description: "Scores how well a resident's assessed skills, qualifications, aspirations and travel fit a vacancy, and lists the best vacancies for a resident and the best candidates for a vacancy, with the reason for every point of the score.",
            howItWorks: "A fixed formula: five components (essential skills, desirable skills, qualification, aspiration, travel), each between 0 and 1, weighted and added. Hard limits (travel, hours, licences, minimum age, qualification, GCSEs) rule a match out instead of lowering it. There is no machine learning and no training data.",
            whyItIsUsed: "So that an adviser can see, among thousands of vacancies, the ones a resident could do now or nearly do, and an employer can find people who fit, faster and more consistently than by searching by hand.",
            humanDecision: "Whether to suggest a vacancy to a resident and whether to refer them is the adviser's decision with the resident; the resident accepts or declines every referral. An employer sees pseudonymised candidates and can only ask the adviser.",
            organisation: owner.organisation, contact: contact, phase: phase),
        tier2: .init(
            owner: owner,
            descriptionAndRationale: .init(
                detailedDescription: "For each resident–vacancy pair the score is 0.50 × essential skills + 0.15 × desirable skills + 0.10 × qualification + 0.15 × aspiration + 0.10 × travel, or 0 when a hard constraint fails. A requirement met at the level asked counts 1, one level short 0.5, otherwise 0. Rankings sort by score, then by id, so equal scores always come out in the same order. docs/matching.md is enough to reimplement it and get the same numbers, and an independent reimplementation does.",
                scope: "Residents registered with a partner and assessed; live vacancies (open, closing today or later). Candidates are drawn only from residents who consented to share their record.",
                benefits: ["Every suggestion is explained, component by component, to the adviser.", "The same inputs always give the same result.", "Recommendations can be spread so that one vacancy is not recommended to far more people than it has openings."],
                previousProcess: "Advisers searched vacancy lists by title and area and relied on memory of employers' needs.",
                alternativesConsidered: ["A learned ranking model: rejected, because it would need outcome data that carries past bias, and could not be explained or reproduced exactly.", "Keyword search only: kept alongside, but it misses skills described in other words."]),
            decisionMaking: .init(
                processIntegration: "Shown on the resident's matches page and the vacancy's candidates page, and through the API; used to propose referrals.",
                informationProvided: "To advisers: the score, each component with its explanation, skills met and missing, hard constraints and narrow passes. To employers: a pseudonym, requirements met or not, and the score, distance and hours in bands only.",
                frequencyAndScale: "Every page view; each resident's top 10 are recomputed in the background after every change. About 61,000 residents and 14,000 vacancies at region scale.",
                humanDecisionsAndReview: "No decision is made by the algorithm. An adviser chooses what to suggest; the resident accepts or declines each referral; the employer decides whom to interview.",
                requiredTraining: "Advisers are shown how to read the score's explanation and told that a low score is not a judgement of the person.",
                appealsAndReview: "A resident can ask their adviser why a vacancy was or was not suggested: the explanation is on the page. Wrong assessment data is corrected (UK GDPR Article 16) and the match changes at once."),
            toolSpecification: .init(
                systemArchitecture: "Part of the Escalator service (Swift): a pure scoring core, an index that ranks all pairs exactly, and the web app that shows the results.",
                modelType: "Rule-based weighted score; deterministic.",
                evaluation: "Unit tests against worked examples in docs/matching.md; a randomised test that the fast ranking equals scoring every pair; an independent reimplementation reproduces the scores.",
                maintenance: "Weights and rules change only by a change to the code, reviewed and recorded here with its date.",
                documentation: "docs/matching.md"),
            data: [clientRecords, vacancyRecords],
            risks: [
                .init(risk: "Skills recorded unevenly by different advisers make some residents look less suited.", mitigation: "Evidence levels are recorded; the explanation shows which skills were counted, so an adviser can correct the assessment."),
                .init(risk: "The travel component favours people living near jobs, which may disadvantage outlying target wards.", mitigation: "Travel is 10% of the score and only a hard limit the resident sets rules a job out; allocation can reserve places for target wards."),
                .init(risk: "Employers re-identifying candidates from their details.", mitigation: "Employers see pseudonyms per vacancy and terms, bands only, no list shorter than 5, and no drafts (docs/security.md)."),
                .init(risk: "Popular vacancies recommended to far more people than they can take.", mitigation: "A spread mode caps each vacancy at a multiple of its openings, and the concentration is reported."),
            ],
            impactAssessments: ["Data protection impact assessment for the Integrated Employment and Skills System (sharing by consent, special-category data sealed and least privilege).", "Equality monitoring: the engine's scores by group are to be reported on the fairness page (planned)."]),
        parameters: [
            .init(name: "Essential skills weight", value: decimal(weights.essentialSkills), meaning: "Mean credit over the essential requirements."),
            .init(name: "Desirable skills weight", value: decimal(weights.desirableSkills), meaning: "Mean credit over the desirable requirements."),
            .init(name: "Qualification weight", value: decimal(weights.qualification), meaning: "1 when the resident's qualification meets the minimum."),
            .init(name: "Aspiration weight", value: decimal(weights.aspiration), meaning: "1 when the vacancy's occupation is one the resident aspires to."),
            .init(name: "Travel weight", value: decimal(weights.travel), meaning: "1 − distance ÷ the furthest the resident can travel."),
            .init(name: "Credit one level short", value: "0.5", meaning: "A skill held one level below the level asked."),
            .init(name: "Shortest candidate list an employer sees", value: "\(PseudonymousCandidate.smallestListShown)", meaning: "Shorter lists show their length only."),
        ],
        lastChanged: "2026-12-07")

    // MARK: Pathways

    public static let pathways = TransparencyRecord(
        id: "pathways",
        tier1: .init(
            name: "Escalator pathways: the steps to be ready for a job",
            description: "Plans the shortest (or cheapest) sequence of support and programmes — barrier support, basic skills, then training that teaches the missing skills — that makes a resident ready for a chosen vacancy or occupation, and what follows employment.",
            howItWorks: "An exact search over the programmes and cohorts available: every step is a real programme with a start date and free places; the result is the best under the chosen objective (earliest job-ready day, or least cost), with stated tie-breaks.",
            whyItIsUsed: "So that an adviser and a resident can see a realistic route up the skills escalator, with dates and costs, instead of guessing which courses would help.",
            humanDecision: "The adviser and the resident decide whether to follow the pathway and make each referral; providers accept or refuse referrals.",
            organisation: owner.organisation, contact: contact, phase: phase),
        tier2: .init(
            owner: owner,
            descriptionAndRationale: .init(
                detailedDescription: "The target's requirements (each essential skill at its level, the minimum qualification, the minimum age by waiting) and every barrier at or above the policy severity must be met. The planner searches sequences of programme cohorts that teach what is missing, respecting start dates, durations, free places and entry requirements, and returns the optimum for the objective; or says why no pathway exists (for example travel or hours no programme changes).",
                scope: "One resident at a time, for a target the adviser chooses.",
                benefits: ["Shows time and cost to job-ready before anyone commits.", "Uses only programmes that really run, with free places."],
                previousProcess: "Advisers chose courses from provider prospectuses one at a time.",
                alternativesConsidered: ["A greedy plan (the course closing most gaps first): rejected, because it is not optimal and can miss shorter routes."]),
            decisionMaking: .init(
                processIntegration: "On the resident's page and from each recommended vacancy; through the API.",
                informationProvided: "Each step with dates, hours, cost and what it teaches or supports; barriers noted; why a target is out of reach.",
                frequencyAndScale: "On request, one resident at a time.",
                humanDecisionsAndReview: "Nothing is booked by the algorithm. Each referral is made by the adviser with the resident's agreement.",
                requiredTraining: "Advisers are shown the objectives and that a pathway is a plan to discuss, not an instruction.",
                appealsAndReview: "The resident and adviser can choose another target or objective, or another programme."),
            toolSpecification: .init(
                systemArchitecture: "Part of the Escalator service: the planner is built once from the programmes and answers each request exactly.",
                modelType: "Exact combinatorial search; deterministic.",
                evaluation: "Tests of optimality against brute force on small cases; tie-breaks checked.",
                maintenance: "Changed only by a reviewed change to the code.",
                documentation: "docs/matching.md (Pathways)"),
            data: [clientRecords, vacancyRecords],
            risks: [
                .init(risk: "Barriers used in planning reveal health or disability.", mitigation: "Only advisers who may see the resident's barriers see a pathway; barriers are sealed in the database and every read is audited."),
                .init(risk: "A cheapest pathway could steer people to low-value courses.", mitigation: "The default objective is the earliest job-ready day; cost is a choice the adviser makes."),
            ],
            impactAssessments: ["Covered by the service's data protection impact assessment."]),
        parameters: [
            .init(name: "Barrier severity that must be addressed", value: "high", meaning: "Medium and low barriers are noted but do not hold a pathway back."),
            .init(name: "Objectives", value: PathwayObjective.allCases.map(\.rawValue).joined(separator: ", "), meaning: "weeks: earliest job-ready day; cost: least total cost."),
        ],
        lastChanged: "2026-12-07")

    // MARK: Allocation

    static let allocationDefaults = AllocationOptions()

    public static let allocation = TransparencyRecord(
        id: "allocation",
        tier1: .init(
            name: "Escalator allocation: places for many residents at once",
            description: "Proposes, for all waiting residents together, which vacancy opening or programme place each could take so that the total fit is as good as possible, with no place over-filled and, if chosen, a share of places kept for residents of the target wards.",
            howItWorks: "An exact optimisation (a minimum-cost flow over residents and places, using the matching scores); the result is the best possible total, checked against an independent solver (OR-Tools).",
            whyItIsUsed: "To plan referrals across the region so that places go where they fit best and scarce places are not all offered to the same people.",
            humanDecision: "Commissioners and advisers use the plan to decide referrals; no one is referred by the algorithm.",
            organisation: owner.organisation, contact: contact, phase: phase),
        tier2: .init(
            owner: owner,
            descriptionAndRationale: .init(
                detailedDescription: "Each resident may take at most one place (a job opening or a programme place); each slot has its places; arcs join each resident to their best options by score. The optimum maximises the total score. Optionally a share of every slot's places is reserved for residents of target wards, and unused reserved places may be released in a second stage.",
                scope: "Assessed residents and live vacancies and bookable cohorts at the time of the plan.",
                benefits: ["An exact optimum, reproducible and checked.", "A stated way to prioritise target wards."],
                previousProcess: "First come, first served referrals.",
                alternativesConsidered: ["A greedy assignment: rejected, not optimal.", "A general solver library: the built-in solver gives identical optima faster."]),
            decisionMaking: .init(
                processIntegration: "The allocation page, its CSV and the API serve the stored plan with the time it was computed.",
                informationProvided: "For each resident the proposed place and its score; totals and the reserved places used.",
                frequencyAndScale: "Computed in the background after changes; about 61,000 residents at region scale.",
                humanDecisionsAndReview: "A plan is advice. Each referral is still made by an adviser with the resident's agreement.",
                requiredTraining: "Commissioners are shown what the reservation share does and what the plan does not consider (for example residents' preferences beyond their aspirations).",
                appealsAndReview: "A resident is never bound by a plan; they may ask for any vacancy or programme."),
            toolSpecification: .init(
                systemArchitecture: "Part of the Escalator service: network building in the core, a minimum-cost flow solver, plans stored in the database.",
                modelType: "Exact linear optimisation (minimum-cost flow); deterministic.",
                evaluation: "Optima compared with OR-Tools on 300 random networks in every test run, identical.",
                maintenance: "Changed only by a reviewed change to the code.",
                documentation: "docs/matching.md (Allocation)"),
            data: [clientRecords, vacancyRecords],
            risks: [
                .init(risk: "Maximising total fit can leave the hardest-to-help residents with nothing.", mitigation: "Plans are advice; target-ward reservation; advisers see who was left unallocated."),
                .init(risk: "Reserved places for target wards treat residents differently by where they live.", mitigation: "It is a stated policy choice, off by default, with its share shown on every plan."),
            ],
            impactAssessments: ["Covered by the service's data protection impact assessment."]),
        parameters: [
            .init(name: "Options per resident", value: "\(allocationDefaults.candidatesPerClient)", meaning: "Each resident's best options that the optimum chooses among."),
            .init(name: "Programme weight", value: decimal(allocationDefaults.programmeWeight), meaning: "Multiplies programme scores before they compete with vacancies."),
            .init(name: "Reserved share for target wards", value: "0 (off) unless chosen", meaning: "A share of every slot's places kept for target wards' residents."),
            .init(name: "Matching weights", value: [weights.essentialSkills, weights.desirableSkills, weights.qualification, weights.aspiration, weights.travel].map(decimal).joined(separator: ", "), meaning: "As in the matching record."),
        ],
        lastChanged: "2026-12-07")

    static func decimal(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") && text.contains(".") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
