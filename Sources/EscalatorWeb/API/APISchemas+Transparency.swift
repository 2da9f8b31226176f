import EscalatorCore

extension APISchemas {
    /// An object whose listed properties are all required text.
    private static func texts(_ names: [String]) -> JSONValue {
        S.object(names.map { ($0, S.string) }, required: names)
    }

    static let transparency: [(String, JSONValue)] = [
        ("TransparencyRecord", S.object([
            ("id", S.strings(TransparencyRecords.all.map(\.id))),
            ("tier1", texts(["name", "description", "howItWorks", "whyItIsUsed", "humanDecision", "organisation", "contact", "phase"])),
            ("tier2", S.object([
                ("owner", texts(["organisation", "team", "seniorResponsibleOwner", "supplier"])),
                ("descriptionAndRationale", S.object([
                    ("detailedDescription", S.string), ("scope", S.string), ("benefits", S.array(S.string)), ("previousProcess", S.string),
                    ("alternativesConsidered", S.array(S.string)),
                ], required: ["detailedDescription", "scope", "benefits", "previousProcess", "alternativesConsidered"])),
                ("decisionMaking", texts(["processIntegration", "informationProvided", "frequencyAndScale", "humanDecisionsAndReview",
                                          "requiredTraining", "appealsAndReview"])),
                ("toolSpecification", texts(["systemArchitecture", "modelType", "evaluation", "maintenance", "documentation"])),
                ("data", S.array(texts(["name", "description", "collection", "sensitiveAttributes", "accessAndStorage"]))),
                ("risks", S.array(texts(["risk", "mitigation"]))),
                ("impactAssessments", S.array(S.string)),
            ], required: ["owner", "descriptionAndRationale", "decisionMaking", "toolSpecification", "data", "risks", "impactAssessments"])),
            ("parameters", S.array(texts(["name", "value", "meaning"]))),
            ("lastChanged", S.date),
        ], required: ["id", "tier1", "tier2", "parameters", "lastChanged"])),
        ("TransparencyDocument", S.object([("standard", S.string), ("records", S.array(S.ref("TransparencyRecord")))],
                                          required: ["standard", "records"])),
    ]
}
