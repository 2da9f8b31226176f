import EscalatorPersistence
import FluentKit
import XCTest

/// Every model lists its property wrappers (`properties`) instead of leaving Fluent to find them by reflection on
/// each read and write. A property missing from a list would silently never be saved or read, so each list must
/// hold exactly what reflection finds.
final class ModelPropertiesTests: XCTestCase {
    static let models: [any Model.Type] = [
        LocalAuthorityModel.self, WardModel.self, AssessmentModel.self, AuditEventModel.self, ClientModel.self, ConsentModel.self,
        EmployerModel.self, EngagementModel.self, PledgeModel.self, OrganisationModel.self, JobStartModel.self,
        SustainmentCheckModel.self, InWorkContactModel.self, ProgressionModel.self, ProviderModel.self, ProgrammeModel.self,
        CohortModel.self, ReferralModel.self, StatusChangeModel.self, SignInFailureModel.self, SkillModel.self, OccupationModel.self,
        UserModel.self, APITokenModel.self, VacancyModel.self,
    ]

    func testEveryModelListsExactlyThePropertiesReflectionFinds() {
        for type in Self.models {
            let model = type.init()
            let listed = model.properties.map { ObjectIdentifier($0 as AnyObject) }
            let reflected = Mirror(reflecting: model).children.compactMap { $0.value as? any AnyProperty }.map { ObjectIdentifier($0 as AnyObject) }
            XCTAssertEqual(listed.count, Set(listed).count, "\(type) lists a property twice")
            XCTAssertEqual(Set(listed), Set(reflected), "\(type).properties differs from its property wrappers")
        }
    }

    func testEveryModelInTheSourcesIsChecked() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/EscalatorPersistence/Models")
        let declared = try FileManager.default.contentsOfDirectory(atPath: folder.path).flatMap { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let pattern = try NSRegularExpression(pattern: #"final class (\w+): Model\b"#)
            return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { (text as NSString).substring(with: $0.range(at: 1)) }
        }
        XCTAssertEqual(Set(declared), Set(Self.models.map { String(describing: $0) }))
    }
}
