import XCTest
@testable import EscalatorCore

final class EqualityMonitoringTests: XCTestCase {
    func testEthnicityHasTheNineteenCensusGroupsUnderFiveHeadingsAndPreferNotToSay() {
        XCTAssertEqual(Ethnicity.censusGroups.count, 19)
        XCTAssertEqual(Ethnicity.allCases.count, 20)
        XCTAssertEqual(Ethnicity.allCases.last, .preferNotToSay)
        XCTAssertNil(Ethnicity.preferNotToSay.heading)
        let perHeading = Dictionary(grouping: Ethnicity.censusGroups) { $0.heading! }.mapValues(\.count)
        XCTAssertEqual(perHeading, [.asian: 5, .black: 3, .mixed: 4, .white: 5, .other: 2])
        // Census order: headings in turn, each group's "any other" last.
        XCTAssertEqual(Ethnicity.censusGroups.map { $0.heading! }, EthnicityHeading.allCases.flatMap { heading in
            Array(repeating: heading, count: perHeading[heading]!)
        })
        for heading in EthnicityHeading.allCases {
            XCTAssertTrue(Ethnicity.censusGroups.last { $0.heading == heading }!.name.hasPrefix("Any other"), heading.label)
        }
    }

    func testLabelsAreUniqueAndNameTheirHeading() {
        XCTAssertEqual(Set(Ethnicity.allCases.map(\.label)).count, Ethnicity.allCases.count)
        XCTAssertEqual(Set(Ethnicity.allCases.map(\.rawValue)).count, Ethnicity.allCases.count)
        XCTAssertEqual(Ethnicity.irish.label, "White: Irish")
        XCTAssertEqual(Ethnicity.arab.label, "Other ethnic group: Arab")
        XCTAssertEqual(Ethnicity.preferNotToSay.label, "Prefer not to say")
    }

    func testAnswersAndSummary() {
        let day = Date(timeIntervalSince1970: 1_800_000_000)
        XCTAssertFalse(EqualityMonitoring(agreedOn: day).hasAnswers)
        XCTAssertTrue(EqualityMonitoring(longTermHealthCondition: .preferNotToSay, agreedOn: day).hasAnswers)
        let answers = EqualityMonitoring(ethnicity: .caribbean, disability: .yes, agreedOn: day)
        XCTAssertEqual(answers.summary.map(\.answer), ["Black, Black British, Black Welsh, Caribbean or African: Caribbean", "Yes", "Not answered"])
        XCTAssertEqual(answers.summary.map(\.question), [Ethnicity.question, MonitoringAnswer.disabilityQuestion, MonitoringAnswer.healthConditionQuestion])
    }

    func testAClientWithoutMonitoringStillDecodesAndTheInitialiserDefaultsToNone() throws {
        let client = Client(
            id: UUID(), reference: "WM-X", givenName: "A", familyName: "B", dateOfBirth: nil, postcode: "B1 1AA", wardID: "W",
            employmentStatus: .unemployed, referralSource: .council, organisationID: UUID(), caseOwnerID: nil, registeredAt: Date(timeIntervalSince1970: 0))
        XCTAssertNil(client.equalityMonitoring)
        let json = try JSONEncoder().encode(client)
        XCTAssertFalse(String(decoding: json, as: UTF8.self).contains("equalityMonitoring"), "omitted when not recorded")
        var monitored = client
        monitored.equalityMonitoring = EqualityMonitoring(ethnicity: .roma, agreedOn: Date(timeIntervalSince1970: 86_400))
        XCTAssertEqual(try JSONDecoder().decode(Client.self, from: JSONEncoder().encode(monitored)), monitored)
        XCTAssertEqual(try JSONDecoder().decode(Client.self, from: json), client)
    }
}
