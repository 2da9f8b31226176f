import Foundation
import XCTest
@testable import EscalatorCore

/// The small synthetic data set, generated once for the tests that only read it.
enum SynthSmall {
    static let data = SyntheticDataSet.generate(scale: .small)
}

final class SyntheticDataTests: XCTestCase {
    private var data: SyntheticDataSet { SynthSmall.data }

    // MARK: - Determinism and size

    func testSameSeedGivesTheSameData() {
        let again = SyntheticDataSet.generate(scale: .small, seed: 2026)
        XCTAssertEqual(again.wards, data.wards)
        XCTAssertEqual(again.organisations, data.organisations)
        XCTAssertEqual(again.users, data.users)
        XCTAssertEqual(again.clients, data.clients)
        XCTAssertEqual(again.consents, data.consents)
        XCTAssertEqual(again.assessments, data.assessments)
        XCTAssertEqual(again.employers, data.employers)
        XCTAssertEqual(again.engagements, data.engagements)
        XCTAssertEqual(again.pledges, data.pledges)
        XCTAssertEqual(again.vacancies, data.vacancies)
        XCTAssertEqual(again.providers, data.providers)
        XCTAssertEqual(again.programmes, data.programmes)
        XCTAssertEqual(again.referrals, data.referrals)
        XCTAssertEqual(again.jobStarts, data.jobStarts)
        XCTAssertEqual(again.sustainmentChecks, data.sustainmentChecks)
        XCTAssertEqual(again.inWorkContacts, data.inWorkContacts)
        XCTAssertEqual(again.progressions, data.progressions)
    }

    func testDifferentSeedGivesDifferentData() {
        let other = SyntheticDataSet.generate(scale: .small, seed: 7)
        XCTAssertEqual(other.clients.count, data.clients.count)
        XCTAssertNotEqual(other.clients.map(\.id), data.clients.map(\.id))
        XCTAssertNotEqual(other.clients.map(\.fullName), data.clients.map(\.fullName))
        XCTAssertNotEqual(other.wards.map(\.statistics), data.wards.map(\.statistics))
        XCTAssertNotEqual(other.vacancies.map(\.occupationID), data.vacancies.map(\.occupationID))
    }

    func testSmallScaleCounts() {
        let counts = SyntheticScale.small.counts
        XCTAssertEqual(data.clients.count, counts.clients)
        XCTAssertEqual(data.employers.count, counts.employers)
        XCTAssertEqual(data.vacancies.count, counts.vacancies)
        XCTAssertEqual(data.providers.count, counts.providers)
        XCTAssertEqual(data.programmes.count, counts.programmes)
        XCTAssertEqual(data.scale, .small)
    }

    func testCountTable() {
        XCTAssertEqual(SyntheticScale.small.counts, SyntheticCounts(clients: 3_000, employers: 300, vacancies: 600, providers: 40, programmes: 120))
        XCTAssertEqual(SyntheticScale.region.counts, SyntheticCounts(clients: 61_000, employers: 4_000, vacancies: 20_000, providers: 150, programmes: 1_500))
    }

    func testLabelledSyntheticWithAFixedReferenceDate() {
        XCTAssertEqual(data.label, "Synthetic data — not real people")
        XCTAssertEqual(data.referenceDate.isoDay, "2026-11-02")
        XCTAssertEqual(data.seed, 2026)
        XCTAssertTrue(data.clients.allSatisfy { $0.reference.hasPrefix("SYN-") })
        XCTAssertTrue(data.clients.compactMap(\.email).allSatisfy { $0.hasSuffix("@example.com") })
        XCTAssertEqual(data.taxonomy.occupations.count, StarterTaxonomy.taxonomy.occupations.count)
    }

    // MARK: - Geography calibration

