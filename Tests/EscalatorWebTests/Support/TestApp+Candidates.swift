import EscalatorCore
import EscalatorPersistence
@testable import EscalatorWeb
import Fluent
import Foundation

extension TestApp {
    /// Clients like the fixture's client A (registered by the Jobcentre, consenting to share with the college,
    /// assessed with the warehouse job's first skills), so that the fixture's vacancy has enough candidates for an
    /// employer to see them listed (fewer than 5 show as a count only). Each has a canary name and reference.
    @discardableResult
    func addSharingCandidates(_ count: Int, maxTravelKm: Double = 15, maxHours: Int = 40) async throws -> [UUID] {
        let db = app.db, f = fixture
        let taxonomy = StarterTaxonomy.taxonomy
        let warehouse = taxonomy.occupations["O.WAREHOUSE_OPERATIVE"] ?? taxonomy.sortedOccupations[0]
        var ids: [UUID] = []
        for n in 0..<count {
            let id = UUID()
            try await ClientModel(withoutEqualityMonitoring: Client(
                id: id, reference: "WM-EXTRA\(String(format: "%03d", n))", givenName: "Extra\(n)", familyName: "Candidate\(n)",
                dateOfBirth: Date(isoDay: "1992-03-0\(n % 9 + 1)"), email: "extra\(n)@example.test", phone: nil, postcode: "B6 4AA",
                wardID: f.wardA, employmentStatus: .unemployed, referralSource: .jobcentre, organisationID: f.jobcentre,
                caseOwnerID: f.adviser, registeredAt: Date(isoDay: "2026-09-01")!)).create(on: db)
            try await ConsentModel(clientID: id, Consent(organisationID: f.college, purpose: .employmentSupport, givenAt: Date(isoDay: "2026-09-01")!))
                .create(on: db)
            let assessment = Assessment(
                id: UUID(), clientID: id, adviserID: f.adviser, assessedOn: Date(isoDay: "2026-09-08")!,
                skills: warehouse.essentialSkills.prefix(1 + n % 2).map { SkillHolding(skillID: $0.skillID, level: $0.level, evidence: .adviserVerified) },
                highestQualification: .level1, gcseEnglish: true, gcseMaths: false, barriers: [], aspirations: [warehouse.id],
                constraints: WorkConstraints(minHoursPerWeek: 16, maxHoursPerWeek: maxHours, maxTravelKm: maxTravelKm, travelModes: [.publicTransport]))
            try await AssessmentModel(assessment, distanceFromWork: 40, cipher: app.columnCipher).create(on: db)
            ids.append(id)
        }
        return ids
    }
}
