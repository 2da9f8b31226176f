import EscalatorCore
import EscalatorPersistence
import Vapor

/// Turns every error into a clear answer: JSON for the API, a page for people. Malformed input
/// (bad JSON, a wrong type, a missing field) becomes 400/422 naming the field, never 500.
struct AppErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let appError = Self.appError(for: error, request: request)
            if appError.status == .internalServerError {
                request.logger.report(error: error)
            }
            let response = Self.response(for: appError, request: request)
            if case AppError.tooManyRequests(let seconds) = error {
                response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            } else if appError.status == .serviceUnavailable {
                response.headers.replaceOrAdd(name: .retryAfter, value: "1")
            }
            return response
        }
    }

    struct Mapped {
        var status: HTTPResponseStatus
        var code: String
        var message: String
        var fields: [FieldError]
    }

    static func appError(for error: any Error, request: Request) -> Mapped {
        switch error {
        case let error as AppError:
            return Mapped(status: error.status, code: error.code, message: error.message, fields: error.fields)
        case let error as SealedColumnError:
            // Names the column and the likely cause (a different data key), never the value.
            return Mapped(status: .internalServerError, code: "sealed_data_unreadable", message: error.description, fields: [])
        case is ConnectionPoolTimeoutError:
            // Every database connection stayed busy for the pool's whole wait: the service is overloaded, not broken.
            ServerMetrics.poolTimedOut()
            return Mapped(status: .serviceUnavailable, code: "busy", message: "The service is busy. Please try again in a moment.", fields: [])
        case let error as DecodingError:
            let field = error.fieldPath
            if field.isEmpty, request.headers.contentType?.subType == "json",
               let body = request.body.data.map({ String(buffer: $0) }), let number = OversizedNumbers.field(in: body) {
                let message = "\(number) is too large a number."
                return Mapped(status: .badRequest, code: "bad_request", message: message, fields: [FieldError(number, message)])
            }
            return Mapped(status: .badRequest, code: "bad_request", message: error.plainDescription, fields: field.isEmpty ? [] : [FieldError(field, error.plainDescription)])
        case let error as any AbortError:
            let code: String = switch error.status {
            case .notFound: "not_found"
            case .unauthorized: "unauthorised"
            case .forbidden: "forbidden"
            case .payloadTooLarge: "payload_too_large"
            case .unsupportedMediaType: "unsupported_media_type"
            case .methodNotAllowed: "method_not_allowed"
            default: error.status.code < 500 ? "bad_request" : "internal_error"
            }
            let message = switch error.status {
            case .notFound: "There is nothing at \(request.url.path)."
            case .payloadTooLarge: AppError.payloadTooLarge.message
            default: error.reason
            }
            return Mapped(status: error.status, code: code, message: message, fields: [])
        default:
            return Mapped(status: .internalServerError, code: "internal_error", message: "Something went wrong on our side. It has been logged.", fields: [])
        }
    }

    static func response(for error: Mapped, request: Request) -> Response {
        let response: Response
        if request.wantsJSON {
            response = Response(status: error.status)
            try? response.content.encode(ErrorBody(code: error.code, message: error.message, fields: error.fields))
        } else {
            let viewer = request.auth.get(AuthenticatedUser.self).map { $0.viewer(csrfToken: request.csrfToken) }
            let html = Layout.page(title: title(for: error.status), viewer: viewer) {
                heading(1, title(for: error.status), class: "heading-l")
                paragraph(error.message)
                for field in error.fields { paragraph("\(field.field): \(field.message)") }
                if error.status == .unauthorized { link("Sign in", to: "/sign-in") } else { link("Go to the home page", to: "/") }
            }
            response = Response(status: error.status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: html))
        }
        if error.status == .unauthorized, request.wantsJSON {
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer")
        }
        return response
    }

    static func title(for status: HTTPResponseStatus) -> String {
        switch status {
        case .notFound: "Page not found"
        case .forbidden: "You cannot see this page"
        case .unauthorized: "Sign in to continue"
        case .payloadTooLarge: "What you sent is too large"
        case .tooManyRequests: "Too many attempts"
        case .internalServerError: "Sorry, there is a problem with the service"
        default: "There is a problem with your request"
        }
    }
}

extension Request {
    /// API requests get JSON errors; everything else gets pages.
    var wantsJSON: Bool { url.path.hasPrefix("/api/") || url.path.hasPrefix("/healthz") }
}

extension DecodingError {
    var fieldPath: String {
        let path: [any CodingKey] = switch self {
        case .keyNotFound(let key, let context): context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): context.codingPath
        @unknown default: []
        }
        return path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    var plainDescription: String {
        let field = fieldPath
        switch self {
        case .keyNotFound: return "\(field) is required."
        case .typeMismatch(let type, _): return "\(field.isEmpty ? "The body" : field) must be \(Self.describe(type))."
        case .valueNotFound(let type, _): return "\(field) must be \(Self.describe(type)), not null."
        case .dataCorrupted(let context):
            return field.isEmpty ? "The body is not valid JSON." : "\(field): \(context.debugDescription)"
        @unknown default: return "The body could not be read."
        }
    }

    static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.contains("Int") { return "a whole number" }
        if name.contains("Double") { return "a number" }
        if name.contains("Bool") { return "true or false" }
        if name.contains("String") { return "text" }
        if name.contains("Array") { return "a list" }
        if name.contains("Dictionary") { return "an object" }
        return "a \(name)"
    }
}
