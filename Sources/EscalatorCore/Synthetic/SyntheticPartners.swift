import Foundation

extension SyntheticBuilder {
    /// The combined authority, Jobcentre Plus offices, councils and partner charities.
    mutating func buildPartners() {
        var rng = generator("partners")
        let combined = Organisation(id: rng.uuid(), name: "West Midlands Combined Authority", kind: .combinedAuthority)
        organisations.append(combined)
        combinedAuthorityID = combined.id

        let jobcentres: [(String, Int)] = [
            ("Jobcentre Plus Birmingham North", 0), ("Jobcentre Plus Birmingham South", 0), ("Jobcentre Plus Birmingham East", 0),
            ("Jobcentre Plus Solihull", 1), ("Jobcentre Plus Dudley", 2), ("Jobcentre Plus West Bromwich", 3),
            ("Jobcentre Plus Walsall", 4), ("Jobcentre Plus Wolverhampton", 5),
        ]
        let councils: [(String, Int)] = [
            ("Birmingham City Council", 0), ("Solihull Metropolitan Borough Council", 1), ("Dudley Metropolitan Borough Council", 2),
            ("Sandwell Metropolitan Borough Council", 3), ("Walsall Council", 4), ("City of Wolverhampton Council", 5),
        ]
        let charityAuthorities: [Int?] = [0, nil, 0, 3, 5, 4, 2]

        for (name, authority) in jobcentres { addOffice(name, .jobcentre, authority, using: &rng) }
        for (name, authority) in councils { addOffice(name, .council, authority, using: &rng) }
        for (name, authority) in zip(SyntheticNames.partnerCharities, charityAuthorities) {
            addOffice(name, .charity, authority, using: &rng)
        }
    }

    private mutating func addOffice(_ name: String, _ kind: OrganisationKind, _ authority: Int?, using rng: inout SeededGenerator) {
        let organisation = Organisation(id: rng.uuid(), name: name, kind: kind)
        organisations.append(organisation)
        partnerOffices.append(SyntheticOffice(organisationID: organisation.id, kind: kind, authorityIndex: authority))
    }

    /// Demo users, advisers for every partner office, analysts, and a few employer and provider users.
    mutating func buildUsers() {
        var rng = generator("users")
        let password = SyntheticDemoAccounts.password
        let firstJobcentre = partnerOffices.first { $0.kind == .jobcentre }!.organisationID

        func add(_ email: String, _ name: String, _ role: Role, _ organisationID: UUID) -> UUID {
            let user = SyntheticUser(id: rng.uuid(), email: email, displayName: name, role: role,
                                     organisationID: organisationID, password: password)
            users.append(user)
            return user.id
        }

        _ = add(SyntheticDemoAccounts.administrator, "Demo Administrator", .administrator, combinedAuthorityID)
        _ = add(SyntheticDemoAccounts.analyst, "Demo Analyst", .analyst, combinedAuthorityID)
        let demoAdviser = add(SyntheticDemoAccounts.adviser, "Demo Adviser", .adviser, firstJobcentre)
        advisersByOrganisation[firstJobcentre, default: []].append(demoAdviser)
        _ = add(SyntheticDemoAccounts.employer, "Demo Employer", .employer, employers[0].organisationID)
        _ = add(SyntheticDemoAccounts.provider, "Demo Provider", .provider, providers[0].organisationID)

        var number = 0
        func person(_ role: Role, _ organisationID: UUID) -> UUID {
            number += 1
            let given = rng.element(of: SyntheticNames.givenNames)
            let family = rng.element(of: SyntheticNames.familyNames)
            let email = "\(Self.emailPart(given)).\(Self.emailPart(family)).\(String(format: "%03d", number))@demo.escalator.test"
            return add(email, "\(given) \(family)", role, organisationID)
        }

        let perOffice: [OrganisationKind: Int] = scale == .region
            ? [.jobcentre: 10, .council: 4, .charity: 3, .college: 2]
            : [.jobcentre: 3, .council: 1, .charity: 1, .college: 1]
        for office in partnerOffices {
            for _ in 0..<(perOffice[office.kind] ?? 1) {
                advisersByOrganisation[office.organisationID, default: []].append(person(.adviser, office.organisationID))
            }
        }
        for _ in 0..<2 { _ = person(.analyst, combinedAuthorityID) }
        for employer in employers.prefix(10).dropFirst() { _ = person(.employer, employer.organisationID) }
        for provider in providers.prefix(10).dropFirst() { _ = person(.provider, provider.organisationID) }
        // Last, so that every other account and record is as it was before this one existed.
        let council = partnerOffices.first { $0.kind == .council }!.organisationID
        _ = add(SyntheticDemoAccounts.partnerAdviser, "Demo Partner Adviser", .adviser, council)
    }

    /// Lower-case letters only, for an email's local part.
    static func emailPart(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) }.map(Character.init))
    }
}
