import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Foundation
import Vapor
import XCTVapor
import XCTest

final class MatchingTests: WebTestCase {
    private func get(_ path: String, as role: TestRole) async throws -> XCTHTTPResponse {
        let headers = try await t.bearer(role)
        return try await t.app.sendRequest(.GET, path, headers: headers)
    }

    private func page(_ path: String, as role: TestRole) async throws -> XCTHTTPResponse {
        let session = try await t.pageSession(role)
        return try await t.app.sendRequest(.GET, path, headers: session.headers)
    }

    private func assess(_ clientID: UUID, minHours: Int, maxHours: Int, travelKm: Double, as role: TestRole = .adviser) async throws {
        let headers = try await t.bearer(role)
        let res = try await t.app.sendRequest(.POST, "/api/v1/clients/\(clientID)/assessments", headers: headers) { req async throws in
            req.headers.contentType = .json
            req.body = ByteBuffer(string: """
                {"skills": [{"skillID": "S.PICKING_PACKING", "level": 2}, {"skillID": "S.MANUAL_HANDLING", "level": 2}],
                 "highestQualification": 1, "gcseEnglish": true, "aspirations": ["O.WAREHOUSE_OPERATIVE"],
                 "constraints": {"minHoursPerWeek": \(minHours), "maxHoursPerWeek": \(maxHours), "maxTravelKm": \(travelKm)}}
                """)
        }
        XCTAssertEqual(res.status, .created, res.body.string)
    }

    // MARK: A client's matches

    func testMatchesAreScoredAsTheCoreScoresThemAndExplained() async throws {
        let res = try await get("/api/v1/clients/\(f.clientA)/matches", as: .adviser)
        XCTAssertEqual(res.status, .ok, res.body.string)
        let body = try res.content.decode(MatchDTO.ClientMatches.self)
        XCTAssertEqual(body.assessmentID, f.assessmentA)
        let match = try XCTUnwrap(body.vacancies.first { $0.vacancyID == f.vacancy }, "the fixture vacancy is matched")
        XCTAssertEqual(match.title, "Warehouse operative")
        XCTAssertEqual(match.employerName, "Test Engineering Ltd")
        XCTAssertTrue(match.eligible)
        XCTAssertEqual(match.components.map(\.name), ["Essential skills", "Desirable skills", "Qualification", "Aspiration", "Travel"])
        XCTAssertEqual(match.components.reduce(0) { $0 + $1.contribution }, match.score, accuracy: 1e-9)
        for component in match.components {
            XCTAssertEqual(component.contribution, component.weight * component.value, accuracy: 1e-12)
            XCTAssertFalse(component.explanation.isEmpty)
        }
        XCTAssertEqual(match.scorePercent, Int((match.score * 100).rounded()))

        // The same score the core gives for the fixture client's latest assessment.
        let client = try await ClientModel.find(f.clientA, on: t.app.db)!.value
        let assessment = try await AssessmentModel.find(f.assessmentA, on: t.app.db)!.value(t.app.columnCipher)
        let ward = try await WardModel.find(f.wardA, on: t.app.db)!.value
        let vacancy = try await VacancyModel.find(f.vacancy, on: t.app.db)!.value
        let taxonomy = StarterTaxonomy.taxonomy
        let profile = Matcher.profile(client: client, assessment: assessment, location: ward.centre, on: WebFixture.today)
        let expected = VacancyScorer.score(profile, VacancyTarget(vacancy: vacancy, location: ward.centre),
                                           licenceSkillIDs: Set(taxonomy.licences.map(\.id)))
        XCTAssertEqual(match.score, expected.score, accuracy: 1e-12)
        XCTAssertEqual(match.skillsMissing.map(\.skillID), expected.skillsMissing.map(\.skillID))
        XCTAssertEqual(match.skillsMet.map(\.skillID), ["S.PICKING_PACKING", "S.MANUAL_HANDLING"])
        XCTAssertEqual(match.skillsMissing.first { $0.skillID == "B.NUMERACY" }?.skillName, "Numeracy")
        XCTAssertTrue(match.skillsMissing.contains { $0.importance == .essential && $0.held == nil })

        let programme = try XCTUnwrap(body.programmes.first { $0.programmeID == f.programme }, "the bootcamp closes the gaps")
        XCTAssertEqual(programme.nextCohort?.cohortID, f.cohort)
        XCTAssertEqual(programme.nextCohort?.startsOn, "2026-12-01")
        XCTAssertEqual(programme.freePlaces, 10)
        XCTAssertTrue(programme.guaranteedInterview)
        XCTAssertEqual(programme.supportsBarriers, [.transport])
        XCTAssertTrue(programme.closesGaps.contains { $0.skillID == "B.NUMERACY" && $0.skillName == "Numeracy" })
        XCTAssertFalse(programme.reasons.isEmpty)
    }

