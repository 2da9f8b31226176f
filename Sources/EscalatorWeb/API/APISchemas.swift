import EscalatorCore

/// Named schemas under `components.schemas`, gathered from each stage's file.
enum APISchemas {
    static var all: [(String, JSONValue)] {
        common + engagement + assessment + employers + vacancies + programmes + matching + allocation + pathways + referrals + insight + commissioning + taxonomy + privacy + audit + auth + transparency
    }

    static let common: [(String, JSONValue)] = [
        ("FieldError", S.object([("field", S.string), ("message", S.string)], required: ["field", "message"])),
        ("Error", S.object([
            ("error", S.object([("code", S.string), ("message", S.string), ("fields", S.array(S.ref("FieldError")))],
                               required: ["code", "message", "fields"])),
        ], required: ["error"])),
        ("Health", S.object([("status", S.strings(["ok", "degraded"])), ("database", S.strings(["ok", "unreachable"]))],
                            required: ["status", "database"])),
        ("Live", S.object([("status", S.strings(["ok"]))], required: ["status"])),
        ("Freshness", S.described(S.object([
            ("computedAt", S.dateTime),
            ("current", S.described(S.boolean, "False when changes have been made since: newer figures are being computed.")),
            ("updating", S.described(S.nullable(S.number), "While newer figures are being computed: roughly how much is done, 0 to 1.")),
        ], required: ["computedAt", "current"]), "Derived figures are computed in the background and stored; these say when.")),
        ("Ready", S.object([("status", S.strings(["ok", "starting", "degraded"])), ("database", S.strings(["ok", "unreachable"])),
                            ("changesApplied", S.nullable(S.integer))], required: ["status", "database"])),
        ("DistanceFromWork", S.object([
            ("total", S.integer(0...100)),
            ("factors", S.array(S.ref("DistanceFactor"))),
        ], required: ["total", "factors"])),
    ]
}
