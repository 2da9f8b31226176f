import Vapor

/// The errors the app answers with. Each maps to one HTTP status and one JSON error code;
/// `AppErrorMiddleware` renders them as JSON under `/api` and as a page elsewhere.
public enum AppError: Error, Sendable, Equatable {
    case unauthorised
    case forbidden(String)
    case notFound(String)
    case validation([FieldError])
    case conflict(String)
    case badRequest(String)
    case payloadTooLarge
    /// A path or query parameter that cannot be what it names (an id that is not one, say): 400 naming it.
    case badParameter(String, String)
    /// Too many attempts (sign-in throttling); the answer carries `Retry-After` with this many seconds.
    case tooManyRequests(retryAfter: Int)

    public var status: HTTPResponseStatus {
        switch self {
        case .unauthorised: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .validation: .unprocessableEntity
        case .conflict: .conflict
        case .badRequest: .badRequest
        case .payloadTooLarge: .payloadTooLarge
        case .badParameter: .badRequest
        case .tooManyRequests: .tooManyRequests
        }
    }

    public var code: String {
        switch self {
        case .unauthorised: "unauthorised"
        case .forbidden: "forbidden"
        case .notFound: "not_found"
        case .validation: "validation_failed"
        case .conflict: "conflict"
        case .badRequest: "bad_request"
        case .payloadTooLarge: "payload_too_large"
        case .badParameter: "bad_request"
        case .tooManyRequests: "too_many_requests"
        }
    }

    public var message: String {
        switch self {
        case .unauthorised: "Sign in to use this service."
        case .forbidden(let why): why
        case .notFound(let what): "\(what) was not found."
        case .validation(let errors):
            errors.count == 1 ? errors[0].message : "\(errors.count) fields need attention."
        case .conflict(let why): why
        case .badRequest(let why): why
        case .payloadTooLarge: "The request is too large to accept."
        case .badParameter(_, let message): message
        case .tooManyRequests(let seconds):
            "There have been too many attempts. Wait \(max(1, (seconds + 59) / 60)) minute\(seconds > 60 ? "s" : "") and try again."
        }
    }

    public var fields: [FieldError] {
        switch self {
        case .validation(let errors): errors
        case .badParameter(let name, let message): [FieldError(name, message)]
        default: []
        }
    }

    public static func validation(_ field: String, _ message: String) -> AppError {
        .validation([FieldError(field, message)])
    }
}

/// The JSON error shape: `{"error": {"code", "message", "fields"}}`.
public struct ErrorBody: Content {
    public struct Detail: Content {
        public var code: String
        public var message: String
        public var fields: [FieldError]
    }

    public var error: Detail

    public init(code: String, message: String, fields: [FieldError] = []) {
        error = Detail(code: code, message: message, fields: fields)
    }
}
