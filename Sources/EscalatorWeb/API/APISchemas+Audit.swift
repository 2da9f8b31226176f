import EscalatorCore

extension APISchemas {
    static let audit: [(String, JSONValue)] = [
        ("AuditEvent", S.object([
            ("sequence", S.described(["type": "integer", "minimum": 1], "The row's place in the chain, from 1.")),
            ("at", S.described(S.dateTime, "When, to the millisecond (UTC).")),
            ("userID", S.described(S.uuid, "Absent for a command or a scheduled job.")),
            ("userName", S.described(S.string, "The user's name at the time.")),
            ("role", S.strings(Role.allCases.map(\.rawValue))),
            ("organisationID", S.uuid),
            ("organisationName", S.described(S.string, "The user's organisation at the time (empty for a command).")),
            ("action", S.described(S.string, "One of: " + AuditAction.allCases.map(\.rawValue).joined(separator: ", ") + ".")),
            ("object", S.described(S.string, "Which part of the record, by fixed words and ids only (e.g. \"assessment <id>\").")),
            ("clientID", S.uuid),
            ("purpose", S.described(S.string, "Why: one of " + AuditPurpose.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + ".")),
            ("channel", S.described(S.string, "One of: " + AuditChannel.allCases.map(\.rawValue).joined(separator: ", ") + ".")),
            ("previousHash", S.described(S.string, "The previous row's hash (64 zeros for the first row).")),
            ("hash", S.described(S.string, "HMAC-SHA256 of this row's canonical text, in hex (docs/security.md).")),
        ], required: ["sequence", "at", "userName", "organisationName", "action", "object", "clientID", "purpose", "channel",
                      "previousHash", "hash"])),
        ("AuditVerification", S.object([
            ("intact", S.boolean), ("rows", ["type": "integer", "minimum": 0]), ("headSequence", S.integer), ("headHash", S.string),
            ("brokenAt", S.described(S.integer, "The first row where the chain breaks.")),
            ("problem", S.strings(["missing", "altered", "unlinked", "anchor-missing"])), ("summary", S.string),
        ], required: ["intact", "rows", "summary"])),
    ]
}
