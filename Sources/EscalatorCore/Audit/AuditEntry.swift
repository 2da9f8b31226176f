import Foundation

/// Who acted, as they were at the time: the trail keeps the name and organisation even if they change later.
/// A command or a scheduled job has no user id.
public struct AuditActor: Sendable, Hashable, Codable {
    public var userID: UUID?
    public var userName: String
    public var role: Role?
    public var organisationID: UUID?
    public var organisationName: String

    public init(userID: UUID?, userName: String, role: Role?, organisationID: UUID?, organisationName: String) {
        self.userID = userID
        self.userName = userName
        self.role = role
        self.organisationID = organisationID
        self.organisationName = organisationName
    }

    /// `escalator import` and other commands run by whoever operates the installation.
    public static func command(_ name: String) -> AuditActor {
        AuditActor(userID: nil, userName: "escalator \(name) (command line)", role: nil, organisationID: nil, organisationName: "")
    }
}

/// One thing to record: who did what to which client's record, and why. The chain gives it a sequence
/// number, a time and its hashes.
public struct AuditEvent: Sendable, Hashable {
    public var actor: AuditActor
    public var action: AuditAction
    public var object: AuditObject
    public var clientID: UUID
    public var purpose: AuditPurpose
    public var channel: AuditChannel

    public init(actor: AuditActor, action: AuditAction, object: AuditObject, clientID: UUID, purpose: AuditPurpose, channel: AuditChannel) {
        self.actor = actor
        self.action = action
        self.object = object
        self.clientID = clientID
        self.purpose = purpose
        self.channel = channel
    }
}

/// A row of the audit trail as stored. Text fields hold the raw values written (not enums), so that a
/// row someone has tampered with can still be read, shown and found out.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var sequence: Int
    /// To the millisecond: the hash covers the time as whole milliseconds since 1970.
    public var at: Date
    public var userID: UUID?
    public var userName: String
    public var role: String?
    public var organisationID: UUID?
    public var organisationName: String
    public var action: String
    public var object: String
    public var clientID: UUID
    public var purpose: String
    public var channel: String
    public var previousHash: String
    public var hash: String

    public init(
        sequence: Int, at: Date, userID: UUID?, userName: String, role: String?, organisationID: UUID?, organisationName: String,
        action: String, object: String, clientID: UUID, purpose: String, channel: String, previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.at = at
        self.userID = userID
        self.userName = userName
        self.role = role
        self.organisationID = organisationID
        self.organisationName = organisationName
        self.action = action
        self.object = object
        self.clientID = clientID
        self.purpose = purpose
        self.channel = channel
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The entry for `event` at position `sequence` after the row whose hash is `previousHash`; `hash` is left empty
    /// for the chain to fill in.
    public init(_ event: AuditEvent, sequence: Int, at: Date, previousHash: String) {
        self.init(
            sequence: sequence, at: AuditEntry.wholeMilliseconds(at), userID: event.actor.userID, userName: event.actor.userName,
            role: event.actor.role?.rawValue, organisationID: event.actor.organisationID, organisationName: event.actor.organisationName,
            action: event.action.rawValue, object: event.object.description, clientID: event.clientID, purpose: event.purpose.rawValue,
            channel: event.channel.rawValue, previousHash: previousHash, hash: "")
    }

    /// The previous hash of the first row.
    public static let genesisHash = String(repeating: "0", count: 64)

    public var actionLabel: String { AuditAction(rawValue: action)?.label ?? action }
    public var purposeLabel: String { AuditPurpose(rawValue: purpose)?.label ?? purpose }
    public var channelLabel: String { AuditChannel(rawValue: channel)?.label ?? channel }

    /// Milliseconds since 1970, rounded: what the hash covers, so that a database storing microseconds or a
    /// double gives back the same value.
    public var milliseconds: Int64 { Int64((at.timeIntervalSince1970 * 1000).rounded()) }

    public static func wholeMilliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// What the row's hash covers: a format version, then every field but the hash itself (the previous row's
    /// hash included), in a fixed order, each written `name:byte length:value` and ended by a line break, so no
    /// two different rows can serialise alike. Ids are lower case; a missing value is written `-` with no length.
    public var canonicalText: String {
        var text = "escalator-audit-v1\n"
        func field(_ name: String, _ value: String?) {
            guard let value else {
                text += "\(name):-\n"
                return
            }
            text += "\(name):\(value.utf8.count):\(value)\n"
        }
        field("sequence", String(sequence))
        field("at", String(milliseconds))
        field("user_id", userID?.uuidString.lowercased())
        field("user_name", userName)
        field("role", role)
        field("organisation_id", organisationID?.uuidString.lowercased())
        field("organisation_name", organisationName)
        field("action", action)
        field("object", object)
        field("client_id", clientID.uuidString.lowercased())
        field("purpose", purpose)
        field("channel", channel)
        field("previous_hash", previousHash)
        return text
    }
}