    func testLocalAuthoritiesAndWards() {
        XCTAssertEqual(Set(data.localAuthorities.map(\.id)), ["E08000025", "E08000029", "E08000027", "E08000028", "E08000030", "E08000031"])
        let authorities = Set(data.localAuthorities.map(\.id))
        XCTAssertTrue(data.wards.allSatisfy { authorities.contains($0.localAuthorityID) })
        XCTAssertEqual(Set(data.wards.map(\.id)).count, data.wards.count)
        XCTAssertEqual(Set(data.wards.map(\.name)).count, data.wards.count)
        let birmingham = data.wards.filter { $0.localAuthorityID == "E08000025" }.count
        for authority in data.localAuthorities where authority.id != "E08000025" {
            let count = data.wards.filter { $0.localAuthorityID == authority.id }.count
            XCTAssertTrue((10...15).contains(count), "\(authority.name) has \(count) wards")
            XCTAssertGreaterThan(birmingham, count)
        }
        let targetShare = Double(data.wards.filter(\.isTargetWard).count) / Double(data.wards.count)
        XCTAssertEqual(targetShare, 0.2, accuracy: 0.05)
        for ward in data.wards {
            let centre = data.localAuthorities.first { $0.id == ward.localAuthorityID }!.centre
            XCTAssertLessThan(ward.centre.distanceKm(to: centre), 10, ward.id)
        }
    }

    func testRegionStatisticsMatchThePolicyBrief() {
        let region = data.wards.reduce(AreaStatistics.zero) { $0 + $1.statistics }
        XCTAssertTrue((0.63...0.67).contains(region.employmentRate), "employment rate \(region.employmentRate)")
        XCTAssertLessThan(region.employmentRate, AreaStatistics.nationalEmploymentRate)
        XCTAssertEqual(1 - region.level2Share, 0.47, accuracy: 0.02, "share without level 2")
        XCTAssertEqual(region.degreeShare, 0.28, accuracy: 0.02)
        XCTAssertEqual(Double(region.workingAgePopulation), 1_750_000, accuracy: 50_000)
        XCTAssertEqual(Double(region.lookingForWork), 61_000, accuracy: 610)
        for ward in data.wards {
            let s = ward.statistics
            XCTAssertLessThanOrEqual(s.employed, s.workingAgePopulation)
            XCTAssertLessThanOrEqual(s.withDegree, s.withLevel2)
            XCTAssertLessThanOrEqual(s.withLevel2, s.workingAgePopulation)
        }
    }

    func testTargetWardsAreClearlyBehind() {
        let target = data.wards.filter(\.isTargetWard).reduce(AreaStatistics.zero) { $0 + $1.statistics }
        let rest = data.wards.filter { !$0.isTargetWard }.reduce(AreaStatistics.zero) { $0 + $1.statistics }
        XCTAssertTrue((0.52...0.58).contains(target.employmentRate), "target wards \(target.employmentRate)")
        XCTAssertGreaterThan(rest.employmentRate - target.employmentRate, 0.07)
        XCTAssertLessThan(target.level2Share, rest.level2Share)
        XCTAssertLessThan(target.degreeShare, rest.degreeShare)
        for ward in data.wards where ward.isTargetWard {
            XCTAssertLessThan(ward.statistics.employmentRate, 0.585, ward.id)
        }
    }

    func testPostcodesAreWellFormedAndInTheWardsAuthority() {
        let districts = Dictionary(uniqueKeysWithValues: SyntheticGeography.authorities.map { ($0.authority.id, Set($0.postcodeDistricts)) })
        let authorityOfWard = Dictionary(uniqueKeysWithValues: data.wards.map { ($0.id, $0.localAuthorityID) })
        let located = data.clients.map { ($0.postcode, $0.wardID) } + data.employers.map { ($0.postcode, $0.wardID) }
            + data.providers.map { ($0.postcode, $0.wardID) } + data.vacancies.map { ($0.postcode, $0.wardID) }
        for (postcode, wardID) in located {
            XCTAssertEqual(Postcode.normalised(postcode), postcode)
            let outward = String(postcode.split(separator: " ")[0])
            XCTAssertTrue(districts[authorityOfWard[wardID]!]!.contains(outward), "\(postcode) is outside \(wardID)'s authority")
        }
    }

    // MARK: - Foreign keys

    func testClientsResolve() {
        let wards = Set(data.wards.map(\.id))
        let organisations = Set(data.organisations.map(\.id))
        let users = Dictionary(uniqueKeysWithValues: data.users.map { ($0.id, $0) })
        XCTAssertEqual(Set(data.clients.map(\.id)).count, data.clients.count)
        XCTAssertEqual(Set(data.clients.map(\.reference)).count, data.clients.count)
        for client in data.clients {
            XCTAssertTrue(wards.contains(client.wardID))
            XCTAssertTrue(organisations.contains(client.organisationID))
            let owner = users[client.caseOwnerID!]
            XCTAssertEqual(owner?.role, .adviser)
            XCTAssertEqual(owner?.organisationID, client.organisationID)
        }
        let clientIDs = Set(data.clients.map(\.id))
        for (clientID, consents) in data.consents {
            XCTAssertTrue(clientIDs.contains(clientID))
            XCTAssertTrue(consents.allSatisfy { organisations.contains($0.organisationID) && $0.statedPurpose != nil })
        }
    }

