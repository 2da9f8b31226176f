import Foundation

/// One algorithmic tool described as the UK Algorithmic Transparency Recording Standard asks: tier 1 for the
/// public in brief, tier 2 for specialists in detail. Published without sign-in at `/transparency` and
/// `GET /api/v1/transparency`.
public struct TransparencyRecord: Sendable, Codable, Hashable {
    public var id: String
    public var tier1: Tier1
    public var tier2: Tier2
    /// The values the tool runs with, as the code has them now.
    public var parameters: [Parameter]
    /// The day the tool or its parameters last changed (`yyyy-MM-dd`).
    public var lastChanged: String

    public struct Tier1: Sendable, Codable, Hashable {
        public var name: String
        public var description: String
        public var howItWorks: String
        public var whyItIsUsed: String
        public var humanDecision: String
        public var organisation: String
        public var contact: String
        public var phase: String
    }

    public struct Tier2: Sendable, Codable, Hashable {
        public var owner: Owner
        public var descriptionAndRationale: DescriptionAndRationale
        public var decisionMaking: DecisionMaking
        public var toolSpecification: ToolSpecification
        public var data: [DataSource]
        public var risks: [Risk]
        public var impactAssessments: [String]
    }

    public struct Owner: Sendable, Codable, Hashable {
        public var organisation: String
        public var team: String
        public var seniorResponsibleOwner: String
        public var supplier: String
    }

    public struct DescriptionAndRationale: Sendable, Codable, Hashable {
        public var detailedDescription: String
        public var scope: String
        public var benefits: [String]
        public var previousProcess: String
        public var alternativesConsidered: [String]
    }

    public struct DecisionMaking: Sendable, Codable, Hashable {
        public var processIntegration: String
        public var informationProvided: String
        public var frequencyAndScale: String
        public var humanDecisionsAndReview: String
        public var requiredTraining: String
        public var appealsAndReview: String
    }

    public struct ToolSpecification: Sendable, Codable, Hashable {
        public var systemArchitecture: String
        public var modelType: String
        public var evaluation: String
        public var maintenance: String
        public var documentation: String
    }

    public struct DataSource: Sendable, Codable, Hashable {
        public var name: String
        public var description: String
        public var collection: String
        public var sensitiveAttributes: String
        public var accessAndStorage: String
    }

    public struct Risk: Sendable, Codable, Hashable {
        public var risk: String
        public var mitigation: String
    }

    public struct Parameter: Sendable, Codable, Hashable {
        public var name: String
        public var value: String
        public var meaning: String
    }
}