    func testMatchesPageExplainsAndOffersReferrals() async throws {
        let res = try await page("/clients/\(f.clientA)/matches", as: .adviser)
        XCTAssertEqual(res.status, .ok)
        let html = res.body.string
        for expected in ["Warehouse operative, Test Engineering Ltd", "How the score is made up", "Essential skills", "Aspiration",
                         "Skills missing", "Numeracy", "Warehouse skills bootcamp", "1 December 2026", "nearMisses=1"] {
            XCTAssertTrue(html.contains(expected), "\(expected) missing from the matches page")
        }
        XCTAssertTrue(html.contains(#"<form method="post" action="/referrals""#))
        XCTAssertTrue(html.contains(#"name="vacancyID" value="\#(f.vacancy)""#))
        XCTAssertTrue(html.contains(#"name="cohortID" value="\#(f.cohort)""#))
        XCTAssertTrue(html.contains(#"name="returnTo" value="/clients/\#(f.clientA)/matches""#))
        XCTAssertFalse(html.contains("style="), "no inline styles under the content security policy")
    }

    func testNearMissesAppearOnlyWhenAskedForWithTheirBlockers() async throws {
        // Build the cache first, so the new assessment must invalidate it.
        let warm = try await get("/api/v1/clients/\(f.clientA)/matches", as: .adviser)
        XCTAssertTrue(try warm.content.decode(MatchDTO.ClientMatches.self).vacancies.contains { $0.vacancyID == f.vacancy })

        try await assess(f.clientA, minHours: 10, maxHours: 15, travelKm: 15)
        var res = try await get("/api/v1/clients/\(f.clientA)/matches", as: .adviser)
        var body = try res.content.decode(MatchDTO.ClientMatches.self)
        XCTAssertNotEqual(body.assessmentID, f.assessmentA, "the latest assessment is used")
        XCTAssertFalse(body.vacancies.contains { $0.vacancyID == f.vacancy }, "37 hours is beyond 15")

        res = try await get("/api/v1/clients/\(f.clientA)/matches?includeIneligible=true", as: .adviser)
        body = try res.content.decode(MatchDTO.ClientMatches.self)
        let nearMiss = try XCTUnwrap(body.vacancies.first { $0.vacancyID == f.vacancy })
        XCTAssertFalse(nearMiss.eligible)
        XCTAssertEqual(nearMiss.score, 0)
        XCTAssertEqual(nearMiss.blockers.map(\.kind), [.hours])

        let html = try await page("/clients/\(f.clientA)/matches?nearMisses=1", as: .adviser).body.string
        XCTAssertTrue(html.contains("Near miss"))
        XCTAssertTrue(html.contains("Rules them out"))
    }

    func testUnassessedClientIsSentToTheAssessmentForm() async throws {
        let res = try await page("/clients/\(f.clientB)/matches", as: .administrator)
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains("has not been assessed yet"))
        XCTAssertTrue(res.body.string.contains(#"href="/clients/\#(f.clientB)/assessments/new""#))

        let api = try await get("/api/v1/clients/\(f.clientB)/matches", as: .administrator)
        let body = try api.content.decode(MatchDTO.ClientMatches.self)
        XCTAssertNil(body.assessmentID)
        XCTAssertTrue(body.vacancies.isEmpty)
    }

    func testOtherOrganisationsClientAndOtherRolesAreRefused() async throws {
        var res = try await get("/api/v1/clients/\(f.clientB)/matches", as: .adviser)
        XCTAssertEqual(res.status, .notFound)
        res = try await page("/clients/\(f.clientB)/matches", as: .adviser)
        XCTAssertEqual(res.status, .notFound)
        XCTAssertFalse(res.body.string.contains("Otherperson"))
        res = try await get("/api/v1/clients/\(f.clientA)/matches", as: .employer)
        XCTAssertEqual(res.status, .forbidden)
        res = try await get("/api/v1/clients/\(f.clientA)/matches", as: .provider)
        XCTAssertEqual(res.status, .forbidden)
    }

    func testLimitAndFlagsAreValidated() async throws {
        for query in ["limit=0", "limit=101", "limit=ten"] {
            let res = try await get("/api/v1/clients/\(f.clientA)/matches?\(query)", as: .adviser)
            XCTAssertEqual(res.status, .unprocessableEntity, query)
            XCTAssertEqual(try res.content.decode(ErrorBody.self).error.fields.map(\.field), ["limit"], query)
        }
        var res = try await get("/api/v1/vacancies/\(f.vacancy)/candidates?limit=0", as: .employer)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try res.content.decode(ErrorBody.self).error.fields.map(\.field), ["limit"])
        res = try await get("/api/v1/clients/\(f.clientA)/matches?includeIneligible=perhaps", as: .adviser)
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertEqual(try res.content.decode(ErrorBody.self).error.fields.map(\.field), ["includeIneligible"])

        res = try await get("/api/v1/clients/\(f.clientA)/matches?limit=1", as: .adviser)
        XCTAssertEqual(res.status, .ok)
        XCTAssertEqual(try res.content.decode(MatchDTO.ClientMatches.self).vacancies.count, 1)
    }

    // MARK: Candidates for a vacancy

    func testEmployerSeesCandidatesForOwnVacancyUnderAPseudonym() async throws {
        try await t.addSharingCandidates(4)
        let res = try await get("/api/v1/vacancies/\(f.vacancy)/candidates", as: .employer)
        XCTAssertEqual(res.status, .ok, res.body.string)
        let body = try res.content.decode(MatchDTO.PseudonymisedCandidates.self)
        XCTAssertTrue(body.pseudonymised)
        XCTAssertEqual(body.total, 5)
        XCTAssertFalse(body.countOnly)
        // Known by a pseudonym for this vacancy, never by their own reference.
        let vacancy = try await VacancyModel.find(f.vacancy, on: t.app.db)!.value
        let pseudonymOfA = t.app.pseudonyms.candidate(f.clientA, vacancy: vacancy)
        let candidate = try XCTUnwrap(body.candidates.first { $0.pseudonym == pseudonymOfA })
        XCTAssertTrue(candidate.pseudonym.hasPrefix("CAND-"), candidate.pseudonym)
        XCTAssertFalse(res.body.string.contains("WM-"))
        XCTAssertNil(candidate.name)
        XCTAssertEqual(candidate.distanceBand, .underTwoMiles)
        XCTAssertEqual(candidate.hoursBand, .thirtyOrMore)
        XCTAssertEqual(candidate.scoreStep % 5, 0)
        XCTAssertEqual(candidate.requirements.map(\.skillID), vacancy.requirements.map(\.skillID))
        assertNothingPersonal(res.body.string)

        let html = try await page("/vacancies/\(f.vacancy)/candidates", as: .employer)
        XCTAssertEqual(html.status, .ok)
        XCTAssertTrue(html.body.string.contains(candidate.pseudonym))
        XCTAssertFalse(html.body.string.contains("WM-"))
        XCTAssertTrue(html.body.string.contains("under 2 miles"))
        assertNothingPersonal(html.body.string)
    }

    private func assertNothingPersonal(_ body: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(body.contains("Testperson"), "family name shown", file: file, line: line)
        XCTAssertNil(body.range(of: #"\bAda\b"#, options: .regularExpression), "given name shown", file: file, line: line)
        XCTAssertFalse(body.contains("ada@example.test"), "email shown", file: file, line: line)
        XCTAssertFalse(body.contains(f.clientA.uuidString), "record id shown", file: file, line: line)
        XCTAssertFalse(body.lowercased().contains("transport"), "barrier shown", file: file, line: line)
    }

    func testEmployerCannotSeeAnotherEmployersCandidates() async throws {
        let res = try await get("/api/v1/vacancies/\(f.otherVacancy)/candidates", as: .employer)
        XCTAssertEqual(res.status, .notFound)
        let html = try await page("/vacancies/\(f.otherVacancy)/candidates", as: .employer)
        XCTAssertEqual(html.status, .notFound)
        XCTAssertFalse(html.body.string.contains("WM-TESTAAAA"))
        let provider = try await get("/api/v1/vacancies/\(f.vacancy)/candidates", as: .provider)
        XCTAssertEqual(provider.status, .forbidden)
    }

    func testAdvisersSeeOnlyClientsTheyMayOpen() async throws {
        let res = try await page("/vacancies/\(f.vacancy)/candidates", as: .adviser)
        XCTAssertEqual(res.status, .ok)
        XCTAssertTrue(res.body.string.contains(#"<a href="/clients/\#(f.clientA)">Ada Testperson</a>"#))

        // Client A shares with the college, not the charity: the charity's adviser is not shown A at all.
        let other = try await get("/api/v1/vacancies/\(f.vacancy)/candidates", as: .otherAdviser)
        let candidates = try other.content.decode(MatchDTO.Candidates.self).candidates
        XCTAssertFalse(candidates.contains { $0.clientReference == "WM-TESTAAAA" })
    }

    func testOnlyClientsWhoShareAreCandidates() async throws {
        // Client B: the charity's, no consent. Assessed so that they fit the vacancy.
        try await assess(f.clientB, minHours: 16, maxHours: 40, travelKm: 30, as: .administrator)

        let jobcentre = try await get("/api/v1/vacancies/\(f.vacancy)/candidates", as: .adviser)
        let seenByJobcentre = try jobcentre.content.decode(MatchDTO.Candidates.self).candidates.map(\.clientReference)
        XCTAssertEqual(seenByJobcentre, ["WM-TESTAAAA"], "client B has not agreed to share")

        let charity = try await get("/api/v1/vacancies/\(f.vacancy)/candidates", as: .otherAdviser)
        let seenByCharity = try charity.content.decode(MatchDTO.Candidates.self).candidates
        XCTAssertEqual(seenByCharity.map(\.clientReference), ["WM-TESTBBBB"], "its own client, and not A, who shares with the college only")
        XCTAssertEqual(seenByCharity.first?.name, "Bo Otherperson")

        let admin = try await get("/api/v1/vacancies/\(f.vacancy)/candidates", as: .administrator)
        let scores = try admin.content.decode(MatchDTO.Candidates.self).candidates.map(\.score)
        XCTAssertEqual(scores, scores.sorted(by: >), "best first")
    }

    func testDistanceBandsAreInMiles() {
        // 1 mile = 1.609344 km (docs/security.md: under 2, 2–5, 5–10, over 10 miles).
        XCTAssertEqual(TravelBand(km: 0), .underTwoMiles)
        XCTAssertEqual(TravelBand(km: 3.2), .underTwoMiles)
        XCTAssertEqual(TravelBand(km: 3.22), .twoToFiveMiles)
        XCTAssertEqual(TravelBand(km: 8.0), .twoToFiveMiles)
        XCTAssertEqual(TravelBand(km: 8.05), .fiveToTenMiles)
        XCTAssertEqual(TravelBand(km: 16.1), .overTenMiles)
        XCTAssertEqual(HoursBand(maxHoursPerWeek: 15), .upToFifteen)
        XCTAssertEqual(HoursBand(maxHoursPerWeek: 16), .sixteenToTwentyNine)
        XCTAssertEqual(HoursBand(maxHoursPerWeek: 30), .thirtyOrMore)
        XCTAssertEqual([0, 0.049, 0.05, 0.999, 1].map(PseudonymousCandidate.scoreStep), [0, 0, 5, 95, 100])
    }
}

