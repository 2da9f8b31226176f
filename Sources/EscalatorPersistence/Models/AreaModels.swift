import EscalatorCore
import Fluent
import Foundation

public final class LocalAuthorityModel: Model, @unchecked Sendable {
    public static let schema = "local_authorities"

    @ID(custom: .id, generatedBy: .user) public var id: String?
    @Field(key: "name") public var name: String
    @Field(key: "latitude") public var latitude: Double
    @Field(key: "longitude") public var longitude: Double

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $name, $latitude, $longitude] }

    public init() {}

    public init(_ value: LocalAuthority) {
        id = value.id
        name = value.name
        latitude = value.centre.latitude
        longitude = value.centre.longitude
    }

    public var value: LocalAuthority {
        LocalAuthority(id: id!, name: name, centre: GeoPoint(latitude: latitude, longitude: longitude))
    }
}

public final class WardModel: Model, @unchecked Sendable {
    public static let schema = "wards"

    @ID(custom: .id, generatedBy: .user) public var id: String?
    @Field(key: "name") public var name: String
    @Field(key: "local_authority_id") public var localAuthorityID: String
    @Field(key: "latitude") public var latitude: Double
    @Field(key: "longitude") public var longitude: Double
    @Field(key: "is_target_ward") public var isTargetWard: Bool
    @Field(key: "working_age_population") public var workingAgePopulation: Int
    @Field(key: "employed") public var employed: Int
    @Field(key: "looking_for_work") public var lookingForWork: Int
    @Field(key: "with_level2") public var withLevel2: Int
    @Field(key: "with_degree") public var withDegree: Int

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $name, $localAuthorityID, $latitude, $longitude, $isTargetWard, $workingAgePopulation, $employed, $lookingForWork, $withLevel2, $withDegree] }

    public init() {}

    public init(_ value: Ward) {
        id = value.id
        update(from: value)
    }

    public func update(from value: Ward) {
        name = value.name
        localAuthorityID = value.localAuthorityID
        latitude = value.centre.latitude
        longitude = value.centre.longitude
        isTargetWard = value.isTargetWard
        workingAgePopulation = value.statistics.workingAgePopulation
        employed = value.statistics.employed
        lookingForWork = value.statistics.lookingForWork
        withLevel2 = value.statistics.withLevel2
        withDegree = value.statistics.withDegree
    }

    public var value: Ward {
        Ward(
            id: id!, name: name, localAuthorityID: localAuthorityID,
            centre: GeoPoint(latitude: latitude, longitude: longitude), isTargetWard: isTargetWard,
            statistics: AreaStatistics(
                workingAgePopulation: workingAgePopulation, employed: employed,
                lookingForWork: lookingForWork, withLevel2: withLevel2, withDegree: withDegree))
    }
}
