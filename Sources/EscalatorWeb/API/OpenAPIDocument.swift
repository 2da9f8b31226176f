import EscalatorCore

/// The OpenAPI 3 document for `/api/v1`, built from the catalogue of operations and the shared schemas.
enum OpenAPIDocument {
    static let json: String = build().serialized()

    static func build() -> JSONValue {
        var paths: [(String, [(String, JSONValue)])] = []
        for operation in APICatalogue.operations {
            let entry = (operation.method.lowercased(), describe(operation))
            if let index = paths.firstIndex(where: { $0.0 == operation.openAPIPath }) {
                paths[index].1.append(entry)
            } else {
                paths.append((operation.openAPIPath, [entry]))
            }
        }
        return [
            "openapi": "3.0.3",
            "info": [
                "title": "Escalator API",
                "version": "1.0.0",
                "description": .string("""
                    The West Midlands Integrated Employment and Skills System. Every endpoint except `/healthz`, \
                    `POST /api/v1/auth/token` and this document needs `Authorization: Bearer <token>`; get a token \
                    from `POST /api/v1/auth/token`. Errors are `{"error": {"code", "message", "fields"}}`. \
                    Lists take `page` and `size` and answer `{"items", "page", "size", "total"}`. \
                    A query parameter sent empty counts as absent; one sent twice is a 422. Days sent \
                    are `yyyy-MM-dd`; in answers a day is `yyyy-MM-dd` (format `date`) or, in records given whole (clients, \
                    cohorts, job starts and their checks), an ISO 8601 time at midnight UTC (format `date-time`); times are \
                    ISO 8601. Money is in pence.
                    """),
            ],
            "servers": [["url": "/"]],
            "paths": .object(paths.map { ($0.0, .object($0.1)) }),
            "components": [
                "securitySchemes": ["bearer": [
                    "type": "http", "scheme": "bearer",
                    "description": "A token from `POST /api/v1/auth/token` (or the account page). Scope `read` may only GET; `write` may do whatever the role allows. Revoke tokens with `DELETE /api/v1/auth/tokens/{tokenID}`.",
                ]],
                "schemas": .object(APISchemas.all),
                "responses": .object(errorResponses.map { ($0.0, $0.1) }),
            ],
        ]
    }

    static let errorResponses: [(String, JSONValue)] = [
        ("BadRequest", error("The request is malformed: bad JSON, a missing or wrongly typed field, or a bad parameter.")),
        ("Unauthorised", error("Sign in first: no valid bearer token.")),
        ("Forbidden", error("Your role may not do this, your token is read-only (scope `read`) and this is not a GET, or you must first choose a new password.")),
        ("NotFound", error("There is no such record, or you may not see it.")),
        ("Conflict", error("The request conflicts with the record's state (a duplicate, say).")),
        ("ValidationFailed", error("One or more fields are invalid; `fields` names each.")),
        ("PayloadTooLarge", error("The body is too large (more than the configured limit, 1 MB unless set otherwise).")),
        ("TooManyRequests", [
            "description": "Too many failed sign-ins for this account or from this address: wait the number of seconds `Retry-After` gives.",
            "headers": ["Retry-After": ["description": "Seconds to wait before trying again.", "schema": ["type": "integer", "minimum": 1]]],
            "content": ["application/json": ["schema": S.ref("Error")]],
        ]),
        ("UnsupportedMediaType", error("The body is not JSON (send `Content-Type: application/json`).")),
        ("Unavailable", ["description": "The service cannot reach its database.", "content": ["application/json": ["schema": S.ref("Health")]]]),
    ]

    static func error(_ description: String) -> JSONValue {
        ["description": .string(description), "content": ["application/json": ["schema": S.ref("Error")]]]
    }

    static func describe(_ operation: APIOperation) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("summary", .string(operation.summary)),
            ("operationId", .string(operationID(operation))),
            ("tags", [.string(operation.tag)]),
        ]
        if !operation.roles.isEmpty {
            pairs.append(("description", .string("Roles: " + operation.roles.map(\.rawValue).joined(separator: ", ") + ".")))
        }
        var parameters: [JSONValue] = operation.pathParameters.map {
            ["name": .string($0), "in": "path", "required": true, "schema": $0.hasSuffix("ID") && !$0.contains("occupation") && !$0.contains("skill") ? S.uuid : S.string]
        }
        // Every query parameter may be sent empty (as a GET form does), which means the same as leaving it out.
        parameters += operation.query.map {
            ["name": .string($0.name), "in": "query", "required": .bool($0.required), "allowEmptyValue": true,
             "description": .string($0.description), "schema": $0.schema]
        }
        if !parameters.isEmpty { pairs.append(("parameters", .array(parameters))) }
        if let body = operation.body {
            pairs.append(("requestBody", ["required": true, "content": ["application/json": ["schema": body]]]))
        }
        var success: [(String, JSONValue)] = [("description", "Success.")]
        if let response = operation.response { success.append(("content", ["application/json": ["schema": response]])) }
        let links = APICatalogue.links.filter { $0.from == operation.routeKey }
        if !links.isEmpty {
            success.append(("links", .object(links.map { link in
                (link.name, [
                    "operationId": .string(operationID(link.to)),
                    "parameters": .object(link.parameters.map { ($0.0, .string($0.1)) }),
                ])
            })))
        }
        var responses: [(String, JSONValue)] = [(String(operation.status), .object(success))]
        // A query parameter sent twice is a 422 (SingleQueryValuesMiddleware), whatever the operation.
        let errorStatuses = [400] + (operation.roles.isEmpty ? [] : [401, 403]) + (operation.body == nil ? [] : [413, 415])
            + (operation.query.isEmpty ? [] : [422]) + operation.errors
        for status in Set(errorStatuses).sorted() {
            let name = switch status {
            case 400: "BadRequest"
            case 401: "Unauthorised"
            case 403: "Forbidden"
            case 404: "NotFound"
            case 409: "Conflict"
            case 413: "PayloadTooLarge"
            case 415: "UnsupportedMediaType"
            case 422: "ValidationFailed"
            case 429: "TooManyRequests"
            case 503: "Unavailable"
            default: preconditionFailure("No shared response for status \(status): add one to errorResponses.")
            }
            responses.append((String(status), ["$ref": .string("#/components/responses/\(name)")]))
        }
        pairs.append(("responses", .object(responses)))
        pairs.append(("security", operation.roles.isEmpty ? [] : [["bearer": []]]))
        return .object(pairs)
    }

    static func operationID(_ operation: APIOperation) -> String { operationID(operation.routeKey) }

    /// `getClientsByClientID` from `GET /api/v1/clients/:clientID`.
    static func operationID(_ routeKey: String) -> String {
        let method = routeKey.prefix { $0 != " " }
        var parts = routeKey.dropFirst(method.count + 1).split(separator: "/")
        if parts.starts(with: ["api", "v1"]) { parts.removeFirst(2) }
        let words = parts.map { part -> String in
            let word = part.hasPrefix(":") ? "by-" + part.dropFirst() : String(part)
            return word.split(whereSeparator: { $0 == "-" || $0 == "." }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }
        return method.lowercased() + words.joined()
    }
}
