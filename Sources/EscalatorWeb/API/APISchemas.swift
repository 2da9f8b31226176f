import EscalatorCore

/// Named schemas under `components.schemas`, gathered from each stage's file.
enum APISchemas {
    static var all: [(String, JSONValue)] {
        common + engagement + assessment + employers + vacancies + programmes + matching + allocation + pathways + referrals + insight + commissioning + taxonomy + privacy + audit + auth
    }

    static let common: [(String, JSONValue)] = [
        ("FieldError", S.object([("field", S.string), ("message", S.string)], required: ["field", "message"])),
        ("Error", S.object([
            ("error", S.object([("code", S.string), ("message", S.string), ("fields", S.array(S.ref("FieldError")))],
                               required: ["code", "message", "fields"])),
        ], required: ["error"])),
        ("Health", S.object([("status", S.strings(["ok", "degraded"])), ("database", S.strings(["ok", "unreachable"]))],
                            required: ["status", "database"])),
        ("DistanceFromWork", S.object([
            ("total", S.integer(0...100)),
            ("factors", S.array(S.ref("DistanceFactor"))),
        ], required: ["total", "factors"])),
    ]
}