    func testAssessmentsResolve() {
        let clients = Set(data.clients.map(\.id))
        XCTAssertEqual(Set(data.assessments.map(\.clientID)).count, data.assessments.count, "one assessment per client")
        for assessment in data.assessments {
            XCTAssertTrue(clients.contains(assessment.clientID))
            XCTAssertTrue(assessment.skills.allSatisfy { data.taxonomy.skill($0.skillID) != nil })
            XCTAssertTrue(assessment.aspirations.allSatisfy { data.taxonomy.occupation($0) != nil })
            XCTAssertTrue((1...3).contains(assessment.aspirations.count))
            XCTAssertTrue((0...4).contains(assessment.barriers.count))
            XCTAssertEqual(Set(assessment.barriers.map(\.kind)).count, assessment.barriers.count)
            let c = assessment.constraints
            XCTAssertTrue(c.minHoursPerWeek >= 8 && c.minHoursPerWeek <= c.maxHoursPerWeek && c.maxHoursPerWeek <= 40)
            XCTAssertTrue((3...25).contains(c.maxTravelKm))
            XCTAssertFalse(c.travelModes.isEmpty)
            if c.travelModes.contains(.car) { XCTAssertNotNil(assessment.level(of: "L.DRIVING")) }
        }
    }

    func testEmployersAndVacanciesResolve() {
        let wards = Set(data.wards.map(\.id))
        let organisations = Dictionary(uniqueKeysWithValues: data.organisations.map { ($0.id, $0) })
        let employers = Set(data.employers.map(\.id))
        for employer in data.employers {
            XCTAssertEqual(organisations[employer.organisationID]?.kind, .employer)
            XCTAssertTrue(wards.contains(employer.wardID))
        }
        XCTAssertEqual(Set(data.employers.map(\.organisationID)).count, data.employers.count, "an organisation per employer")
        for key in data.engagements.keys { XCTAssertTrue(employers.contains(key)) }
        for key in data.pledges.keys { XCTAssertTrue(employers.contains(key)) }
        for vacancy in data.vacancies {
            XCTAssertTrue(employers.contains(vacancy.employerID))
            XCTAssertNotNil(data.taxonomy.occupation(vacancy.occupationID))
            XCTAssertTrue(vacancy.requirements.allSatisfy { data.taxonomy.skill($0.skillID) != nil })
            XCTAssertTrue(wards.contains(vacancy.wardID))
        }
    }

    func testProvidersAndProgrammesResolve() {
        let organisations = Dictionary(uniqueKeysWithValues: data.organisations.map { ($0.id, $0) })
        let providers = Set(data.providers.map(\.id))
        let employers = Set(data.employers.map(\.id))
        XCTAssertEqual(data.providers.filter { $0.kind == .university }.count, 10, "the region's ten universities")
        for provider in data.providers { XCTAssertNotNil(organisations[provider.organisationID]) }
        for programme in data.programmes {
            XCTAssertTrue(providers.contains(programme.providerID))
            XCTAssertTrue(programme.skillsTaught.allSatisfy { data.taxonomy.skill($0.skillID) != nil })
            XCTAssertFalse(programme.skillsTaught.isEmpty)
            XCTAssertTrue(programme.coDesigningEmployerIDs.allSatisfy(employers.contains))
            XCTAssertTrue((1...4).contains(programme.cohorts.count))
            for cohort in programme.cohorts {
                XCTAssertTrue((8...30).contains(cohort.capacity))
                XCTAssertTrue((0...cohort.capacity).contains(cohort.enrolled))
            }
            if programme.guaranteedInterview { XCTAssertFalse(programme.coDesigningEmployerIDs.isEmpty) }
        }
        XCTAssertEqual(Set(data.programmes.map(\.type)), Set(ProgrammeType.allCases))
        XCTAssertTrue(data.programmes.contains { $0.guaranteedInterview })
    }

