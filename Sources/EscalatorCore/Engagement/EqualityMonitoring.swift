import Foundation

/// Equality-monitoring answers a client chose to give. Every answer is optional, and the record exists
/// only with the client's agreement. This is special-category data: it is stored sealed and shown only
/// to the client's own organisation and administrators.
public struct EqualityMonitoring: Sendable, Hashable, Codable {
    public var ethnicity: Ethnicity?
    /// Whether the client considers themselves disabled as the Equality Act 2010 defines it.
    public var disability: MonitoringAnswer?
    /// A physical or mental health condition or illness lasting, or expected to last, 12 months or more.
    public var longTermHealthCondition: MonitoringAnswer?
    /// The day the client agreed to give these answers.
    public var agreedOn: Date

    public init(ethnicity: Ethnicity? = nil, disability: MonitoringAnswer? = nil, longTermHealthCondition: MonitoringAnswer? = nil, agreedOn: Date) {
        self.ethnicity = ethnicity
        self.disability = disability
        self.longTermHealthCondition = longTermHealthCondition
        self.agreedOn = agreedOn
    }

    /// Answers were given: nothing is kept for a client who agreed but answered nothing.
    public var hasAnswers: Bool { ethnicity != nil || disability != nil || longTermHealthCondition != nil }

    /// The answers with their questions, in form order, for a summary: unanswered questions say so.
    public var summary: [(question: String, answer: String)] {
        [
            (Ethnicity.question, ethnicity?.label ?? "Not answered"),
            (MonitoringAnswer.disabilityQuestion, disability?.label ?? "Not answered"),
            (MonitoringAnswer.healthConditionQuestion, longTermHealthCondition?.label ?? "Not answered"),
        ]
    }
}

/// A yes/no monitoring question that may be declined.
public enum MonitoringAnswer: String, Sendable, Codable, CaseIterable {
    case yes
    case no
    case preferNotToSay = "prefer-not-to-say"

    public var label: String {
        switch self {
        case .yes: "Yes"
        case .no: "No"
        case .preferNotToSay: "Prefer not to say"
        }
    }

    public static let disabilityQuestion = "Disabled under the Equality Act 2010"
    public static let disabilityHint = "A physical or mental impairment with a substantial and long-term adverse effect on the ability to carry out normal day-to-day activities."
    public static let healthConditionQuestion = "Long-term health condition"
    public static let healthConditionHint = "A physical or mental health condition or illness lasting, or expected to last, 12 months or more."
}

/// Ethnic group as the ONS asked it in the 2021 Census of England and Wales: 19 groups under five
/// headings, in the census order, and "prefer not to say".
public enum Ethnicity: String, Sendable, Codable, CaseIterable {
    case bangladeshi = "asian-bangladeshi"
    case chinese = "asian-chinese"
    case indian = "asian-indian"
    case pakistani = "asian-pakistani"
    case otherAsian = "asian-other"
    case african = "black-african"
    case caribbean = "black-caribbean"
    case otherBlack = "black-other"
    case whiteAndAsian = "mixed-white-asian"
    case whiteAndBlackAfrican = "mixed-white-black-african"
    case whiteAndBlackCaribbean = "mixed-white-black-caribbean"
    case otherMixed = "mixed-other"
    case britishWhite = "white-british"
    case irish = "white-irish"
    case gypsyOrIrishTraveller = "white-gypsy-irish-traveller"
    case roma = "white-roma"
    case otherWhite = "white-other"
    case arab = "other-arab"
    case anyOther = "other-any"
    case preferNotToSay = "prefer-not-to-say"

    public static let question = "Ethnic group"

    /// The 19 census groups, without "prefer not to say".
    public static var censusGroups: [Ethnicity] { allCases.filter { $0 != .preferNotToSay } }

    public var heading: EthnicityHeading? {
        switch self {
        case .bangladeshi, .chinese, .indian, .pakistani, .otherAsian: .asian
        case .african, .caribbean, .otherBlack: .black
        case .whiteAndAsian, .whiteAndBlackAfrican, .whiteAndBlackCaribbean, .otherMixed: .mixed
        case .britishWhite, .irish, .gypsyOrIrishTraveller, .roma, .otherWhite: .white
        case .arab, .anyOther: .other
        case .preferNotToSay: nil
        }
    }

    /// The group's own name, as the census lists it under its heading.
    public var name: String {
        switch self {
        case .bangladeshi: "Bangladeshi"
        case .chinese: "Chinese"
        case .indian: "Indian"
        case .pakistani: "Pakistani"
        case .otherAsian: "Any other Asian background"
        case .african: "African"
        case .caribbean: "Caribbean"
        case .otherBlack: "Any other Black, Black British or Caribbean background"
        case .whiteAndAsian: "White and Asian"
        case .whiteAndBlackAfrican: "White and Black African"
        case .whiteAndBlackCaribbean: "White and Black Caribbean"
        case .otherMixed: "Any other Mixed or Multiple ethnic background"
        case .britishWhite: "English, Welsh, Scottish, Northern Irish or British"
        case .irish: "Irish"
        case .gypsyOrIrishTraveller: "Gypsy or Irish Traveller"
        case .roma: "Roma"
        case .otherWhite: "Any other White background"
        case .arab: "Arab"
        case .anyOther: "Any other ethnic group"
        case .preferNotToSay: "Prefer not to say"
        }
    }

    /// "Heading: group", so that a single list reads unambiguously ("White: Irish").
    public var label: String {
        heading.map { "\($0.label): \(name)" } ?? name
    }
}

/// The five headings of the 2021 census question.
public enum EthnicityHeading: String, Sendable, Codable, CaseIterable {
    case asian, black, mixed, white, other

    public var label: String {
        switch self {
        case .asian: "Asian, Asian British or Asian Welsh"
        case .black: "Black, Black British, Black Welsh, Caribbean or African"
        case .mixed: "Mixed or Multiple ethnic groups"
        case .white: "White"
        case .other: "Other ethnic group"
        }
    }
}
