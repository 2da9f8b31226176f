import EscalatorCore
import Fluent
import Foundation

public final class OrganisationModel: Model, @unchecked Sendable {
    public static let schema = "organisations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: OrganisationKind

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $name, $kind] }

    public init() {}

    public init(_ value: Organisation) {
        id = value.id
        name = value.name
        kind = value.kind
    }

    public var value: Organisation { Organisation(id: id!, name: name, kind: kind) }
}