    func testReferralsAndOutcomesResolve() {
        let clients = Set(data.clients.map(\.id))
        let vacancies = Dictionary(uniqueKeysWithValues: data.vacancies.map { ($0.id, $0) })
        let programmes = Dictionary(uniqueKeysWithValues: data.programmes.map { ($0.id, $0) })
        for referral in data.referrals {
            XCTAssertTrue(clients.contains(referral.clientID))
            switch referral.target {
            case let .programme(programmeID, cohortID):
                let programme = programmes[programmeID]
                XCTAssertNotNil(programme)
                if let cohortID { XCTAssertTrue(programme?.cohorts.contains { $0.id == cohortID } ?? false) }
            case let .vacancy(vacancyID):
                XCTAssertNotNil(vacancies[vacancyID])
                XCTAssertNotEqual(vacancies[vacancyID]?.status, .draft)
            }
        }
        let starts = Set(data.jobStarts.map(\.id))
        for start in data.jobStarts {
            XCTAssertTrue(clients.contains(start.clientID))
            if let vacancyID = start.vacancyID { XCTAssertNotNil(vacancies[vacancyID]) }
        }
        XCTAssertTrue(data.sustainmentChecks.allSatisfy { starts.contains($0.jobStartID) })
        XCTAssertTrue(data.inWorkContacts.allSatisfy { starts.contains($0.jobStartID) })
        XCTAssertTrue(data.progressions.allSatisfy { starts.contains($0.jobStartID) })
        XCTAssertTrue(data.jobStarts.contains { $0.vacancyID != nil })
        XCTAssertTrue(data.jobStarts.contains { $0.vacancyID == nil })
    }

    // MARK: - Histories and dates

    func testReferralHistoriesFollowAllowedTransitionsOnIncreasingDates() {
        let assessed = Dictionary(uniqueKeysWithValues: data.assessments.map { ($0.clientID, $0.assessedOn) })
        for referral in data.referrals {
            let kind = referral.target.kind
            XCTAssertEqual(referral.history.first?.status, ReferralStatus.initial(for: kind))
            XCTAssertEqual(referral.history.last?.status, referral.status)
            for (previous, next) in zip(referral.history, referral.history.dropFirst()) {
                XCTAssertTrue(previous.status.next(for: kind).contains(next.status), "\(previous.status) → \(next.status)")
                XCTAssertLessThan(previous.at, next.at)
            }
            XCTAssertLessThanOrEqual(referral.history.last!.at, data.referenceDate)
            XCTAssertGreaterThanOrEqual(referral.history.first!.at, assessed[referral.clientID]!)
        }
        XCTAssertTrue(data.referrals.contains { $0.status == .completed })
        XCTAssertTrue(data.referrals.contains { $0.status == .started && $0.target.kind == .vacancy })
    }

    func testEveryVacancyStartHasAJobStart() {
        let startedVacancyReferrals = data.referrals.filter { $0.target.kind == .vacancy && $0.status == .started }
        let vacancyStarts = Set(data.jobStarts.compactMap { start in start.vacancyID.map { "\(start.clientID)-\($0)" } })
        XCTAssertEqual(startedVacancyReferrals.count, vacancyStarts.count)
        for referral in startedVacancyReferrals {
            guard case let .vacancy(vacancyID) = referral.target else { continue }
            XCTAssertTrue(vacancyStarts.contains("\(referral.clientID)-\(vacancyID)"))
        }
        XCTAssertEqual(Set(data.jobStarts.map(\.clientID)).count, data.jobStarts.count, "one start per client")
    }

    func testReferralsComeWithConsentToShareWithTheirOrganisation() {
        let providerOrganisation = Dictionary(uniqueKeysWithValues: data.providers.map { ($0.id, $0.organisationID) })
        let programmeOrganisation = Dictionary(uniqueKeysWithValues: data.programmes.map { ($0.id, providerOrganisation[$0.providerID]!) })
        let employerOrganisation = Dictionary(uniqueKeysWithValues: data.employers.map { ($0.id, $0.organisationID) })
        let vacancyOrganisation = Dictionary(uniqueKeysWithValues: data.vacancies.map { ($0.id, employerOrganisation[$0.employerID]!) })
        for referral in data.referrals {
            let consents = data.consents[referral.clientID] ?? []
            switch referral.target {
            case .programme(let programmeID, _):
                XCTAssertTrue(consents.contains { $0.organisationID == programmeOrganisation[programmeID] && $0.isActive })
            case .vacancy(let vacancyID):
                let employerConsent = consents.first { $0.organisationID == vacancyOrganisation[vacancyID] }
                if referral.clientAccepted {
                    XCTAssertEqual(employerConsent?.statedPurpose, .jobReferral)
                } else {
                    XCTAssertEqual(referral.status, .proposed)
                }
            }
        }
        XCTAssertTrue(data.referrals.contains { $0.status == .proposed }, "some proposals await the client's answer")
    }

