import EscalatorCore

/// Named schemas under `components.schemas`, gathered from each stage's file.
enum APISchemas {
    static var all: [(String, JSONValue)] {
        common + engagement + assessment + employers + vacancies + programmes + matching + referrals + insight + taxonomy
    }

    static let common: [(String, JSONValue)] = [
        ("FieldError", S.object([("field", S.string), ("message", S.string)], required: ["field", "message"])),
        ("Error", S.object([
            ("error", S.object([("code", S.string), ("message", S.string), ("fields", S.array(S.ref("FieldError")))],
                               required: ["code", "message", "fields"])),
        ], required: ["error"])),
        ("Health", S.object([("status", S.strings(["ok", "degraded"])), ("database", S.strings(["ok", "unreachable"]))],
                            required: ["status", "database"])),
        ("TokenRequest", S.object([("email", S.string), ("password", S.string), ("name", S.string)], required: ["email", "password"])),
        ("TokenResponse", S.object([
            ("token", S.string), ("tokenType", S.string), ("expiresAt", S.dateTime),
            ("user", S.object([("id", S.uuid), ("email", S.string), ("displayName", S.string), ("role", S.enumeration(Role.self)),
                               ("organisationID", S.uuid), ("organisationName", S.string)],
                              required: ["id", "email", "displayName", "role", "organisationID", "organisationName"])),
        ], required: ["token", "tokenType", "expiresAt", "user"])),
        ("DistanceFromWork", S.object([
            ("total", S.integer(0...100)),
            ("factors", S.array(S.ref("DistanceFactor"))),
        ], required: ["total", "factors"])),
    ]
}
