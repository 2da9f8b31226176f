import EscalatorCore

extension APISchemas {
    static let auth: [(String, JSONValue)] = [
        ("TokenRequest", S.object([
            ("email", S.string(maxLength: 254)), ("password", S.string(maxLength: 1024)),
            ("name", S.described(S.string(maxLength: 100), "What will use the token; \"api\" when left out.")),
            ("scope", S.described(S.enumeration(TokenScope.self), "read: GET requests only; write (the default): whatever your role allows.")),
        ], required: ["email", "password"])),
        ("TokenResponse", S.object([
            ("token", S.described(S.string, "The bearer token. It is not stored and cannot be shown again.")),
            ("tokenType", S.strings(["Bearer"])), ("id", S.uuid), ("scope", S.enumeration(TokenScope.self)), ("expiresAt", S.dateTime),
            ("user", S.object([("id", S.uuid), ("email", S.string), ("displayName", S.string), ("role", S.enumeration(Role.self)),
                               ("organisationID", S.uuid), ("organisationName", S.string)],
                              required: ["id", "email", "displayName", "role", "organisationID", "organisationName"])),
        ], required: ["token", "tokenType", "id", "scope", "expiresAt", "user"])),
        ("APIToken", S.object([
            ("id", S.uuid), ("name", S.string), ("scope", S.enumeration(TokenScope.self)),
            ("createdAt", S.dateTime), ("expiresAt", S.dateTime), ("lastUsedAt", S.nullable(S.dateTime)), ("revokedAt", S.nullable(S.dateTime)),
            ("status", S.enumeration(TokenInfo.Status.self)),
        ], required: ["id", "name", "scope", "createdAt", "expiresAt", "lastUsedAt", "revokedAt", "status"])),
    ]
}