    func testClientDatesAreWithinTheirRanges() {
        let reference = data.referenceDate
        let earliest = reference.addingTimeInterval(-548 * 86_400)
        for client in data.clients {
            let age = Calendar.utc.dateComponents([.year], from: client.dateOfBirth!, to: reference).year!
            XCTAssertTrue((16...66).contains(age), "age \(age)")
            XCTAssertTrue(client.registeredAt >= earliest && client.registeredAt < reference)
        }
        let registered = Dictionary(uniqueKeysWithValues: data.clients.map { ($0.id, $0.registeredAt) })
        for assessment in data.assessments {
            XCTAssertGreaterThanOrEqual(assessment.assessedOn, registered[assessment.clientID]!)
            XCTAssertLessThanOrEqual(assessment.assessedOn, reference)
        }
        for consent in data.consents.values.joined() {
            XCTAssertLessThanOrEqual(consent.givenAt, reference)
            if let withdrawn = consent.withdrawnAt { XCTAssertGreaterThan(withdrawn, consent.givenAt) }
        }
    }

    func testSustainmentChecksAreDueAndCalibrated() {
        let starts = Dictionary(uniqueKeysWithValues: data.jobStarts.map { ($0.id, $0) })
        var byStart: [UUID: [SustainmentCheck]] = [:]
        for check in data.sustainmentChecks {
            let start = starts[check.jobStartID]!
            XCTAssertGreaterThanOrEqual(check.checkedOn, start.checkDue(check.milestone))
            XCTAssertLessThanOrEqual(check.checkedOn, data.referenceDate)
            byStart[check.jobStartID, default: []].append(check)
        }
        for checks in byStart.values {
            XCTAssertEqual(checks.map(\.milestone.rawValue), checks.map(\.milestone.rawValue).sorted())
            // Once out of work, later checks do not say otherwise.
            if let firstOut = checks.firstIndex(where: { !$0.stillInWork }) {
                XCTAssertTrue(checks[firstOut...].allSatisfy { !$0.stillInWork })
            }
        }
        // Every start whose 13-week check fell due more than ten days ago has one.
        for start in data.jobStarts where start.checkDue(.week13) < data.referenceDate.addingTimeInterval(-10 * 86_400) {
            XCTAssertTrue(byStart[start.id]?.contains { $0.milestone == .week13 } ?? false)
        }
        let week13 = data.sustainmentChecks.filter { $0.milestone == .week13 }
        XCTAssertGreaterThan(week13.count, 30)
        let sustained = Double(week13.filter(\.stillInWork).count) / Double(week13.count)
        XCTAssertTrue((0.62...0.88).contains(sustained), "13-week sustainment \(sustained)")
    }

    // MARK: - Distributions

    func testVacanciesLookLikeTheJobMarket() {
        XCTAssertTrue(data.vacancies.allSatisfy { $0.hourlyPayPence >= 1_271 && $0.hourlyPayPence <= 3_000 })
        XCTAssertTrue(data.vacancies.allSatisfy { (1...10).contains($0.openings) && (16...45).contains($0.hoursPerWeek) })
        let open = data.vacancies.filter { $0.status == .open }
        XCTAssertGreaterThan(Double(open.count) / Double(data.vacancies.count), 0.6)
        XCTAssertTrue(open.allSatisfy { $0.closingDate > data.referenceDate })
        XCTAssertTrue(data.vacancies.filter { $0.status == .filled || $0.status == .closed }.allSatisfy { $0.closingDate < data.referenceDate })
        for vacancy in data.vacancies {
            let occupation = data.taxonomy.occupation(vacancy.occupationID)!
            let essentials = Set(occupation.essentialSkills.map(\.skillID))
            XCTAssertEqual(Set(vacancy.essential.map(\.skillID)), essentials, "scoping keeps every essential skill")
        }
    }

