import EscalatorCore
import Fluent
import Foundation

/// A row of the audit trail. Only ever inserted (`AuditChain`); the database refuses UPDATE and DELETE.
/// The primary key is the row's place in the chain.
public final class AuditEventModel: Model, @unchecked Sendable {
    public static let schema = "audit_events"

    @ID(custom: "sequence", generatedBy: .user) public var id: Int?
    @Field(key: "at") public var at: Date
    @OptionalField(key: "user_id") public var userID: UUID?
    @Field(key: "user_name") public var userName: String
    @OptionalField(key: "role") public var role: String?
    @OptionalField(key: "organisation_id") public var organisationID: UUID?
    @Field(key: "organisation_name") public var organisationName: String
    @Field(key: "action") public var action: String
    @Field(key: "object") public var object: String
    @Field(key: "client_id") public var clientID: UUID
    @Field(key: "purpose") public var purpose: String
    @Field(key: "channel") public var channel: String
    @Field(key: "previous_hash") public var previousHash: String
    @Field(key: "hash") public var hash: String

    /// Listed, not found by reflection on every read and write (Fluent's slowest part); see `ModelPropertiesTests`.
    public var properties: [any AnyProperty] { [$id, $at, $userID, $userName, $role, $organisationID, $organisationName, $action, $object, $clientID, $purpose, $channel, $previousHash, $hash] }

    public init() {}

    public init(_ value: AuditEntry) {
        id = value.sequence
        at = value.at
        userID = value.userID
        userName = value.userName
        role = value.role
        organisationID = value.organisationID
        organisationName = value.organisationName
        action = value.action
        object = value.object
        clientID = value.clientID
        purpose = value.purpose
        channel = value.channel
        previousHash = value.previousHash
        hash = value.hash
    }

    public var value: AuditEntry {
        AuditEntry(
            sequence: id!, at: at, userID: userID, userName: userName, role: role, organisationID: organisationID,
            organisationName: organisationName, action: action, object: object, clientID: clientID, purpose: purpose,
            channel: channel, previousHash: previousHash, hash: hash)
    }
}
