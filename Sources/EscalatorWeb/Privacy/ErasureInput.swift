import Vapor

/// An administrator's request to erase a client's personal data: the reason, as a code.
struct ErasureInput: Content, Sendable {
    var reason: String?

    func validate() throws -> ErasureReason {
        var v = Validator()
        let allowed = ErasureReason.onRequest.map(\.rawValue)
        let reason = v.choice(reason, "reason", in: Set(allowed), missing: "Choose why the client's personal data is being erased")
        if reason == nil, Validator.trimmed(self.reason) != nil {
            v = Validator()
            v.fail("reason", "reason must be one of: \(allowed.joined(separator: ", "))")
        }
        try v.throwIfFailed()
        return ErasureReason(rawValue: reason!)!
    }
}