    func testTargetWardClientsFaceMoreBarriersAndHoldFewerQualifications() {
        let targetWards = Set(data.wards.filter(\.isTargetWard).map(\.id))
        let inTarget = Set(data.clients.filter { targetWards.contains($0.wardID) }.map(\.id))
        let (target, other) = (data.assessments.filter { inTarget.contains($0.clientID) }, data.assessments.filter { !inTarget.contains($0.clientID) })
        func meanBarriers(_ a: [Assessment]) -> Double { Double(a.reduce(0) { $0 + $1.barriers.count }) / Double(a.count) }
        func level2Share(_ a: [Assessment]) -> Double { Double(a.filter { $0.highestQualification >= .level2 }.count) / Double(a.count) }
        XCTAssertGreaterThan(target.count, 300)
        XCTAssertGreaterThan(meanBarriers(target), meanBarriers(other) + 0.2)
        XCTAssertLessThan(level2Share(target), level2Share(other) - 0.05)
        let clientShare = Double(inTarget.count) / Double(data.clients.count)
        let populationShare = Double(data.wards.filter(\.isTargetWard).reduce(0) { $0 + $1.statistics.workingAgePopulation })
            / Double(data.wards.reduce(0) { $0 + $1.statistics.workingAgePopulation })
        XCTAssertGreaterThan(clientShare, populationShare, "target wards have more than their share of clients")
    }

    func testMostClientsAreAssessedAndConsent() {
        let assessed = Double(data.assessments.count) / Double(data.clients.count)
        XCTAssertEqual(assessed, 0.9, accuracy: 0.03)
        let consenting = Double(data.consents.count) / Double(data.clients.count)
        XCTAssertGreaterThan(consenting, 0.8)
        let support = data.consents.values.map { $0.filter { $0.statedPurpose == .employmentSupport } }.filter { !$0.isEmpty }
        XCTAssertGreaterThan(Double(support.count) / Double(data.clients.count), 0.8)
        XCTAssertTrue(support.allSatisfy { (1...3).contains($0.count) })
        let statuses = Set(data.clients.map(\.employmentStatus))
        XCTAssertTrue(statuses.isSuperset(of: [.unemployed, .economicallyInactive, .lowPaidWork]))
        XCTAssertGreaterThan(data.clients.filter { $0.employmentStatus == .unemployed }.count, data.clients.count / 3)
    }

    // MARK: - Demo users

    func testDemoUsersExistForEveryRole() throws {
        for (role, email) in SyntheticDemoAccounts.emailsByRole {
            let user = try XCTUnwrap(data.users.first { $0.email == email }, email)
            XCTAssertEqual(user.role, role)
            XCTAssertEqual(user.password, "escalator-demo")
        }
        XCTAssertEqual(Set(Role.allCases), Set(SyntheticDemoAccounts.emailsByRole.map(\.0)))
        XCTAssertEqual(Set(data.users.map(\.email)).count, data.users.count, "emails are unique")
        let organisations = Set(data.organisations.map(\.id))
        XCTAssertTrue(data.users.allSatisfy { organisations.contains($0.organisationID) })
    }

    func testDemoUsersOwnSomethingToWorkWith() throws {
        let user = { (email: String) in self.data.users.first { $0.email == email }! }
        let organisations = Dictionary(uniqueKeysWithValues: data.organisations.map { ($0.id, $0) })

        let adviser = user(SyntheticDemoAccounts.adviser)
        XCTAssertEqual(organisations[adviser.organisationID]?.kind, .jobcentre)
        XCTAssertTrue(data.clients.contains { $0.caseOwnerID == adviser.id })

        let employer = user(SyntheticDemoAccounts.employer)
        XCTAssertEqual(employer.organisationID, data.employers[0].organisationID)
        let owned = Set(data.employers.filter { $0.organisationID == employer.organisationID }.map(\.id))
        XCTAssertTrue(data.vacancies.contains { owned.contains($0.employerID) && $0.status == .open })

        let provider = user(SyntheticDemoAccounts.provider)
        XCTAssertEqual(provider.organisationID, data.providers[0].organisationID)
        let providerIDs = Set(data.providers.filter { $0.organisationID == provider.organisationID }.map(\.id))
        XCTAssertTrue(data.programmes.contains { providerIDs.contains($0.providerID) })

        for email in [SyntheticDemoAccounts.analyst, SyntheticDemoAccounts.administrator] {
            XCTAssertEqual(organisations[user(email).organisationID]?.kind, .combinedAuthority)
        }
        let advisers = data.users.filter { $0.role == .adviser }
        XCTAssertGreaterThan(Set(advisers.map(\.organisationID)).count, 10, "advisers work across many organisations")
    }
}
